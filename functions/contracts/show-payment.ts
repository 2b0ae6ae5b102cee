import { type Contracts, cents, error, timestamp, z } from './contract.ts';
import { localized, paymentSubject, paymentSummary } from './shared.ts';

const publicPayment = paymentSummary
  .extend({
    description: localized,
    subject: paymentSubject,
    createdAt: timestamp,
    paidAt: timestamp.optional(),
    history: z.array(
      z.object({
        at: timestamp,
        kind: z.enum(['started', 'declined', 'processing', 'paid', 'failed', 'expired', 'refunded']),
        amount: cents.optional(),
      }),
    ),
  })
  .meta({ id: 'Payment', description: 'What anyone holding the id may see: no personal data, no card data' });

export default {
  showPayment: {
    query: {
      from: { description: "Set by the provider's return links: `checkout` or `cancel`", schema: z.string() },
      lang: { description: '`en` or `es`', schema: z.enum(['en', 'es']) },
    },
    responses: {
      200: { description: 'The payment: the receipt once paid (an HTML page for browsers)', json: publicPayment, html: true },
      404: error('No payment has that id'),
    },
  },
} satisfies Contracts;
