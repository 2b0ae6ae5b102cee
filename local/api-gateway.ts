/**
 * Plays API Gateway (HTTP API, payload format 2.0) for the local runtime: matches a request against the
 * route table, builds the same event API Gateway builds, calls the same handler module, and turns the
 * handler's result into an HTTP response.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { type Route, routes } from '../functions/http/routes.ts';

export interface RouteMatch {
  route: Route;
  pathParameters: Record<string, string>;
}

function compile(route: Route): RegExp {
  const pattern = route.path
    .split('/')
    .map((segment) => {
      const parameter = /^\{(\w+)\}$/.exec(segment);
      return parameter ? `(?<${parameter[1]}>[^/]+)` : segment.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${pattern}$`);
}

const compiled = (routes as readonly Route[]).map((route) => ({ route, regex: compile(route) }));

export type Matched = { kind: 'match'; match: RouteMatch } | { kind: 'method-not-allowed' } | { kind: 'not-found' };

export function matchRoute(method: string, path: string): Matched {
  let pathMatched = false;
  for (const { route, regex } of compiled) {
    const found = regex.exec(path);
    if (!found) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const pathParameters: Record<string, string> = {};
    for (const [name, value] of Object.entries(found.groups ?? {})) {
      try {
        pathParameters[name] = decodeURIComponent(value);
      } catch {
        pathParameters[name] = value;
      }
    }
    return { kind: 'match', match: { route, pathParameters } };
  }
  return pathMatched ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
}

const TEXT_TYPES = /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript)|multipart\/form-data)/i;

export interface IncomingRequest {
  method: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  sourceIp: string;
}

/** What the JWT authorizer vouched for, placed where API Gateway puts it. */
export interface JwtAuthorization {
  claims: Record<string, string>;
  scopes: string[] | null;
}

export function toApiGatewayEvent(
  request: IncomingRequest,
  match: RouteMatch,
  authorization?: JwtAuthorization,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    if (key === 'cookie') {
      cookies = (Array.isArray(value) ? value.join('; ') : value).split(/;\s*/).filter(Boolean);
      continue;
    }
    headers[key] = Array.isArray(value) ? value.join(',') : value;
  }
  // What API Gateway and CloudFront add.
  headers['x-forwarded-proto'] = 'http';
  headers['cloudfront-viewer-address'] = `${request.sourceIp}:0`; // CloudFront's, replacing any the viewer sent
  const query: Record<string, string> = {};
  for (const [key, value] of request.url.searchParams) query[key] = key in query ? `${query[key]},${value}` : value;
  const now = new Date();
  const routeKey = `${match.route.method} ${match.route.path}`;
  const isText = request.body.byteLength === 0 || TEXT_TYPES.test(headers['content-type'] ?? '');
  return {
    version: '2.0',
    routeKey,
    rawPath: request.url.pathname,
    rawQueryString: request.url.search.replace(/^\?/, ''),
    ...(cookies && { cookies }),
    headers,
    ...(Object.keys(query).length > 0 && { queryStringParameters: query }),
    ...(Object.keys(match.pathParameters).length > 0 && { pathParameters: match.pathParameters }),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method: request.method,
        path: request.url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      ...(authorization && { authorizer: { jwt: authorization } }),
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(request.body.byteLength > 0 && { body: isText ? request.body.toString('utf8') : request.body.toString('base64') }),
    isBase64Encoded: !isText,
  };
}

export function lambdaContext(functionName: string): Context {
  const started = Date.now();
  const awsRequestId = randomUUID();
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/${awsRequestId}`,
    getRemainingTimeInMillis: () => Math.max(0, 10_000 - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
const loadedHandlers = new Map<string, Promise<Handler>>();

/** The handler module's `handler` export, imported once (like a warm Lambda). */
export function loadHandler(name: string): Promise<Handler> {
  let loaded = loadedHandlers.get(name);
  if (!loaded) {
    loaded = import(new URL(`../functions/handlers/${name}.ts`, import.meta.url).href).then(
      (module: { handler: Handler }) => module.handler,
    );
    loadedHandlers.set(name, loaded);
  }
  return loaded;
}
