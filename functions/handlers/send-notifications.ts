/**
 * The notifier: the table's DynamoDB stream (new images) → for each new timeline entry that calls for it, one
 * e-mail through SES and a "notification sent" entry (domain/notifications.ts). Records that fail are reported
 * (ReportBatchItemFailures): the stream retries them with backoff, then sends them to the dead-letter queue that
 * an alarm watches. Locally, local/stream-poller.ts reads DynamoDB Local's stream and calls this same handler.
 */

import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbCaseStore } from '#adapters/dynamodb-case-store';
import { dynamoDbDraftStore } from '#adapters/dynamodb-draft-store';
import { dynamoDbNotices } from '#adapters/dynamodb-notices';
import { insertedItem } from '#adapters/dynamodb-stream';
import { TIMELINE_TYPE, toTimelineEntry } from '#adapters/dynamodb-timeline';
import { sesMailer } from '#adapters/ses-mailer';
import { notifyAbout } from '#domain/notifications';
import { formTitles, services, strings } from '#http/site';
import { config, notifierConfig } from '#shared/config';
import { logger, loggerContext } from '#shared/logger';
import { countNow } from '#shared/metrics';
import { apiPath } from '#ui/paths.ts';

const settings = notifierConfig();
const deps = {
  cases: dynamoDbCaseStore(dynamoDb, config.tableName),
  notices: dynamoDbNotices(dynamoDb, config.tableName),
  mailer: sesMailer({ from: settings.from, configurationSet: settings.configurationSet, endpoint: settings.sesEndpoint }),
  strings,
  now: () => new Date(),
  agencyName: (serviceId: string, locale: 'en' | 'es') => services[serviceId]?.agency?.name[locale],
  statusUrl: (code: string, locale: 'en' | 'es') =>
    `${settings.origin}${apiPath('showStatus', { code }, locale === 'en' ? {} : { lang: locale })}`,
  resumes: dynamoDbDraftStore(dynamoDb, config.tableName),
  resumeUrl: (code: string, locale: 'en' | 'es') =>
    `${settings.origin}${apiPath('showResumeForm', {}, { code, ...(locale !== 'en' && { lang: locale }) })}`,
  formTitle: (formId: string, locale: 'en' | 'es') => formTitles[formId]?.[locale],
};

/** The new timeline entry a stream record carries, if it carries one. */
export function entryOf(record: DynamoDBRecord) {
  const item = insertedItem(record);
  return item?.type === TIMELINE_TYPE ? toTimelineEntry(item) : undefined;
}

const lambdaHandler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const entry = entryOf(record);
    if (!entry?.notify) continue;
    try {
      const outcome = await notifyAbout(entry, deps);
      logger.info('Notification', { entryId: entry.id, kind: entry.kind, outcome });
    } catch (error) {
      // Never personal data in the log: the entry's id and kind say which one, the case shows the rest.
      logger.error('Notification failed; the stream retries it', { entryId: entry.id, kind: entry.kind, error: error as Error });
      countNow('NotificationFailed');
      const id = record.dynamodb?.SequenceNumber;
      if (id) batchItemFailures.push({ itemIdentifier: id });
    }
  }
  return { batchItemFailures };
};

// Never the event: a stream record carries the new image of whatever changed, answers and SSNs included (decision 0083).
export const handler = middy(lambdaHandler).use(loggerContext());
