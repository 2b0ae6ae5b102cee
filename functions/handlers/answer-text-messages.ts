/**
 * Two-way SMS: texts people send to the agency's number, as End User Messaging publishes them to its SNS topic →
 * this function → one reply each (domain/inbound-texts.ts: STOP, START, HELP, `STATUS <code>`). A failure throws,
 * so SNS retries the delivery (then its dead-letter queue, which the notifications alarm watches). Locally,
 * local/sms-local.ts delivers the same SNS event when a developer or a test sends an inbound text.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { SNSEvent } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbContacts } from '#adapters/dynamodb-contacts';
import { dynamoDbSubmissionStore } from '#adapters/dynamodb-submission-store';
import { writeTimelineEntries } from '#adapters/dynamodb-timeline';
import { smsSender } from '#adapters/sms-sender';
import { answerInboundText, type InboundDeps, inboundTextOf } from '#domain/inbound-texts';
import { agencyNameOfService, loadCatalogIndex, strings } from '#http/site';
import { config, portalOrigin, smsConfig } from '#shared/config';
import { logger } from '#shared/logger';
import { apiPath } from '#ui/paths.ts';

const sms = smsConfig();
if (!sms) throw new Error('SMS_ORIGINATION_IDENTITY is not set: the number (or pool) that answers texts');
const origin = portalOrigin();
const contacts = dynamoDbContacts(dynamoDb, config.tableName);
const submissions = dynamoDbSubmissionStore(dynamoDb, config.tableName);
const deps: InboundDeps = {
  strings,
  now: () => new Date(),
  optOuts: contacts.optOuts,
  inbound: contacts.inbound,
  texts: smsSender(sms),
  findByCode: async (code) => (await submissions.findByCode(code))?.submission,
  serviceTitle: agencyNameOfService,
  statusUrl: (code, locale) => `${origin}${apiPath('showStatus', { code }, locale === 'en' ? {} : { lang: locale })}`,
  record: async (entries) => {
    await writeTimelineEntries(dynamoDb, config.tableName, entries);
  },
};

const lambdaHandler = async (event: SNSEvent) => {
  await loadCatalogIndex();
  const outcomes: string[] = [];
  for (const record of event.Records) {
    const text = inboundTextOf(record.Sns.Message);
    if (!text) {
      logger.warn('Not an inbound text; ignored', { messageId: record.Sns.MessageId });
      outcomes.push('ignored');
      continue;
    }
    // Never the number or the words in the log: the inbound id says which one.
    const outcome = await answerInboundText(text, deps);
    logger.info('Inbound text', { inboundMessageId: text.inboundMessageId, outcome });
    outcomes.push(outcome);
  }
  return { outcomes };
};

export const handler = middy(lambdaHandler).use(injectLambdaContext(logger, { resetKeys: true }));
