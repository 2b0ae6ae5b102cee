/**
 * The payment provider down or busy: a checkout asked for gets a 503 the person can act on, never a 500 or the
 * gateway's timeout. The real Stripe SDK, pointed at a port nobody listens on and at a server answering 500 / 429.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { PROVIDER_TIMEOUT_MS, stripePaymentProvider } from '#adapters/stripe-payment-provider';
import { ServiceUnavailableError } from '#shared/errors';
import { freePort } from '../../../local/dynamodb-local.ts';

const secret = async () => ({ apiKey: 'sk_test_local', webhookSecret: 'whsec_local' });
const request = {
  paymentId: 'ABCD-EFGH-JKMN',
  amount: 2500,
  currency: 'USD',
  description: 'Birth certificate',
  locale: 'en' as const,
  successUrl: 'http://localhost/ok',
  cancelUrl: 'http://localhost/cancel',
  expiresAt: new Date('2026-12-01T12:00:00Z'),
  idempotencyKey: 'checkout-ABCD-EFGH-JKMN',
};

let status = 500;
const calls: string[] = [];
const server = createServer((req, res) => {
  calls.push(String(req.headers['idempotency-key']));
  res
    .writeHead(status, { 'content-type': 'application/json' })
    .end(JSON.stringify({ error: { type: 'api_error', message: 'down' } }));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const failing = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function refusal(apiUrl: string) {
  const provider = stripePaymentProvider({ name: 'stripe', secret, apiUrl });
  try {
    await provider.createCheckout(request);
  } catch (error) {
    return error;
  }
  throw new Error('the checkout was made');
}

describe('a checkout when the payment provider is down', () => {
  it('is a 503 that says nothing was charged and the application is kept, when nobody answers', async () => {
    const error = await refusal(`http://127.0.0.1:${await freePort()}`);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).toMatchObject({ statusCode: 503, messageKey: 'error.paymentUnavailable' });
  });

  it('is the same 503 when the provider fails on its side (after one retry with the same key) or throttles', async () => {
    for (const [answer, tries] of [
      [500, 2],
      [503, 2],
      [429, 1],
    ] as const) {
      status = answer;
      calls.length = 0;
      expect(await refusal(failing), String(answer)).toMatchObject({ messageKey: 'error.paymentUnavailable' });
      expect(calls, String(answer)).toEqual(Array(tries).fill(request.idempotencyKey));
    }
  });

  it('is not a 503 when the provider refuses the request itself (a 400 is our mistake, and alarms as a 500)', async () => {
    status = 400;
    const error = await refusal(failing);
    expect(error).not.toBeInstanceOf(ServiceUnavailableError);
  });

  it('gives up in time: two tries of at most 3 s each end inside the function’s 10 s', () => {
    expect(2 * PROVIDER_TIMEOUT_MS).toBeLessThan(10_000 - 2000);
  });
});
