/** GET /api/agency/{agency}/search?q=: a case by confirmation code, or an agency's cases by the applicant's e-mail. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { findCases } from '#domain/case-queue';
import { callerOf } from '#http/caller';
import { caseDeps, originOf } from '#http/cases';
import { requestLocale } from '#http/request';
import { json } from '#http/responses';
import { withHttp } from '#http/with-http';
import { apiPath } from '#ui/paths.ts';

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const found = await findCases(
    {
      caller: callerOf(event),
      agency: event.pathParameters?.agency ?? '',
      query: event.queryStringParameters?.q ?? '',
      locale: requestLocale(event),
      from: originOf(event),
    },
    caseDeps,
  );
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
