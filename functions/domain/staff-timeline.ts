/**
 * The timeline for staff beyond one case (decision 76): a person's page (every entry of the person's for the staff
 * member's agency, never another agency's) and the agency's unlinked contacts, with "link to a case or a person".
 * Each read of a person's timeline and each link is audited, like a case read. Only staff of the agency; anyone else
 * is told there is nothing there (404), as for a case.
 */
import { translate } from '#catalog/i18n';
import type { Locale, Strings } from '#catalog/schema';
import { InvalidAnswersError, NotFoundError } from '#shared/errors';
import { type AuditDeps, type AuditEntry, type AuditOrigin, auditEntry } from './audit.ts';
import { type Caller, canActForAgency } from './authorization.ts';
import { parseConfirmationCode } from './confirmation-code.ts';
import type { Submission } from './submissions.ts';
import { newestFirst, parseCursor, type TimelineEntry, type TimelinePage, type TimelineReader } from './timeline.ts';

export const PERSON_PAGE_SIZE = 50;
export const UNLINKED_PAGE_SIZE = 25;
const SUBJECT = /^[A-Za-z0-9_-]{1,128}$/;

export interface StaffTimelineStore {
  /** The agency's unlinked contacts, newest first. */
  unlinkedContacts(agency: string, options: { limit: number; before?: string | undefined }): Promise<TimelinePage>;
  /** One unlinked contact by its position (`<occurredAt>#<id>`). */
  unlinkedContact(agency: string, sortKey: string): Promise<TimelineEntry | undefined>;
  /** One transaction: the unlinked item removed, the linked entry written (same id), and the audit entry. */
  link(agency: string, sortKey: string, linked: TimelineEntry, audit: AuditEntry): Promise<'linked' | 'gone'>;
  /** An audit entry on its own (a read). */
  audit(entry: AuditEntry): Promise<void>;
}

export interface StaffTimelineDeps extends AuditDeps {
  timeline: TimelineReader;
  store: StaffTimelineStore;
  strings: Strings;
  findByCode(code: string): Promise<Submission | undefined>;
}

function staffOnly(caller: Caller, agency: string, locale: Locale, strings: Strings) {
  if (!canActForAgency(caller, agency)) throw new NotFoundError(translate(strings, 'person.notFound', locale));
  return caller;
}

/** A person's timeline for the agency's staff: only the agency's entries, newest first; the read is audited. */
export async function personTimelineForStaff(
  input: { caller: Caller; agency: string; person: string; cursor?: string | undefined; locale: Locale; from: AuditOrigin },
  deps: StaffTimelineDeps,
): Promise<{ entries: TimelineEntry[]; next?: string }> {
  const staff = staffOnly(input.caller, input.agency, input.locale, deps.strings);
  if (!SUBJECT.test(input.person)) throw new NotFoundError(translate(deps.strings, 'person.notFound', input.locale));
  await deps.store.audit(
    auditEntry(
      { actor: staff, agency: input.agency, action: 'person.read', record: `PERSON#${input.person}`, from: input.from },
      deps,
    ),
  );
  const page = await deps.timeline.personTimeline(input.person, { limit: PERSON_PAGE_SIZE, before: parseCursor(input.cursor) });
  // Another agency's entries are not this agency's to read, whatever the index returned.
  const entries = page.entries
    .filter((entry) => entry.person === input.person && entry.agency === input.agency)
    .sort(newestFirst);
  return { entries, ...(page.next && { next: page.next }) };
}

/** The agency's contacts nobody could match yet, newest first. */
export async function unlinkedContactsFor(
  input: { caller: Caller; agency: string; cursor?: string | undefined; locale: Locale },
  deps: Pick<StaffTimelineDeps, 'store' | 'strings'>,
): Promise<{ entries: TimelineEntry[]; next?: string }> {
  staffOnly(input.caller, input.agency, input.locale, deps.strings);
  const page = await deps.store.unlinkedContacts(input.agency, { limit: UNLINKED_PAGE_SIZE, before: parseCursor(input.cursor) });
  const entries = page.entries.filter((e) => e.agency === input.agency && !e.caseCode && !e.person).sort(newestFirst);
  return { entries, ...(page.next && { next: page.next }) };
}

export class LinkContactError extends InvalidAnswersError {
  override name = 'LinkContactError';
  override readonly code = 'invalid_link';
}

/**
 * Links an unlinked contact to one of the agency's cases (by its code: the case's owner too, when they applied signed
 * in) or to a person (by their id): the entry moves to that timeline with the same id, its hint dropped (a linked
 * entry keeps no address), and the link is audited. A contact someone else linked meanwhile answers 'gone'.
 */
export async function linkContact(
  input: {
    caller: Caller;
    agency: string;
    /** The contact's position (`<occurredAt>#<id>`, the page's opaque cursor of it). */
    contact: string;
    target: { code?: string; person?: string };
    locale: Locale;
    from: AuditOrigin;
  },
  deps: StaffTimelineDeps,
): Promise<{ outcome: 'linked' | 'gone'; caseCode?: string; person?: string }> {
  const t = (key: string) => translate(deps.strings, key, input.locale);
  const staff = staffOnly(input.caller, input.agency, input.locale, deps.strings);
  const sortKey = parseCursor(input.contact);
  const contact = sortKey && (await deps.store.unlinkedContact(input.agency, sortKey));
  if (!sortKey || !contact) return { outcome: 'gone' };
  const code = input.target.code?.trim();
  const person = input.target.person?.trim();
  let about: { caseCode?: string; person?: string };
  let serviceId: string | undefined;
  if (code) {
    const parsed = parseConfirmationCode(code);
    const found = parsed.ok ? await deps.findByCode(parsed.code) : undefined;
    // Another agency's case is not this agency's to write on: the same answer as no case at all.
    if (!found || found.agency !== input.agency)
      throw new LinkContactError(t('unlinked.noSuchCase'), [{ field: 'code', message: t('unlinked.noSuchCase') }]);
    about = { caseCode: found.code, ...(found.ownerSubject && { person: found.ownerSubject }) };
    serviceId = found.serviceId;
  } else if (person && SUBJECT.test(person)) {
    about = { person };
  } else {
    throw new LinkContactError(t('unlinked.chooseTarget'), [{ field: 'code', message: t('unlinked.chooseTarget') }]);
  }
  const { hint: _hint, ...rest } = contact;
  // The case's service too: the contact's count moves to it (decision 0126).
  const linked: TimelineEntry = { ...rest, ...about, ...(serviceId && { serviceId }) };
  const audit = auditEntry(
    {
      actor: staff,
      agency: input.agency,
      action: 'contact.link',
      record: about.caseCode ?? `PERSON#${about.person}`,
      detail: { contact: contact.id },
      from: input.from,
    },
    deps,
  );
  const outcome = await deps.store.link(input.agency, sortKey, linked, audit);
  return { outcome, ...about };
}
