/**
 * A signed-in person's draft opens only for them (decision 0082). Its pages are plain links and form posts, which
 * cannot carry the person's token, so the browser holds the draft's key in an HttpOnly cookie of its own, set by
 * the signed-in routes that start or continue the draft; the draft keeps only the key's hash.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { DraftAccess } from '#domain/draft-resume';
import { DRAFT_TTL_DAYS } from '#domain/drafts';
import { callerOf } from './caller.ts';

const cookieName = (draftId: string) => `__Host-fd-draft-${draftId}`;

export function draftKeyCookie(draftId: string, key: string): string {
  return `${cookieName(draftId)}=${key}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=${DRAFT_TTL_DAYS * 24 * 60 * 60}`;
}

export function draftKeyOf(event: Pick<APIGatewayProxyEventV2, 'cookies'>, draftId: string): string | undefined {
  const name = cookieName(draftId);
  for (const cookie of event.cookies ?? []) {
    const eq = cookie.indexOf('=');
    if (eq > 0 && cookie.slice(0, eq).trim() === name) return cookie.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

/** How this request may prove it is the owner's: the token's subject (signed-in routes) or the draft key cookie. */
export function draftAccessOf(event: APIGatewayProxyEventV2, draftId: string): DraftAccess {
  const caller = callerOf(event);
  if (caller.kind === 'person') return { kind: 'subject', subject: caller.subject };
  return { kind: 'owner-key', key: draftKeyOf(event, draftId) };
}
