/**
 * Writing to the person when their timeline gets an entry that calls for it (timeline.ts NOTIFYING_KINDS):
 * submission received (with the confirmation code), status changed, message from the agency, payment receipt.
 * The notifier function gets each new entry from the table's stream and calls `notifyAbout`; what SES says
 * afterwards (delivered, bounced) comes back through `recordEmailEvent`. Both write timeline entries, so the
 * person and the staff see what was sent and whether it arrived.
 *
 * Never silent: anything that fails here throws, the notifier reports the record as failed, and the stream retries
 * it with backoff, then hands it to the dead-letter queue (an alarm watches it). A repeat of a record already
 * sent sends nothing (the notice of the first send is read first and written with its timeline entry).
 */
import { formatMoney, translate } from '#catalog/i18n';
import type { Locale, Strings } from '#catalog/schema';
import type { CaseRecord } from './cases.ts';
import type { ResumeRecord } from './draft-resume.ts';
import { type EntryDeps, NOTIFYING_KINDS, type TimelineEntry, timelineEntry } from './timeline.ts';

/** One e-mail, in the person's language, as words: the adapter renders it as plain text and HTML. */
export interface OutgoingEmail {
  to: string;
  locale: Locale;
  subject: string;
  /** Plain sentences, in order. */
  paragraphs: string[];
  /** What the agency wrote (a message or the word with a status), shown set apart as a quotation. */
  quote?: string;
  /** The confirmation code, shown on its own line so it can be read out on the phone. */
  code: string;
  codeLabel: string;
  link: { href: string; label: string };
  footer: string;
}

export interface Mailer {
  /** Sends the e-mail; resolves to the provider's message id. Throws when the provider refused or failed. */
  send(email: OutgoingEmail, reference: { entryId: string }): Promise<{ messageId: string }>;
}

/** The record that an entry's e-mail went out, and which entry a provider's message id is about. */
export interface Notice {
  entryId: string;
  messageId: string;
  agency: string;
  caseCode?: string;
  person?: string;
  resumeCode?: string;
  sentAt: string;
}

export interface NoticeStore {
  /** Whether the entry's e-mail already went out (a stream record delivered twice). */
  sentFor(entryId: string): Promise<boolean>;
  /** One transaction: the notice, the message-id lookup and the "notification sent" entry. */
  recordSent(notice: Notice, entry: TimelineEntry): Promise<'recorded' | 'duplicate'>;
  byMessageId(messageId: string): Promise<Notice | undefined>;
  /** Writes a delivery or bounce entry once (the same provider event twice is one entry). */
  recordOnce(entry: TimelineEntry): Promise<'recorded' | 'duplicate'>;
}

export interface NotifyDeps extends EntryDeps {
  cases: { findCase(code: string): Promise<CaseRecord | undefined> };
  mailer: Mailer;
  notices: NoticeStore;
  strings: Strings;
  /** The agency's name, in the person's language, from the service the case is for. */
  agencyName: (serviceId: string, locale: Locale) => string | undefined;
  /** The address of the status page for a code, in a language (built from the portal's configured origin). */
  statusUrl: (code: string, locale: Locale) => string;
  /** Saved drafts (decision 0082): the resume code's record holds the address the link goes to. */
  resumes?: { findResume(code: string): Promise<ResumeRecord | undefined> };
  /** The address of the resume page with the code filled in. */
  resumeUrl?: (code: string, locale: Locale) => string;
  /** A form's title, in a language (the e-mail says which form was saved). */
  formTitle?: (formId: string, locale: Locale) => string | undefined;
}

/** The resume link's e-mail: the code on its own line, the link, and how long the answers are kept. */
export function draftSavedEmail(
  resume: ResumeRecord,
  deps: Pick<NotifyDeps, 'strings' | 'resumeUrl' | 'formTitle'>,
): OutgoingEmail | undefined {
  if (!resume.email || !deps.resumeUrl) return undefined;
  const { locale } = resume;
  const t = (key: string, params?: Record<string, string | number>) => translate(deps.strings, key, locale, params);
  const until = new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(resume.expiresAt * 1000),
  );
  const form = deps.formTitle?.(resume.formId, locale) ?? t('email.draftSaved.theForm');
  return {
    to: resume.email,
    locale,
    subject: t('email.draftSaved.subject', { form }),
    paragraphs: [t('email.draftSaved.body', { form, date: until }), t('email.draftSaved.check')],
    code: resume.code,
    codeLabel: t('email.draftSaved.codeLabel'),
    link: { href: deps.resumeUrl(resume.code, locale), label: t('email.draftSaved.link') },
    footer: t('email.footer'),
  };
}

export type NotifyOutcome = 'sent' | 'already-sent' | 'not-notifying' | 'no-address' | 'no-case';

/** The e-mail an entry calls for, or undefined when the case has no address to write to. */
export function emailFor(entry: TimelineEntry, record: CaseRecord, deps: Omit<NotifyDeps, 'mailer' | 'notices' | 'cases'>) {
  const { submission } = record;
  const to = submission.applicantEmail;
  if (!to) return undefined;
  const locale = submission.locale;
  const t = (key: string, params?: Record<string, string | number>) => translate(deps.strings, key, locale, params);
  const agency = deps.agencyName(submission.serviceId, locale) ?? t('email.theAgency');
  const code = submission.code;
  const base = {
    to,
    locale,
    code,
    codeLabel: t('email.codeLabel'),
    link: { href: deps.statusUrl(code, locale), label: t('email.statusLink') },
    footer: t('email.footer'),
  };
  switch (entry.kind) {
    case 'submitted':
      return {
        ...base,
        subject: t('email.submitted.subject', { code }),
        paragraphs: [t('email.submitted.body', { agency }), t('email.submitted.keep')],
      };
    case 'status-changed': {
      const status = entry.status ?? submission.status;
      // The word that went with this status, only while it is still the current one (a later change replaces it).
      const quote = submission.status === status ? submission.statusMessage : undefined;
      return {
        ...base,
        subject: t('email.statusChanged.subject', { code }),
        paragraphs: [t('email.statusChanged.body', { agency, status: t(`status.${status}`) })],
        ...(quote && { quote }),
      };
    }
    case 'staff-message': {
      const message = record.messages.find((m) => m.id === entry.messageId && m.kind === 'message');
      return {
        ...base,
        subject: t('email.staffMessage.subject', { code }),
        paragraphs: [t('email.staffMessage.body', { agency })],
        ...(message && { quote: message.text }),
      };
    }
    case 'paid':
      return {
        ...base,
        subject: t('email.paid.subject', { code }),
        paragraphs: [
          t('email.paid.body', { agency, amount: formatMoney(entry.amount ?? 0, entry.currency ?? 'usd', locale) }),
          t('email.paid.keep'),
        ],
      };
    default:
      return undefined;
  }
}

/** Sends the e-mail an entry calls for, once, and records it on the timeline. */
export async function notifyAbout(entry: TimelineEntry, deps: NotifyDeps): Promise<NotifyOutcome> {
  if (!entry.notify || !NOTIFYING_KINDS.includes(entry.kind)) return 'not-notifying';
  let email: OutgoingEmail | undefined;
  if (entry.kind === 'draft-saved') {
    if (!entry.resumeCode || !deps.resumes) return 'no-address';
    if (await deps.notices.sentFor(entry.id)) return 'already-sent';
    const resume = await deps.resumes.findResume(entry.resumeCode);
    email = resume && draftSavedEmail(resume, deps);
  } else {
    if (!entry.caseCode) return 'no-case';
    if (await deps.notices.sentFor(entry.id)) return 'already-sent';
    const record = await deps.cases.findCase(entry.caseCode);
    if (!record) return 'no-case';
    email = emailFor(entry, record, deps);
  }
  if (!email) return 'no-address';
  const { messageId } = await deps.mailer.send(email, { entryId: entry.id });
  const sentAt = deps.now().toISOString();
  const notice: Notice = {
    entryId: entry.id,
    messageId,
    agency: entry.agency,
    sentAt,
    ...(entry.caseCode && { caseCode: entry.caseCode }),
    ...(entry.person && { person: entry.person }),
    ...(entry.resumeCode && { resumeCode: entry.resumeCode }),
  };
  const sent = timelineEntry(
    {
      kind: 'notification-sent',
      channel: 'email',
      direction: 'out',
      actor: 'system',
      agency: entry.agency,
      occurredAt: sentAt,
      about: entry.id,
      summary: `E-mail sent: ${entry.summary}`,
      ...(entry.caseCode && { caseCode: entry.caseCode }),
      ...(entry.person && { person: entry.person }),
      ...(entry.resumeCode && { resumeCode: entry.resumeCode }),
    },
    deps,
  );
  const recorded = await deps.notices.recordSent(notice, sent);
  return recorded === 'recorded' ? 'sent' : 'already-sent';
}

/** What the e-mail provider reports about a message, in neutral terms (adapters map SES's events onto this). */
export interface EmailEvent {
  kind: 'delivered' | 'bounced';
  messageId: string;
  /** When the provider says it happened (the same event twice has the same time: one entry). */
  at: string;
  /** For a bounce: whether the address will never work ("Permanent") or might later ("Transient"). */
  bounceType?: string;
}

export type EmailEventOutcome = 'recorded' | 'duplicate' | 'unknown-message';

/** Records a delivery or bounce on the timeline of the entry whose e-mail it was. */
export async function recordEmailEvent(
  event: EmailEvent,
  deps: { notices: NoticeStore; now: () => Date },
): Promise<EmailEventOutcome> {
  const notice = await deps.notices.byMessageId(event.messageId);
  if (!notice) return 'unknown-message';
  const entry = timelineEntry(
    {
      kind: event.kind,
      channel: 'email',
      direction: 'out',
      actor: 'system',
      agency: notice.agency,
      occurredAt: event.at,
      about: notice.entryId,
      summary:
        event.kind === 'delivered'
          ? 'E-mail delivered'
          : `E-mail bounced${event.bounceType ? ` (${event.bounceType.toLowerCase()})` : ''}`,
      ...(notice.caseCode && { caseCode: notice.caseCode }),
      ...(notice.person && { person: notice.person }),
      ...(notice.resumeCode && { resumeCode: notice.resumeCode }),
    },
    // One id per message and kind: the provider's retries of the same event land on the same item.
    { ...deps, newId: () => `${event.kind}-${event.messageId}` },
  );
  return deps.notices.recordOnce(entry);
}
