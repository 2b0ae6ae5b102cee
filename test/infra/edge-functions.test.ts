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
