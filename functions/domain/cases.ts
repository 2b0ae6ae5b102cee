/**
 * Working a case: opening it, moving it through the workflow (case-workflow.ts), writing to the citizen or an
 * internal note, assigning it. Every change and its audit entry are one write (CaseStore.applyChange); a status
 * change also carries its history entry and the message the citizen sees, in the same transaction.
 *
 * Concurrency: a case has a version, shown in every form that changes it. A change made against an older version
 * is refused with the case as it now stands (409), never written over what someone else just did.
 */
import { randomUUID } from 'node:crypto';
import { translate } from '#catalog/i18n';
import type { Locale, Strings } from '#catalog/schema';
import { BadRequestError, ConflictError, NotFoundError } from '#shared/errors';
import { type AuditDeps, type AuditEntry, type AuditOrigin, auditEntry } from './audit.ts';
import { type Caller, canReadAudit, canWorkCase } from './authorization.ts';
import { checkMove } from './case-workflow.ts';
import { parseConfirmationCode } from './confirmation-code.ts';
import { type DecisionRecord, decisionRecordFor } from './decision-times.ts';
import type { HistoryEntry, Submission, SubmissionStatus } from './submissions.ts';
import { staffMessageEntry, statusChangedEntry, type TimelineEntry } from './timeline.ts';

export type CaseMessageKind = 'message' | 'note';

/** A message to the citizen (shown to them) or an internal note (never shown to them). */
export interface CaseMessage {
  id: string;
  at: string;
  kind: CaseMessageKind;
  text: string;
  by: { subject: string; name: string };
}

export interface CaseRecord {
  submission: Submission;
  history: HistoryEntry[];
  messages: CaseMessage[];
}

/** One change to a case, written all together or not at all. */
export interface CaseChange {
  code: string;
  /**
   * The case after the change, its version moved on by one: written only if the case is still at
   * `expectedVersion` ("stale" otherwise). Absent for a message or note, which need only the case to exist.
   */
  update?: { expectedVersion: number; previousStatus: SubmissionStatus; submission: Submission };
  history?: HistoryEntry;
  message?: CaseMessage;
  audit: AuditEntry;
  /** What the change tells the citizen, on their timeline (and so to the notifier), in the same transaction. */
  timeline?: TimelineEntry[];
  /** A case's first decision: the record exact time to decision is computed from (decision-times.ts). */
  decision?: DecisionRecord;
}

export interface CaseStore {
  findCase(code: string): Promise<CaseRecord | undefined>;
  /** Writes the change in one transaction; "stale" when the case's version is no longer `expectedVersion`. */
  applyChange(change: CaseChange): Promise<'applied' | 'stale'>;
  /** An audit entry on its own (a read); never overwrites one. */
  recordAudit(entry: AuditEntry): Promise<void>;
  /** A case's audit trail, newest first. */
  auditOf(code: string): Promise<AuditEntry[]>;
}

export interface CaseDeps extends AuditDeps {
  store: CaseStore;
  strings: Strings;
  newMessageId?: () => string;
}

/** The longest message or note kept: a letter, not a document (documents are uploads). */
export const MAX_CASE_TEXT = 5000;

/** Someone else changed the case since this person loaded it: here is how it stands now. */
export class CaseConflictError extends ConflictError {
  override name = 'CaseConflictError';
  readonly current: CaseRecord;
  constructor(message: string, current: CaseRecord) {
    super(message);
    this.current = current;
  }
}

export const versionOf = (submission: Submission): number => submission.version ?? 0;

export interface Acting {
  caller: Caller;
  code: string;
  locale: Locale;
  from: AuditOrigin;
}

/** The case, if this caller may work it; otherwise "not found", whether or not it exists (nothing leaks). */
export async function caseFor(input: Acting, deps: CaseDeps) {
  const t = (key: string) => translate(deps.strings, key, input.locale);
  const parsed = parseConfirmationCode(input.code);
  if (!parsed.ok) throw new BadRequestError(t(parsed.reason === 'check' ? 'status.codeMistyped' : 'status.codeShape'));
  const found = await deps.store.findCase(parsed.code);
  if (!found || !canWorkCase(input.caller, found.submission)) throw new NotFoundError(t('case.notFound'));
  return { found, actor: input.caller };
}

/** Opening a case shows its answers, so the read is audited before anything is shown. */
export async function openCase(input: Acting, deps: CaseDeps): Promise<CaseRecord & { version: number; audit?: AuditEntry[] }> {
  const { found, actor } = await caseFor(input, deps);
  const { submission } = found;
  await deps.store.recordAudit(
    auditEntry({ actor, agency: submission.agency, action: 'case.read', record: submission.code, from: input.from }, deps),
  );
  const audit = canReadAudit(input.caller) ? await deps.store.auditOf(submission.code) : undefined;
  return {
    ...found,
    history: [...found.history].sort((a, b) => a.at.localeCompare(b.at)),
    messages: [...found.messages].sort((a, b) => a.at.localeCompare(b.at)),
    version: versionOf(submission),
    ...(audit && { audit }),
  };
}

/** A PDF of the case's answers for staff: the same answers as opening it, so the same check and its own audit entry. */
export async function copyOfCase(input: Acting, deps: CaseDeps): Promise<Submission> {
  const { found, actor } = await caseFor(input, deps);
  const { submission } = found;
  await deps.store.recordAudit(
    auditEntry({ actor, agency: submission.agency, action: 'case.pdf', record: submission.code, from: input.from }, deps),
  );
  return submission;
}

function cleanText(text: string | undefined): string | undefined {
  const kept = text?.trim();
  return kept ? kept : undefined;
}

async function write(change: CaseChange, input: Acting, deps: CaseDeps): Promise<void> {
  const outcome = await deps.store.applyChange(change);
  if (outcome === 'stale') await conflict(input, deps);
}

async function conflict(input: Acting, deps: CaseDeps): Promise<never> {
  const current = await deps.store.findCase(input.code);
  if (!current) throw new NotFoundError(translate(deps.strings, 'case.notFound', input.locale));
  throw new CaseConflictError(translate(deps.strings, 'case.conflict', input.locale), current);
}

export interface StatusChangeInput extends Acting {
  to: SubmissionStatus;
  /** The version the staff member saw. */
  version: number;
  /** To the citizen: what to do (action needed), or any word that goes with the new status. */
  message?: string | undefined;
  /** Why it was denied (shown to the citizen). */
  reason?: string | undefined;
}

export async function changeCaseStatus(input: StatusChangeInput, deps: CaseDeps): Promise<Submission> {
  const t = (key: string) => translate(deps.strings, key, input.locale);
  const { found, actor } = await caseFor(input, deps);
  const { submission } = found;
  if (versionOf(submission) !== input.version) return conflict(input, deps);
  const message = cleanText(input.message);
  const reason = cleanText(input.reason);
  if ((message?.length ?? 0) > MAX_CASE_TEXT || (reason?.length ?? 0) > MAX_CASE_TEXT)
    throw new BadRequestError(t('case.textTooLong'));
  const check = checkMove(submission.status, input.to, 'staff', { message, reason });
  if (!check.ok) {
    const key = {
      'not-allowed': 'case.moveNotAllowed',
      'reason-missing': 'case.reasonMissing',
      'message-missing': 'case.messageMissing',
    };
    throw new BadRequestError(t(key[check.problem]));
  }
  const at = deps.now().toISOString();
  // What the citizen is told with the new status: the denial's reason, or the message written with it.
  const told = input.to === 'denied' ? reason : message;
  const { statusMessage: _previous, statusMessageId: _previousId, ...rest } = submission;
  const reply = told ? newMessage('message', told, actor, at, deps) : undefined;
  const after: Submission = {
    ...rest,
    status: input.to,
    updatedAt: at,
    version: input.version + 1,
    ...(reply && { statusMessage: reply.text, statusMessageId: reply.id }),
  };
  const decision = decisionRecordFor(submission, input.to, at);
  await write(
    {
      code: submission.code,
      update: { expectedVersion: input.version, previousStatus: submission.status, submission: after },
      history: { status: input.to, at },
      ...(reply && { message: reply }),
      ...(decision && { decision }),
      timeline: [statusChangedEntry(submission, input.to, at, deps)],
      audit: auditEntry(
        {
          actor,
          agency: submission.agency,
          action: 'case.status',
          record: submission.code,
          detail: { from: submission.status, to: input.to },
          from: input.from,
        },
        deps,
      ),
    },
    input,
    deps,
  );
  return after;
}

function newMessage(
  kind: CaseMessageKind,
  text: string,
  actor: Extract<Caller, { kind: 'person' }>,
  at: string,
  deps: CaseDeps,
): CaseMessage {
  return {
    id: (deps.newMessageId ?? randomUUID)(),
    at,
    kind,
    text,
    by: { subject: actor.subject, name: actor.name ?? actor.email ?? actor.subject },
  };
}

export interface MessageInput extends Acting {
  kind: CaseMessageKind;
  text: string;
}

/**
 * A message to the citizen or an internal note. Neither moves the version: writing to someone is not a change
 * another person's status decision could overwrite, and two people may write at once.
 */
export async function addCaseMessage(input: MessageInput, deps: CaseDeps): Promise<CaseMessage> {
  const t = (key: string) => translate(deps.strings, key, input.locale);
  const { found, actor } = await caseFor(input, deps);
  const text = cleanText(input.text);
  if (!text) throw new BadRequestError(t(input.kind === 'note' ? 'case.noteMissing' : 'case.textMissing'));
  if (text.length > MAX_CASE_TEXT) throw new BadRequestError(t('case.textTooLong'));
  const { submission } = found;
  const at = deps.now().toISOString();
  const message = newMessage(input.kind, text, actor, at, deps);
  await write(
    {
      code: submission.code,
      message,
      ...(input.kind === 'message' && { timeline: [staffMessageEntry(submission, message.id, at, deps)] }),
      audit: auditEntry(
        {
          actor,
          agency: submission.agency,
          action: input.kind === 'note' ? 'case.note' : 'case.message',
          record: submission.code,
          detail: { id: message.id },
          from: input.from,
        },
        deps,
      ),
    },
    input,
    deps,
  );
  return message;
}

export interface AssignInput extends Acting {
  /** true: to the caller; false: to nobody. */
  toMe: boolean;
  version: number;
}

export async function assignCase(input: AssignInput, deps: CaseDeps): Promise<Submission> {
  const { found, actor } = await caseFor(input, deps);
  const { submission } = found;
  if (versionOf(submission) !== input.version) return conflict(input, deps);
  const { assignedTo: _before, ...rest } = submission;
  const after: Submission = {
    ...rest,
    version: input.version + 1,
    ...(input.toMe && { assignedTo: { subject: actor.subject, name: actor.name ?? actor.email ?? actor.subject } }),
  };
  await write(
    {
      code: submission.code,
      update: { expectedVersion: input.version, previousStatus: submission.status, submission: after },
      audit: auditEntry(
        {
          actor,
          agency: submission.agency,
          action: input.toMe ? 'case.assign' : 'case.unassign',
          record: submission.code,
          ...(submission.assignedTo && { detail: { previously: submission.assignedTo.subject } }),
          from: input.from,
        },
        deps,
      ),
    },
    input,
    deps,
  );
  return after;
}
