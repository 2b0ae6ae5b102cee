/**
 * POST /api/payments/{paymentId}/refunds: staff of the agency the payment went to refund all of it or part
 * (`amount` in cents; all that is left when absent). Only where the fee is refundable, never more than was
 * paid. The refund records who asked for it, and its audit entry (who, from where) is written in the same
 * transaction as the refund itself; it shows in the payment's history and on the receipt.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbPaymentStore } from '#adapters/dynamodb-payment-store';
import { configuredPaymentProvider } from '#adapters/payment-providers';
import { translate } from '#catalog/i18n';
import { checkIdempotencyKey } from '#domain/idempotency';
import { parsePaymentId } from '#domain/payment-ids';
import { parseRefundRequest, refundPayment } from '#domain/payment-refunds';
import { callerOf } from '#http/caller';
import { idempotencyKeyOf, viewerIpOf } from '#http/idempotency';
import { bodyMessages, header, readBody, requestLocale } from '#http/request';
import { json } from '#http/responses';
import { strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { auditRetentionDays, config } from '#shared/config';
import { NotFoundError } from '#shared/errors';
import { logger } from '#shared/logger';
import { apiPath } from '#ui/paths.ts';

const store = dynamoDbPaymentStore(dynamoDb, config.tableName);
const provider = configuredPaymentProvider();
const retentionDays = auditRetentionDays();

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const t = (key: string) => translate(strings, key, locale);
  const paymentId = parsePaymentId(event.pathParameters?.paymentId ?? '');
  if (!paymentId) throw new NotFoundError(t('payment.notFound'));
  const body = event.body ? readBody(event, bodyMessages(locale)) : { kind: 'json' as const, value: {} };
  const fields = body.kind === 'form' ? body.value : undefined;
  const { amount, reason } = parseRefundRequest(fields ? Object.fromEntries(fields) : (body.value ?? {}), locale, strings);

  const caller = callerOf(event);
  const { refund, payment, replayed } = await refundPayment(
    {
      paymentId,
      amount,
      reason,
      caller,
      locale,
      idempotencyKey: checkIdempotencyKey(idempotencyKeyOf(event, undefined, new Date()), locale, strings),
      from: { address: viewerIpOf(event), userAgent: header(event, 'user-agent') },
    },
    { store, provider, strings, retentionDays },
  );
  // The audit entry went with the refund's own transaction; this line is for operators (no personal data).
  logger.info('Refund', {
    paymentId,
    refundId: refund.id,
    amount: refund.amount,
    state: refund.state,
    by: refund.requestedBy,
    replayed,
  });
  return json(
    replayed ? 200 : 201,
    {
      refund: { id: refund.id, amount: refund.amount, state: refund.state, requestedAt: refund.requestedAt },
      payment: {
        id: payment.id,
        state: payment.state,
        amount: payment.amount,
        refunded: payment.refunded,
        currency: payment.currency,
      },
      paymentUrl: apiPath('showPayment', { paymentId: payment.id }),
    },
    replayed ? { 'idempotent-replayed': 'true' } : {},
  );
};

export const handler = withHttp(lambdaHandler);
