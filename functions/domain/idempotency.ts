/**
 * Idempotency-Keys: a request sent twice (a double click, a retry after a timeout) is answered once, for
 * submissions and payments alike. The key is claimed in the same transaction as the change it guards
 * (docs/decisions/0002); a repeat gets the first answer, and a key reused for a different request is refused.
 */
import { createHash } from 'node:crypto';
import { translate } from '#catalog/i18n';
import type { Locale, Strings } from '#catalog/schema';
import { BadRequestError } from '#shared/errors';

/** Claims an Idempotency-Key for one request; a second request with the same key gets the first answer. */
export interface IdempotencyClaim {
  key: string;
  /** A hash of the request, so a key reused for different answers is refused instead of silently ignored. */
  fingerprint: string;
  /** Epoch seconds after which DynamoDB's TTL may delete the claim. */
  expiresAt: number;
}

export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** A plain HTML post without JavaScript has no key of its own; identical posts this close together are one. */
export const AUTO_KEY_WINDOW_SECONDS = 10 * 60;

/** The key as sent, checked; undefined when none was sent. */
export function checkIdempotencyKey(key: string | undefined, locale: Locale, strings: Strings): string | undefined {
  if (!key) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) throw new BadRequestError(translate(strings, 'error.idempotencyKey', locale));
  return key;
}

/** A hash of the parts of a request that make it the same request (NUL-separated, so parts cannot run together). */
export function fingerprintOf(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url');
}

/** The claim for `key` (none without a key), kept for IDEMPOTENCY_TTL_SECONDS from `now`. */
export function claimFor(key: string | undefined, fingerprint: string, now: Date): IdempotencyClaim | undefined {
  return key ? { key, fingerprint, expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS } : undefined;
}

/** Who sends a plain form post, as far as the portal can tell. */
export type Sender =
  /** Signed in: the subject (`sub`) of their token. */
  | { kind: 'person'; subject: string }
  /** Anonymous: the viewer's IP address as the edge saw it (never the edge's own address). */
  | { kind: 'anonymous'; address: string };

/**
 * The key of a plain form post that carries none: the same sender posting the same answers to the same path
 * within AUTO_KEY_WINDOW_SECONDS. Two people sending identical answers are two requests, so the sender is part
 * of it (a signed-in person by subject, anyone else by address).
 */
export function automaticIdempotencyKey(request: {
  path: string;
  /** The posted fields without the portal's own (`_`-prefixed) ones, in any order. */
  answers: URLSearchParams;
  sender: Sender;
  now: Date;
}): string {
  const answers = new URLSearchParams([...request.answers].filter(([name]) => !name.startsWith('_')));
  answers.sort();
  const window = Math.floor(request.now.getTime() / 1000 / AUTO_KEY_WINDOW_SECONDS);
  const sender = request.sender.kind === 'person' ? `person:${request.sender.subject}` : `address:${request.sender.address}`;
  return `auto-${fingerprintOf(request.path, answers.toString(), sender, String(window))}`;
}
