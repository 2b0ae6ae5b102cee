/**
 * Request bodies over what an address accepts, sent to the real local front door: each is refused with a 413 in
 * plain words, never cut short and used anyway (the sandbox's checkout once kept the first 10 kB and paid).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CLIENT_ID } from '../../local/identity/issuer.ts';
import { CARDS, paymentHelpers } from '../support/payments.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { CookieJar, fetchWithJar, pkcePair } from '../support/sign-in.ts';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.close();
});

const { apply, pay } = paymentHelpers(() => portal);

async function openCheckout(): Promise<string> {
  const code = await apply();
  const started = await pay({ code });
  expect(started.status).toBe(201);
  return String(started.body.checkoutUrl);
}

describe('a body over the limit', () => {
  it("on the sandbox's checkout page: 413, and the payment is not made", async () => {
    const checkoutUrl = await openCheckout();
    const form = new URLSearchParams({ card: CARDS.pays, expiry: '12/40', cvc: '123', padding: 'x'.repeat(12_000) });
    const response = await fetch(checkoutUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: form.toString(),
      redirect: 'manual',
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('The request is larger than this address accepts (10 kB at most).');
    const session = portal.paymentSandbox.sessions().find((s) => s.url === checkoutUrl);
    expect(session?.status).toBe('open');
  });

  it("on the sandbox's checkout page, just under the limit, is read whole", async () => {
    const checkoutUrl = await openCheckout();
    // The card number last: a reader that dropped data past a limit would lose it.
    const form = `padding=${'x'.repeat(9_000)}&expiry=12%2F40&cvc=123&card=${encodeURIComponent(CARDS.pays)}`;
    const response = await fetch(checkoutUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
  });

  it("on the sandbox's Stripe-shaped API: 413", async () => {
    const response = await fetch(`${portal.url}/v1/checkout/sessions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${portal.paymentSandbox.apiKey}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: `mode=payment&metadata[padding]=${'x'.repeat(300 * 1024)}`,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: 'The request is larger than this address accepts (256 kB at most).' });
  });

  it('on the sign-in persona picker: 413 (it used to drop the connection)', async () => {
    const jar = new CookieJar();
    const authorize = new URL(`${portal.url}/auth/oauth2/authorize`);
    authorize.search = new URLSearchParams({
      client_id: LOCAL_CLIENT_ID,
      response_type: 'code',
      redirect_uri: `${portal.url}/auth/callback/`,
      scope: 'openid email profile',
      state: 'big',
      nonce: 'big',
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
      identity_provider: 'LoginGov',
    }).toString();
    const redirect = await fetchWithJar(jar, authorize.href);
    const interaction = new URL(redirect.headers.get('location') ?? '', authorize).href;
    expect((await fetchWithJar(jar, interaction)).status).toBe(200);
    const response = await fetchWithJar(jar, interaction, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: `persona=ben.okafor&idp=LoginGov&padding=${'x'.repeat(20_000)}`,
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('(16 kB at most)');
  });
});
