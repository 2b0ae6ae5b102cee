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
import { findBill, payableBill } from '#domain/payment-bills';
import { findPayableSubmission, type Payable, parsePaymentId, startPayment } from '#domain/payments';
import { checkIdempotencyKey } from '#domain/submissions';
import { idempotencyKeyOf } from '#http/idempotency';
import { langOf, renderView } from '#http/pages';
import { originOf, returnUrlsFor } from '#http/payment-pages';
import { bodyMessages, readBody, requestLocale, wantsHtml } from '#http/request';
import { BACK_TO_THIS_PAGE, html, json, seeOther } from '#http/responses';
import { strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { BadRequestError, isClientError, NotFoundError } from '#shared/errors';
import { logger } from '#shared/logger';
import { billLookupPage, payByCodePage } from '#ui/pages/PaymentPages.tsx';
import { apiPath } from '#ui/paths.ts';

const store = dynamoDbPaymentStore(dynamoDb, config.tableName);
const submissions = dynamoDbSubmissionStore(dynamoDb, config.tableName);
const bills = dynamoDbBillStore(dynamoDb, config.tableName);
const provider = configuredPaymentProvider();

interface PayRequest {
  code?: string | undefined;
  bill?: string | undefined;
  check?: string | undefined;
  payment?: string | undefined;
}

function fromJson(body: unknown, locale: Locale): PayRequest {
  if (typeof body !== 'object' || body === null) throw new BadRequestError(translate(strings, 'payment.whatToPay', locale));
  const value = body as Record<string, unknown>;
  const text = (name: string) => (typeof value[name] === 'string' ? (value[name] as string) : undefined);
  return { code: text('code'), bill: text('bill'), check: text('check'), payment: text('payment') };
}

async function payableFor(request: PayRequest, locale: Locale): Promise<Payable> {
  if (request.payment !== undefined) {
    // "Try again" from a payment's page: the payment's id (unguessable) stands for what it paid for.
    const id = parsePaymentId(request.payment);
    const earlier = id && (await store.get(id));
    if (!earlier) throw new NotFoundError(translate(strings, 'payment.notFound', locale));
    if (earlier.subject.kind === 'submission') return payableFor({ code: earlier.subject.code }, locale);
    const bill = await bills.get(earlier.subject.reference);
    if (!bill) throw new NotFoundError(translate(strings, 'payment.notFound', locale));
    return payableBill(bill);
  }
  if (request.code !== undefined)
    return findPayableSubmission(request.code, locale, {
      submissions,
      serviceOf: async (formId) => (await findCompiledForm(formId))?.service,
      strings,
    });
  if (request.bill !== undefined)
    return payableBill(
      await findBill({ reference: request.bill, check: request.check ?? '', locale }, { store: bills, strings }),
    );
  throw new BadRequestError(translate(strings, 'payment.whatToPay', locale));
}

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
    payable = await payableFor(request, locale);
  } catch (error) {
    // Without JavaScript, a mistake in the code or the bill comes back as the same form, marked.
    if (page && isClientError(error) && request.payment === undefined) {
      const problem = { message: error.message };
      if (request.code !== undefined)
        return html(
          error.statusCode,
          renderView(locale, payByCodePage(langOf(locale), request.code, { field: 'code', ...problem })),
          BACK_TO_THIS_PAGE,
        );
      if (request.bill !== undefined)
        return html(
          error.statusCode,
          renderView(
            locale,
            billLookupPage(langOf(locale), { bill: request.bill, check: request.check ?? '' }, { field: 'bill', ...problem }),
          ),
          BACK_TO_THIS_PAGE,
        );
    }
    throw error;
  }

  const result = await startPayment(
    payable,
    { locale, origin: originOf(event), idempotencyKey },
    { store, provider, strings, returnUrls: returnUrlsFor },
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
