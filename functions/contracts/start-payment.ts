import { type Contracts, error, seeOther, z } from './contract.ts';
import { paymentState } from './shared.ts';

const fields = {
  code: z.string().optional().describe("An application's confirmation code: pay its fee"),
  bill: z.string().optional().describe("A bill's reference"),
  check: z.string().optional().describe('The plate or ZIP code printed on the bill'),
  payment: z.string().optional().describe('A payment id: try it again'),
};

export default {
  startPayment: {
    request: {
      description: 'What to pay: `code`, or `bill` and `check`, or `payment`. The amount comes from the catalog or the bill',
      required: true,
      json: z.object(fields),
      form: z.object({ ...fields, _idempotency: z.string().optional() }),
    },
    headers: { 'Idempotency-Key': { description: 'Retries with the same key open the same checkout', schema: z.string() } },
    responses: {
      201: {
        description: "A checkout was opened: send the person to `checkoutUrl` (the provider's page)",
        json: z.object({ paymentId: z.string(), state: paymentState, checkoutUrl: z.string(), paymentUrl: z.string() }),
      },
      200: {
        description: 'The open checkout again, or nothing left to pay (no `checkoutUrl`: see the payment)',
        json: z.object({
          paymentId: z.string(),
          state: paymentState,
          checkoutUrl: z.string().optional(),
          paymentUrl: z.string(),
        }),
      },
      303: seeOther("A plain form post: to the provider's checkout, or to the payment's page"),
      404: error('No application, bill or payment matches'),
      409: error('Nothing to pay: no fee, already paid, or the bill was cancelled'),
    },
  },
} satisfies Contracts;
