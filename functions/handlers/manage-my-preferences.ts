/**
 * GET and PUT /api/my/preferences: how the signed-in person wants to hear from us (domain/preferences.ts), and the
 * addresses of theirs our last e-mail could not reach (My account shows "we could not reach you at …").
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbContacts } from '#adapters/dynamodb-contacts';
import { dynamoDbSubmissionStore } from '#adapters/dynamodb-submission-store';
import { ownerOf } from '#domain/authorization';
import { parsePreferences, unreachableAddressesOf } from '#domain/preferences';
import { callerOf } from '#http/caller';
import { bodyMessages, readBody, requestLocale } from '#http/request';
import { json } from '#http/responses';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { ForbiddenError } from '#shared/errors';

const contacts = dynamoDbContacts(dynamoDb, config.tableName);
const submissions = dynamoDbSubmissionStore(dynamoDb, config.tableName);

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const person = ownerOf(callerOf(event));
  if (!person) throw new ForbiddenError('Sign in as yourself to choose how we contact you.');
  if (event.requestContext.http.method === 'PUT') {
    const body = readBody(event, bodyMessages(requestLocale(event)));
    const value = body.kind === 'form' ? Object.fromEntries(body.value) : body.value;
    const preferences = parsePreferences(value, new Date());
    await contacts.preferences.savePreferences(person, preferences);
    return json(200, { preferences }, { 'cache-control': 'no-store' });
  }
  const [preferences, unreachable] = await Promise.all([
    contacts.preferences.preferencesOf(person),
    unreachableAddressesOf(person, {
      listByOwner: (owner, limit) => submissions.listByOwner(owner, limit),
      emailState: (address) => contacts.emailStates.emailState(address),
    }),
  ]);
  return json(200, { preferences: preferences ?? { choices: {} }, unreachable }, { 'cache-control': 'no-store' });
};

export const handler = withHttp(lambdaHandler);
