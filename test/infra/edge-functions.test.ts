/** The CloudFront Functions, run as CloudFront runs them: the file's top-level `handler(event)`. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Field = { value: string; multiValue?: { value: string }[] };
interface EdgeRequest {
  uri: string;
  querystring: Record<string, Field>;
  headers: Record<string, Field>;
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
