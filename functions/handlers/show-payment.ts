/**
 * GET /api/payments/{paymentId}: where the person lands after the provider's page, and the receipt.
 * Paid → the receipt; still processing → "check again"; not paid → why, and "Try again". When the
 * provider's notification has not arrived yet, asks the provider directly (through the same state machine).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbPaymentStore } from '#adapters/dynamodb-payment-store';
import { configuredPaymentProvider } from '#adapters/payment-providers';
import { translate } from '#catalog/i18n';
import { refreshFromProvider } from '#domain/payment-events';
import { parsePaymentId } from '#domain/payment-ids';
import { mayStillTakeMoney } from '#domain/payment-state';
import { countPaid } from '#http/funnel';
import { freshIdempotencyKey } from '#http/idempotency';
import { htmlPage } from '#http/pages';
import { alarm } from '#http/payment-alarms';
import { publicPayment } from '#http/payment-pages';
import { requestLocale, wantsHtml } from '#http/request';
import { json } from '#http/responses';
import { strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { NotFoundError } from '#shared/errors';
import type { ReturnedFrom } from '#ui/pages/PaymentPages.tsx';

const store = dynamoDbPaymentStore(dynamoDb, config.tableName);
const provider = configuredPaymentProvider();

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const id = parsePaymentId(event.pathParameters?.paymentId ?? '');
  let details = id ? await store.details(id) : undefined;
  if (!details) throw new NotFoundError(translate(strings, 'payment.notFound', locale));
  if (mayStillTakeMoney(details.payment.state)) {
    const refreshed = await refreshFromProvider(details.payment, { store, provider, strings, alarm, onPaid: countPaid });
    if (refreshed.version !== details.payment.version) details = (await store.details(refreshed.id)) ?? details;
  }
  if (!wantsHtml(event)) return json(200, publicPayment(details));
  const from = event.queryStringParameters?.from;
  const returnedFrom: ReturnedFrom = from === 'checkout' || from === 'cancel' ? from : undefined;
  return htmlPage(200, locale, ({ paymentPage, langOf }) =>
    paymentPage(langOf(locale), details, { from: returnedFrom, idempotencyKey: freshIdempotencyKey() }),
  );
};

export const handler = withHttp(lambdaHandler);
