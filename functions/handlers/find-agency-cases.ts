/** GET /api/agency/{agency}/search?q=: a case by confirmation code, or an agency's cases by the applicant's e-mail. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { findCases } from '#domain/case-queue';
import { callerOf } from '#http/caller';
import { caseDeps, isPageRoute, originOf } from '#http/cases';
import { requestLocale } from '#http/request';
import { json } from '#http/responses';
import { withHttp } from '#http/with-http';
import { apiPath } from '#ui/paths.ts';

const find = (event: APIGatewayProxyEventV2) =>
  findCases(
    {
      caller: callerOf(event),
      agency: event.pathParameters?.agency ?? '',
      query: event.queryStringParameters?.q ?? '',
      locale: requestLocale(event),
      from: originOf(event),
    },
    caseDeps,
  );

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  if (isPageRoute(event))
    return (await import('#http/agency-pages')).searchPageAnswer(event, event.pathParameters?.agency ?? '', () => find(event));
  const found = await find(event);
  if (found.kind === 'case') return json(200, { caseUrl: apiPath('showCase', { code: found.code }) });
  return json(200, {
    cases: found.items.map(({ code, serviceId, status, submittedAt }) => ({
      code,
      serviceId,
      status,
      submittedAt,
      caseUrl: apiPath('showCase', { code }),
    })),
  });
};

export const handler = withHttp(lambdaHandler);
