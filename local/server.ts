/**
 * The local front door: one HTTP server that plays CloudFront (the built site from web/dist, security
 * headers) and API Gateway (/api/* → the same handler modules, with HTTP API v2 events).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { SECURITY_HEADERS } from '../web/security-headers.ts';
import { lambdaContext, loadHandler, matchRoute, toApiGatewayEvent } from './api-gateway.ts';

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
  /** Called with each API request's outcome; the default prints one line per request. */
  log?: (line: string) => void;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body?: string | Buffer) {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > GATEWAY_MAX_BODY) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function serveApi(req: IncomingMessage, res: ServerResponse, url: URL) {
  const method = req.method ?? 'GET';
  const matched = matchRoute(method, url.pathname);
  if (matched.kind !== 'match') {
    const [status, message] = matched.kind === 'not-found' ? [404, 'Not Found'] : [405, 'Method Not Allowed'];
    send(res, status, { 'content-type': 'application/json' }, JSON.stringify({ message }));
    return;
  }
  const body = await readBody(req);
  if (body === 'too-large') {
    send(res, 413, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Request Entity Too Large' }));
    return;
  }
  const event = toApiGatewayEvent(
    { method, url, headers: req.headers, body, sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1' },
    matched.match,
  );
  const handler = await loadHandler(matched.match.route.handler);
  const result = await handler(event, lambdaContext(matched.match.route.handler));
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  if (result.cookies?.length) res.setHeader('set-cookie', result.cookies);
  const payload =
    result.body === undefined ? undefined : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
  send(res, result.statusCode ?? 200, headers, payload);
}

function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL, distDir: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, { 'content-type': 'text/plain; charset=utf-8', allow: 'GET, HEAD' }, 'Method Not Allowed');
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
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
      send(res, 301, { location: `${url.pathname}/${url.search}` });
      return;
    }
    target = join(file, 'index.html');
  }
  if (!existsSync(target) || !statSync(target).isFile() || pathname.includes('/_shell/')) {
    const notFound = join(distDir, pathname.startsWith('/es/') ? 'es/404.html' : '404.html');
    send(
      res,
      404,
      { 'content-type': CONTENT_TYPES['.html'] ?? 'text/html' },
      existsSync(notFound) ? readFileSync(notFound) : 'Not Found',
    );
    return;
  }
  const immutable = pathname.startsWith('/_astro/');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': CONTENT_TYPES[extname(target)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(target).pipe(res);
}

export function createPortalServer(options: PortalServerOptions): Server {
  const distDir = normalize(options.distDir);
  const log = options.log ?? ((line: string) => console.log(line));
  return createServer((req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
    const work = isApi ? serveApi(req, res, url) : Promise.resolve(serveStatic(req, res, url, distDir));
    work
      .catch((error: unknown) => {
        // Same as API Gateway when a Lambda crashes: a bare 500, details only in the log.
        log(`! ${req.method} ${url.pathname} crashed: ${(error as Error).stack ?? String(error)}`);
        if (!res.headersSent)
          send(res, 500, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Internal Server Error' }));
        else res.end();
      })
      .finally(() => {
        if (isApi) log(`${req.method} ${url.pathname} → ${res.statusCode} (${(performance.now() - started).toFixed(0)} ms)`);
      });
  });
}
