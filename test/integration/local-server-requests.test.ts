/**
 * Requests no browser sends, written byte for byte over a socket to the real local front door: each is refused
 * with a 400 in plain words, nothing sends a browser to another host, and the portal stays up for the next.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { rawRequest } from '../support/raw-http.ts';

let portal: TestPortal;
let host: string;
beforeAll(async () => {
  portal = await startTestPortal();
  host = new URL(portal.url).host;
});
afterAll(async () => {
  await portal?.close();
});

async function stillUp() {
  const health = await fetch(`${portal.url}/api/health`);
  expect(health.status).toBe(200);
}

describe('a malformed request target', () => {
  const targets = ['//a:99999', '//[', '//a:99999/api/health', '//[::1', 'http://evil.example/', '*', '@evil.example'];
  for (const target of targets) {
    it(`GET ${target} is answered 400, and the portal keeps serving`, async () => {
      const response = await rawRequest(portal.url, `GET ${target} HTTP/1.1\r\nHost: ${host}`);
      expect(response.status).toBe(400);
      await stillUp();
    });
  }

  it('is refused in plain words, as a page for a browser', async () => {
    const response = await rawRequest(portal.url, `GET //a:99999 HTTP/1.1\r\nHost: ${host}\r\nAccept: text/html`);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<html');
    expect(response.body).toContain('The address asked for starts with two slashes.');
  });
});

describe('a malformed Host header', () => {
  const hosts = ['evil.example/path', 'a b', '[', 'localhost:99999', 'user@evil.example', 'evil.example:80:80', ''];
  for (const bad of hosts) {
    it(`POST /api/payments with Host "${bad}" is answered 400 before any payment is started`, async () => {
      const body = 'code=ABC-DEF-GHJ';
      const response = await rawRequest(
        portal.url,
        `POST /api/payments HTTP/1.1\r\nHost: ${bad}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}`,
        body,
      );
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body)).toEqual({ message: 'The Host header is not a host name and port.' });
      await stillUp();
    });
  }

  it('is explained on a page when a browser sent it', async () => {
    const response = await rawRequest(
      portal.url,
      'POST /api/payments HTTP/1.1\r\nHost: a b\r\nAccept: text/html\r\nContent-Length: 0',
    );
    expect(response.status).toBe(400);
    expect(response.body).toContain('<html');
    expect(response.body).toContain('The Host header is not a host name and port.');
  });

  it('a host name with a port, or an IP address, is served as usual', async () => {
    for (const good of [host, 'localhost', 'LOCALHOST:3000', '[::1]:3000', 'portal.example.gov']) {
      const response = await rawRequest(portal.url, `GET /api/health HTTP/1.1\r\nHost: ${good}`);
      expect(response.status, good).toBe(200);
    }
  });
});

describe('a folder asked for without its trailing slash', () => {
  const origin = 'http://portal.example';
  // Each names the folder /services after leading slashes, backslashes or dot segments meant to make the
  // redirect `//services/`, which a browser reads as the host "services".
  const hostile = [
    '//services',
    '///services',
    '/\\services',
    '/\\/services',
    '/.//services',
    '/%2F%2Fservices',
    '//services%E3%80%82example',
  ];
  for (const path of hostile) {
    it(`${path} is refused, or redirected to a path on this site, never to another host`, async () => {
      const response = await rawRequest(portal.url, `GET ${path} HTTP/1.1\r\nHost: ${host}`);
      if (response.status === 301) {
        const location = response.headers.location ?? '';
        expect(new URL(location, origin).origin, location).toBe(origin);
        expect(location).toMatch(/^\/[^/\\]/);
      } else expect(response.status).toBe(400);
    });
  }

  it('/services is sent to /services/, keeping the query', async () => {
    const response = await rawRequest(portal.url, `GET /services?lang=es HTTP/1.1\r\nHost: ${host}`);
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('/services/?lang=es');
  });
});

describe('compression, as CloudFront compresses', () => {
  const get = (path: string, encoding: string) =>
    import('node:http').then(
      ({ get: httpGet }) =>
        new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
          httpGet(`${portal.url}${path}`, { headers: { 'accept-encoding': encoding, accept: 'text/html' } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          }).on('error', reject);
        }),
    );

  it('sends the pages, their stylesheet and the API pages brotli-compressed when the browser accepts it', async () => {
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    const home = await get('/', 'gzip, deflate, br, zstd');
    expect(home.headers['content-encoding']).toBe('br');
    expect(home.headers.vary).toBe('accept-encoding');
    const html = brotliDecompressSync(home.body).toString();
    expect(html).toContain('<html');
    const stylesheet = /href="(\/_astro\/[^"]+\.css)"/.exec(html)?.[1] ?? '';
    expect((await get(stylesheet, 'br')).headers['content-encoding']).toBe('br');
    const search = await get('/api/search?q=birth&lang=en', 'gzip');
    expect(search.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(search.body).toString()).toContain('birth certificate');
  });

  it('sends plain bytes to a client that asks for none', async () => {
    const home = await get('/', 'identity');
    expect(home.headers['content-encoding']).toBeUndefined();
    expect(home.body.toString()).toContain('<html');
  });
});
