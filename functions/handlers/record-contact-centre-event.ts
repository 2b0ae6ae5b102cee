/**
 * Contact-centre events → the person's timeline: Amazon Connect contact events (default EventBridge bus) and Genesys
 * Cloud conversation events (its partner event bus), each mapped by domain/contact-centre.ts onto the same ingest
 * rule as POST /api/interactions (matching, idempotent by the vendor's contact id, unlinked when unmatched).
 * Events that are not about the portal are ignored; a malformed one is logged and dropped (a retry cannot fix it);
 * a store failure throws, so EventBridge retries, then the notifications dead-letter queue (with its alarm).
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbCaseStore } from '#adapters/dynamodb-case-store';
import { dynamoDbInteractions } from '#adapters/dynamodb-interactions';
import { dynamoDbSubmissionStore } from '#adapters/dynamodb-submission-store';
import { contactCentreEventOf } from '#domain/contact-centre';
import { InvalidInteractionError, ingestInteraction, parseInteraction } from '#domain/interactions';
import { config, contactCentreAgencies } from '#shared/config';
import { logger } from '#shared/logger';

const agencies = contactCentreAgencies();
const submissions = dynamoDbSubmissionStore(dynamoDb, config.tableName);
const cases = dynamoDbCaseStore(dynamoDb, config.tableName);
const store = dynamoDbInteractions(dynamoDb, config.tableName);

const lambdaHandler = async (event: EventBridgeEvent<string, unknown>) => {
  const mapped = contactCentreEventOf(event, agencies);
  if (mapped.kind === 'ignored') {
    logger.info('Contact-centre event ignored', { source: event.source, reason: mapped.reason });
    return { outcome: 'ignored', reason: mapped.reason };
  }
  let interaction: ReturnType<typeof parseInteraction>;
  try {
    interaction = parseInteraction(mapped.body, new Date());
  } catch (error) {
    if (!(error instanceof InvalidInteractionError)) throw error;
    // Field names only: the values may be personal data.
    logger.error('Contact-centre event not recordable', { source: event.source, fields: error.problems.map((p) => p.field) });
    return { outcome: 'invalid', fields: error.problems.map((p) => p.field) };
  }
  const receipt = await ingestInteraction(interaction, {
    findByCode: async (code) => (await submissions.findByCode(code))?.submission,
    findByEmail: (agency, email) => cases.findByEmail(agency, email),
    store,
    now: () => new Date(),
  });
  logger.info('Contact-centre event recorded', { id: receipt.id, linked: receipt.linked, replayed: receipt.replayed });
  return { outcome: receipt.replayed ? 'replayed' : 'recorded', ...receipt };
};

export const handler = middy(lambdaHandler).use(injectLambdaContext(logger, { resetKeys: true }));
