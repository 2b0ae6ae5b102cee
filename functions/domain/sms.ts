/**
 * Text messages (AWS End User Messaging SMS): who may get one, what an inbound text asks for, and what we answer.
 * - A person gets texts only when they gave a mobile number AND ticked the form's consent box (off by default),
 *   and have not texted STOP since (or texted START after it). Consent is per number, recorded with its source.
 * - Inbound texts are commands: STOP (and the carriers' other opt-out words) stops every text to the number,
 *   START opts back in, HELP answers who we are and how to stop, `STATUS <code>` answers the case's status (the
 *   same as the anonymous status page: status and date, never answers), anything else gets the short help.
 * The number's opt-outs are ours (self-managed opt-outs on the phone number, decision 71): one rule, here, that the
 * notifier and the inbound handler both use, locally and on AWS.
 */
import { parseConfirmationCode } from './confirmation-code.ts';

/** The words carriers require a US number to honour for opting out (CTIA), and their Spanish counterparts. */
export const STOP_WORDS = [
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'REVOKE',
  'OPTOUT',
  'OPT OUT',
  'PARAR',
  'ALTO',
  'CANCELAR',
] as const;
export const START_WORDS = ['START', 'UNSTOP', 'YES', 'SUBSCRIBE', 'OPT IN', 'OPTIN', 'COMENZAR', 'SI', 'SÍ'] as const;
export const HELP_WORDS = ['HELP', 'INFO', 'AYUDA'] as const;

export type SmsCommand =
  | { kind: 'stop'; locale: 'en' | 'es' }
  | { kind: 'start'; locale: 'en' | 'es' }
  | { kind: 'help'; locale: 'en' | 'es' }
  | { kind: 'status'; code: string; locale: 'en' | 'es' }
  /** `STATUS` with something that is not a code (a typo): the answer says how to write it. */
  | { kind: 'status-mistyped'; locale: 'en' | 'es' }
  | { kind: 'other'; locale: 'en' | 'es' };

const SPANISH = new Set(['PARAR', 'ALTO', 'CANCELAR', 'COMENZAR', 'SI', 'SÍ', 'AYUDA', 'ESTADO']);

/** What an inbound text asks for. Case, spaces and punctuation around the words do not matter. */
export function parseSmsCommand(body: string): SmsCommand {
  const text = body
    .normalize('NFC')
    .toUpperCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s.!¡¿?,'"]+|[\s.!?,'"]+$/g, '');
  const locale = (word: string) => (SPANISH.has(word) ? 'es' : 'en');
  if ((STOP_WORDS as readonly string[]).includes(text)) return { kind: 'stop', locale: locale(text) };
  if ((START_WORDS as readonly string[]).includes(text)) return { kind: 'start', locale: locale(text) };
  if ((HELP_WORDS as readonly string[]).includes(text)) return { kind: 'help', locale: locale(text) };
  const status = /^(STATUS|ESTADO)\b:?\s*(.*)$/.exec(text);
  if (status?.[1]) {
    const parsed = parseConfirmationCode(status[2] ?? '');
    return parsed.ok
      ? { kind: 'status', code: parsed.code, locale: locale(status[1]) }
      : { kind: 'status-mistyped', locale: locale(status[1]) };
  }
  return { kind: 'other', locale: 'en' };
}

/**
 * A phone number as End User Messaging wants it (E.164, `+` and digits), or undefined when it cannot be one.
 * Numbers without a country code are taken as North American (the portal's country; 10 digits, or 11 with 1).
 */
export function toE164(raw: string): string | undefined {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/[\s().-]/g, '');
  if (/^\+[1-9]\d{7,14}$/.test(digits)) return digits;
  if (/^[2-9]\d{2}[2-9]\d{6}$/.test(digits)) return `+1${digits}`;
  if (/^1[2-9]\d{2}[2-9]\d{6}$/.test(digits)) return `+${digits}`;
  return undefined;
}

/** Where a number stands: opted out by a STOP (and when), else not. */
export interface OptOut {
  phone: string;
  at: string;
}

export interface OptOutStore {
  isOptedOut(phone: string): Promise<boolean>;
  optOut(phone: string, at: string): Promise<void>;
  optIn(phone: string): Promise<void>;
}

/** One text, in the person's language. */
export interface OutgoingText {
  to: string;
  body: string;
}

export interface TextSender {
  /** Sends one text; resolves to the provider's message id. Throws when the provider refused or failed. */
  send(text: OutgoingText, reference: { entryId: string }): Promise<{ messageId: string }>;
}

/** The longest text we send: two SMS segments of GSM-7, so a reply never splits into three. */
export const MAX_TEXT_LENGTH = 306;

/** Shortens a text to what fits, at a word boundary, so it never goes out as three or more parts. */
export function fitText(body: string): string {
  if (body.length <= MAX_TEXT_LENGTH) return body;
  const cut = body.slice(0, MAX_TEXT_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > 200 ? space : cut.length)}…`;
}
