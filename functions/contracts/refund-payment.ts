import { caseForm } from './case-change.ts';
import { type Contracts, cents, error, timestamp, z } from './contract.ts';
import { paymentState } from './shared.ts';

const fields = {
  amount: z.union([z.number().int(), z.string()]).optional().describe('In cents; all that is left when absent'),
  reason: z.string().optional(),
};

const answer = z.object({
  refund: z.object({ id: z.string(), amount: cents, state: z.string(), requestedAt: timestamp }),
  payment: z.object({ id: z.string(), state: paymentState, amount: cents, refunded: cents, currency: z.string() }),
  paymentUrl: z.string(),
});

export default {
  refundPayment: {
    request: {
      description: 'How much to refund (cents; all that is left when absent) and why',
      json: z.object(fields),
      form: z.object({ amount: z.string().optional(), reason: z.string().optional() }),
    },
    headers: { 'Idempotency-Key': { description: 'A retry with the same key makes no second refund', schema: z.string() } },
    responses: {
      201: {
        description: 'The refund was asked for',
        json: answer,
      },
      200: {
        description: 'A repeat of a refund already asked for (same Idempotency-Key): the first answer',
        json: answer,
        headers: { 'idempotent-replayed': '`true`' },
      },
      404: error("No payment has that id (or it is not your agency's)"),
      409: error('Not refundable, or more than is left'),
    },
  },
  refundPaymentForm: caseForm(
    z.object({
      amount: z.string().optional(),
      reason: z.string().optional(),
      _csrf: z.string().describe("The workspace page's CSRF token"),
    }),
    'How much to refund (dollars and cents; all that is left when empty) and why',
    "No such case in the caller's agency, or no such payment of it",
  ),
} satisfies Contracts;
