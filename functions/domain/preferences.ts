/**
 * How a signed-in person wants to hear from us (My account → Notifications): per kind of notice, e-mail, text,
 * both or none, and the language. Receipts (the confirmation of what they sent, a payment receipt) always go: a
 * person may choose how, never "none", because they are the record of a legal act (decision 72).
 * The notifier asks `channelsFor` before every notice; a person without preferences gets both channels they gave.
 */
import type { FieldProblem } from '#catalog/form-messages';
import type { Locale } from '#catalog/schema';
import { InvalidAnswersError } from '#shared/errors';
import type { EntryKind } from './timeline.ts';

export const CHANNEL_CHOICES = ['email', 'sms', 'both', 'none'] as const;
export type ChannelChoice = (typeof CHANNEL_CHOICES)[number];

/** The kinds a person chooses for, in the order My account shows them. */
export const PREFERENCE_KINDS = ['submitted', 'status-changed', 'staff-message', 'paid'] as const;
export type PreferenceKind = (typeof PREFERENCE_KINDS)[number];

/** Receipts: always sent, by at least one channel. */
export const RECEIPT_KINDS: readonly PreferenceKind[] = ['submitted', 'paid'];

export type NoticeChannel = 'email' | 'sms';

export interface Preferences {
  choices: Partial<Record<PreferenceKind, ChannelChoice>>;
  /** The language notices come in; absent: the language of the application. */
  locale?: Locale;
  updatedAt?: string;
}

export interface PreferenceStore {
  preferencesOf(person: string): Promise<Preferences | undefined>;
  savePreferences(person: string, preferences: Preferences): Promise<void>;
}

export class InvalidPreferencesError extends InvalidAnswersError {
  override name = 'InvalidPreferencesError';
  override readonly code = 'invalid_preferences';
}

const includes = <T extends string>(list: readonly T[], value: unknown): value is T => list.includes(value as T);

/** The channels a notice of this kind goes by, given what the person chose and how they can be reached. */
export function channelsFor(
  kind: EntryKind,
  preferences: Preferences | undefined,
  reachable: { email: boolean; sms: boolean },
): NoticeChannel[] {
  if (!includes(PREFERENCE_KINDS, kind)) return [];
  const choice = preferences?.choices[kind] ?? 'both';
  const wanted: NoticeChannel[] = choice === 'both' ? ['email', 'sms'] : choice === 'none' ? [] : [choice];
  const channels = wanted.filter((channel) => reachable[channel]);
  if (channels.length === 0 && RECEIPT_KINDS.includes(kind)) {
    // A receipt always goes: by whichever channel can still reach the person.
    if (reachable.email) return ['email'];
    if (reachable.sms) return ['sms'];
  }
  return channels;
}

/** Checks what My account's form sent; names every wrong field. */
export function parsePreferences(body: unknown, now: Date): Preferences {
  const problems: FieldProblem[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new InvalidPreferencesError('Send the preferences as an object.', [{ field: '(body)', message: 'an object' }]);
  const data = body as Record<string, unknown>;
  const choices: Preferences['choices'] = {};
  for (const key of Object.keys(data)) {
    if (key === 'locale') continue;
    if (!includes(PREFERENCE_KINDS, key)) {
      problems.push({ field: key, message: `not a kind of notice (use ${PREFERENCE_KINDS.join(', ')}, locale)` });
      continue;
    }
    const value = data[key];
    if (!includes(CHANNEL_CHOICES, value)) problems.push({ field: key, message: `one of ${CHANNEL_CHOICES.join(', ')}` });
    else if (value === 'none' && RECEIPT_KINDS.includes(key))
      problems.push({ field: key, message: 'a receipt always goes: choose email, sms or both' });
    else choices[key] = value;
  }
  const locale = data.locale;
  if (locale !== undefined && locale !== 'en' && locale !== 'es') problems.push({ field: 'locale', message: 'en or es' });
  if (problems.length > 0)
    throw new InvalidPreferencesError(
      `The preferences have ${problems.length} problem(s): ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
      problems,
    );
  return { choices, ...(locale !== undefined && { locale: locale as Locale }), updatedAt: now.toISOString() };
}

/** An address of the person's that our last e-mail could not reach (My account says so, with the address). */
export interface UnreachableAddress {
  address: string;
  state: 'bounced' | 'complained';
  at: string;
}

/** The person's own addresses (from their submissions) whose last e-mail bounced or was marked as unwanted. */
export async function unreachableAddressesOf(
  person: string,
  deps: {
    listByOwner(owner: string, limit: number): Promise<{ applicantEmail?: string; ownerSubject?: string }[]>;
    emailState(address: string): Promise<{ state: 'bounced' | 'complained'; at: string } | undefined>;
  },
): Promise<UnreachableAddress[]> {
  const submissions = await deps.listByOwner(person, 50);
  const addresses = new Set(
    submissions.filter((s) => s.ownerSubject === person).flatMap((s) => (s.applicantEmail ? [s.applicantEmail] : [])),
  );
  const found: UnreachableAddress[] = [];
  for (const address of [...addresses].sort()) {
    const state = await deps.emailState(address);
    if (state) found.push({ address, ...state });
  }
  return found;
}
