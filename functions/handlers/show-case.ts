/** GET /api/agency/cases/{code}: a case for staff of its agency (audited before it is shown). */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { nextStatuses } from '#domain/case-workflow';
import { openCase } from '#domain/cases';
import { callerOf } from '#http/caller';
import { caseDeps, originOf } from '#http/cases';
import { requestLocale } from '#http/request';
import { json } from '#http/responses';
import { withHttp } from '#http/with-http';

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const opened = await openCase(
    { caller: callerOf(event), code: event.pathParameters?.code ?? '', locale: requestLocale(event), from: originOf(event) },
    caseDeps,
  );
  return json(200, { ...opened, nextStatuses: nextStatuses(opened.submission.status, 'staff') });
};

export const handler = withHttp(lambdaHandler);
