/**
 * The timeline: one entry per interaction between a person and the government, whatever the channel. An entry is
 * written in the same transaction as the change it records (the stores take the entries with the change), so the
 * timeline is also the outbox: the DynamoDB stream hands each new entry to the notifier (notifications.ts).
 *
 * What an entry holds is deliberately little: channel, direction, when, agency, who acted (staff, system or the
 * citizen), which case and which person, and a short summary. Never answers, message texts or addresses: the
 * summary of a system entry is a kind and, for a status change or a payment, the status or the amount; whoever
 * needs more (the notifier writing the e-mail) reads it from the case.
 */
import { randomUUID } from 'node:crypto';
import type { SubmissionStatus } from './submissions.ts';

export const CHANNELS = ['web', 'email', 'sms', 'voice', 'chat', 'in-person', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIRECTIONS = ['in', 'out'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const ACTORS = ['staff', 'system', 'citizen'] as const;
export type ActorKind = (typeof ACTORS)[number];

export const ENTRY_KINDS = [
  'submitted',
  'status-changed',
  'staff-message',
  'payment-started',
  'paid',
  'refunded',
  'notification-sent',
  'delivered',
  'bounced',
  'complained',
  'contact',
  /** "Save and come back later" with an e-mail address: the notifier e-mails the resume link (decision 0082). */
  'draft-saved',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** The entries the notifier writes to the person about (an e-mail each); the rest are a record only. */
export const NOTIFYING_KINDS: readonly EntryKind[] = ['submitted', 'status-changed', 'staff-message', 'paid', 'draft-saved'];

/** The longest summary kept: one line a contact-centre agent would write, not a transcript. */
export const MAX_SUMMARY = 280;

export interface TimelineEntry {
  id: string;
  kind: EntryKind;
  channel: Channel;
  direction: Direction;
  occurredAt: string;
  agency: string;
  actor: ActorKind;
  /**
   * One line. For the portal's own entries, a plain English line for logs and staff; pages translate the
   * kind (with `status` or `amount`) instead. For other channels, what their system sent.
   */
  summary: string;
  /** The case it concerns (its confirmation code), when it concerns one. */
  caseCode?: string;
  /** That case's service, so the entry counts for it in the volume by channel (channel-volume.ts, decision 0126). */
  serviceId?: string;
  /** The signed-in person (Cognito `sub`) whose timeline it is on, when known. */
  person?: string;
  /** For a status change: the new status. */
  status?: SubmissionStatus;
  /** For a payment or refund: how much, in cents. */
  amount?: number;
  currency?: string;
  /** For a staff message: which message on the case (the notifier reads its text from there). */
  messageId?: string;
  /** For a notification, delivery or bounce: the entry it tells about. */
  about?: string;
  /** For an entry from another channel: that system's id for the contact (same id twice → one entry). */
  externalId?: string;
  /** Only on an unlinked contact: how the other system said to find the person, so staff can link it. */
  hint?: { confirmationCode?: string; personId?: string; email?: string; phone?: string };
  /** For a draft saved to finish later: its resume code (the notifier reads the address from the code's record). */
  resumeCode?: string;
  /** Set on entries the notifier acts on (NOTIFYING_KINDS); the stream filter reads it. */
  notify?: true;
}

export interface EntryDeps {
  now: () => Date;
  newId?: () => string;
}

type EntryBase = Omit<TimelineEntry, 'id' | 'occurredAt' | 'notify'> & { occurredAt?: string };

/** A new entry; `notify` follows from its kind, so no caller can forget it (or set it on a record-only kind). */
export function timelineEntry(base: EntryBase, deps: EntryDeps): TimelineEntry {
  const entry: TimelineEntry = {
    id: (deps.newId ?? randomUUID)(),
    occurredAt: base.occurredAt ?? deps.now().toISOString(),
    ...withoutUndefined(base),
  } as TimelineEntry;
  if (NOTIFYING_KINDS.includes(entry.kind)) entry.notify = true;
  else delete entry.notify;
  return entry;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Who the entry is about: the case and its owner, when signed in. */
interface About {
  code: string;
  agency: string;
  serviceId?: string | undefined;
  ownerSubject?: string | undefined;
}

const aboutCase = (about: About) => ({
  agency: about.agency,
  caseCode: about.code,
  ...(about.serviceId && { serviceId: about.serviceId }),
  ...(about.ownerSubject && { person: about.ownerSubject }),
});

export function submittedEntry(submission: About & { submittedAt: string; channel: 'web' | 'api' }, deps: EntryDeps) {
  return timelineEntry(
    {
      kind: 'submitted',
      channel: 'web',
      direction: 'in',
      actor: 'citizen',
      occurredAt: submission.submittedAt,
      summary: 'Application received',
      ...aboutCase(submission),
    },
    deps,
  );
}

export function statusChangedEntry(submission: About, status: SubmissionStatus, at: string, deps: EntryDeps) {
  return timelineEntry(
    {
      kind: 'status-changed',
      channel: 'web',
      direction: 'out',
      actor: 'staff',
      occurredAt: at,
      status,
      summary: `Status changed to ${status}`,
      ...aboutCase(submission),
    },
    deps,
  );
}

/** A message to the citizen (never an internal note: notes are not interactions with the person). */
export function staffMessageEntry(submission: About, messageId: string, at: string, deps: EntryDeps) {
  return timelineEntry(
    {
      kind: 'staff-message',
      channel: 'web',
      direction: 'out',
      actor: 'staff',
      occurredAt: at,
      messageId,
      summary: 'Message from the agency',
      ...aboutCase(submission),
    },
    deps,
  );
}

export type PaymentEntryKind = Extract<EntryKind, 'payment-started' | 'paid' | 'refunded'>;

const PAYMENT_SUMMARY: Record<PaymentEntryKind, string> = {
  'payment-started': 'Payment started',
  paid: 'Payment received',
  refunded: 'Payment refunded',
};

const PAYMENT_ACTOR: Record<PaymentEntryKind, ActorKind> = { 'payment-started': 'citizen', paid: 'system', refunded: 'staff' };

/** A payment's step, on the case it pays for (a bill paid by reference is no case and has no timeline). */
export function paymentEntry(
  kind: PaymentEntryKind,
  payment: {
    agency: string;
    currency: string;
    subject: { kind: string; code?: string };
    serviceId?: string | undefined;
    ownerSubject?: string | undefined;
  },
  amount: number,
  at: string,
  deps: EntryDeps,
): TimelineEntry | undefined {
  if (payment.subject.kind !== 'submission' || !payment.subject.code) return undefined;
  return timelineEntry(
    {
      kind,
      channel: 'web',
      direction: kind === 'payment-started' ? 'in' : 'out',
      actor: PAYMENT_ACTOR[kind],
      occurredAt: at,
      amount,
      currency: payment.currency,
      summary: PAYMENT_SUMMARY[kind],
      ...aboutCase({
        code: payment.subject.code,
        agency: payment.agency,
        serviceId: payment.serviceId,
        ownerSubject: payment.ownerSubject,
      }),
    },
    deps,
  );
}

/**
 * A saved draft's own entry (decision 0082): an anonymous person's draft is nobody's timeline, and never an
 * unlinked contact for staff to link; it is kept under its resume code.
 */
export function isDraftEntry(entry: Pick<TimelineEntry, 'caseCode' | 'person' | 'resumeCode'>): boolean {
  return !entry.caseCode && !entry.person && entry.resumeCode !== undefined;
}

/** Where an entry is read from: the case's timeline, the person's, or (neither known) the agency's unlinked list. */
export function placeOf(entry: Pick<TimelineEntry, 'caseCode' | 'person' | 'agency'>): 'case' | 'person' | 'unlinked' {
  if (entry.caseCode) return 'case';
  if (entry.person) return 'person';
  return 'unlinked';
}

/** An entry as the citizen sees it on "My activity": the same fields, without staff-only references. */
export type ActivityItem = Pick<
  TimelineEntry,
  | 'id'
  | 'kind'
  | 'channel'
  | 'direction'
  | 'occurredAt'
  | 'agency'
  | 'actor'
  | 'summary'
  | 'caseCode'
  | 'status'
  | 'amount'
  | 'currency'
>;

export function toActivityItem(entry: TimelineEntry): ActivityItem {
  const { id, kind, channel, direction, occurredAt, agency, actor, summary, caseCode, status, amount, currency } = entry;
  return withoutUndefined({
    id,
    kind,
    channel,
    direction,
    occurredAt,
    agency,
    actor,
    summary,
    caseCode,
    status,
    amount,
    currency,
  });
}

/** A page of a timeline, newest first; `next` continues after the last entry shown. */
export interface TimelinePage {
  entries: TimelineEntry[];
  next?: string;
}

export interface TimelineReader {
  /** A person's entries, newest first, across every agency and channel. */
  personTimeline(person: string, options: { limit: number; before?: string | undefined }): Promise<TimelinePage>;
  /** A case's entries, newest first. */
  caseTimeline(code: string, options: { limit: number; before?: string | undefined }): Promise<TimelinePage>;
}

export const ACTIVITY_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** The position a page continues from: an entry's sort key (`<occurredAt>#<id>`), opaque to callers. */
export function cursorOf(entry: Pick<TimelineEntry, 'occurredAt' | 'id'>): string {
  return Buffer.from(`${entry.occurredAt}#${entry.id}`, 'utf8').toString('base64url');
}

/** The sort key a cursor names, or undefined for anything that is not one (a bad cursor starts from the top). */
export function parseCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  return /^\d{4}-\d\d-\d\dT[\d:.]+Z#[\w-]+$/.test(decoded) ? decoded : undefined;
}

/** The caller's own activity, newest first: only entries whose person is the caller, whatever the store returns. */
export async function listMyActivity(
  person: string | undefined,
  options: { cursor?: string | undefined; limit?: number | undefined },
  deps: { timeline: TimelineReader },
): Promise<{ items: ActivityItem[]; next?: string }> {
  if (!person) return { items: [] };
  const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? ACTIVITY_PAGE_SIZE)), MAX_PAGE_SIZE);
  const page = await deps.timeline.personTimeline(person, { limit, before: parseCursor(options.cursor) });
  const items = page.entries
    .filter((entry) => entry.person === person)
    .sort(newestFirst)
    .map(toActivityItem);
  return { items, ...(page.next && { next: page.next }) };
}

export function newestFirst(a: Pick<TimelineEntry, 'occurredAt' | 'id'>, b: Pick<TimelineEntry, 'occurredAt' | 'id'>): number {
  return `${b.occurredAt}#${b.id}`.localeCompare(`${a.occurredAt}#${a.id}`);
}

/** The most entries a case page shows at once (a case with more pages through them with `next`). */
export const CASE_TIMELINE_LIMIT = 100;

/**
 * A case's timeline for staff, newest first. Call it only after the caller was allowed to open the case
 * (cases.ts openCase): it checks nothing itself, so it never answers a case on its own.
 */
export async function caseTimelineOf(
  code: string,
  options: { cursor?: string | undefined },
  deps: { timeline: TimelineReader },
): Promise<{ items: ActivityItem[]; next?: string }> {
  const page = await deps.timeline.caseTimeline(code, { limit: CASE_TIMELINE_LIMIT, before: parseCursor(options.cursor) });
  const items = page.entries
    .filter((entry) => entry.caseCode === code)
    .sort(newestFirst)
    .map(toActivityItem);
  return { items, ...(page.next && { next: page.next }) };
}
