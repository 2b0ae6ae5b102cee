/** GET /api/status/{code} and GET /api/status?code=…: where a submission stands. Status and dates only. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbContacts } from '#adapters/dynamodb-contacts';
import { dynamoDbSubmissionStore } from '#adapters/dynamodb-submission-store';
import { findCompiledForm } from '#adapters/form-registry';
import { lookUpStatus } from '#domain/submissions';
import { countStep } from '#http/funnel';
import { freshIdempotencyKey } from '#http/idempotency';
import { htmlPage, otherLanguageHref } from '#http/pages';
import { requestLocale, wantsHtml } from '#http/request';
import { json } from '#http/responses';
import { strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { apiPath } from '#ui/paths.ts';

const store = dynamoDbSubmissionStore(dynamoDb, config.tableName);
const { emailStates } = dynamoDbContacts(dynamoDb, config.tableName);

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const code = event.pathParameters?.code ?? event.queryStringParameters?.code ?? '';
  const status = await lookUpStatus(code, locale, { store, strings, emailStates });
  const compiled = await findCompiledForm(status.formId);
  if (compiled) await countStep({ agency: compiled.service.agency, formId: status.formId, step: 'status-checked' });
  if (!wantsHtml(event)) return json(200, status);

  const justSubmitted = Boolean(event.queryStringParameters?.submitted);
  const path = apiPath('showStatus', { code: status.code }, justSubmitted ? { submitted: '1' } : {});
  return htmlPage(200, locale, ({ statusPage, langOf }) =>
    statusPage(langOf(locale), status, {
      serviceTitle: compiled?.service.title,
      justSubmitted,
      altHref: otherLanguageHref(path, locale),
      fee: status.fee ?? compiled?.service.fee,
      idempotencyKey: freshIdempotencyKey(),
      facts: compiled?.service.facts,
    }),
  );
};

export const handler = withHttp(lambdaHandler);
