/**
 * The local front door: one HTTP server that plays CloudFront (the built site from web/dist, security
 * headers, /config.json), API Gateway (/api/* → the same handler modules, with HTTP API v2 events, after
 * the same JWT checks) and Cognito (/auth/* → the local issuer).
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { localeOfPath, localePath } from '#catalog/i18n';
import { API_PREFIX, authorizationScopesFor, gatewayAuthorizes } from '#http/routes';
import { pages } from '#ui/paths.ts';
import type { RuntimeConfig } from '../web/runtime-config.ts';
import { SECURITY_HEADERS } from '../web/security-headers.ts';
import { type JwtAuthorization, lambdaContext, loadHandler, matchRoute, toApiGatewayEvent } from './api-gateway.ts';
import { edgeRequest, loadEdgeFunction, setCookieLines } from './edge-functions.ts';
import { RequestTooLargeError, readBody, sendProblem } from './http.ts';
import type { LocalIssuer } from './identity/issuer.ts';
import type { JwtAuthorizer } from './identity/jwt-authorizer.ts';
import type { PaymentSandbox } from './payment-sandbox.ts';

/** API Gateway HTTP APIs refuse bodies over 10 MB before any Lambda runs. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
};

export interface PortalServerOptions {
  distDir: string;
  /** Sign-in: the local issuer under /auth and the authorizer protected routes go through. */
  identity?: { issuer: LocalIssuer; authorizer: JwtAuthorizer };
  /** What /config.json answers (infra writes the same file on deploy). */
  runtimeConfig?: RuntimeConfig;
  /** The payment provider's sandbox: hosted checkout under /sandbox/, its Stripe-shaped API under /v1/. */
  paymentSandbox?: PaymentSandbox;
  /** Called with each API request's outcome; the default prints one line per request. */
  log?: (line: string) => void;
  /** Called with every answer a route gave (the gateway's own 401 and 413 too): tests check them against the API's document. */
  observe?: (answer: ApiAnswer) => void;
}

/** One answer of one route, as the caller received it (before compression). */
export interface ApiAnswer {
  route: string;
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Compressed as CloudFront compresses (brotli, else gzip) text of 1,000 bytes to 10 MB, when the browser accepts
 * it: local page weights and Lighthouse figures then mean what they will on AWS.
 */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/;
const compressedCache = new Map<string, { key: string; body: Buffer; encoding: string }>();

function compressed(
  req: IncomingMessage,
  contentType: string,
  body: Buffer,
  cacheAs?: string,
): { body: Buffer; headers: Record<string, string> } {
  const accepted = String(req.headers['accept-encoding'] ?? '');
  if (!COMPRESSIBLE.test(contentType) || body.length < 1000 || body.length > 10 * 1024 * 1024) return { body, headers: {} };
  const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
  if (!encoding) return { body, headers: { vary: 'accept-encoding' } };
  const key = `${encoding}:${body.length}`;
  const cached = cacheAs ? compressedCache.get(cacheAs) : undefined;
  const out =
    cached && cached.key === key && cached.encoding === encoding
      ? cached.body
      : encoding === 'br'
        ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } })
        : gzipSync(body);
  if (cacheAs) compressedCache.set(cacheAs, { key, body: out, encoding });
  return { body: out, headers: { 'content-encoding': encoding, vary: 'accept-encoding' } };
}

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body?: string | Buffer,
  req?: IncomingMessage,
) {
  if (req && body !== undefined && !headers['content-encoding']) {
    const packed = compressed(req, headers['content-type'] ?? '', Buffer.from(body));
    res.writeHead(status, { ...SECURITY_HEADERS, ...headers, ...packed.headers });
    res.end(req.method === 'HEAD' ? undefined : packed.body);
    return;
  }
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
  res.end(body);
}

/** A Host a browser could have sent: a DNS name or an IP literal, and an optional port. */
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i;

/**
 * The request's URL on this origin, or why it is refused in a 400. Only a path is taken as the target, parsed
 * on this origin, so no request (`//a:99999`, `//[`) can make parsing throw or point the URL at another host.
 */
export function requestTarget(req: IncomingMessage): { url: URL } | { problem: string } {
  const host = req.headers.host;
  if (host !== undefined) {
    const valid = HOST.exec(host);
    if (!valid || Number(valid[1] ?? 0) > 65_535) return { problem: 'The Host header is not a host name and port.' };
  }
  const target = req.url ?? '/';
  if (!target.startsWith('/')) return { problem: 'The address asked for is not a path starting with /.' };
  let url: URL;
  try {
    url = new URL(`http://localhost${target}`);
  } catch {
    return { problem: 'The address asked for is not a valid URL.' };
  }
  // A path may not start with "//" (RFC 3986 3.3): it would be read as a host name, and a redirect to
  // `//evil.example/` sends the browser there. Backslashes and dot segments can make one (`/\evil`, `/.//evil`).
  if (url.pathname.startsWith('//')) return { problem: 'The address asked for starts with two slashes.' };
  return { url };
}

async function serveApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  identity: PortalServerOptions['identity'],
  observe?: PortalServerOptions['observe'],
) {
  const method = req.method ?? 'GET';
  const matched = matchRoute(method, url.pathname);
  if (matched.kind !== 'match') {
    const [status, message] = matched.kind === 'not-found' ? [404, 'Not Found'] : [405, 'Method Not Allowed'];
    send(res, status, { 'content-type': 'application/json' }, JSON.stringify({ message }));
    return;
  }
  const answer = (status: number, headers: Record<string, string>, body: string | Buffer | undefined) => {
    observe?.({ route: matched.match.route.name, method, path: url.pathname, status, headers, body: String(body ?? '') });
    send(res, status, headers, body, req);
  };
  // Like API Gateway: protected routes need a valid token before anything else; public ones get no claims.
  let authorization: JwtAuthorization | undefined;
  // A session route (the staff pages' cookie) has no gateway authorizer, as on AWS: withHttp checks the cookie.
  const scopes = gatewayAuthorizes(matched.match.route) ? authorizationScopesFor(matched.match.route) : undefined;
  if (scopes) {
    const header = req.headers.authorization;
    const verdict = identity ? await identity.authorizer(header, scopes) : ({ ok: false } as const);
    if (!verdict.ok) {
      const description = header ? 'the token is not valid' : 'no token';
      answer(
        401,
        {
          'content-type': 'application/json',
          'www-authenticate': `Bearer scope="${scopes.join(' ')}" error="invalid_token" error_description="${description}"`,
        },
        JSON.stringify({ message: 'Unauthorized' }),
      );
      return;
    }
    authorization = { claims: verdict.claims, scopes: verdict.scopes };
  }
  let body: Buffer;
  try {
    body = await readBody(req, GATEWAY_MAX_BODY);
  } catch (error) {
    if (!(error instanceof RequestTooLargeError)) throw error;
    // API Gateway's own answer, before any Lambda runs.
    answer(413, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Request Entity Too Large' }));
    return;
  }
  const event = toApiGatewayEvent(
    { method, url, headers: req.headers, body, sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1' },
    matched.match,
    authorization,
  );
  const handler = await loadHandler(matched.match.route.handler);
  const result = await handler(event, lambdaContext(matched.match.route.handler));
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  if (result.cookies?.length) res.setHeader('set-cookie', result.cookies);
  const payload =
    result.body === undefined ? undefined : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
  answer(result.statusCode ?? 200, headers, payload);
}

const sitePaths = loadEdgeFunction('site-paths.js');

function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL, distDir: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, { 'content-type': 'text/plain; charset=utf-8', allow: 'GET, HEAD' }, 'Method Not Allowed');
    return;
  }
  // CloudFront's viewer-request function on the site: folder index, trailing slash, the language at /.
  const edge = sitePaths({ request: edgeRequest(req, url) });
  if ('statusCode' in edge) {
    const headers = Object.fromEntries(Object.entries(edge.headers ?? {}).map(([name, field]) => [name, field.value]));
    const cookies = setCookieLines(edge);
    if (cookies.length > 0) res.setHeader('set-cookie', cookies);
    send(res, edge.statusCode, headers);
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(edge.uri.endsWith('/index.html') ? edge.uri.slice(0, -'index.html'.length) : edge.uri);
  } catch {
    pathname = '/404/';
  }
  const file = normalize(join(distDir, pathname));
  if (!file.startsWith(distDir)) {
    send(res, 400, { 'content-type': 'text/plain; charset=utf-8' }, 'Bad Request');
    return;
  }
  let target = file;
  if (existsSync(file) && statSync(file).isDirectory()) {
    if (!pathname.endsWith('/')) {
      // Same-origin: requestTarget refused paths starting with "//", so this cannot name another host.
      send(res, 301, { location: `${url.pathname}/${url.search}` });
      return;
    }
    target = join(file, 'index.html');
  }
  if (!existsSync(target) || !statSync(target).isFile() || pathname.includes('/_shell/')) {
    const notFound = join(distDir, localePath(localeOfPath(pathname), '/404.html'));
    send(
      res,
      404,
      { 'content-type': CONTENT_TYPES['.html'] ?? 'text/html' },
      existsSync(notFound) ? readFileSync(notFound) : 'Not Found',
    );
    return;
  }
  const immutable = pathname.startsWith('/_astro/');
  const contentType = CONTENT_TYPES[extname(target)] ?? 'application/octet-stream';
  const headers = {
    ...SECURITY_HEADERS,
    'content-type': contentType,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (COMPRESSIBLE.test(contentType)) {
    const packed = compressed(req, contentType, readFileSync(target), `${target}:${statSync(target).mtimeMs}`);
    res.writeHead(200, { ...headers, ...packed.headers });
    res.end(req.method === 'HEAD' ? undefined : packed.body);
    return;
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') res.end();
  else createReadStream(target).pipe(res);
}

export function createPortalServer(options: PortalServerOptions): Server {
  const distDir = normalize(options.distDir);
  const log = options.log ?? ((line: string) => console.log(line));
  function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | void {
    // The issuer lives under /auth; the site's own sign-in callback page sits there too and is a built page.
    const isAuth =
      (url.pathname === '/auth' || url.pathname.startsWith('/auth/')) && !url.pathname.startsWith(pages.signInCallback());
    if (isApiPath(url)) return serveApi(req, res, url, options.identity, options.observe);
    if (isAuth && options.identity) return options.identity.issuer.handle(req, res, url);
    if (options.paymentSandbox?.handles(url.pathname)) return options.paymentSandbox.handle(req, res, url);
    if (url.pathname === '/config.json' && options.runtimeConfig)
      return send(
        res,
        200,
        { 'content-type': CONTENT_TYPES['.json'] ?? 'application/json', 'cache-control': 'no-cache' },
        JSON.stringify(options.runtimeConfig),
      );
    return serveStatic(req, res, url, distDir);
  }

  return createServer((req, res) => {
    const started = performance.now();
    // Like CloudFront's response headers policy, on every answer: the issuer's and the sandbox's pages too.
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const target = requestTarget(req);
    if ('problem' in target) {
      sendProblem(req, res, 400, target.problem, { connection: 'close' });
      return;
    }
    const { url } = target;
    new Promise<void>((resolve) => resolve(route(req, res, url)))
      .catch((error: unknown) => {
        if (error instanceof RequestTooLargeError) {
          if (!res.headersSent) sendProblem(req, res, 413, error.message);
          return;
        }
        // Same as API Gateway when a Lambda crashes: a bare 500, details only in the log.
        log(`! ${req.method} ${url.pathname} crashed: ${(error as Error).stack ?? String(error)}`);
        if (!res.headersSent)
          send(res, 500, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Internal Server Error' }));
        else res.end();
      })
      .finally(() => {
        if (isApiPath(url))
          log(`${req.method} ${url.pathname} → ${res.statusCode} (${(performance.now() - started).toFixed(0)} ms)`);
      });
  });
}

const isApiPath = (url: URL) => url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`);

/**
 * Creates the server, listens, then sets up sign-in for the address it got (the issuer's URL includes the
 * port, which is only known once listening — port 0 in tests).
 */
export async function listenPortalServer(
  options: Omit<PortalServerOptions, 'identity' | 'runtimeConfig'> & {
    port: number;
    /** The name people type (`localhost`); the issuer's URL and cookies use it. Defaults to 127.0.0.1. */
    publicHost?: string;
    keyFile?: string;
    /** Where the payment sandbox keeps its checkouts across restarts (in memory when absent). */
    paymentSandboxFile?: string;
  },
): Promise<{ server: Server; url: string; paymentSandbox: PaymentSandbox }> {
  const serverOptions: PortalServerOptions = {
    distDir: options.distDir,
    ...(options.log && { log: options.log }),
    ...(options.observe && { observe: options.observe }),
  };
  const server = createPortalServer(serverOptions);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.publicHost ?? '127.0.0.1'}:${port}`;
  const { createLocalIdentity } = await import('./identity/local-identity.ts');
  const identity = createLocalIdentity(url, options.keyFile);
  serverOptions.identity = { issuer: identity.issuer, authorizer: identity.authorizer };
  serverOptions.runtimeConfig = identity.runtimeConfig;
  const { createPaymentSandbox } = await import('./payment-sandbox.ts');
  const paymentSandbox = createPaymentSandbox({
    portalUrl: url,
    distDir: options.distDir,
    ...(options.paymentSandboxFile && { dataFile: options.paymentSandboxFile }),
    ...(options.log && { log: options.log }),
  });
  serverOptions.paymentSandbox = paymentSandbox;
  // The functions pay through the sandbox, unless told to use Stripe itself (test-mode keys, see docs/payments.md).
  if (process.env.PAYMENT_PROVIDER !== 'stripe') Object.assign(process.env, paymentSandbox.env);
  process.env.PORTAL_ORIGIN = url; // as infra sets it: where other sites send people back to
  // The staff pages' sign-in, as infra sets it: the issuer is also the pool's domain here; a CSRF key per run.
  Object.assign(process.env, {
    USER_POOL_ISSUER: identity.issuer.issuer,
    USER_POOL_CLIENT_ID: identity.issuer.clientId,
    USER_POOL_DOMAIN: identity.issuer.issuer,
    STAFF_SESSION_SECRET: process.env.STAFF_SESSION_SECRET || randomBytes(32).toString('base64url'),
  });
  server.once('close', () => paymentSandbox.stop());
  return { server, url, paymentSandbox };
}
