/**
 * Who may have a copy of what was sent (decision 0117). A confirmation code alone shows status and dates, never
 * answers, because it is read aloud on the phone and written on paper. A copy of the answers goes to:
 * - the person who signed in and sent it (its owner);
 * - whoever holds the code AND the e-mail address given in the answers (the confirmation page asks for it);
 * - staff of the submission's agency, through the workspace (audited like opening the case: cases.ts).
 * Anyone else is told "not found", with the same words whether the code exists or not.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { translate } from '#catalog/i18n';
import type { Locale, Strings } from '#catalog/schema';
import { BadRequestError, NotFoundError } from '#shared/errors';
import { type Caller, ownerOf } from './authorization.ts';
import { parseConfirmationCode } from './confirmation-code.ts';
import type { Submission, SubmissionStore } from './submissions.ts';

export type CopyRequest = { kind: 'owner'; caller: Caller } | { kind: 'holder'; email: string };

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether the e-mail address matches the one given in the answers (case and spaces aside), in constant time. */
export function sameEmail(given: string, kept: string | undefined): boolean {
  if (!kept) return false;
  return timingSafeEqual(digest(given.trim().toLowerCase()), digest(kept.trim().toLowerCase()));
}

export async function submissionForCopy(
  rawCode: string,
  request: CopyRequest,
  locale: Locale,
  deps: { store: SubmissionStore; strings: Strings },
): Promise<Submission> {
  const t = (key: string) => translate(deps.strings, key, locale);
  const parsed = parseConfirmationCode(rawCode);
  if (!parsed.ok) throw new BadRequestError(t(parsed.reason === 'check' ? 'status.codeMistyped' : 'status.codeShape'));
  if (request.kind === 'holder' && !request.email.trim()) throw new BadRequestError(t('pdf.emailMissing'));
  const found = await deps.store.findByCode(parsed.code);
  const submission = found?.submission;
  const allowed =
    submission !== undefined &&
    (request.kind === 'owner'
      ? submission.ownerSubject !== undefined && ownerOf(request.caller) === submission.ownerSubject
      : sameEmail(request.email, submission.applicantEmail));
  if (!submission || !allowed) throw new NotFoundError(t(request.kind === 'owner' ? 'status.notFound' : 'pdf.notFound'));
  return submission;
}
