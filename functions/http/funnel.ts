/**
 * The funnel counters (decision 0101) where requests already arrive: `countStep` for a form page, a submission,
 * a status check; `countPaid` for a payment that just became paid. Best-effort: a failed count is logged (no
 * personal data: agency, form and step only) and the person's task goes on.
 */
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbFunnelCounter } from '#adapters/dynamodb-funnel-counter';
import { dynamoDbSubmissionStore } from '#adapters/dynamodb-submission-store';
import { countFunnelStep, type FunnelHit } from '#domain/funnel';
import type { Payment } from '#domain/payment-records';
import { config } from '#shared/config';
import { logger } from '#shared/logger';

const counter = dynamoDbFunnelCounter(dynamoDb, config.tableName);
const submissions = dynamoDbSubmissionStore(dynamoDb, config.tableName);

export function countStep(hit: Omit<FunnelHit, 'at'> & { at?: Date }): Promise<void> {
  return countFunnelStep(
    { ...hit, at: hit.at ?? new Date() },
    {
      counter,
      onError: (error) =>
        logger.warn('Funnel count failed', { agency: hit.agency, formId: hit.formId, step: hit.step, error: error as Error }),
    },
  );
}

/** A payment for a submission counts as "paid" on its form's funnel (a bill belongs to no form). */
export async function countPaid(payment: Pick<Payment, 'agency' | 'subject'>): Promise<void> {
  if (payment.subject.kind !== 'submission') return;
  try {
    const found = await submissions.findByCode(payment.subject.code);
    if (found) await countStep({ agency: payment.agency, formId: found.submission.formId, step: 'paid' });
  } catch (error) {
    logger.warn('Funnel count failed', { agency: payment.agency, step: 'paid', error: error as Error });
  }
}
