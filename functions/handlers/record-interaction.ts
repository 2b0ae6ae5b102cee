/**
 * POST /api/interactions: another channel's system (contact centre, chat, e-mail, text, front desk, mail room)
 * records a contact on the person's timeline (machine client, scope frontdoor/interactions). The same externalId
 * twice is one entry (200 the second time, 201 the first); bad input is a 422 naming every field.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbCaseStore } from '#adapters/dynamodb-case-store';
import { dynamoDbInteractions } from '#adapters/dynamodb-interactions';
import { dynamoDbSubmissionStore } from '#adapters/dynamodb-submission-store';
import { ingestInteraction, parseInteraction } from '#domain/interactions';
import { bodyMessages, readBody } from '#http/request';
import { json } from '#http/responses';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { BadRequestError } from '#shared/errors';
import { logger } from '#shared/logger';

const submissions = dynamoDbSubmissionStore(dynamoDb, config.tableName);
const cases = dynamoDbCaseStore(dynamoDb, config.tableName);
const store = dynamoDbInteractions(dynamoDb, config.tableName);

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const body = readBody(event, bodyMessages('en'));
  if (body.kind !== 'json') throw new BadRequestError('Send the interaction as JSON (Content-Type: application/json).');
  const interaction = parseInteraction(body.value, new Date());
  const receipt = await ingestInteraction(interaction, {
    findByCode: async (code) => (await submissions.findByCode(code))?.submission,
    findByEmail: (agency, email) => cases.findByEmail(agency, email),
    store,
    now: () => new Date(),
  });
  // Ids and outcomes only: never the summary or how the person was found.
  logger.info('Interaction recorded', {
    id: receipt.id,
    channel: interaction.channel,
    agency: interaction.agency,
    linked: receipt.linked,
    replayed: receipt.replayed,
  });
  return json(receipt.replayed ? 200 : 201, receipt);
};

export const handler = withHttp(lambdaHandler);
