/**
 * Agency events (decision 0096): the table's stream (new images) → for each new timeline entry of a submission or
 * a status change, and each payment's `paid` step, one event on the portal's EventBridge bus. Records whose event
 * was not accepted are reported (ReportBatchItemFailures): the stream retries them, then sends them to the
 * dead-letter queue. Locally, local/stream-poller.ts reads DynamoDB Local's stream and calls this same handler.
 */
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbPaymentStore, paymentIdOfHistory } from '#adapters/dynamodb-payment-store';
import { insertedItem } from '#adapters/dynamodb-stream';
import { dynamoDbSubmissionStore } from '#adapters/dynamodb-submission-store';
import { TIMELINE_TYPE, toTimelineEntry } from '#adapters/dynamodb-timeline';
import { eventBridgePublisher } from '#adapters/eventbridge-publisher';
import { type AgencyEvent, EVENT_PAYMENT_KIND, eventOfEntry, eventOfPaymentHistory, isEventEntry } from '#domain/agency-events';
import type { PaymentHistoryEntry } from '#domain/payment-records';
import { agencyEventsConfig, config } from '#shared/config';
import { logger, loggerContext } from '#shared/logger';
import { countNow } from '#shared/metrics';
import { apiPath } from '#ui/paths.ts';

const submissions = dynamoDbSubmissionStore(dynamoDb, config.tableName);
const payments = dynamoDbPaymentStore(dynamoDb, config.tableName);
const publisher = eventBridgePublisher(agencyEventsConfig());
const caseUrl = (code: string) => apiPath('showCase', { code });

/** The event a stream record stands for, if any (the submission or payment it concerns is read for the rest). */
async function eventOf(record: DynamoDBRecord): Promise<AgencyEvent | undefined> {
  const item = insertedItem(record);
  if (!item) return undefined;
  if (item.type === TIMELINE_TYPE) {
    const entry = toTimelineEntry(item);
    if (!isEventEntry(entry) || !entry.caseCode) return undefined;
    return eventOfEntry(entry, (await submissions.findByCode(entry.caseCode))?.submission, caseUrl);
  }
  const paymentId = paymentIdOfHistory(item);
  if (!paymentId) return undefined;
  const step = item as unknown as PaymentHistoryEntry;
  // Only the paid step makes an event: the payment is read for that one alone.
  return eventOfPaymentHistory(step, step.kind === EVENT_PAYMENT_KIND ? await payments.get(paymentId) : undefined);
}

const lambdaHandler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  const fail = (record: DynamoDBRecord) => {
    const id = record.dynamodb?.SequenceNumber;
    if (id) batchItemFailures.push({ itemIdentifier: id });
  };
  const found: { record: DynamoDBRecord; event: AgencyEvent }[] = [];
  for (const record of event.Records) {
    try {
      const made = await eventOf(record);
      if (made) found.push({ record, event: made });
    } catch (error) {
      logger.error('Reading what an agency event is about failed; the stream retries it', { error: error as Error });
      fail(record);
    }
  }
  if (found.length > 0) {
    let refused: number[];
    try {
      refused = await publisher.publish(found.map((f) => f.event));
    } catch (error) {
      logger.error('Publishing agency events failed; the stream retries them', { count: found.length, error: error as Error });
      refused = found.map((_, index) => index);
    }
    for (const index of refused) fail(found[index]!.record);
    // Ids and types only: an event carries no personal data, but the log does not need even that.
    for (const [index, { event: published }] of found.entries())
      if (!refused.includes(index))
        logger.info('Agency event published', { eventId: published.detail.eventId, type: published.type });
    if (refused.length > 0) await countNow('AgencyEventRefused');
  }
  return { batchItemFailures };
};

export const handler = middy(lambdaHandler).use(loggerContext());
