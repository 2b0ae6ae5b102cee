/**
 * POST /api/status/codes: "send me my confirmation codes" (domain/code-requests.ts). The answer never says whether
 * the address made any submission: a form post gets a 303 to the same "check your e-mail" page (GET
 * /api/status/codes/sent), JSON a 202 with the same words, and the lookup and the e-mail happen later, in the
 * notifier (the request is an outbox item). A bad address gets the form again (422) naming the field.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbCodesRequests } from '#adapters/dynamodb-codes-requests';
import { translate } from '#catalog/i18n';
import { InvalidCodesRequestError, requestMyCodes } from '#domain/code-requests';
import { htmlPage, otherLanguageHref } from '#http/pages';
import { bodyMessages, readBody, requestLocale, wantsHtml } from '#http/request';
import { json, seeOther } from '#http/responses';
import { agencyNames, strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { logger } from '#shared/logger';
import { apiPath } from '#ui/paths.ts';

const store = dynamoDbCodesRequests(dynamoDb, config.tableName, Object.keys(agencyNames));

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  if (event.requestContext.http.method === 'GET') {
    const locale = requestLocale(event);
    const path = apiPath('showCodesRequested');
    return htmlPage(200, locale, ({ codesRequestedPage, langOf }) =>
      codesRequestedPage(langOf(locale), otherLanguageHref(path, locale)),
    );
  }
  const body = readBody(event, bodyMessages(requestLocale(event)));
  const fields = body.kind === 'form' ? Object.fromEntries(body.value) : ((body.value ?? {}) as Record<string, unknown>);
  const locale = requestLocale(event, typeof fields.lang === 'string' ? fields.lang : undefined);
  const html = body.kind === 'form' && wantsHtml(event);
  try {
    const outcome = await requestMyCodes(
      { email: fields.email, locale },
      { store, strings, now: () => new Date(), newId: randomUUID },
    );
    // Only the outcome: never the address.
    logger.info('Codes requested', { outcome });
  } catch (error) {
    if (!(html && error instanceof InvalidCodesRequestError)) throw error;
    const path = apiPath('showCodesRequested');
    return htmlPage(422, locale, ({ codesFormPage, langOf }) =>
      codesFormPage(langOf(locale), otherLanguageHref(path, locale), {
        value: typeof fields.email === 'string' ? fields.email : '',
        error: error.message,
      }),
    );
  }
  if (html) return seeOther(apiPath('showCodesRequested', {}, locale === 'en' ? {} : { lang: locale }));
  return json(202, { message: translate(strings, 'codes.sentText', locale) });
};

export const handler = withHttp(lambdaHandler);
