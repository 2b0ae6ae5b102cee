/** Which Idempotency-Key a request carries, so a double click or a retry never creates two submissions. */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { automaticIdempotencyKey, type Sender } from '#domain/idempotency';
import { callerOf } from './caller.ts';
import { header } from './request.ts';

/**
 * The viewer's IP as CloudFront reports it in CloudFront-Viewer-Address ("ip:port", IPv6 unbracketed), without
 * the port, which changes per connection. The source IP API Gateway sees is the edge's, shared by everyone it
 * serves; it only stands in where no CloudFront is in front (the header is then absent).
 */
export function viewerIpOf(event: APIGatewayProxyEventV2): string {
  const address = header(event, 'cloudfront-viewer-address') ?? '';
  const port = address.lastIndexOf(':');
  return port > 0 ? address.slice(0, port) : event.requestContext.http.sourceIp;
}

/** Who sends the request: the signed-in subject, or for anyone else the viewer's address. */
function senderOf(event: APIGatewayProxyEventV2): Sender {
  const caller = callerOf(event);
  if (caller.kind === 'person') return { kind: 'person', subject: caller.subject };
  if (caller.kind === 'machine') return { kind: 'person', subject: `client:${caller.clientId}` };
  return { kind: 'anonymous', address: viewerIpOf(event) };
}

/** The key the request sent (header, or the form's `_idempotency` field), or for a plain form post one of its own. */
export function idempotencyKeyOf(
  event: APIGatewayProxyEventV2,
  formFields: URLSearchParams | undefined,
  now: Date,
): string | undefined {
  const explicit = header(event, 'idempotency-key') ?? formFields?.get('_idempotency') ?? '';
  if (explicit !== '') return explicit;
  if (!formFields) return undefined;
  return automaticIdempotencyKey({ path: event.rawPath, answers: formFields, sender: senderOf(event), now });
}

/** A key for the re-rendered form after a mistake, so the corrected post is still one request. */
export function freshIdempotencyKey(): string {
  return randomUUID();
}
