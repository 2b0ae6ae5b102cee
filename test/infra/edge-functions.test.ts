/** The CloudFront Functions, run as CloudFront runs them: the file's top-level `handler(event)`. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Field = { value: string; multiValue?: { value: string }[] };
interface EdgeRequest {
  uri: string;
  querystring: Record<string, Field>;
  headers: Record<string, Field>;
  cookies?: Record<string, Field>;
}
type EdgeResult = EdgeRequest | { statusCode: number; headers: Record<string, Field> };

function load(file: string): (event: { request: EdgeRequest }) => EdgeResult {
  const code = readFileSync(new URL(`../../infra/edge/${file}`, import.meta.url), 'utf8');
  return new Function(`${code}\nreturn handler;`)();
}
const request = (uri: string, querystring: Record<string, Field> = {}, headers: Record<string, Field> = {}) => ({
  request: { uri, querystring, headers },
});

describe('site paths (viewer request on the site)', () => {
  const handler = load('site-paths.js');

  it('serves a folder from its index.html, as the local server does', () => {
    expect(handler(request('/services/birth-certificate/'))).toMatchObject({ uri: '/services/birth-certificate/index.html' });
    expect(handler(request('/'))).toMatchObject({ uri: '/index.html' });
  });

  it('leaves files alone', () => {
    expect(handler(request('/_astro/Layout.css'))).toMatchObject({ uri: '/_astro/Layout.css' });
  });

  it('sends a path without its trailing slash to the folder, keeping the query', () => {
    expect(handler(request('/es/services'))).toEqual({
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: '/es/services/' } },
    });
    const redirect = handler(
      request('/status', {
        code: { value: 'K7M-4P2-XQ9' },
        lang: { value: 'es', multiValue: [{ value: 'es' }, { value: 'en' }] },
      }),
    );
    expect(redirect).toMatchObject({
      statusCode: 301,
      headers: { location: { value: '/status/?code=K7M-4P2-XQ9&lang=es&lang=en' } },
    });
  });
});

describe('the language at / (viewer request on the site)', () => {
  const handler = load('site-paths.js');
  const at = (uri: string, options: { accept?: string; cookie?: string; query?: Record<string, Field> } = {}) =>
    handler({
      request: {
        ...request(uri, options.query ?? {}, options.accept ? { 'accept-language': { value: options.accept } } : {}).request,
        ...(options.cookie && { cookies: { lang: { value: options.cookie } } }),
      },
    });

  it('sends a browser that asks for Spanish to the Spanish home page', () => {
    expect(at('/', { accept: 'es-MX,es;q=0.9,en;q=0.8' })).toMatchObject({
      statusCode: 302,
      headers: { location: { value: '/es/' } },
    });
  });

  it('reads the weights, not only the order, and ignores languages the site does not have', () => {
    expect(at('/', { accept: 'fr-CA, es;q=0.5, en;q=0.7' })).toMatchObject({ uri: '/index.html' });
    expect(at('/', { accept: 'fr-CA, de, es;q=0.2' })).toMatchObject({ statusCode: 302 });
    expect(at('/', { accept: 'fr-CA' })).toMatchObject({ uri: '/index.html' });
    expect(at('/', { accept: 'es;q=0' })).toMatchObject({ uri: '/index.html' });
    expect(at('/')).toMatchObject({ uri: '/index.html' });
  });

  it('remembers an explicit choice in a cookie, and the choice beats the browser', () => {
    const chosen = at('/', { accept: 'es', query: { lang: { value: 'en' } } });
    expect(chosen).toMatchObject({
      statusCode: 302,
      headers: { location: { value: '/' } },
      cookies: { lang: { value: 'en', attributes: expect.stringContaining('Max-Age=31536000') } },
    });
    expect(at('/', { accept: 'es', cookie: 'en' })).toMatchObject({ uri: '/index.html' });
    expect(at('/', { accept: 'en', cookie: 'es' })).toMatchObject({ statusCode: 302, headers: { location: { value: '/es/' } } });
  });

  it('takes a choice on any page, keeps its other query parameters, and leaves pages other than / alone', () => {
    expect(at('/es/services/birth-certificate/', { query: { lang: { value: 'es' }, q: { value: 'acta' } } })).toMatchObject({
      statusCode: 302,
      headers: { location: { value: '/es/services/birth-certificate/?q=acta' } },
    });
    expect(at('/services/birth-certificate/', { accept: 'es' })).toMatchObject({
      uri: '/services/birth-certificate/index.html',
    });
    // A language the site does not have is no choice.
    expect(at('/', { query: { lang: { value: 'xx' } } })).toMatchObject({ uri: '/index.html' });
  });

  it('knows the same languages as the catalog', async () => {
    const { LOCALES, DEFAULT_LOCALE } = await import('#catalog/locales');
    const code = readFileSync(new URL('../../infra/edge/site-paths.js', import.meta.url), 'utf8');
    expect(code).toContain(`const LOCALES = ${JSON.stringify(LOCALES).replaceAll('"', "'").replaceAll(',', ', ')};`);
    expect(code).toContain(`const DEFAULT_LOCALE = '${DEFAULT_LOCALE}';`);
  });
});

describe('site paths, sent hostile URIs', () => {
  const handler = load('site-paths.js');
  const origin = 'https://portal.example.gov';
  // Each would be another host if it reached a Location header as it came: browsers read `//x`, `/\x` and
  // `\\x` as "host x", skip tabs and newlines anywhere, and treat %2E and U+3002 (。) in a host as a dot.
  const hostile = [
    '//evil%2Eexample',
    '//evil%E3%80%82example',
    '//evil',
    '///evil',
    '////evil/path',
    '/\\evil',
    '/\\/evil',
    '\\\\evil',
    '/\t/evil',
    '/\n/evil',
    '//\tevil',
    '/ /evil',
    '/%2F%2Fevil',
    '/%2f/evil',
    '/%5C%5Cevil',
    '/%09/evil',
    '/.//evil',
    '//evil%2Eexample/services',
  ];
  for (const uri of hostile) {
    it(`${JSON.stringify(uri)} is redirected, if at all, to a path on this site`, () => {
      const result = handler(request(uri, { next: { value: '//evil.example' } }));
      if (!('statusCode' in result)) return;
      const location = result.headers.location?.value ?? '';
      expect(new URL(location, `${origin}/some/page`).origin, location).toBe(origin);
      expect(location).toMatch(/^\/[^/\\\s%]/);
    });
  }

  it('collapses leading slashes: //evil%2Eexample goes to /evil%2Eexample/ here', () => {
    expect(handler(request('//evil%2Eexample'))).toMatchObject({
      statusCode: 301,
      headers: { location: { value: '/evil%2Eexample/' } },
    });
  });

  it("serves a folder asked for with leading slashes from this site's index.html", () => {
    expect(handler(request('//services/'))).toMatchObject({ uri: '/services/index.html' });
  });
});

/**
 * The busy page (Lambda@Edge, origin response on /api/*), run as Lambda runs it: the module's exported
 * `handler(event)` with CloudFront's origin-response event (headers as lists of {key, value}, status a string).
 */
const BUSY_PAGE = new URL('../../infra/edge/busy-page/index.mjs', import.meta.url);

describe('the busy page (origin response on /api/*)', () => {
  type Headers = Record<string, { key: string; value: string }[]>;
  interface OriginResponse {
    status: string;
    statusDescription?: string;
    headers: Headers;
    body?: string;
    bodyEncoding?: string;
  }
  const toHeaders = (plain: Record<string, string>): Headers =>
    Object.fromEntries(Object.entries(plain).map(([name, value]) => [name.toLowerCase(), [{ key: name, value }]]));
  // What API Gateway's throttle answers (an HTTP API cannot change it).
  const gatewayThrottle = (): OriginResponse => ({
    status: '429',
    statusDescription: 'Too Many Requests',
    headers: toHeaders({ 'Content-Type': 'application/json', 'Content-Length': '33', 'Apigw-Requestid': 'abc=' }),
  });
  async function run(
    request: { method?: string; uri?: string; querystring?: string; headers?: Record<string, string> },
    response: OriginResponse = gatewayThrottle(),
  ): Promise<OriginResponse> {
    // A plain module, as Lambda loads it (index.handler); typed here, where the test needs it.
    const { handler } = (await import(BUSY_PAGE.href)) as { handler: (event: unknown) => Promise<OriginResponse> };
    const event = {
      Records: [
        {
          cf: {
            config: { distributionId: 'EDFDVBD6EXAMPLE', eventType: 'origin-response', requestId: 'r' },
            request: {
              clientIp: '203.0.113.9',
              method: request.method ?? 'POST',
              uri: request.uri ?? '/api/forms/birth-certificate/submissions',
              querystring: request.querystring ?? '',
              headers: toHeaders({ Host: 'abc123.execute-api.us-west-2.amazonaws.com', ...request.headers }),
            },
            response,
          },
        },
      ],
    };
    return handler(event);
  }
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
  const header = (response: OriginResponse, name: string) => response.headers[name]?.[0]?.value;

  // Who gets the page: the same rule as functions/http/request.ts wantsHtml.
  const who: [string, Parameters<typeof run>[0], 'page' | 'json'][] = [
    ['a plain form post', { headers: form }, 'page'],
    [
      'a form post that asks for HTML',
      { headers: { ...form, Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' } },
      'page',
    ],
    ['a page navigation (GET, Accept: text/html)', { method: 'GET', headers: { Accept: 'text/html' } }, 'page'],
    [
      'an API client (JSON body, Accept: application/json)',
      { headers: { 'Content-Type': 'application/json', Accept: 'application/json' } },
      'json',
    ],
    ['an API client that says nothing about the answer', { headers: { 'Content-Type': 'application/json' } }, 'json'],
    ['a GET with no Accept', { method: 'GET' }, 'json'],
    ['a form-encoded post that asks for JSON', { headers: { ...form, Accept: 'application/json' } }, 'json'],
  ];
  for (const [name, request, answer] of who) {
    it(`${name}: ${answer === 'page' ? 'the busy page' : "the gateway's JSON"}, 429, Retry-After 60`, async () => {
      const result = await run(request);
      expect(result.status).toBe('429');
      expect(header(result, 'retry-after')).toBe('60');
      if (answer === 'json') {
        expect(result.body).toBeUndefined();
        expect(header(result, 'content-type')).toBe('application/json');
        expect(header(result, 'content-length')).toBe('33');
        return;
      }
      expect(result.bodyEncoding).toBe('text');
      expect(header(result, 'content-type')).toBe('text/html; charset=utf-8');
      expect(header(result, 'cache-control')).toBe('no-store');
      expect(result.headers['content-length']).toBeUndefined();
      expect(result.body).toContain('<h1>Too many people are sending right now</h1>');
    });
  }

  // Which language comes first: ?lang=, the page it was sent from, the language cookie, the browser, English.
  const languages: [string, Parameters<typeof run>[0], 'en' | 'es'][] = [
    ['?lang=es in the form action', { querystring: 'lang=es', headers: form }, 'es'],
    [
      '?lang=en beats a Spanish browser',
      { querystring: 'x=1&lang=en', headers: { ...form, 'Accept-Language': 'es-MX,es' } },
      'en',
    ],
    [
      'a form on a /es/ page',
      { headers: { ...form, Referer: 'https://portal.example.gov/es/services/birth-certificate/' } },
      'es',
    ],
    [
      'a page the API drew with ?lang=es',
      { headers: { ...form, Referer: 'https://portal.example.gov/api/forms/x/steps/2?lang=es' } },
      'es',
    ],
    [
      'an English page (no prefix), browser in Spanish',
      { headers: { ...form, Referer: 'https://portal.example.gov/services/', 'Accept-Language': 'es' } },
      'es',
    ],
    ['the language cookie', { headers: { ...form, Cookie: 'theme=x; lang=es', 'Accept-Language': 'en' } }, 'es'],
    ['a cookie naming no language of ours', { headers: { ...form, Cookie: 'lang=fr' } }, 'en'],
    ['Accept-Language by weight', { headers: { ...form, 'Accept-Language': 'fr-CA, en;q=0.5, es;q=0.8' } }, 'es'],
    ['no signal at all', { headers: form }, 'en'],
    ['a Referer that is not a URL', { headers: { ...form, Referer: '::not a url::' } }, 'en'],
  ];
  for (const [name, request, locale] of languages) {
    it(`${name}: ${locale} first`, async () => {
      const result = await run(request);
      const other = locale === 'en' ? 'es' : 'en';
      expect(result.body).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${locale}">`));
      expect(result.body).toContain(`<section lang="${other}"`);
      expect(header(result, 'content-language')).toBe(locale);
      const title =
        locale === 'es' ? 'Hay demasiadas personas enviando en este momento' : 'Too many people are sending right now';
      expect(result.body).toContain(`<title>${title}</title>`);
      expect(result.body?.indexOf('<h1>')).toBeLessThan(result.body?.indexOf(`lang="${other}"`) ?? 0);
    });
  }

  it('says both languages: wait a minute, nothing was sent, go back and send again', async () => {
    const body = (await run({ headers: form })).body ?? '';
    expect(body).toContain('wait a minute');
    expect(body).toContain('Nothing was sent');
    expect(body).toContain('Espere un minuto');
    expect(body).toContain('No se envió');
    expect(body).not.toMatch(/<script|\sstyle=|\son\w+=/i);
  });

  it('leaves every other answer alone, and an HTML 429 too', async () => {
    for (const status of ['200', '201', '303', '400', '404', '422']) {
      const response = { status, headers: toHeaders({ 'Content-Type': 'application/json' }) };
      expect(await run({ headers: form }, structuredClone(response))).toEqual(response);
    }
    const html = await run(
      { headers: form },
      { status: '429', headers: toHeaders({ 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '120' }) },
    );
    expect(html.body).toBeUndefined();
    expect(header(html, 'content-type')).toBe('text/html; charset=utf-8');
  });

  // The gateway's own 5xx: a function it could not run (Lambda's concurrency used up), or one that ran out of time.
  const gatewayError = (status: string): OriginResponse => ({
    status,
    headers: toHeaders({ 'Content-Type': 'application/json', 'Content-Length': '35' }),
  });
  for (const status of ['500', '502', '503', '504']) {
    it(`shows a browser the gateway's own ${status} as the portal's 503 page, in its language, with Retry-After`, async () => {
      const result = await run({ querystring: 'lang=es', headers: form }, gatewayError(status));
      expect(result.status).toBe('503');
      expect(header(result, 'retry-after')).toBe('60');
      expect(header(result, 'content-type')).toBe('text/html; charset=utf-8');
      expect(result.body).toContain('<h1>Vuelva a intentarlo en un minuto</h1>');
      expect(result.body).toContain('<section lang="en"');
      // Not the throttle's words: the request may have arrived.
      expect(result.body).not.toContain('No se envió');
    });
  }

  it("leaves an API client's 5xx (maybe the portal's own, with its requestId) and the portal's own 503 page alone", async () => {
    for (const status of ['500', '503']) {
      const json = await run({ headers: { 'Content-Type': 'application/json' } }, gatewayError(status));
      expect(json).toEqual(gatewayError(status));
    }
    const own = { status: '503', headers: toHeaders({ 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '60' }) };
    expect(await run({ headers: form }, structuredClone(own))).toEqual(own);
  });

  it('lets the answer pass as it came if anything in it is not as expected (an error would be a 502)', async () => {
    const { handler } = (await import(BUSY_PAGE.href)) as { handler: (event: unknown) => Promise<OriginResponse> };
    const response = gatewayThrottle();
    const odd = { Records: [{ cf: { request: { method: 'POST', uri: '/api/x', querystring: '' }, response } }] };
    expect(await handler(odd)).toEqual(gatewayThrottle());
  });

  it('keeps its languages and its wait equal to the portal', async () => {
    const { LOCALES, DEFAULT_LOCALE } = await import('#catalog/locales');
    const { RETRY_AFTER_SECONDS } = await import('../../functions/http/with-http.ts');
    const code = readFileSync(BUSY_PAGE, 'utf8');
    expect(code).toContain(`const LOCALES = ${JSON.stringify(LOCALES).replaceAll('"', "'").replaceAll(',', ', ')};`);
    expect(code).toContain(`const DEFAULT_LOCALE = '${DEFAULT_LOCALE}';`);
    expect(code).toContain(`const RETRY_AFTER_SECONDS = ${RETRY_AFTER_SECONDS};`);
    // The gateway's 5xx page says what the portal's own 503 says.
    const { translate } = await import('#catalog/i18n');
    const { strings } = await import('../../functions/http/site.ts');
    for (const locale of LOCALES) {
      const result = await run({ querystring: `lang=${locale}`, headers: form }, { status: '503', headers: {} });
      expect(result.body).toContain(`<h1>${translate(strings, 'error.unavailableTitle', locale)}</h1>`);
      expect(result.body).toContain(`<p>${translate(strings, 'error.unavailable', locale)}</p>`);
    }
    // One file, nothing to install: Lambda@Edge takes no layers.
    expect(code).not.toMatch(/^\s*import\s/m);
  });
});
