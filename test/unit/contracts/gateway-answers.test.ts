/**
 * The answers the portal's code never gives but its callers get: API Gateway's 429 when a route is over its rate
 * (through the busy page at the edge, decision 0129) and the firewall's rate rule. Every operation of the OpenAPI
 * document lists them (one shared `TooManyRequests`), and what the edge and the firewall really send matches it.
 */
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Key } from 'aws-cdk-lib/aws-kms';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '#catalog/load';
import { RETRY_AFTER_SECONDS } from '#http/with-http';
import { loadContracts } from '../../../functions/contracts/load.ts';
import {
  buildOpenApi,
  FIREWALL_EXEMPT_HANDLERS,
  FIREWALL_RETRY_AFTER_SECONDS,
  GATEWAY_RETRY_AFTER_SECONDS,
} from '../../../functions/contracts/openapi.ts';
import { routes } from '../../../functions/http/routes.ts';
import {
  RATE_LIMIT_EXEMPT_PATHS,
  RATE_LIMITED_MESSAGE,
  RATE_LIMITED_RETRY_AFTER_SECONDS,
  WebAcl,
} from '../../../infra/constructs/web-acl.ts';
import { contractChecker, type ObservedAnswer } from '../../support/contract.ts';

// biome-ignore lint/suspicious/noExplicitAny: the document is walked as plain JSON in assertions
type Json = Record<string, any>;
let document: Json;
let checker: ReturnType<typeof contractChecker>;

beforeAll(async () => {
  const version = '0.0.0-test';
  document = buildOpenApi({ forms: [...loadCatalog().forms.values()], contracts: await loadContracts(), version });
  checker = contractChecker(document);
});

const GATEWAY_THROTTLE = '{"message":"Too Many Requests"}';
type CfHeaders = Record<string, { key: string; value: string }[]>;
const toHeaders = (plain: Record<string, string>): CfHeaders =>
  Object.fromEntries(Object.entries(plain).map(([name, value]) => [name.toLowerCase(), [{ key: name, value }]]));

/** The gateway's throttle for one route, through the busy page as CloudFront runs it; the body the caller gets. */
async function throughTheEdge(route: (typeof routes)[number], accept: string): Promise<ObservedAnswer> {
  const { handler } = (await import(new URL('../../../infra/edge/busy-page/index.mjs', import.meta.url).href)) as {
    handler: (event: unknown) => Promise<{ status: string; headers: CfHeaders; body?: string }>;
  };
  const answer = await handler({
    Records: [
      {
        cf: {
          config: { distributionId: 'EDFDVBD6EXAMPLE', eventType: 'origin-response', requestId: 'r' },
          request: {
            clientIp: '203.0.113.9',
            method: route.method,
            uri: route.path,
            querystring: '',
            headers: toHeaders({ Host: 'abc123.execute-api.us-west-2.amazonaws.com', Accept: accept }),
          },
          // API Gateway's own: an HTTP API cannot change it.
          response: {
            status: '429',
            statusDescription: 'Too Many Requests',
            headers: toHeaders({ 'Content-Type': 'application/json', 'Content-Length': '33' }),
          },
        },
      },
    ],
  });
  // An origin response's function sees no body: what it does not replace reaches the caller as the gateway sent it.
  return {
    route: route.name,
    method: route.method,
    path: route.path,
    status: Number(answer.status),
    headers: Object.fromEntries(Object.entries(answer.headers).map(([name, [first]]) => [name, first?.value ?? ''])),
    body: answer.body ?? GATEWAY_THROTTLE,
  };
}

describe("the gateway's and the firewall's 429 in the OpenAPI document", () => {
  it('is listed on every operation, with Retry-After required, as the shared TooManyRequests', () => {
    const operations = Object.values(document.paths as Record<string, Json>).flatMap((item) => Object.values(item));
    expect(operations).toHaveLength(routes.length);
    for (const operation of operations) {
      const listed = operation.responses['429'];
      expect(listed, operation.operationId).toBeDefined();
      const name = String(listed.$ref).replace('#/components/responses/', '');
      expect(document.components.responses[name].headers['retry-after'].required, operation.operationId).toBe(true);
    }
  });

  it("describes the gateway's JSON exactly, and only the firewall's exempt route without its text", () => {
    const { TooManyRequests, TooManyRequestsGatewayOnly } = document.components.responses;
    expect(Object.keys(TooManyRequests.content).sort()).toEqual(['application/json', 'text/html', 'text/plain']);
    expect(Object.keys(TooManyRequestsGatewayOnly.content).sort()).toEqual(['application/json', 'text/html']);
    expect(document.components.schemas.GatewayThrottle.properties.message.const).toBe('Too Many Requests');
    for (const route of routes) {
      const name = document.paths[route.path][route.method.toLowerCase()].responses['429'].$ref;
      expect(name, route.name).toBe(
        FIREWALL_EXEMPT_HANDLERS.includes(route.handler)
          ? '#/components/responses/TooManyRequestsGatewayOnly'
          : '#/components/responses/TooManyRequests',
      );
    }
  });

  it("matches what the edge really answers for the gateway's 429, to an API client and to a browser, on every route", async () => {
    for (const route of routes)
      for (const accept of ['application/json', 'text/html,application/xhtml+xml']) {
        const observed = await throughTheEdge(route, accept);
        expect(observed.status).toBe(429);
        expect(observed.headers['retry-after']).toBe(String(GATEWAY_RETRY_AFTER_SECONDS));
        expect(checker.problemsWith(observed), `${route.name} ${accept}`).toEqual([]);
      }
  });

  it("matches the firewall's rate rule answer on every route it covers", () => {
    for (const route of routes.filter((r) => !(RATE_LIMIT_EXEMPT_PATHS as readonly string[]).includes(r.path))) {
      const observed: ObservedAnswer = {
        route: route.name,
        method: route.method,
        path: route.path,
        status: 429,
        headers: { 'content-type': 'text/plain', 'retry-after': String(FIREWALL_RETRY_AFTER_SECONDS) },
        body: RATE_LIMITED_MESSAGE,
      };
      expect(checker.problemsWith(observed), route.name).toEqual([]);
    }
  });

  it("keeps the document's figures and exemptions equal to infra's and the edge's", async () => {
    expect(GATEWAY_RETRY_AFTER_SECONDS).toBe(RETRY_AFTER_SECONDS); // the edge's (test/infra/edge-functions.test.ts)
    expect(FIREWALL_RETRY_AFTER_SECONDS).toBe(RATE_LIMITED_RETRY_AFTER_SECONDS);
    expect(routes.filter((r) => FIREWALL_EXEMPT_HANDLERS.includes(r.handler)).map((r) => r.path)).toEqual(
      RATE_LIMIT_EXEMPT_PATHS,
    );
    // The firewall's block really carries the Retry-After the document promises.
    const stack = new Stack();
    new WebAcl(stack, 'Waf', { namePrefix: 'test', requestsPer5MinutesPerIp: 2000, key: new Key(stack, 'Key') });
    const [acl] = Object.values(Template.fromStack(stack).findResources('AWS::WAFv2::WebACL')) as Json[];
    const rule = acl?.Properties.Rules.find((r: Json) => r.Name === 'RateLimitPerIp');
    expect(rule.Action.Block.CustomResponse).toEqual({
      ResponseCode: 429,
      CustomResponseBodyKey: 'rate-limited',
      ResponseHeaders: [{ Name: 'Retry-After', Value: String(FIREWALL_RETRY_AFTER_SECONDS) }],
    });
  });
});
