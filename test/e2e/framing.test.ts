/**
 * Clickjacking, in real Chromium: a page on another origin frames the local sign-in's persona picker and the
 * sandbox's checkout page, and Chromium refuses to show either (frame-ancestors 'none', X-Frame-Options DENY).
 * A page of the attacker's own, framed the same way, does show: the check can see a frame that loads.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CLIENT_ID } from '../../local/identity/issuer.ts';
import { launchBrowser } from '../support/browser.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { pkcePair } from '../support/sign-in.ts';

let portal: TestPortal;
let browser: Browser;
let attacker: Server;
let attackerUrl: string;
/** What the attacker's page frames, set by each test. */
let framed = '';

beforeAll(async () => {
  [portal, browser] = await Promise.all([startTestPortal(), launchBrowser()]);
  attacker = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      req.url === '/own'
        ? '<!doctype html><title>Own</title><p>The attacker’s own page</p>'
        : `<!doctype html><title>Win a prize</title><iframe src="${framed}" width="800" height="600"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  // Another port is another origin, as another host would be.
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await new Promise((resolve) => attacker?.close(resolve));
});

/** The framed page's text, once Chromium has loaded (or refused) it. */
async function framedText(src: string): Promise<string> {
  framed = src;
  const page = await browser.newPage();
  await page.goto(`${attackerUrl}/`);
  await page.waitForLoadState('load');
  const frame = page.frames().find((f) => f !== page.mainFrame()) as Frame;
  const text = frame.url().startsWith('chrome-error:')
    ? ''
    : ((await frame.locator('body').textContent({ timeout: 2_000 })) ?? '');
  await page.close();
  return text;
}

describe('a page on another origin', () => {
  it('can frame a page that allows it (the check sees a frame that loads)', async () => {
    expect(await framedText(`${attackerUrl}/own`)).toContain('The attacker’s own page');
  });

  it('cannot show the sign-in persona picker in a frame', async () => {
    const authorize = new URL(`${portal.url}/auth/oauth2/authorize`);
    authorize.search = new URLSearchParams({
      client_id: LOCAL_CLIENT_ID,
      response_type: 'code',
      redirect_uri: `${portal.url}/auth/callback/`,
      scope: 'openid email profile',
      state: 'framed',
      nonce: 'framed',
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
      identity_provider: 'LoginGov',
    }).toString();
    expect(await framedText(authorize.href)).not.toContain('Ana Rivera');
  });

  it("cannot show the sandbox's checkout page in a frame", async () => {
    const response = await fetch(`${portal.url}/v1/checkout/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${portal.paymentSandbox.apiKey}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        mode: 'payment',
        'line_items[0][price_data][currency]': 'usd',
        'line_items[0][price_data][unit_amount]': '2500',
        'line_items[0][price_data][product_data][name]': 'Birth certificate',
        success_url: `${portal.url}/paid`,
        cancel_url: `${portal.url}/cancelled`,
      }).toString(),
    });
    const { url } = (await response.json()) as { url: string };
    expect(await framedText(url)).not.toContain('Card number');
  });
});
