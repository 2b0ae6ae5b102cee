/**
 * A citizen withdraws their own application while it is still open (the workflow's citizen move, case-workflow.ts):
 * the status, its history entry and an audit entry in one transaction, like a staff change. Anyone but the person
 * who sent it is told there is no such application in their account. Withdrawing twice answers as the first time.
 */
import { translate } from '#catalog/i18n';
import type { Locale } from '#catalog/schema';
import { BadRequestError, ConflictError, NotFoundError } from '#shared/errors';
import { type AuditOrigin, auditEntry } from './audit.ts';
import { type Caller, canWithdraw } from './authorization.ts';
import { checkMove } from './case-workflow.ts';
import { type CaseDeps, versionOf } from './cases.ts';
import { parseConfirmationCode } from './confirmation-code.ts';
import type { Submission } from './submissions.ts';

/** A staff change landing between our read and our write: read again and decide again, a few times. */
const ATTEMPTS = 3;

export async function withdrawSubmission(
  input: { caller: Caller; code: string; locale: Locale; from: AuditOrigin },
  deps: Pick<CaseDeps, 'store' | 'strings' | 'now' | 'retentionDays' | 'newId'>,
): Promise<Submission> {
  const t = (key: string) => translate(deps.strings, key, input.locale);
  const parsed = parseConfirmationCode(input.code);
  if (!parsed.ok) throw new BadRequestError(t(parsed.reason === 'check' ? 'status.codeMistyped' : 'status.codeShape'));
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const found = await deps.store.findCase(parsed.code);
    if (!found || !canWithdraw(input.caller, found.submission)) throw new NotFoundError(t('withdraw.notFound'));
    const { submission } = found;
    if (submission.status === 'withdrawn') return submission;
    if (!checkMove(submission.status, 'withdrawn', 'citizen').ok) throw new ConflictError(t('withdraw.notAllowed'));
    const version = versionOf(submission);
    const at = deps.now().toISOString();
    // What the agency last told them (e.g. what to send) no longer applies.
    const { statusMessage: _told, statusMessageId: _toldId, ...rest } = submission;
    const after: Submission = { ...rest, status: 'withdrawn', updatedAt: at, version: version + 1 };
    const outcome = await deps.store.applyChange({
      code: submission.code,
      update: { expectedVersion: version, previousStatus: submission.status, submission: after },
      history: { status: 'withdrawn', at },
      audit: auditEntry(
        {
          actor: input.caller,
          agency: submission.agency,
          action: 'case.withdraw',
          record: submission.code,
          detail: { from: submission.status, to: 'withdrawn' },
          from: input.from,
        },
        deps,
      ),
    });
    if (outcome === 'applied') return after;
  }
  throw new Error(`Could not withdraw ${parsed.code} after ${ATTEMPTS} tries: it kept changing`);
}
