/**
 * Deadline day without JavaScript, in real Chromium (decision 0129). A person sends the site's own Spanish form,
 * and API Gateway's throttle refuses it. The site (web/dist) is served by a stand-in for CloudFront with the
 * distribution's response headers (the CSP among them). Its /api/* origin is the gateway as it throttles:
 * `429 {"message":"Too Many Requests"}`. Each API answer goes through the busy page, called with CloudFront's
 * origin-response event the way Lambda@Edge calls it. The person sees a page in Spanish first, with 429 and
 * Retry-After; axe finds nothing on it; it fits 320 px. The gateway's own 500 (a function it could not run) is the
 * portal's 503 page. A script that asks for JSON still gets JSON.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../web/security-headers.ts';
import { expectNoAxeViolations, launchBrowser } from '../support/browser.ts';

const SITE = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const BUSY_PAGE = new URL('../../infra/edge/busy-page/index.mjs', import.meta.url);
const GATEWAY_THROTTLE = '{"message":"Too Many Requests"}';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

type EdgeHeaders = Record<string, { key: string; value: string }[]>;
interface OriginResponse {
  status: string;
  statusDescription?: string;
  headers: EdgeHeaders;
  body?: string;
}
type Handler = (event: unknown) => Promise<OriginResponse>;

let server: Server;
let origin: string;
let browser: Browser;
/** What the stand-in gateway answers: its throttle, or (set by a test) its own 5xx when it cannot run a function. */
let gateway: { status: string; body: string } = { status: '429', body: GATEWAY_THROTTLE };
/** How many requests reached the stand-in gateway, and what they were. */
const posted: { method: string; url: string; contentType: string }[] = [];

const edgeHeaders = (headers: IncomingMessage['headers']): EdgeHeaders =>
  Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, [value].flat().map((v) => ({ key: name, value: String(v) }))]),
  );

async function throttledApi(req: IncomingMessage, handler: Handler) {
  for await (const _chunk of req);
  posted.push({ method: req.method ?? '', url: req.url ?? '', contentType: req.headers['content-type'] ?? '' });
  const [uri = '', querystring = ''] = (req.url ?? '').split('?');
  const response: OriginResponse = {
    status: gateway.status,
    headers: edgeHeaders({ 'content-type': 'application/json', 'content-length': String(gateway.body.length) }),
  };
  const event = {
    Records: [
      {
        cf: {
          config: { distributionId: 'EDFDVBD6EXAMPLE', eventType: 'origin-response', requestId: 'r' },
          request: { clientIp: '127.0.0.1', method: req.method, uri, querystring, headers: edgeHeaders(req.headers) },
          response,
        },
      },
    ],
  };
  const answer = await handler(event);
  const headers = Object.fromEntries(
    Object.entries(answer.headers).map(([name, values]) => [name, values.map((v) => v.value).join(', ')]),
  );
  return { status: Number(answer.status), headers, body: answer.body ?? gateway.body };
}

async function siteFile(url: string) {
  const path = decodeURIComponent(url.split('?')[0] ?? '/');
  const file = normalize(join(SITE, path.endsWith('/') ? `${path}index.html` : path));
  if (!file.startsWith(SITE)) return { status: 404, headers: {}, body: 'not found' };
  try {
    const body = await readFile(file);
    return { status: 200, headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }, body };
  } catch {
    return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
  }
}

beforeAll(async () => {
  const { handler } = (await import(BUSY_PAGE.href)) as { handler: Handler };
  server = createServer(async (req, res) => {
    const answer = (req.url ?? '').startsWith('/api/') ? await throttledApi(req, handler) : await siteFile(req.url ?? '/');
    // The distribution's response headers policy is on every behaviour, /api/* too.
    res.writeHead(answer.status, { ...answer.headers, ...SECURITY_HEADERS });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('API Gateway answers a form sent without JavaScript itself', () => {
  it('answers the Spanish form with a plain page in Spanish first, 429 and Retry-After, that axe passes at 320 px', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${origin}/es/services/death-certificate/apply/`);
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.url().includes('/api/forms/')),
      page.getByRole('button', { name: 'Enviar solicitud' }).click(),
    ]);
    // It really was a plain form post that the gateway refused.
    expect(posted.at(-1)).toMatchObject({ method: 'POST', contentType: 'application/x-www-form-urlencoded' });
    expect(posted.at(-1)?.url).toContain('lang=es');
    expect(answer.status()).toBe(429);
    expect(answer.headers()['retry-after']).toBe('60');
    expect(answer.headers()['content-type']).toBe('text/html; charset=utf-8');
    await page.waitForLoadState();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect(await page.title()).toBe('Hay demasiadas personas enviando en este momento');
    await page.getByRole('heading', { level: 1, name: 'Hay demasiadas personas enviando en este momento' }).waitFor();
    expect(await page.getByText('Espere un minuto').count()).toBe(1);
    // The other language follows, marked as English for screen readers.
    expect(await page.locator('section[lang="en"] h2').textContent()).toBe('Too many people are sending right now');
    expect(await page.locator('body').textContent()).not.toContain('Too Many Requests"');
    // Usable at 320 px: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // Its home link goes to the Spanish home page.
    expect(await page.getByRole('link', { name: 'Ir a la página principal' }).getAttribute('href')).toBe('/es/');
    // axe runs as a script: the same page, in a context where scripts run (the page itself has none).
    const html = await page.content();
    const probeContext = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const probe = await probeContext.newPage();
    await probe.route(`${origin}/busy-probe`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
    await probe.goto(`${origin}/busy-probe`);
    await expectNoAxeViolations(probe);
    // And on a laptop.
    await probe.setViewportSize({ width: 1280, height: 800 });
    await expectNoAxeViolations(probe);
    await probeContext.close();
    await context.close();
  }, 60_000);

  it('answers an English form in English first', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/services/death-certificate/apply/`);
    await Promise.all([
      page.waitForResponse((response) => response.url().includes('/api/forms/')),
      page.getByRole('button', { name: 'Send application' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Too many people are sending right now' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  }, 60_000);

  it("shows the gateway's own 500 (a function it could not run) as the portal's 503 page, in Spanish first", async () => {
    gateway = { status: '500', body: '{"message":"Internal Server Error"}' };
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
      const page = await context.newPage();
      await page.goto(`${origin}/es/services/death-certificate/apply/`);
      const [answer] = await Promise.all([
        page.waitForResponse((response) => response.url().includes('/api/forms/')),
        page.getByRole('button', { name: 'Enviar solicitud' }).click(),
      ]);
      expect(answer.status()).toBe(503);
      expect(answer.headers()['retry-after']).toBe('60');
      await page.getByRole('heading', { level: 1, name: 'Vuelva a intentarlo en un minuto' }).waitFor();
      expect(await page.locator('section[lang="en"] h2').textContent()).toBe('Please try again in a minute');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await context.close();
    } finally {
      gateway = { status: '429', body: GATEWAY_THROTTLE };
    }
  }, 60_000);

  it("keeps the gateway's JSON, with Retry-After, for a script that asks for JSON", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/es/`);
    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/forms/birth-certificate-request/submissions?lang=es', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: '{}',
      });
      return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() };
    });
    expect(answer).toEqual({ status: 429, retryAfter: '60', body: GATEWAY_THROTTLE });
    await context.close();
  }, 60_000);
});
