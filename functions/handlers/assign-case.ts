/** POST /api/agency/cases/{code}/assignment: `to=me` assigns the case to the caller, `to=nobody` unassigns it. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { assignCase } from '#domain/cases';
import { callerOf } from '#http/caller';
import { answeringConflicts, caseDeps, fieldsOf, isPageRoute, originOf, versionFrom } from '#http/cases';
import { requestLocale } from '#http/request';
import { json } from '#http/responses';
import { withHttp } from '#http/with-http';

const assign = (event: APIGatewayProxyEventV2, fields: Record<string, string>) =>
  assignCase(
    {
      caller: callerOf(event),
      code: event.pathParameters?.code ?? '',
      locale: requestLocale(event),
      from: originOf(event),
      toMe: fields.to === 'me',
      version: versionFrom(fields.version),
    },
    caseDeps,
  );

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const code = event.pathParameters?.code ?? '';
  if (isPageRoute(event)) {
    const fields = fieldsOf(event);
    return (await import('#http/agency-pages')).caseFormAnswer(event, code, 'status', fields, () => assign(event, fields));
  }
  return answeringConflicts(async () => {
    const after = await assign(event, fieldsOf(event));
    return json(200, { code: after.code, assignedTo: after.assignedTo ?? null, version: after.version });
  });
};

export const handler = withHttp(lambdaHandler);
