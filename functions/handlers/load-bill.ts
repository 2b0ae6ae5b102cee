/**
 * PUT /api/bills/{reference}: an agency's system loads a bill or fine people can then pay by reference
 * (machine client, scope frontdoor/bills). Idempotent: the same bill again changes nothing; a bill someone
 * may have paid cannot be changed (409).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbBillStore } from '#adapters/dynamodb-payment-bill-store';
import { loadBill, parseBill } from '#domain/payment-bills';
import { bodyMessages, readBody } from '#http/request';
import { json } from '#http/responses';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { BadRequestError } from '#shared/errors';
import { logger } from '#shared/logger';

const bills = dynamoDbBillStore(dynamoDb, config.tableName);

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const body = readBody(event, bodyMessages('en'));
  if (body.kind !== 'json') throw new BadRequestError('Send the bill as JSON (Content-Type: application/json).');
  const bill = parseBill(event.pathParameters?.reference ?? '', body.value, new Date());
  await loadBill(bill, { store: bills });
  logger.info('Bill loaded', { reference: bill.reference, agency: bill.agency, amount: bill.amount });
  return json(200, { reference: bill.reference, amount: bill.amount, currency: bill.currency, saved: true });
};

export const handler = withHttp(lambdaHandler);
