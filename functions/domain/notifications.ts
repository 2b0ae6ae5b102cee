/**
 * Writing to the person when their timeline gets an entry that calls for it (timeline.ts NOTIFYING_KINDS):
 * submission received (with the confirmation code), status changed, message from the agency, payment receipt — by
 * e-mail (`notifyAbout`) and, where the person agreed to texts and did not text STOP, by text (`textAbout`), each as
 * the person's preferences say (preferences.ts) and never to an address that complained.
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
import { channelsFor, type NoticeChannel, type PreferenceStore } from './preferences.ts';
import { fitText, type OptOutStore, type TextSender } from './sms.ts';
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
  code?: string;
  codeLabel?: string;
  /** Several codes, each with what it is for ("send me my codes"). */
  codes?: { code: string; label: string; href: string }[];
  link: { href: string; label: string };
  /** Where the person changes how we contact them (My account). */
  preferencesLink?: { href: string; label: string };
  footer: string;
}

export interface Mailer {
  /** Sends the e-mail; resolves to the provider's message id. Throws when the provider refused or failed. */
  send(email: OutgoingEmail, reference: { entryId: string }): Promise<{ messageId: string }>;
}

/** The record that an entry's e-mail (or text) went out, and which entry a provider's message id is about. */
export interface Notice {
  /** The entry's id; for a text, the entry's id and `#sms` (one notice per entry and channel). */
  entryId: string;
  /** Absent: an e-mail. */
  channel?: 'sms';
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

/** What the last e-mail to an address came to: a bounce (until a delivery), or a complaint (for good). */
export interface EmailState {
  state: 'bounced' | 'complained';
  at: string;
}

export interface EmailStateStore {
  emailState(address: string): Promise<EmailState | undefined>;
  markEmail(address: string, state: EmailState): Promise<void>;
  /** A delivery after a bounce: the address works again. */
  clearBounce(address: string): Promise<void>;
}

export interface NotifyDeps extends EntryDeps {
  cases: { findCase(code: string): Promise<CaseRecord | undefined> };
  mailer: Mailer;
  notices: NoticeStore;
  /** Addresses that complained get nothing more (absent: no address is suppressed). */
  emailStates?: EmailStateStore;
  /** A signed-in person's choices (absent: everyone gets every channel they gave). */
  preferences?: PreferenceStore;
  /** Texts (absent: no texts are sent). */
  texts?: TextSender;
  optOuts?: OptOutStore;
  strings: Strings;
  /** The agency's name, in the person's language, from the service the case is for. */
  agencyName: (serviceId: string, locale: Locale) => string | undefined;
  /** The address of the status page for a code, in a language (built from the portal's configured origin). */
  statusUrl: (code: string, locale: Locale) => string;
  /** Where a person changes how we contact them (My account); every e-mail links to it. */
  preferencesUrl?: (locale: Locale) => string;
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

export type NotifyOutcome =
  | 'sent'
  | 'already-sent'
  | 'not-notifying'
  | 'no-address'
  | 'no-case'
  /** The address complained (marked the portal's mail as spam): nothing more goes to it. */
  | 'suppressed'
  /** The person chose not to get this kind of notice by this channel (preferences.ts). */
  | 'not-wanted';

export type TextOutcome = Exclude<NotifyOutcome, 'no-address' | 'suppressed'> | 'no-phone' | 'opted-out';

type MessageDeps = Pick<NotifyDeps, 'strings' | 'agencyName' | 'statusUrl' | 'preferencesUrl'>;

/** The e-mail an entry calls for, or undefined when the case has no address to write to. */
export function emailFor(entry: TimelineEntry, record: CaseRecord, deps: MessageDeps, inLocale?: Locale) {
  const { submission } = record;
  const to = submission.applicantEmail;
  if (!to) return undefined;
  const locale = inLocale ?? submission.locale;
  const t = (key: string, params?: Record<string, string | number>) => translate(deps.strings, key, locale, params);
  const agency = deps.agencyName(submission.serviceId, locale) ?? t('email.theAgency');
  const code = submission.code;
  const base = {
    to,
    locale,
    code,
    codeLabel: t('email.codeLabel'),
    link: { href: deps.statusUrl(code, locale), label: t('email.statusLink') },
    ...(deps.preferencesUrl && { preferencesLink: { href: deps.preferencesUrl(locale), label: t('email.preferencesLink') } }),
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

/** The text an entry calls for (one or two SMS segments), or undefined when the kind sends none. */
export function textFor(entry: TimelineEntry, record: CaseRecord, deps: MessageDeps, inLocale?: Locale): string | undefined {
  const { submission } = record;
  const locale = inLocale ?? submission.locale;
  const t = (key: string, params?: Record<string, string | number>) => translate(deps.strings, key, locale, params);
  const agency = deps.agencyName(submission.serviceId, locale) ?? t('email.theAgency');
  const code = submission.code;
  const url = deps.statusUrl(code, locale);
  const stop = t('sms.stopNote');
  switch (entry.kind) {
    case 'submitted':
      return fitText(`${t('sms.submitted', { agency, code, url })} ${stop}`);
    case 'status-changed':
      return fitText(
        `${t('sms.statusChanged', { agency, code, url, status: t(`status.${entry.status ?? submission.status}`) })} ${stop}`,
      );
    case 'staff-message':
      return fitText(`${t('sms.staffMessage', { agency, code, url })} ${stop}`);
    case 'paid':
      return fitText(
        `${t('sms.paid', { agency, code, amount: formatMoney(entry.amount ?? 0, entry.currency ?? 'usd', locale) })} ${stop}`,
      );
    default:
      return undefined;
  }
}

/** The case an entry notifies about and how its person wants to hear (once per entry and channel). */
async function prepare(entry: TimelineEntry, deps: NotifyDeps, channel: NoticeChannel) {
  if (!entry.notify || !NOTIFYING_KINDS.includes(entry.kind)) return { outcome: 'not-notifying' as const };
  if (!entry.caseCode) return { outcome: 'no-case' as const };
  if (await deps.notices.sentFor(noticeId(entry.id, channel))) return { outcome: 'already-sent' as const };
  const record = await deps.cases.findCase(entry.caseCode);
  if (!record) return { outcome: 'no-case' as const };
  const owner = record.submission.ownerSubject ?? entry.person;
  const preferences = owner && deps.preferences ? await deps.preferences.preferencesOf(owner) : undefined;
  const channels = channelsFor(entry.kind, preferences, {
    email: Boolean(record.submission.applicantEmail),
    sms: Boolean(record.submission.applicantPhone && deps.texts),
  });
  return { record, locale: preferences?.locale, wanted: channels.includes(channel) };
}

const noticeId = (entryId: string, channel: NoticeChannel) => (channel === 'sms' ? `${entryId}#sms` : entryId);

/** Sends the e-mail an entry calls for, once, and records it on the timeline. */
export async function notifyAbout(entry: TimelineEntry, deps: NotifyDeps): Promise<NotifyOutcome> {
  if (entry.kind === 'draft-saved') return notifyDraftSaved(entry, deps);
  const prepared = await prepare(entry, deps, 'email');
  if (!prepared.record) return prepared.outcome;
  const { record, locale } = prepared;
  const email = emailFor(entry, record, deps, locale);
  if (!email) return 'no-address';
  if (!prepared.wanted) return 'not-wanted';
  if ((await deps.emailStates?.emailState(email.to))?.state === 'complained') return 'suppressed';
  const { messageId } = await deps.mailer.send(email, { entryId: entry.id });
  return recordNotice(entry, messageId, 'email', deps);
}

/** A saved draft's resume link (decision 0082): to the address on the resume record, which no case has. */
async function notifyDraftSaved(entry: TimelineEntry, deps: NotifyDeps): Promise<NotifyOutcome> {
  if (!entry.notify) return 'not-notifying';
  if (!entry.resumeCode || !deps.resumes) return 'no-address';
  if (await deps.notices.sentFor(noticeId(entry.id, 'email'))) return 'already-sent';
  const resume = await deps.resumes.findResume(entry.resumeCode);
  const email = resume && draftSavedEmail(resume, deps);
  if (!email) return 'no-address';
  if ((await deps.emailStates?.emailState(email.to))?.state === 'complained') return 'suppressed';
  const { messageId } = await deps.mailer.send(email, { entryId: entry.id });
  return recordNotice(entry, messageId, 'email', deps);
}

/** Sends the text an entry calls for, once, to a number that agreed to texts and did not text STOP. */
export async function textAbout(entry: TimelineEntry, deps: NotifyDeps): Promise<TextOutcome> {
  const prepared = await prepare(entry, deps, 'sms');
  if (!prepared.record) return prepared.outcome;
  const { record, locale } = prepared;
  const phone = record.submission.applicantPhone;
  if (!phone || !deps.texts) return 'no-phone';
  if (!prepared.wanted) return 'not-wanted';
  if (await deps.optOuts?.isOptedOut(phone)) return 'opted-out';
  const body = textFor(entry, record, deps, locale);
  if (!body) return 'not-notifying';
  const { messageId } = await deps.texts.send({ to: phone, body }, { entryId: entry.id });
  return recordNotice(entry, messageId, 'sms', deps);
}

async function recordNotice(entry: TimelineEntry, messageId: string, channel: NoticeChannel, deps: NotifyDeps) {
  const sentAt = deps.now().toISOString();
  const notice: Notice = {
    entryId: noticeId(entry.id, channel),
    messageId,
    agency: entry.agency,
    sentAt,
    ...(channel === 'sms' && { channel: 'sms' as const }),
    ...(entry.caseCode && { caseCode: entry.caseCode }),
    ...(entry.person && { person: entry.person }),
    ...(entry.resumeCode && { resumeCode: entry.resumeCode }),
  };
  const sent = timelineEntry(
    {
      kind: 'notification-sent',
      channel,
      direction: 'out',
      actor: 'system',
      agency: entry.agency,
      occurredAt: sentAt,
      about: entry.id,
      summary: `${channel === 'sms' ? 'Text' : 'E-mail'} sent: ${entry.summary}`,
      ...(entry.caseCode && { caseCode: entry.caseCode }),
      ...(entry.serviceId && { serviceId: entry.serviceId }),
      ...(entry.person && { person: entry.person }),
      ...(entry.resumeCode && { resumeCode: entry.resumeCode }),
    },
    deps,
  );
  const recorded = await deps.notices.recordSent(notice, sent);
  return recorded === 'recorded' ? ('sent' as const) : ('already-sent' as const);
}

/** What the e-mail provider reports about a message, in neutral terms (adapters map SES's events onto this). */
export interface EmailEvent {
  kind: 'delivered' | 'bounced' | 'complained';
  messageId: string;
  /** When the provider says it happened (the same event twice has the same time: one entry). */
  at: string;
  /** For a bounce: whether the address will never work ("Permanent") or might later ("Transient"). */
  bounceType?: string;
  /** The addresses the event is about (a bounce or complaint names them; a delivery its recipients). */
  recipients?: string[];
}

export type EmailEventOutcome = 'recorded' | 'duplicate' | 'unknown-message';

const EVENT_SUMMARY = {
  delivered: () => 'E-mail delivered',
  bounced: (event: EmailEvent) => `E-mail bounced${event.bounceType ? ` (${event.bounceType.toLowerCase()})` : ''}`,
  complained: () => 'E-mail marked as unwanted: no more e-mail goes to this address',
} as const;

/**
 * Records a delivery, bounce or complaint on the timeline of the entry whose e-mail it was, and what it says of the
 * address: a bounce shows "we could not reach you" on the status page until a later e-mail is delivered; a
 * complaint stops every e-mail to the address (the notifier answers 'suppressed').
 */
export async function recordEmailEvent(
  event: EmailEvent,
  deps: { notices: NoticeStore; now: () => Date; emailStates?: EmailStateStore },
): Promise<EmailEventOutcome> {
  const notice = await deps.notices.byMessageId(event.messageId);
  if (!notice) return 'unknown-message';
  for (const address of event.recipients ?? []) {
    if (event.kind === 'delivered') await deps.emailStates?.clearBounce(address);
    else await deps.emailStates?.markEmail(address, { state: event.kind, at: event.at });
  }
  const entry = timelineEntry(
    {
      kind: event.kind,
      channel: 'email',
      direction: 'out',
      actor: 'system',
      agency: notice.agency,
      occurredAt: event.at,
      about: notice.entryId,
      summary: EVENT_SUMMARY[event.kind](event),
      ...(notice.caseCode && { caseCode: notice.caseCode }),
      ...(notice.person && { person: notice.person }),
      ...(notice.resumeCode && { resumeCode: notice.resumeCode }),
    },
    // One id per message and kind: the provider's retries of the same event land on the same item.
    { ...deps, newId: () => `${event.kind}-${event.messageId}` },
  );
  return deps.notices.recordOnce(entry);
}
