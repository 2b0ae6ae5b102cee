/**
 * POST /api/payments/webhook: the payment provider's notifications, the source of truth for payments.
 * The signature is checked over the exact bytes received (API Gateway may hand them over base64-encoded),
 * with a timestamp tolerance; events are deduplicated by id; a paid amount that differs from the amount
 * asked for is refused (422) and alarmed. A refused notification writes nothing.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbPaymentStore } from '#adapters/dynamodb-payment-store';
import { configuredPaymentProvider } from '#adapters/payment-providers';
import { translate } from '#catalog/i18n';
import { applyProviderEvent } from '#domain/payment-events';
import { WebhookSignatureError } from '#domain/payment-provider';
import { countPaid } from '#http/funnel';
import { alarm } from '#http/payment-alarms';
import { MAX_BODY_BYTES } from '#http/request';
import { json } from '#http/responses';
import { strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { BadRequestError, PayloadTooLargeError } from '#shared/errors';
import { logger } from '#shared/logger';
import { countNow } from '#shared/metrics';

const store = dynamoDbPaymentStore(dynamoDb, config.tableName);
const provider = configuredPaymentProvider();

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const body = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (body.byteLength > MAX_BODY_BYTES) throw new PayloadTooLargeError(translate(strings, 'error.tooLarge', 'en'));
  let outcome: Awaited<ReturnType<typeof provider.verifyWebhook>>;
  try {
    outcome = await provider.verifyWebhook({ body, headers: event.headers ?? {} });
  } catch (error) {
    if (!(error instanceof WebhookSignatureError)) throw error;
    logger.warn('Payment webhook refused', { reason: error.message });
    await countNow('PaymentWebhookRefused');
    throw new BadRequestError(translate(strings, 'payment.webhookRefused', 'en'));
  }
  if (outcome.kind === 'ignored') {
    logger.info('Payment webhook ignored', { eventId: outcome.id, type: outcome.type });
    return json(200, { received: true, outcome: 'ignored' });
  }
  const result = await applyProviderEvent(outcome.event, {
    store,
    provider: provider.name,
    strings,
    alarm,
    onPaid: countPaid,
  });
  const log = result === 'unknown-payment' ? logger.warn.bind(logger) : logger.info.bind(logger);
  log('Payment webhook', { eventId: outcome.event.id, kind: outcome.event.kind, paymentId: outcome.event.paymentId, result });
  return json(200, { received: true, outcome: result });
};

export const handler = withHttp(lambdaHandler);
