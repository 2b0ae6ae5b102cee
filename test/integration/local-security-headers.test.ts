/**
 * Every kind of answer the local front door gives carries the site's security headers (web/security-headers.ts):
 * the built pages and the API, and also the sign-in pages and endpoints under /auth and the payment sandbox's
 * pages and API — a persona picker or a checkout page that can be framed is a clickjacking target.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CLIENT_ID } from '../../local/identity/issuer.ts';
import { CONTENT_SECURITY_POLICY, withUploadOrigin } from '../../web/security-headers.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { rawRequest } from '../support/raw-http.ts';
import { CookieJar, fetchWithJar, pkcePair } from '../support/sign-in.ts';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.close();
});

function expectSiteHeaders(headers: Headers, what: string, site: 'portal' | 'sandbox' = 'portal') {
  // The portal's answers allow the local S3's origin for uploads, as infra allows the bucket's (decision 0110); the
  // payment sandbox's own pages stand in for another site and keep the plain policy.
  const csp = withUploadOrigin({ 'content-security-policy': CONTENT_SECURITY_POLICY }, portal.uploads.endpoint);
  expect(headers.get('content-security-policy'), what).toBe(
    site === 'portal' ? csp['content-security-policy'] : CONTENT_SECURITY_POLICY,
  );
  expect(headers.get('content-security-policy'), what).toContain("frame-ancestors 'none'");
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
}

/** An authorization request, as the site's sign-in link makes it; answers the interaction page's URL. */
async function startSignIn(jar: CookieJar) {
  const url = new URL(`${portal.url}/auth/oauth2/authorize`);
  url.search = new URLSearchParams({
    client_id: LOCAL_CLIENT_ID,
    response_type: 'code',
    redirect_uri: `${portal.url}/auth/callback/`,
    scope: 'openid email profile',
    state: randomBytes(8).toString('hex'),
    nonce: randomBytes(8).toString('hex'),
    code_challenge: pkcePair().challenge,
    code_challenge_method: 'S256',
  }).toString();
  const authorize = await fetchWithJar(jar, url.href);
  return { authorize, interaction: new URL(authorize.headers.get('location') ?? '', url).href };
}

async function createCheckout() {
  const response = await fetch(`${portal.url}/v1/checkout/sessions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${portal.paymentSandbox.apiKey}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      mode: 'payment',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'usd',
      'line_items[0][price_data][unit_amount]': '2500',
      'line_items[0][price_data][product_data][name]': 'Birth certificate',
      success_url: `${portal.url}/paid`,
      cancel_url: `${portal.url}/cancelled`,
    }).toString(),
  });
  return { response, session: (await response.clone().json()) as { url: string } };
}

describe('the security headers', () => {
  it('are on the built site and the API', async () => {
    for (const path of ['/', '/services/', '/no-such-page/', '/api/health', '/api/no-such-route', '/config.json'])
      expectSiteHeaders((await fetch(`${portal.url}${path}`)).headers, path);
  });

  it("are on the issuer's endpoints: discovery, keys, token errors", async () => {
    for (const path of ['/auth/.well-known/openid-configuration', '/auth/.well-known/jwks.json'])
      expectSiteHeaders((await fetch(`${portal.url}${path}`)).headers, path);
    const token = await fetch(`${portal.url}/auth/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=authorization_code&code=nope',
    });
    expect(token.status).toBe(400);
    expectSiteHeaders(token.headers, 'token error');
  });

  it('are on the sign-in redirect, the chooser and the persona picker', async () => {
    const jar = new CookieJar();
    const { authorize, interaction } = await startSignIn(jar);
    expectSiteHeaders(authorize.headers, 'authorize redirect');
    const chooser = await fetchWithJar(jar, interaction);
    expect(await chooser.text()).toContain('Sign in with');
    expectSiteHeaders(chooser.headers, 'chooser');
    const picker = await fetchWithJar(jar, `${interaction}?idp=LoginGov`);
    expect(await picker.text()).toContain('Ana Rivera');
    expectSiteHeaders(picker.headers, 'persona picker');
  });

  it("are on the issuer's error pages", async () => {
    const logout = await fetch(`${portal.url}/auth/logout?client_id=nope`);
    expect(logout.status).toBe(400);
    expectSiteHeaders(logout.headers, 'logout error');
    const authorize = await fetch(`${portal.url}/auth/oauth2/authorize?client_id=nope`);
    expect(authorize.status).toBe(400);
    expectSiteHeaders(authorize.headers, 'authorize error');
  });

  it("are on the sandbox's hosted checkout page, its 404 and its Stripe-shaped API", async () => {
    const { response, session } = await createCheckout();
    expect(response.status).toBe(200);
    expectSiteHeaders(response.headers, 'create session');
    const page = await fetch(session.url);
    expect(await page.text()).toContain('Card number');
    expectSiteHeaders(page.headers, 'checkout page', 'sandbox');
    expectSiteHeaders((await fetch(`${portal.url}/sandbox/checkout/cs_test_nope`)).headers, 'checkout 404', 'sandbox');
    expectSiteHeaders((await fetch(`${portal.url}/v1/refunds`, { method: 'POST' })).headers, 'API 401');
  });

  it('are on the answer to a malformed request', async () => {
    const response = await rawRequest(portal.url, 'GET //[ HTTP/1.1\r\nHost: localhost');
    expect(response.status).toBe(400);
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
