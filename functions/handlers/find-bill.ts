/**
 * POST /api/bills/lookup: find a bill or fine by its reference number and the plate or ZIP code printed on
 * it; answers the bill with its "Pay" button (or, once paid, its receipt link). A POST, so the plate never
 * sits in an address bar, a history or a log.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbBillStore } from '#adapters/dynamodb-payment-bill-store';
import { findBill } from '#domain/payment-bills';
import { freshIdempotencyKey } from '#http/idempotency';
import { htmlPage } from '#http/pages';
import { bodyMessages, readBody, requestLocale, wantsHtml } from '#http/request';
import { BACK_TO_THIS_PAGE, json } from '#http/responses';
import { strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { isClientError } from '#shared/errors';

const bills = dynamoDbBillStore(dynamoDb, config.tableName);

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const body = readBody(event, bodyMessages(locale));
  const fields = body.kind === 'form' ? body.value : undefined;
  const value = (body.kind === 'json' && typeof body.value === 'object' && body.value !== null ? body.value : {}) as Record<
    string,
    unknown
  >;
  const reference = fields ? (fields.get('bill') ?? '') : String(value.reference ?? value.bill ?? '');
  const check = fields ? (fields.get('check') ?? '') : String(value.check ?? '');
  const page = Boolean(fields) && wantsHtml(event);
  try {
    const bill = await findBill({ reference, check, locale }, { store: bills, strings });
    if (page)
      return htmlPage(
        200,
        locale,
        ({ billPage, langOf }) => billPage(langOf(locale), bill, check, freshIdempotencyKey()),
        BACK_TO_THIS_PAGE,
      );
    const { reference: ref, description, amount, currency, dueOn, payment } = bill;
    return json(200, { reference: ref, description, amount, currency, ...(dueOn && { dueOn }), ...(payment && { payment }) });
  } catch (error) {
    if (page && isClientError(error))
      return htmlPage(
        error.statusCode,
        locale,
        ({ billLookupPage, langOf }) =>
          billLookupPage(langOf(locale), { bill: reference, check }, { field: 'bill', message: error.message }),
        BACK_TO_THIS_PAGE,
      );
    throw error;
  }
};

export const handler = withHttp(lambdaHandler);
