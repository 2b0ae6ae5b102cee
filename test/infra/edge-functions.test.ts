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

describe('forwarded host (viewer request on /api/*)', () => {
  const handler = load('api-forwarded-host.js');

  it('tells the API which host the person used, whatever they sent', () => {
    const result = handler(
      request('/api/payments', {}, { host: { value: 'portal.example.gov' }, 'x-forwarded-host': { value: 'evil.example' } }),
    ) as EdgeRequest;
    expect(result.headers['x-forwarded-host']).toEqual({ value: 'portal.example.gov' });
    expect(result.uri).toBe('/api/payments');
  });
});
