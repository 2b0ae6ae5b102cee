/**
 * POST /api/payments: pay the fee of an application (its confirmation code), a bill (its reference and the
 * plate or ZIP code printed on it), or try a payment again (its id). The amount comes from the catalog or
 * the bill, never from the request. Answers a 303 to the provider's hosted checkout for a plain form post,
 * JSON with the checkout URL otherwise; when there is nothing left to pay, the payment's own page.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbBillStore } from '#adapters/dynamodb-payment-bill-store';
import { dynamoDbPaymentStore } from '#adapters/dynamodb-payment-store';
import { dynamoDbSubmissionStore } from '#adapters/dynamodb-submission-store';
import { findCompiledForm } from '#adapters/form-registry';
import { configuredPaymentProvider } from '#adapters/payment-providers';
import { translate } from '#catalog/i18n';
import type { Locale } from '#catalog/schema';
import { checkIdempotencyKey } from '#domain/idempotency';
import { startPayment } from '#domain/payment-checkout';
import { findPayable, type Payable, type PayableDeps, type PayRequest } from '#domain/payment-payables';
import { idempotencyKeyOf } from '#http/idempotency';
import { htmlPage } from '#http/pages';
import { returnUrlsFor } from '#http/payment-pages';
import { bodyMessages, readBody, requestLocale, wantsHtml } from '#http/request';
import { BACK_TO_THIS_PAGE, json, seeOther } from '#http/responses';
import { strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { config, portalOrigin } from '#shared/config';
import { BadRequestError, isClientError } from '#shared/errors';
import { logger } from '#shared/logger';
import { apiPath } from '#ui/paths.ts';

const store = dynamoDbPaymentStore(dynamoDb, config.tableName);
const submissions = dynamoDbSubmissionStore(dynamoDb, config.tableName);
const bills = dynamoDbBillStore(dynamoDb, config.tableName);
const provider = configuredPaymentProvider();
const origin = portalOrigin();

function fromJson(body: unknown, locale: Locale): PayRequest {
  if (typeof body !== 'object' || body === null) throw new BadRequestError(translate(strings, 'payment.whatToPay', locale));
  const value = body as Record<string, unknown>;
  const text = (name: string) => (typeof value[name] === 'string' ? (value[name] as string) : undefined);
  return { code: text('code'), bill: text('bill'), check: text('check'), payment: text('payment') };
}

const payables: PayableDeps = {
  payments: store,
  submissions,
  bills,
  serviceOf: async (formId) => (await findCompiledForm(formId))?.service,
  strings,
};

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const body = readBody(event, bodyMessages(locale));
  const fields = body.kind === 'form' ? body.value : undefined;
  const request: PayRequest = fields
    ? {
        code: fields.get('code') ?? undefined,
        bill: fields.get('bill') ?? undefined,
        check: fields.get('check') ?? undefined,
        payment: fields.get('payment') ?? undefined,
      }
    : fromJson(body.value, locale);
  const idempotencyKey = checkIdempotencyKey(idempotencyKeyOf(event, fields, new Date()), locale, strings);
  const page = Boolean(fields) && wantsHtml(event);

  let payable: Payable;
  try {
    payable = await findPayable(request, locale, payables);
  } catch (error) {
    // Without JavaScript, a mistake in the code or the bill comes back as the same form, marked.
    const { code, bill, check, payment } = request;
    if (page && isClientError(error) && payment === undefined) {
      const problem = { message: error.message };
      if (code !== undefined)
        return htmlPage(
          error.statusCode,
          locale,
          ({ payByCodePage, langOf }) => payByCodePage(langOf(locale), code, { field: 'code', ...problem }),
          BACK_TO_THIS_PAGE,
        );
      if (bill !== undefined)
        return htmlPage(
          error.statusCode,
          locale,
          ({ billLookupPage, langOf }) =>
            billLookupPage(langOf(locale), { bill, check: check ?? '' }, { field: 'bill', ...problem }),
          BACK_TO_THIS_PAGE,
        );
    }
    throw error;
  }

  const result = await startPayment(
    payable,
    { locale, idempotencyKey },
    { store, provider, strings, returnUrls: (payment) => returnUrlsFor(origin, payment) },
  );
  const { payment } = result;
  const paymentUrl = apiPath('showPayment', { paymentId: payment.id }, { lang: locale });
  logger.info('Payment requested', {
    paymentId: payment.id,
    subject: payment.subject.kind,
    outcome: result.kind,
    state: payment.state,
  });
  if (result.kind === 'checkout') {
    if (page) return seeOther(result.url);
    return json(result.created ? 201 : 200, { paymentId: payment.id, state: payment.state, checkoutUrl: result.url, paymentUrl });
  }
  if (page) return seeOther(paymentUrl);
  return json(200, { paymentId: payment.id, state: payment.state, paymentUrl });
};

export const handler = withHttp(lambdaHandler);
