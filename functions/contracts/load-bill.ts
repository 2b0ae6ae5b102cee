import { type Contracts, cents, error, z } from './contract.ts';
import { localized } from './shared.ts';

export default {
  loadBill: {
    request: {
      description: 'The bill (the reference is in the path)',
      required: true,
      json: z.object({
        agency: z.string().describe('The agency id, like `motor-vehicles`'),
        description: localized,
        amount: cents,
        currency: z.literal('USD'),
        check: z.string().describe('The plate or ZIP code printed on the bill'),
        refundable: z.boolean(),
        dueOn: z.string().optional().describe('A date like 2026-12-31'),
        cancelled: z.boolean().optional(),
      }),
    },
    responses: {
      200: {
        description: 'Saved (the same bill again changes nothing)',
        json: z.object({ reference: z.string(), amount: cents, currency: z.string(), saved: z.literal(true) }),
      },
      409: error('Someone may have paid this bill: it cannot change'),
      422: error('The bill has problems: the message lists each'),
    },
  },
} satisfies Contracts;
