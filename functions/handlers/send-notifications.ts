/**
 * The notifier: the table's DynamoDB stream (new images) → for each new timeline entry that calls for it, one
 * e-mail through SES, a text through End User Messaging SMS where the person agreed to texts, and a "notification sent" entry per channel (domain/notifications.ts). Records that fail are reported
 * (ReportBatchItemFailures): the stream retries them with backoff, then sends them to the dead-letter queue that
 * an alarm watches. Locally, local/stream-poller.ts reads DynamoDB Local's stream and calls this same handler.
 */

import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbCaseStore } from '#adapters/dynamodb-case-store';
import { dynamoDbCodesRequests, toCodesRequest } from '#adapters/dynamodb-codes-requests';
import { dynamoDbContacts } from '#adapters/dynamodb-contacts';
import { dynamoDbDraftStore } from '#adapters/dynamodb-draft-store';
import { dynamoDbNotices } from '#adapters/dynamodb-notices';
import { insertedItem } from '#adapters/dynamodb-stream';
import { TIMELINE_TYPE, toTimelineEntry } from '#adapters/dynamodb-timeline';
import { sesMailer } from '#adapters/ses-mailer';
import { smsSender } from '#adapters/sms-sender';
import { type SendCodesDeps, sendMyCodes } from '#domain/code-requests';
import { type NotifyDeps, notifyAbout, textAbout } from '#domain/notifications';
import { agencyNameOfService, agencyNames, formTitleOf, loadCatalogIndex, strings } from '#http/site';
import { config, notifierConfig } from '#shared/config';
import { inOrderPerKey } from '#shared/in-order-per-key';
import { logger, loggerContext } from '#shared/logger';
import { countNow } from '#shared/metrics';
import { apiPath, pageHref, pages } from '#ui/paths.ts';

const settings = notifierConfig();
const contacts = dynamoDbContacts(dynamoDb, config.tableName);
const deps: NotifyDeps = {
  cases: dynamoDbCaseStore(dynamoDb, config.tableName),
  notices: dynamoDbNotices(dynamoDb, config.tableName),
  mailer: sesMailer({ from: settings.from, configurationSet: settings.configurationSet, endpoint: settings.sesEndpoint }),
  emailStates: contacts.emailStates,
  preferences: contacts.preferences,
  optOuts: contacts.optOuts,
  ...(settings.sms && { texts: smsSender(settings.sms) }),
  strings,
  now: () => new Date(),
  agencyName: agencyNameOfService,
  statusUrl: (code: string, locale: 'en' | 'es') =>
    `${settings.origin}${apiPath('showStatus', { code }, locale === 'en' ? {} : { lang: locale })}`,
  preferencesUrl: (locale) => `${settings.origin}${pageHref(locale, pages.account())}#preferences`,
  resumes: dynamoDbDraftStore(dynamoDb, config.tableName),
  resumeUrl: (code: string, locale: 'en' | 'es') =>
    `${settings.origin}${apiPath('showResumeForm', {}, { code, ...(locale !== 'en' && { lang: locale }) })}`,
  formTitle: formTitleOf,
};

const codesDeps: SendCodesDeps = {
  store: dynamoDbCodesRequests(dynamoDb, config.tableName, Object.keys(agencyNames)),
  mailer: deps.mailer,
  strings,
  serviceTitle: deps.agencyName,
  statusUrl: deps.statusUrl,
  statusPageUrl: (locale) => `${settings.origin}${pageHref(locale, pages.status())}`,
};

/** The "send me my codes" request a stream record carries, if it carries one. */
function codesRequestOf(record: DynamoDBRecord) {
  const item = insertedItem(record);
  return item ? toCodesRequest(item) : undefined;
}

/** The new timeline entry a stream record carries, if it carries one. */
export function entryOf(record: DynamoDBRecord) {
  const item = insertedItem(record);
  return item?.type === TIMELINE_TYPE ? toTimelineEntry(item) : undefined;
}

/** How many cases' notifications one invocation sends at once (a batch is 10 records on AWS, 100 locally). */
export const NOTIFY_AT_ONCE = 10;

type Work = { record: DynamoDBRecord; key: string; send: () => Promise<void> };

/** What a record asks the notifier to do, keyed by whose it is (their sends stay in order); undefined for nothing. */
function workOf(record: DynamoDBRecord): Work | undefined {
  const request = codesRequestOf(record);
  if (request) {
    return {
      record,
      key: `codes#${request.id}`,
      send: async () => {
        try {
          logger.info('Codes request', { requestId: request.id, outcome: await sendMyCodes(request, codesDeps) });
        } catch (error) {
          logger.error('Codes request failed; the stream retries it', { requestId: request.id, error: error as Error });
          countNow('NotificationFailed');
          throw error;
        }
      },
    };
  }
  const entry = entryOf(record);
  if (!entry?.notify) return undefined;
  return {
    record,
    key: entry.caseCode ? `case#${entry.caseCode}` : `entry#${entry.id}`,
    send: async () => {
      try {
        // Each channel keeps its own notice: a retry after a failed text does not send the e-mail again.
        const outcome = await notifyAbout(entry, deps);
        const text = await textAbout(entry, deps);
        logger.info('Notification', { entryId: entry.id, kind: entry.kind, outcome, text });
      } catch (error) {
        // Never personal data in the log: the entry's id and kind say which one, the case shows the rest.
        logger.error('Notification failed; the stream retries it', {
          entryId: entry.id,
          kind: entry.kind,
          error: error as Error,
        });
        countNow('NotificationFailed');
        throw error;
      }
    },
  };
}

const lambdaHandler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  await loadCatalogIndex();
  const work = event.Records.map(workOf).filter((item) => item !== undefined);
  const failed = await inOrderPerKey(
    work,
    (item) => item.key,
    NOTIFY_AT_ONCE,
    (item) => item.send(),
  );
  // Failed records and the later ones of their case: the stream retries from the first of them.
  return {
    batchItemFailures: failed.flatMap(({ record }) => {
      const id = record.dynamodb?.SequenceNumber;
      return id ? [{ itemIdentifier: id }] : [];
    }),
  };
};

// Never the event: a stream record carries the new image of whatever changed, answers and SSNs included (decision 0083).
export const handler = middy(lambdaHandler).use(loggerContext());
