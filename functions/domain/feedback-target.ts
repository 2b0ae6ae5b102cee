/**
 * Which transaction a survey answer is about, from the fields the survey form carries (ui/form/FeedbackSurvey.tsx):
 * the task and the confirmation code, payment id or staff reply. The record is looked up, so the service, agency
 * and channel a response is kept with come from the portal's own data, never from what was posted.
 */
import { translate } from '#catalog/i18n';
import type { Locale, Strings } from '#catalog/schema';
import { InvalidAnswersError } from '#shared/errors';
import { parseConfirmationCode } from './confirmation-code.ts';
import type { FeedbackContext } from './feedback.ts';
import { type FeedbackTask, isFeedbackTask } from './feedback-survey.ts';
import { parsePaymentId } from './payment-ids.ts';
import type { Payment } from './payment-records.ts';
import type { Submission } from './submissions.ts';

/** The service a bill's payment is counted under: bills belong to no catalog service. */
export const BILL_SERVICE = 'pay-a-bill';

/** Where the thanks page sends the person back to (built into a path by the handler). */
export type FeedbackBack = { kind: 'status'; code: string } | { kind: 'payment'; paymentId: string };

export interface ResolvedTarget {
  context: FeedbackContext;
  /** What the token is made from; never stored. */
  transaction: string;
  back: FeedbackBack;
}

export interface TargetLookups {
  findSubmission(code: string): Promise<Pick<Submission, 'agency' | 'serviceId' | 'channel' | 'statusMessageId'> | undefined>;
  findPayment(paymentId: string): Promise<Pick<Payment, 'agency' | 'subject'> | undefined>;
}

const MESSAGE_ID = /^[A-Za-z0-9_-]{1,64}$/;

function problem(field: string, key: string, locale: Locale, strings: Strings): never {
  const message = translate(strings, key, locale);
  throw new InvalidAnswersError(message, [{ field, message }]);
}

export async function resolveFeedbackTarget(
  fields: Readonly<Record<string, string | undefined>>,
  locale: Locale,
  deps: { lookups: TargetLookups; strings: Strings },
): Promise<ResolvedTarget> {
  const { strings, lookups } = deps;
  const task = fields.task;
  if (!isFeedbackTask(task)) problem('task', 'feedback.problem.task', locale, strings);
  const notFound = (field: string): never => {
    throw new InvalidAnswersError(translate(strings, 'feedback.problem.transaction', locale), [
      { field, message: translate(strings, 'feedback.problem.transaction', locale) },
    ]);
  };

  if (task === 'pay') {
    const paymentId = parsePaymentId(fields.payment ?? '') ?? notFound('payment');
    const payment = (await lookups.findPayment(paymentId)) ?? notFound('payment');
    const serviceId =
      payment.subject.kind === 'submission'
        ? ((await lookups.findSubmission(payment.subject.code))?.serviceId ?? notFound('payment'))
        : BILL_SERVICE;
    return {
      context: { task, agency: payment.agency, serviceId, channel: 'web' },
      transaction: paymentId,
      back: { kind: 'payment', paymentId },
    };
  }

  const parsed = parseConfirmationCode(fields.code ?? '');
  const code = parsed.ok ? parsed.code : notFound('code');
  const submission = (await lookups.findSubmission(code)) ?? notFound('code');
  let transaction = code;
  if (task === 'staff-reply') {
    const message = fields.message ?? '';
    // Only the reply the citizen is shown (decision 0106): a made-up id would otherwise be one more response each.
    if (!MESSAGE_ID.test(message) || message !== submission.statusMessageId)
      problem('message', 'feedback.problem.reply', locale, strings);
    transaction = `${code}#${message}`;
  }
  return {
    context: {
      task: task as FeedbackTask,
      agency: submission.agency,
      serviceId: submission.serviceId,
      channel: submission.channel,
    },
    transaction,
    back: { kind: 'status', code },
  };
}
