/**
 * The CloudFront Functions in infra/edge/, run here as CloudFront runs them: the file's top-level
 * `handler(event)` with a viewer-request event, so the local server and the CDN share one copy of each rule.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';

type Field = { value: string; multiValue?: { value: string }[] };
export interface EdgeRequest {
  method: string;
  uri: string;
  querystring: Record<string, Field>;
  headers: Record<string, Field>;
  cookies: Record<string, Field>;
}
export interface EdgeResponse {
  statusCode: number;
  statusDescription?: string;
  headers?: Record<string, { value: string }>;
  cookies?: Record<string, { value: string; attributes?: string }>;
}
export type EdgeHandler = (event: { request: EdgeRequest }) => EdgeRequest | EdgeResponse;

export function loadEdgeFunction(file: string): EdgeHandler {
  const code = readFileSync(new URL(`../infra/edge/${file}`, import.meta.url), 'utf8');
  return new Function(`${code}\nreturn handler;`)() as EdgeHandler;
}

function fields(pairs: [string, string][]): Record<string, Field> {
  const out: Record<string, Field> = {};
  for (const [name, value] of pairs) {
    const field = out[name];
    if (!field) out[name] = { value };
    else field.multiValue = [...(field.multiValue ?? [{ value: field.value }]), { value }];
  }
  return out;
}

/** The viewer-request event CloudFront builds: query values as sent (still percent-encoded), headers lower-case. */
export function edgeRequest(req: IncomingMessage, url: URL): EdgeRequest {
  const query = url.search
    .slice(1)
    .split('&')
    .filter(Boolean)
    .map((part): [string, string] => {
      const at = part.indexOf('=');
      return at === -1 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)];
    });
  const headers = Object.entries(req.headers)
    .filter(([name]) => name !== 'cookie')
    .map(([name, value]): [string, string] => [name, Array.isArray(value) ? value.join(',') : (value ?? '')]);
  const cookies = (req.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part): [string, string] => {
      const at = part.indexOf('=');
      return at === -1 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)];
    });
  return {
    method: req.method ?? 'GET',
    uri: url.pathname,
    querystring: fields(query),
    headers: fields(headers),
    cookies: fields(cookies),
  };
}

/** A generated response's Set-Cookie lines, as CloudFront writes them. */
export function setCookieLines(response: EdgeResponse): string[] {
  return Object.entries(response.cookies ?? {}).map(
    ([name, cookie]) => `${name}=${cookie.value}${cookie.attributes ? `; ${cookie.attributes}` : ''}`,
  );
}
