/** GET /api/feedback/thanks: "Thank you", and the way back to where the person was (decision 0100). */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { feedbackBackHref } from '#http/feedback';
import { htmlPage, otherLanguageHref } from '#http/pages';
import { requestLocale } from '#http/request';
import { withHttp } from '#http/with-http';
import { apiPath } from '#ui/paths.ts';

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const query = event.queryStringParameters ?? {};
  const nothing = query.nothing === '1';
  const here = apiPath(
    'showFeedbackThanks',
    {},
    Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as Record<string, string>,
  );
  return htmlPage(200, locale, ({ feedbackThanksPage, langOf }) =>
    feedbackThanksPage(langOf(locale), {
      nothing,
      backHref: feedbackBackHref(query, locale),
      altHref: otherLanguageHref(here, locale),
    }),
  );
};

export const handler = withHttp(lambdaHandler);
