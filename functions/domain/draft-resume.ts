/**
 * Save and come back later (docs/decisions/0082). A draft is already kept on the server after every page; this
 * adds the ways back to it:
 * - anyone: a resume code (read aloud like a confirmation code) and a check only the person knows, their date of
 *   birth, so a code alone (seen over a shoulder, in a forwarded e-mail) opens nothing; if they give an e-mail
 *   address, the notifier e-mails them a link to the resume page (a `draft-saved` timeline entry: the outbox);
 * - a signed-in person: the draft is theirs (`owner`) and only they open it, from "My account".
 * Five wrong checks lock the code (the draft itself stays until it expires).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FieldProblem } from '#catalog/form-messages';
import { EMAIL_PATTERN } from '#catalog/form-schema';
import { isRealDate } from '#catalog/form-values';
import { translate } from '#catalog/i18n';
import type { Locale, Strings } from '#catalog/schema';
import { InvalidAnswersError, NotFoundError } from '#shared/errors';
import { newConfirmationCode, parseConfirmationCode } from './confirmation-code.ts';
import type { Draft } from './drafts.ts';
import { type TimelineEntry, timelineEntry } from './timeline.ts';

/** Wrong checks allowed before a resume code stops working. */
export const MAX_RESUME_FAILURES = 5;

/** What a resume code leads to: kept beside the draft, expiring with it. */
export interface ResumeRecord {
  code: string;
  draftId: string;
  formId: string;
  locale: Locale;
  /** SHA-256 of the code and the date of birth: the check, never the date itself. */
  checkHash: string;
  /** Where the link goes, if the person asked for one (read by the notifier; never on the timeline). */
  email?: string;
  failures: number;
  expiresAt: number;
}

export interface ResumeStore {
  /** One transaction: the draft (with its new code), the resume record, the old code's record removed, the entry. */
  saveForLater(draft: Draft, resume: ResumeRecord, replaces: string | undefined, entry: TimelineEntry | undefined): Promise<void>;
  findResume(code: string): Promise<ResumeRecord | undefined>;
  /** Adds one to the record's failures; resolves to the new count. */
  recordFailure(code: string): Promise<number>;
}

export function checkHashOf(code: string, dateOfBirth: string): string {
  return createHash('sha256').update(`${code}\n${dateOfBirth}`).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

function problem(field: string, key: string, locale: Locale, strings: Strings): FieldProblem {
  return { field, message: translate(strings, key, locale) };
}

function refuse(problems: FieldProblem[], locale: Locale, strings: Strings): never {
  throw new InvalidAnswersError(translate(strings, 'form.errorSummaryTitle', locale), problems);
}

/** What the "Save and come back later" page asks: the date of birth (the check) and, if they want the link, an e-mail. */
export interface SaveForLaterInput {
  dateOfBirth: string | undefined;
  email: string | undefined;
}

function checkSaveInput(input: SaveForLaterInput, now: Date, locale: Locale, strings: Strings) {
  const problems: FieldProblem[] = [];
  const date = input.dateOfBirth ?? '';
  if (date === '') problems.push(problem('dateOfBirth', 'resume.dateOfBirthRequired', locale, strings));
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isRealDate(date) || date > now.toISOString().slice(0, 10))
    problems.push(problem('dateOfBirth', 'resume.dateOfBirthInvalid', locale, strings));
  const email = input.email?.trim() ?? '';
  if (email !== '' && (email.length > 254 || !new RegExp(EMAIL_PATTERN, 'u').test(email)))
    problems.push(problem('email', 'resume.emailInvalid', locale, strings));
  if (problems.length > 0) refuse(problems, locale, strings);
  return { dateOfBirth: date, email: email === '' ? undefined : email.toLowerCase() };
}

/**
 * Gives an anonymous draft a resume code (a new one each time: the old one stops working) and, with an e-mail
 * address, an entry the notifier sends the link for. A signed-in person's draft is theirs: it needs no code.
 */
export async function saveForLater(
  input: SaveForLaterInput & { draft: Draft; agency: string; locale: Locale },
  deps: { store: ResumeStore; strings: Strings; now?: () => Date; newCode?: () => string },
): Promise<{ draft: Draft; resume: ResumeRecord }> {
  const { draft, locale, strings } = { ...input, strings: deps.strings };
  if (draft.owner) throw new NotFoundError(translate(strings, 'form.draftNotFound', locale));
  const now = (deps.now ?? (() => new Date()))();
  const { dateOfBirth, email } = checkSaveInput(input, now, locale, strings);
  const code = (deps.newCode ?? newConfirmationCode)();
  const resume: ResumeRecord = {
    code,
    draftId: draft.id,
    formId: draft.formId,
    locale,
    checkHash: checkHashOf(code, dateOfBirth),
    failures: 0,
    expiresAt: draft.expiresAt,
    ...(email && { email }),
  };
  const saved: Draft = { ...draft, resumeCode: code, ...(email ? { emailedLink: true } : { emailedLink: false }) };
  const entry = email
    ? timelineEntry(
        {
          kind: 'draft-saved',
          channel: 'web',
          direction: 'in',
          actor: 'citizen',
          agency: input.agency,
          resumeCode: code,
          summary: 'Answers saved to finish later',
        },
        { now: () => now },
      )
    : undefined;
  await deps.store.saveForLater(saved, resume, draft.resumeCode, entry);
  return { draft: saved, resume };
}

/**
 * The draft a resume code and date of birth open, or a plain-language refusal. A wrong date counts against the
 * code; the fifth locks it. An unknown, expired or locked code gets the same words: nothing tells a guesser
 * which codes exist.
 */
export async function resumeByCode(
  input: { code: string; dateOfBirth: string | undefined; locale: Locale },
  deps: { store: ResumeStore; strings: Strings; now?: () => Date },
): Promise<ResumeRecord> {
  const { locale } = input;
  const { strings } = deps;
  const parsed = parseConfirmationCode(input.code);
  const problems: FieldProblem[] = [];
  if (!parsed.ok)
    problems.push(problem('code', parsed.reason === 'check' ? 'resume.codeTypo' : 'resume.codeShape', locale, strings));
  const date = input.dateOfBirth ?? '';
  if (date === '') problems.push(problem('dateOfBirth', 'resume.dateOfBirthRequired', locale, strings));
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isRealDate(date))
    problems.push(problem('dateOfBirth', 'resume.dateOfBirthInvalid', locale, strings));
  if (problems.length > 0 || !parsed.ok) refuse(problems, locale, strings);
  const now = (deps.now ?? (() => new Date()))();
  const record = await deps.store.findResume(parsed.code);
  const usable = record && record.expiresAt * 1000 > now.getTime() && record.failures < MAX_RESUME_FAILURES;
  if (!record || !usable) refuse([problem('code', 'resume.noMatch', locale, strings)], locale, strings);
  if (!sameHash(record.checkHash, checkHashOf(record.code, date))) {
    const failures = await deps.store.recordFailure(record.code);
    refuse(
      [problem('code', failures >= MAX_RESUME_FAILURES ? 'resume.locked' : 'resume.noMatch', locale, strings)],
      locale,
      strings,
    );
  }
  return record;
}

/**
 * Draft ownership: a signed-in person's draft opens only for them. The browser proves it with the draft's key, an
 * HttpOnly cookie set when they started it or chose "Continue" in My account (a plain link cannot carry their
 * token); the signed-in routes prove it with the token's subject.
 */
export function newOwnerKey(): string {
  return randomBytes(24).toString('base64url');
}

export function ownerKeyHash(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

export type DraftAccess =
  | { kind: 'anyone' }
  | { kind: 'owner-key'; key: string | undefined }
  | { kind: 'subject'; subject: string };

export function mayOpenDraft(draft: Pick<Draft, 'owner' | 'ownerKeyHash'>, access: DraftAccess): boolean {
  if (!draft.owner) return true;
  if (access.kind === 'subject') return access.subject === draft.owner;
  if (access.kind === 'owner-key' && access.key !== undefined && draft.ownerKeyHash !== undefined) {
    const given = Buffer.from(ownerKeyHash(access.key));
    const kept = Buffer.from(draft.ownerKeyHash);
    return given.length === kept.length && timingSafeEqual(given, kept);
  }
  return false;
}

/** One line of "My account"'s drafts: what it is, when it was last saved, until when it is kept. */
export interface MyDraft {
  draftId: string;
  formId: string;
  updatedAt: string;
  expiresAt: string;
}

export interface OwnedDraftReader {
  listByOwner(owner: string, limit: number): Promise<Draft[]>;
}

/** The caller's own drafts still kept and not sent, newest first: only drafts whose owner is the caller. */
export async function listMyDrafts(owner: string, deps: { drafts: OwnedDraftReader; now: () => Date }): Promise<MyDraft[]> {
  const now = deps.now().getTime();
  const drafts = await deps.drafts.listByOwner(owner, 50);
  return drafts
    .filter((draft) => draft.owner === owner && !draft.sentAs && draft.expiresAt * 1000 > now)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .map((draft) => ({
      draftId: draft.id,
      formId: draft.formId,
      updatedAt: draft.updatedAt,
      expiresAt: new Date(draft.expiresAt * 1000).toISOString(),
    }));
}
