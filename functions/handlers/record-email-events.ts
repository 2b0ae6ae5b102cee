/**
 * What SES says became of an e-mail (its configuration set's event destination → EventBridge → this function):
 * "Email Delivered", "Email Bounced" and "Email Complaint Received" become "delivered", "bounced" and "complained" entries on the timeline of the entry the
 * e-mail was about (domain/notifications.ts). Locally, local/ses-local.ts produces the same events.
 */
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbContacts } from '#adapters/dynamodb-contacts';
import { dynamoDbNotices } from '#adapters/dynamodb-notices';
import { emailEventOf, type SesEventDetail } from '#adapters/ses-events';
import { recordEmailEvent } from '#domain/notifications';
import { config } from '#shared/config';
import { logger, loggerContext } from '#shared/logger';

const notices = dynamoDbNotices(dynamoDb, config.tableName);
const { emailStates } = dynamoDbContacts(dynamoDb, config.tableName);

const lambdaHandler = async (event: EventBridgeEvent<string, SesEventDetail>) => {
  const emailEvent = emailEventOf(event.detail);
  if (!emailEvent) return { outcome: 'ignored' };
  const outcome = await recordEmailEvent(
    { ...emailEvent, at: new Date(emailEvent.at).toISOString() },
    { notices, emailStates, now: () => new Date() },
  );
  logger.info('E-mail event', { kind: emailEvent.kind, messageId: emailEvent.messageId, outcome });
  return { outcome };
};

export const handler = middy(lambdaHandler).use(loggerContext());
