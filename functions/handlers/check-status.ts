/** GET /api/status/{code} and GET /api/status?code=…: where a submission stands. Status and dates only. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbSubmissionStore } from '#adapters/dynamodb-submission-store';
import { findCompiledForm } from '#adapters/form-registry';
import { lookUpStatus } from '#domain/submissions';
import { otherLanguageHref, renderStatusPage } from '#http/pages';
import { renderPaymentSection } from '#http/payment-pages';
import { requestLocale, wantsHtml } from '#http/request';
import { html, json } from '#http/responses';
import { strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';

const store = dynamoDbSubmissionStore(dynamoDb, config.tableName);

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const code = event.pathParameters?.code ?? event.queryStringParameters?.code ?? '';
  const status = await lookUpStatus(code, locale, { store, strings });
  if (!wantsHtml(event)) return json(200, status);

  const compiled = await findCompiledForm(status.formId);
  const fee = compiled?.service.fee;
  const path = `/api/status/${status.code}${event.queryStringParameters?.submitted ? '?submitted=1' : ''}`;
  return html(
    200,
    renderStatusPage(status, compiled?.service.title, locale, {
      justSubmitted: Boolean(event.queryStringParameters?.submitted),
      altHref: otherLanguageHref(path, locale),
      ...(fee && { paymentHtml: renderPaymentSection(status.code, fee, status.payment, locale) }),
    }),
  );
};

export const handler = withHttp(lambdaHandler);
