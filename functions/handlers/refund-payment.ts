/**
 * POST /api/payments/{paymentId}/refunds: staff of the agency the payment went to refund all of it or part
 * (`amount` in cents; all that is left when absent). Only where the fee is refundable, never more than was
 * paid. The refund records who asked for it, and its audit entry (who, from where) is written in the same
 * transaction as the refund itself; it shows in the payment's history and on the receipt. The case page's refund
 * form (a session route) comes here too.
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
import { isPageRoute, originOf } from '#http/cases';
import { idempotencyKeyOf } from '#http/idempotency';
import { bodyMessages, readBody, requestLocale } from '#http/request';
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

/** Refunds as asked; `formFields` when a form posted it (its automatic Idempotency-Key comes from them). */
async function refund(event: APIGatewayProxyEventV2, paymentId: string, raw: unknown, formFields: URLSearchParams | undefined) {
  const locale = requestLocale(event);
  const { amount, reason } = parseRefundRequest(raw, locale, strings);
  const caller = callerOf(event);
  const done = await refundPayment(
    {
      paymentId,
      amount,
      reason,
      caller,
      locale,
      idempotencyKey: checkIdempotencyKey(idempotencyKeyOf(event, formFields, new Date()), locale, strings),
      from: originOf(event),
    },
    { store, provider, strings, retentionDays },
  );
  // The audit entry went with the refund's own transaction; this line is for operators (no personal data).
  logger.info('Refund', {
    paymentId,
    refundId: done.refund.id,
    amount: done.refund.amount,
    state: done.refund.state,
    by: done.refund.requestedBy,
    replayed: done.replayed,
  });
  return done;
}

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const t = (key: string) => translate(strings, key, locale);
  const paymentId = parsePaymentId(event.pathParameters?.paymentId ?? '');
  if (!paymentId) throw new NotFoundError(t('payment.notFound'));
  const body = event.body ? readBody(event, bodyMessages(locale)) : { kind: 'json' as const, value: {} };
  const fields = body.kind === 'form' ? body.value : undefined;
  const raw = fields ? Object.fromEntries(fields) : (body.value ?? {});

  if (isPageRoute(event)) {
    // The case page's refund form: only a payment of that case (anything else does not exist for this form).
    const code = event.pathParameters?.code ?? '';
    const payment = await store.get(paymentId);
    if (payment?.subject.kind !== 'submission' || payment.subject.code !== code) throw new NotFoundError(t('payment.notFound'));
    const typed = Object.fromEntries(Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
    return (await import('#http/agency-pages')).caseFormAnswer(event, code, 'amount', typed, () =>
      refund(event, paymentId, raw, fields),
    );
  }

  const { refund: made, payment, replayed } = await refund(event, paymentId, raw, undefined);
  return json(
    replayed ? 200 : 201,
    {
      refund: { id: made.id, amount: made.amount, state: made.state, requestedAt: made.requestedAt },
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
