/** Which Idempotency-Key a request carries, so a double click or a retry never creates two submissions. */
import { createHash, randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { header } from './request.ts';

/** A plain HTML post without JavaScript has no key of its own; identical posts this close together are one. */
export const AUTO_KEY_WINDOW_SECONDS = 10 * 60;

export function idempotencyKeyOf(
  event: APIGatewayProxyEventV2,
  formFields: URLSearchParams | undefined,
  now: Date,
): string | undefined {
  const explicit = header(event, 'idempotency-key') ?? formFields?.get('_idempotency') ?? '';
  if (explicit !== '') return explicit;
  if (!formFields) return undefined;
  const answers = new URLSearchParams([...formFields].filter(([name]) => !name.startsWith('_')));
  answers.sort();
  const window = Math.floor(now.getTime() / 1000 / AUTO_KEY_WINDOW_SECONDS);
  const source = event.requestContext.http.sourceIp;
  return `auto-${createHash('sha256').update(`${event.rawPath}\u0000${answers}\u0000${source}\u0000${window}`).digest('base64url')}`;
}

/** A key for the re-rendered form after a mistake, so the corrected post is still one request. */
export function freshIdempotencyKey(): string {
  return randomUUID();
}
