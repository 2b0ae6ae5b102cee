/**
 * withHttp checks the route table's `auth` before any handler runs: a good token of the wrong kind of caller
 * (a citizen on a staff route, a person on a machine route) is refused and the handler does nothing.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { StoreUnavailableError } from '#adapters/store-errors';
import { gatewayAuthorizes, routes } from '#http/routes';
import { ANSWER_BEFORE_TIMEOUT_MS, RETRY_AFTER_SECONDS, withHttp } from '#http/with-http';
import { ServiceUnavailableError } from '#shared/errors';

const context = { awsRequestId: 'test-request', functionName: 'test' } as Context;

/** Claims as API Gateway's JWT authorizer hands them over (arrays stringified). */
const person = (groups: string) => ({
  sub: 'sub-1',
  username: 'sub-1',
  'cognito:groups': groups,
  token_use: 'access',
  client_id: 'portal',
});
const machine = (scope: string) => ({ sub: 'contact-centre', client_id: 'contact-centre', scope, token_use: 'access' });

function event(routeKey: string, claims?: Record<string, string>): APIGatewayProxyEventV2 {
  const [method, path] = routeKey.split(' ') as [string, string];
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: '',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    requestContext: {
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '198.51.100.7', userAgent: 'test' },
      requestId: 'r',
      routeKey,
      stage: '$default',
      ...(claims && { authorizer: { jwt: { claims, scopes: null } } }),
    },
    body: '{}',
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}

async function call(routeKey: string, claims?: Record<string, string>) {
  const handler = vi.fn(async (): Promise<APIGatewayProxyStructuredResultV2> => ({ statusCode: 200, body: '{}' }));
  const response = (await withHttp(handler)(event(routeKey, claims), context)) as APIGatewayProxyStructuredResultV2;
  return { status: response.statusCode, code: JSON.parse(String(response.body)).error?.code, ran: handler.mock.calls.length > 0 };
}

const REFUND = 'POST /api/payments/{paymentId}/refunds';
const LOAD_BILL = 'PUT /api/bills/{reference}';
const MY_SUBMISSIONS = 'GET /api/my/submissions';

describe('the route-level check in withHttp', () => {
  it('refuses a citizen on the staff refund route (403), and the handler never runs', async () => {
    expect(await call(REFUND, person('[citizen]'))).toEqual({ status: 403, code: 'forbidden', ran: false });
  });

  it('refuses a machine client on the staff refund route (403)', async () => {
    expect(await call(REFUND, machine('frontdoor/bills'))).toEqual({ status: 403, code: 'forbidden', ran: false });
  });

  it('refuses a signed-in person on the machine route that loads bills (403)', async () => {
    expect(await call(LOAD_BILL, person('[citizen staff:motor-vehicles]'))).toEqual({
      status: 403,
      code: 'forbidden',
      ran: false,
    });
  });

  it("refuses a machine client without the route's scope (403)", async () => {
    expect(await call(LOAD_BILL, machine('frontdoor/interactions'))).toEqual({ status: 403, code: 'forbidden', ran: false });
  });

  it('asks a caller with no token to sign in on a citizen route (401)', async () => {
    expect(await call(MY_SUBMISSIONS)).toEqual({ status: 401, code: 'unauthorized', ran: false });
  });

  it('lets through the caller each route is for', async () => {
    expect((await call(REFUND, person('[staff:motor-vehicles]'))).ran).toBe(true);
    expect((await call(LOAD_BILL, machine('frontdoor/bills'))).ran).toBe(true);
    expect((await call(MY_SUBMISSIONS, person('[citizen]'))).ran).toBe(true);
  });

  it('refuses an anonymous caller on every Bearer route that is not public, before its handler runs', async () => {
    // Session routes (the staff pages' cookie) are refused the same way: test/integration/staff-pages.test.ts.
    const guarded = routes.filter((route) => gatewayAuthorizes(route));
    expect(guarded.length).toBeGreaterThan(0);
    for (const route of guarded) {
      const answer = await call(`${route.method} ${route.path}`);
      expect(answer.ran, `${route.method} ${route.path}`).toBe(false);
      expect(answer.status, `${route.method} ${route.path}`).toBe(401);
    }
  });
});

describe('a store that does not answer', () => {
  const fails = async (): Promise<APIGatewayProxyStructuredResultV2> => {
    throw new StoreUnavailableError('DynamoDB did not answer: TimeoutError');
  };
  const search = (headers: Record<string, string>) => ({ ...event('GET /api/status/{code}'), headers }) as APIGatewayProxyEventV2;

  it('is a 503 with Retry-After and a plain message for an API client, never a 500', async () => {
    const response = (await withHttp(fails)(
      search({ accept: 'application/json' }),
      context,
    )) as APIGatewayProxyStructuredResultV2;
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
    const body = JSON.parse(String(response.body));
    expect(body.error).toEqual({ code: 'unavailable', message: expect.stringContaining('try again in a minute') });
    expect(String(response.body)).not.toContain('TimeoutError');
  });

  it("is a page saying to try again in a minute, in the person's language, for a browser", async () => {
    const response = (await withHttp(fails)(
      search({ accept: 'text/html', 'accept-language': 'es-MX' }),
      context,
    )) as APIGatewayProxyStructuredResultV2;
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
    expect(String(response.body)).toContain('Vuelva a intentarlo en un minuto');
  });

  it('says what the service that did not answer means for the person: a payment provider down keeps the application', async () => {
    const providerDown = async (): Promise<APIGatewayProxyStructuredResultV2> => {
      throw new ServiceUnavailableError('Payment provider unavailable: StripeConnectionError', {
        messageKey: 'error.paymentUnavailable',
      });
    };
    const response = (await withHttp(providerDown)(
      { ...event('POST /api/payments'), headers: { accept: 'application/json' } } as APIGatewayProxyEventV2,
      context,
    )) as APIGatewayProxyStructuredResultV2;
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
    const body = JSON.parse(String(response.body));
    expect(body.error.message).toContain('Nothing was charged, and your application is saved');
    expect(String(response.body)).not.toContain('Stripe');
  });
});

describe('a handler still waiting when the function runs out of time', () => {
  it('answers 503 with Retry-After while there is still time to answer, never a 500', async () => {
    const stuck = async (): Promise<APIGatewayProxyStructuredResultV2> => new Promise(() => {});
    // 20 ms of the function's time left beyond what middy keeps for the answer.
    const response = (await withHttp(stuck)(event(MY_SUBMISSIONS, person('[citizen]')), {
      ...context,
      getRemainingTimeInMillis: () => ANSWER_BEFORE_TIMEOUT_MS + 20,
    } as Context)) as APIGatewayProxyStructuredResultV2;
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
    expect(JSON.parse(String(response.body)).error.code).toBe('unavailable');
  });
});
