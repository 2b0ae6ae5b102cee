/**
 * What every part of the local runtime (the front door, the issuer, the payment sandbox) does the same way with
 * a raw Node request: read its body within a limit, and refuse it in plain words.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { langOf, renderView } from '#http/views';
import { errorPage } from '#ui/pages/ErrorPage.tsx';
import { pageHref, pages } from '#ui/paths.ts';
import { SECURITY_HEADERS } from '../web/security-headers.ts';

/** A body over the limit of whoever reads it: answered 413, never cut short and read anyway. */
export class RequestTooLargeError extends Error {
  override name = 'RequestTooLargeError';
  readonly statusCode = 413;
  readonly limit: number;
  constructor(limit: number) {
    super(`The request is larger than this address accepts (${Math.round(limit / 1024)} kB at most).`);
    this.limit = limit;
  }
}

/**
 * The whole body, or RequestTooLargeError once it passes `limit` bytes. The rest is still read (and dropped) so
 * the client, still sending, gets the 413 instead of a reset connection.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => (size > limit ? reject(new RequestTooLargeError(limit)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

export async function readText(req: IncomingMessage, limit: number): Promise<string> {
  return (await readBody(req, limit)).toString('utf8');
}

const wantsHtml = (req: IncomingMessage) => /\btext\/html\b/.test(req.headers.accept ?? '');

const HEADINGS: Record<number, string> = {
  400: 'Bad request',
  404: 'Page not found',
  405: 'Not allowed',
  413: 'Too much data',
};

/**
 * A 4xx in plain words: a page in the site's look for a browser, JSON for a script (`{"message": …}`, the shape
 * API Gateway and the functions answer with).
 */
export function sendProblem(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  const html = wantsHtml(req);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  const page = () =>
    renderView('en', errorPage(langOf('en'), HEADINGS[status] ?? 'Something is wrong', message, pageHref('es', pages.home())));
  res.end(html ? page() : JSON.stringify({ message }));
}
