/** Paying through the local front door and its sandbox, over real HTTP, for the payment tests. */
import { expect } from 'vitest';
import { stripeEvent, stripeSignature, WEBHOOK_PATH } from '../../local/payment-sandbox-webhooks.ts';
import { birthCertificateAnswers } from './form-answers.ts';
import type { TestPortal } from './portal.ts';

export const BIRTH_CERTIFICATE_ANSWERS = birthCertificateAnswers();

export const CARDS = { pays: '4242 4242 4242 4242', declined: '4000 0000 0000 0002', delayed: '4000 0000 0000 0077' };

export function paymentHelpers(portal: () => TestPortal) {
  const url = (path: string) => portal().url + path;

  /** A birth certificate application ($25.00 fee in the catalog); answers its confirmation code. */
  async function apply(formId = 'birth-certificate-request', answers: unknown = BIRTH_CERTIFICATE_ANSWERS): Promise<string> {
    const response = await fetch(url(`/api/forms/${formId}/submissions`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ answers }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { code: string }).code;
  }

  /** POST /api/payments as a script would (JSON). */
  async function pay(body: Record<string, string>, headers: Record<string, string> = {}) {
    const response = await fetch(url('/api/payments'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** Pays on the sandbox's hosted page (a plain form post); answers where the sandbox sends the person. */
  async function payInSandbox(checkoutUrl: string, card: string): Promise<string> {
    const response = await fetch(checkoutUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ card, expiry: '12/40', cvc: '123' }).toString(),
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    return response.headers.get('location') ?? '';
  }

  async function payment(paymentId: string) {
    const response = await fetch(url(`/api/payments/${paymentId}`), { headers: { accept: 'application/json' } });
    expect(response.status).toBe(200);
    return (await response.json()) as { state: string; refunded: number; history: { kind: string; amount?: number }[] };
  }

  /** Sends a webhook as the provider would: the body's exact bytes, signed (or as the test says). */
  async function sendWebhook(payload: string, signature = stripeSignature(payload, portal().paymentSandbox.webhookSecret)) {
    const response = await fetch(url(WEBHOOK_PATH), {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
      body: payload,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** The sandbox's Checkout Session behind a payment (what Stripe would put in its events). */
  function session(checkoutUrl: string) {
    const id = checkoutUrl.split('/').pop();
    const found = portal()
      .paymentSandbox.sessions()
      .find((candidate) => candidate.id === id);
    if (!found) throw new Error(`No sandbox session for ${checkoutUrl}`);
    const { _description: _d, _intentMetadata: _m, ...rest } = found;
    return rest;
  }

  /** A Stripe event about a session, as the provider would word it. */
  function sessionEvent(
    type: string,
    checkoutUrl: string,
    changes: Record<string, unknown> = {},
  ): { id: string; payload: string } {
    const event = stripeEvent(type, { ...session(checkoutUrl), payment_intent: 'pi_test_1', ...changes });
    return { id: event.id, payload: JSON.stringify(event, null, 2) };
  }

  return { apply, pay, payInSandbox, payment, sendWebhook, session, sessionEvent };
}
