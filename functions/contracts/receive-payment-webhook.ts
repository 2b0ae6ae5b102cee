import { type Contracts, error, z } from './contract.ts';

export default {
  receivePaymentWebhook: {
    request: {
      description: "The provider's signed event, exactly as sent (the signature is checked over these bytes)",
      required: true,
      json: z.record(z.string(), z.unknown()),
    },
    headers: {
      'Stripe-Signature': { description: "The provider's signature (sandbox and Stripe)", schema: z.string() },
    },
    responses: {
      200: {
        description: 'Taken (or ignored, or already seen): the provider must not send it again',
        json: z.object({ received: z.literal(true), outcome: z.string() }),
      },
      422: error('The amount paid is not the amount asked for: refused and alarmed'),
    },
  },
} satisfies Contracts;
