/** POST /api/agency/cases/{code}/status: move a case on (`status`, `version`, and `message` or `reason` where needed). */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { changeCaseStatus } from '#domain/cases';
import { STATUSES } from '#domain/submissions';
import { callerOf } from '#http/caller';
import { answeringConflicts, caseDeps, fieldsOf, isPageRoute, originOf, versionFrom } from '#http/cases';
import { requestLocale } from '#http/request';
import { json } from '#http/responses';
import { withHttp } from '#http/with-http';

const change = (event: APIGatewayProxyEventV2, fields: Record<string, string>) =>
  changeCaseStatus(
    {
      caller: callerOf(event),
      code: event.pathParameters?.code ?? '',
      locale: requestLocale(event),
      from: originOf(event),
      // An unknown status is one the workflow refuses, with its own message.
      to: STATUSES.find((s) => s === fields.status) ?? ('' as never),
      version: versionFrom(fields.version),
      message: fields.message,
      reason: fields.reason,
    },
    caseDeps,
  );

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const code = event.pathParameters?.code ?? '';
  if (isPageRoute(event)) {
    const fields = fieldsOf(event);
    return (await import('#http/agency-pages')).caseFormAnswer(event, code, 'status', fields, () => change(event, fields));
  }
  return answeringConflicts(async () => {
    const after = await change(event, fieldsOf(event));
    return json(200, { code: after.code, status: after.status, version: after.version });
  });
};

export const handler = withHttp(lambdaHandler);
