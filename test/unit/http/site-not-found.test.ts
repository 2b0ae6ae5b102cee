/** The site's 404 page on AWS (CloudFront's failover origin): the built page, in the missing path's language. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handler } from '../../../functions/handlers/site-not-found.ts';

const built = (file: string) => readFileSync(new URL(`../../../web/dist/${file}`, import.meta.url), 'utf8');

describe('site-not-found', () => {
  it.each([
    ['/services/no-such-service/index.html', '404.html'],
    ['/es/servicios/nada/index.html', 'es/404.html'],
    ['/es', 'es/404.html'],
    ['/espanol/index.html', '404.html'],
    ['/en/index.html', '404.html'],
  ])('answers %s with the built %s and a 404', async (rawPath, file) => {
    const response = await handler({ rawPath });
    expect(response.statusCode).toBe(404);
    expect(response.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toBe(built(file));
  });

  it('keeps the 404 briefly in CloudFront, so a page published there later shows', async () => {
    const response = await handler({ rawPath: '/later/index.html' });
    expect(response.headers?.['cache-control']).toBe('public, max-age=0, s-maxage=300');
  });
});
