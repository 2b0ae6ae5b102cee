/** GET /api/agency/cases/{code}: a case for staff of its agency (audited before it is shown). */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { nextStatuses } from '#domain/case-workflow';
import { openCase } from '#domain/cases';
import { callerOf } from '#http/caller';
import { caseDeps, isPageRoute, originOf } from '#http/cases';
import { requestLocale } from '#http/request';
import { json } from '#http/responses';
import { withHttp } from '#http/with-http';

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  if (isPageRoute(event)) return (await import('#http/agency-pages')).casePageAnswer(event, event.pathParameters?.code ?? '');
  const opened = await openCase(
    { caller: callerOf(event), code: event.pathParameters?.code ?? '', locale: requestLocale(event), from: originOf(event) },
    caseDeps,
  );
  return json(200, { ...opened, nextStatuses: nextStatuses(opened.submission.status, 'staff') });
};

export const handler = withHttp(lambdaHandler);
