import { readFileSync } from 'node:fs';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { isExpectedOrigin, ORIGIN_VERIFY_HEADER } from '#http/origin-header';

const SECRET = 'cloudfront-only-7b1f0c9e4d2a';
const fixture = (): APIGatewayProxyEventV2 =>
  JSON.parse(readFileSync(new URL('../../fixtures/events/get-health.json', import.meta.url), 'utf8'));
const context = { awsRequestId: 'test-request', functionName: 'test' } as Context;

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
let seen: APIGatewayProxyEventV2 | undefined;
let handler: Handler;

beforeAll(async () => {
  // Read once at start-up, like on Lambda: set before the chain is loaded.
  process.env.ORIGIN_VERIFY_SECRET = SECRET;
  const { withHttp } = await import('#http/with-http');
  handler = withHttp(async (event) => {
    seen = event;
    return { statusCode: 200, body: 'ok' };
  }) as unknown as Handler;
});

function request(headers: Record<string, string>): APIGatewayProxyEventV2 {
  const event = fixture();
  event.headers = { ...event.headers, ...headers };
  seen = undefined;
  return event;
}

describe('the origin check (requests must come through CloudFront)', () => {
  it('lets a request with the secret header through, and hides the header from the handler', async () => {
    const response = await handler(request({ [ORIGIN_VERIFY_HEADER]: SECRET }), context);
    expect(response.statusCode).toBe(200);
    expect(seen?.headers[ORIGIN_VERIFY_HEADER]).toBeUndefined();
  });

  it('refuses a request straight to the API address (no header) with a plain-language 403', async () => {
    const response = await handler(request({ accept: 'application/json' }), context);
    expect(response.statusCode).toBe(403);
    expect(JSON.parse(response.body ?? '')).toEqual({
      error: { code: 'forbidden', message: "This address does not answer on its own. Use the portal's website instead." },
    });
    expect(seen).toBeUndefined();
  });

  it('refuses a wrong value, in Spanish when the person reads Spanish', async () => {
    const response = await handler(
      request({ [ORIGIN_VERIFY_HEADER]: `${SECRET}x`, accept: 'application/json', 'accept-language': 'es-MX' }),
      context,
    );
    expect(response.statusCode).toBe(403);
    expect(JSON.parse(response.body ?? '').error.message).toBe(
      'Esta dirección no responde por sí sola. Use el sitio web del portal.',
    );
    expect(seen).toBeUndefined();
  });

  it('answers a browser with an HTML page, not a stack trace', async () => {
    const response = await handler(request({ accept: 'text/html' }), context);
    expect(response.statusCode).toBe(403);
    expect(response.headers?.['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('Use the portal');
  });

  it('lets everything through where no secret is set (npm start: the local server is the only door)', async () => {
    const { originVerify } = await import('#http/origin-verify');
    const local = middy(async () => ({ statusCode: 200, body: 'ok' })).use(originVerify(undefined));
    expect((await local(request({ accept: 'application/json' }), context)).statusCode).toBe(200);
  });

  it('compares the whole value, whatever its length', () => {
    expect(isExpectedOrigin(SECRET, SECRET)).toBe(true);
    expect(isExpectedOrigin(SECRET, SECRET.slice(0, -1))).toBe(false);
    expect(isExpectedOrigin(SECRET, '')).toBe(false);
    expect(isExpectedOrigin(SECRET, undefined)).toBe(false);
  });
});
