import { type Contracts, cents, error, z } from './contract.ts';
import { localized, paymentSummary } from './shared.ts';

export default {
  findBill: {
    request: {
      description: 'The reference and the plate or ZIP code printed on the bill',
      required: true,
      json: z.object({ reference: z.string().optional(), bill: z.string().optional(), check: z.string().optional() }),
      form: z.object({ bill: z.string().optional(), check: z.string().optional() }),
    },
    responses: {
      200: {
        description: 'The bill, with what it costs (an HTML page with its "Pay" button for a form post)',
        json: z.object({
          reference: z.string(),
          description: localized,
          amount: cents,
          currency: z.string(),
          dueOn: z.string().optional(),
          payment: paymentSummary.optional(),
        }),
        html: true,
      },
      404: error('No bill matches that reference and plate or ZIP code'),
    },
  },
} satisfies Contracts;
