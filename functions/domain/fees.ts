/**
 * Fees that depend on answers (docs/decisions/0087): a catalog fee with `per` is its `amount` for each unit the
 * named whole-number question answers (10 copies of a birth certificate cost 10 × the fee, not the fee once).
 * Computed here, from the catalog and the answers kept on the server, never from anything the browser says; the
 * amount is fixed on the submission when it is sent, so the person pays what "Check your answers" showed.
 */
import type { Fee } from '#catalog/schema';
import type { Answers } from './answers.ts';

export interface FeeDue {
  /** In cents. */
  amount: number;
  currency: string;
  /** With a fee per unit: how many, and the fee for one. */
  quantity?: number;
  unitAmount?: number;
}

/** The most units a fee multiplies (a form's own maximum is lower; this keeps a total far below any limit). */
export const MAX_FEE_UNITS = 1000;

export function feeFor(fee: Fee, answers: Readonly<Answers>): FeeDue {
  if (!fee.per) return { amount: fee.amount, currency: fee.currency };
  const answer = answers[fee.per.question];
  // Not answered yet (or not a whole number, which the form's schema refuses): one unit, the least it can cost.
  const quantity = typeof answer === 'number' && Number.isInteger(answer) ? Math.min(Math.max(answer, 1), MAX_FEE_UNITS) : 1;
  return { amount: fee.amount * quantity, currency: fee.currency, quantity, unitAmount: fee.amount };
}

/** What a sent submission costs: the amount fixed when it was sent, or (sent before fees were fixed) the catalog's. */
export function feeOfSubmission(submission: { fee?: FeeDue | undefined; answers: Answers }, fee: Fee | undefined) {
  if (submission.fee) return submission.fee;
  return fee ? feeFor(fee, submission.answers) : undefined;
}
