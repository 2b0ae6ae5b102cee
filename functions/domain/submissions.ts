/**
 * Submitting a form and looking up where it stands. The store is a port: DynamoDB in production and
 * locally, an in-memory fake in unit tests.
 */
import type { FieldProblem } from '#catalog/form-messages';
import { translate } from '#catalog/i18n';
import type { PdfFieldMap } from '#catalog/pdf-map';
import type { Fee, Form, Locale, Localized, Strings } from '#catalog/schema';
import { BadRequestError, ConflictError, InvalidAnswersError, NotFoundError } from '#shared/errors';
import { type Answers, type CompiledValidator, checkAnswers } from './answers.ts';
import { type Caller, ownerOf } from './authorization.ts';
import { newConfirmationCode, parseConfirmationCode } from './confirmation-code.ts';
import { type FeeDue, feeFor } from './fees.ts';
import { claimFor, fingerprintOf, type IdempotencyClaim } from './idempotency.ts';
import type { PaymentSummary } from './payment-state.ts';
import { TRY_AGAIN, untilDecided } from './retry.ts';
import { signDeclarations } from './signatures.ts';
import { toE164 } from './sms.ts';
import { submittedEntry, type TimelineEntry } from './timeline.ts';

export const STATUSES = ['received', 'in-review', 'needs-information', 'approved', 'denied', 'completed', 'withdrawn'] as const;
export type SubmissionStatus = (typeof STATUSES)[number];

/** What the submit handler needs to know about a form: built into one small module per form. */
export interface CompiledForm {
  form: Form;
  service: {
    id: string;
    agency: string;
    title: Localized;
    fee?: Fee;
    /** What the confirmation and status pages say next: how long it takes, whom to call. */
    facts?: { processingTime: Localized; agency?: { name: Localized; phone: string; hours: Localized } } | undefined;
  };
  validate: CompiledValidator;
  /** A form the agency also has on paper: which question fills which field of its PDF (catalog/pdf-forms/). */
  pdfMap?: readonly PdfFieldMap[];
}

export interface Submission {
  code: string;
  formId: string;
  serviceId: string;
  agency: string;
  status: SubmissionStatus;
  locale: Locale;
  channel: 'web' | 'api';
  answers: Answers;
  submittedAt: string;
  updatedAt: string;
  /** The `sub` of the person who sent it signed in; absent for an anonymous submission. */
  ownerSubject?: string;
  /** Where paying its fee stands, once someone started paying (kept in step by the payment store). */
  payment?: PaymentSummary;
  /** Goes up by one at every status change or assignment: two staff editing at once cannot overwrite (cases.ts). */
  version?: number;
  /** The staff member working it. */
  assignedTo?: { subject: string; name: string };
  /** What the agency told the citizen with the current status: what to send (action needed) or why (denied). */
  statusMessage?: string;
  /** The id of the case message that statusMessage is (the survey after a staff reply names it: decision 0106). */
  statusMessageId?: string;
  /** The applicant's e-mail address from the answers, lower case: staff find cases by it. */
  applicantEmail?: string;
  /** The applicant's phone number (E.164), kept only when they agreed to texts about the application (sms.ts). */
  applicantPhone?: string;
  /** The form version the answers are to (decision 0085). Absent on submissions made before versions: 1. */
  formVersion?: number;
  /** The fee due, computed from the catalog and the answers when it was sent (fees.ts). */
  fee?: FeeDue;
}

export interface HistoryEntry {
  status: SubmissionStatus;
  at: string;
}

export type CreateResult =
  | { kind: 'created' }
  | { kind: 'replay'; code: string; fingerprint: string; submittedAt: string }
  | { kind: 'code-taken' };

export interface SubmissionStore {
  /** Writes the submission, its first history entry, the idempotency claim and its timeline entries in one transaction. */
  create(
    submission: Submission,
    first: HistoryEntry,
    claim?: IdempotencyClaim,
    timeline?: readonly TimelineEntry[],
  ): Promise<CreateResult>;
  findByCode(code: string): Promise<{ submission: Submission; history: HistoryEntry[] } | undefined>;
  /** A person's submissions, newest first (at most `limit`). */
  listByOwner(ownerSubject: string, limit: number): Promise<Submission[]>;
}

export interface SubmitDeps {
  store: SubmissionStore;
  strings: Strings;
  now?: () => Date;
  newCode?: () => string;
}

export interface SubmitInput {
  compiled: CompiledForm;
  answers: unknown;
  locale: Locale;
  channel: Submission['channel'];
  idempotencyKey?: string;
  /** The signed-in person sending it (ownerOf(caller)); the submission is then theirs. */
  owner?: string | undefined;
  /** The answers already kept (a draft's): a declaration signed there keeps its time (signatures.ts). */
  kept?: Answers | undefined;
}

export interface Receipt {
  code: string;
  status: SubmissionStatus;
  submittedAt: string;
  /** True when this answers a repeat of a request already handled (same Idempotency-Key). */
  replayed: boolean;
}

/** The same answers to the same form, whatever order their fields came in. */
export function answersFingerprint(formId: string, answers: Answers): string {
  const canonical = JSON.stringify(
    Object.keys(answers)
      .sort()
      .map((key) => [key, answers[key]]),
  );
  return fingerprintOf(formId, canonical);
}

/**
 * The answers without the times declarations were signed: the server signs at each request (decision 0084), so a
 * retry of the same answers (the same Idempotency-Key, a double click) is the same request, signed a moment later.
 */
function unsigned(form: CompiledForm['form'], answers: Answers): Answers {
  const result: Record<string, unknown> = { ...answers };
  for (const field of form.fields) {
    const answer = result[field.name];
    if (field.type !== 'declaration' || typeof answer !== 'object' || answer === null) continue;
    const { signedAt: _signedAt, ...rest } = answer as Record<string, unknown>;
    result[field.name] = rest;
  }
  return result as Answers;
}

export async function submitForm(input: SubmitInput, deps: SubmitDeps): Promise<Receipt> {
  const { compiled, locale } = input;
  const now = deps.now ?? (() => new Date());
  const given =
    typeof input.answers === 'object' && input.answers !== null && !Array.isArray(input.answers)
      ? signDeclarations(compiled.form, input.answers as Record<string, unknown>, input.kept ?? {}, now())
      : input.answers;
  const { answers, problems } = checkAnswers(compiled.form, compiled.validate, given, locale, deps.strings, now());
  if (problems.length > 0) throw new InvalidAnswersError(summaryOf(problems, deps.strings, locale), problems);

  const submittedAt = now().toISOString();
  const applicantEmail = applicantEmailOf(compiled.form, answers);
  const applicantPhone = textingPhoneOf(compiled.form, answers);
  const fingerprint = answersFingerprint(compiled.form.id, unsigned(compiled.form, answers));
  const claim = claimFor(input.idempotencyKey, fingerprint, now());

  // A fresh code colliding with an existing one is a 1-in-10^16 event; trying again is the whole fix.
  return untilDecided(
    'find a free confirmation code',
    async () => {
      const code = (deps.newCode ?? newConfirmationCode)();
      const submission: Submission = {
        code,
        formId: compiled.form.id,
        serviceId: compiled.service.id,
        agency: compiled.service.agency,
        status: 'received',
        locale,
        channel: input.channel,
        answers,
        submittedAt,
        updatedAt: submittedAt,
        ...(input.owner && { ownerSubject: input.owner }),
        ...(applicantEmail && { applicantEmail }),
        ...(applicantPhone && { applicantPhone }),
        formVersion: compiled.form.version,
        ...(compiled.service.fee && { fee: feeFor(compiled.service.fee, answers) }),
      };
      const entry = submittedEntry(submission, { now });
      const result = await deps.store.create(submission, { status: 'received', at: submittedAt }, claim, [entry]);
      if (result.kind === 'created') return { code, status: 'received', submittedAt, replayed: false } satisfies Receipt;
      if (result.kind === 'code-taken') return TRY_AGAIN;
      if (result.fingerprint !== fingerprint) throw new ConflictError(translate(deps.strings, 'error.idempotencyReused', locale));
      return { code: result.code, status: 'received', submittedAt: result.submittedAt, replayed: true } satisfies Receipt;
    },
    3,
  );
}

/** The applicant's e-mail address: the form's first e-mail answer, lower case (staff find cases by it). */
export function applicantEmailOf(form: Form, answers: Answers): string | undefined {
  for (const field of form.fields) {
    const value = answers[field.name];
    if (field.type === 'email' && typeof value === 'string' && value.trim()) return value.trim().toLowerCase();
  }
  return undefined;
}

/**
 * The number to text about the application: the form's first phone answer, only when the person ticked the
 * form's text-message consent box (a number alone is for calls, never for texts).
 */
export function textingPhoneOf(form: Form, answers: Answers): string | undefined {
  const consented = form.fields.some((field) => field.consent === 'text-messages' && answers[field.name] === true);
  if (!consented) return undefined;
  for (const field of form.fields) {
    const value = answers[field.name];
    if (field.type === 'tel' && typeof value === 'string' && value.trim()) return toE164(value);
  }
  return undefined;
}

export function summaryOf(problems: FieldProblem[], strings: Strings, locale: Locale): string {
  const title = translate(strings, 'form.errorSummaryTitle', locale);
  return `${title}: ${problems.map((problem) => problem.message).join('; ')}`;
}

/** What anyone holding the code may see: where it stands and when. Never the answers. */
export interface PublicStatus {
  code: string;
  status: SubmissionStatus;
  formId: string;
  serviceId: string;
  submittedAt: string;
  updatedAt: string;
  history: HistoryEntry[];
  /** Amount and state only (never who paid or how). */
  payment?: PaymentSummary;
  /** What the agency told the applicant with the current status (what to send; why it was denied). */
  message?: string;
  /** That message's id: the survey after a staff reply is about it (decision 0106). */
  messageId?: string;
  /**
   * Set when our last e-mail to the application's address bounced or was marked as unwanted: the page says "we could
   * not reach you by e-mail" (never the address: anyone with the code reads this page).
   */
  emailUnreachable?: true;
  /** The fee due, as fixed when it was sent: the amount only, never the answers it came from. */
  fee?: { amount: number; currency: string };
}

export async function lookUpStatus(
  rawCode: string,
  locale: Locale,
  deps: {
    store: SubmissionStore;
    strings: Strings;
    emailStates?: { emailState(address: string): Promise<{ state: string } | undefined> };
  },
): Promise<PublicStatus> {
  const parsed = parseConfirmationCode(rawCode);
  if (!parsed.ok) {
    const key = parsed.reason === 'check' ? 'status.codeMistyped' : 'status.codeShape';
    throw new BadRequestError(translate(deps.strings, key, locale));
  }
  const found = await deps.store.findByCode(parsed.code);
  if (!found) throw new NotFoundError(translate(deps.strings, 'status.notFound', locale));
  const { submission, history } = found;
  const unreachable = submission.applicantEmail && (await deps.emailStates?.emailState(submission.applicantEmail));
  return {
    code: submission.code,
    status: submission.status,
    formId: submission.formId,
    serviceId: submission.serviceId,
    submittedAt: submission.submittedAt,
    updatedAt: submission.updatedAt,
    history: [...history].sort((a, b) => a.at.localeCompare(b.at)),
    ...(submission.payment && { payment: submission.payment }),
    ...(submission.statusMessage && { message: submission.statusMessage }),
    ...(submission.statusMessage && submission.statusMessageId && { messageId: submission.statusMessageId }),
    ...(unreachable && { emailUnreachable: true as const }),
    ...(submission.fee && { fee: { amount: submission.fee.amount, currency: submission.fee.currency } }),
  };
}

/** One line of "My account": what was sent, where it stands. The answers stay on the record. */
export interface SubmissionSummary {
  code: string;
  formId: string;
  serviceId: string;
  agency: string;
  status: SubmissionStatus;
  submittedAt: string;
  updatedAt: string;
  /** Where paying its fee stands, when someone started paying. */
  payment?: PaymentSummary;
  /** What the agency told the applicant with the current status. */
  message?: string;
  /** That message's id (the survey after a staff reply is about it). */
  messageId?: string;
}

export const MY_SUBMISSIONS_LIMIT = 100;

/** The caller's own submissions, newest first; nobody else's, whatever the index returns. */
export async function listMySubmissions(caller: Caller, deps: { store: SubmissionStore }): Promise<SubmissionSummary[]> {
  const owner = ownerOf(caller);
  if (!owner) return [];
  const found = await deps.store.listByOwner(owner, MY_SUBMISSIONS_LIMIT);
  return found
    .filter((s) => s.ownerSubject === owner)
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
    .map(({ code, formId, serviceId, agency, status, submittedAt, updatedAt, payment, statusMessage, statusMessageId }) => ({
      code,
      formId,
      serviceId,
      agency,
      status,
      submittedAt,
      updatedAt,
      ...(payment && { payment }),
      ...(statusMessage && { message: statusMessage }),
      ...(statusMessage && statusMessageId && { messageId: statusMessageId }),
    }));
}
