/** How Stripe's events read in the portal's terms (the SDK's verification itself runs in the integration tests). */
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { toWebhookOutcome } from '#adapters/stripe-payment-provider';
import { parseStripeForm } from '../../../local/payment-sandbox-stripe-api.ts';
import { stripeEvent } from '../../../local/payment-sandbox-webhooks.ts';

const session = {
  id: 'cs_test_1',
  object: 'checkout.session',
  client_reference_id: 'ABCD-EFGH-JKMN',
  metadata: { paymentId: 'ABCD-EFGH-JKMN' },
  payment_intent: 'pi_1',
  amount_total: 2500,
  currency: 'usd',
  status: 'complete',
  payment_status: 'paid',
};
const outcome = (type: string, object: unknown) => toWebhookOutcome(stripeEvent(type, object) as unknown as Stripe.Event);

describe('Stripe events in the portal terms', () => {
  it('reads a completed, paid checkout as "succeeded", with the amount and currency to check', () => {
    expect(outcome('checkout.session.completed', session)).toMatchObject({
      kind: 'event',
      event: {
        kind: 'succeeded',
        paymentId: 'ABCD-EFGH-JKMN',
        checkoutReference: 'cs_test_1',
        paymentReference: 'pi_1',
        amount: 2500,
        currency: 'USD',
      },
    });
  });

  it('reads a completed checkout still unpaid as "processing", and its later outcomes', () => {
    expect(outcome('checkout.session.completed', { ...session, payment_status: 'unpaid' })).toMatchObject({
      event: { kind: 'processing' },
    });
    expect(outcome('checkout.session.async_payment_succeeded', session)).toMatchObject({ event: { kind: 'succeeded' } });
    expect(outcome('checkout.session.async_payment_failed', session)).toMatchObject({ event: { kind: 'failed' } });
    expect(outcome('checkout.session.expired', { ...session, status: 'expired' })).toMatchObject({ event: { kind: 'expired' } });
  });

  it('reads a declined card on a tagged PaymentIntent as "attempt-failed"', () => {
    const intent = { id: 'pi_1', object: 'payment_intent', metadata: { paymentId: 'ABCD-EFGH-JKMN' } };
    expect(outcome('payment_intent.payment_failed', intent)).toMatchObject({
      event: { kind: 'attempt-failed', paymentId: 'ABCD-EFGH-JKMN', paymentReference: 'pi_1' },
    });
    expect(outcome('payment_intent.payment_failed', { ...intent, metadata: {} })).toMatchObject({ kind: 'ignored' });
  });

  it('acknowledges and ignores everything else', () => {
    expect(outcome('customer.created', { id: 'cus_1', object: 'customer' })).toMatchObject({
      kind: 'ignored',
      type: 'customer.created',
    });
  });
});

describe("the sandbox's reading of Stripe's form encoding", () => {
  it('rebuilds nested objects and arrays', () => {
    const body = 'mode=payment&line_items[0][quantity]=1&line_items[0][price_data][unit_amount]=2500&metadata[paymentId]=X';
    expect(parseStripeForm(body)).toEqual({
      mode: 'payment',
      line_items: [{ quantity: '1', price_data: { unit_amount: '2500' } }],
      metadata: { paymentId: 'X' },
    });
  });
});
