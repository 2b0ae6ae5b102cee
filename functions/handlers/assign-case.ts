/** POST /api/agency/cases/{code}/assignment: `to=me` assigns the case to the caller, `to=nobody` unassigns it. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { assignCase } from '#domain/cases';
import { callerOf } from '#http/caller';
import { answeringConflicts, caseDeps, fieldsOf, originOf, versionFrom } from '#http/cases';
import { requestLocale } from '#http/request';
import { json } from '#http/responses';
import { withHttp } from '#http/with-http';

const lambdaHandler = async (event: APIGatewayProxyEventV2) =>
  answeringConflicts(async () => {
    const fields = fieldsOf(event);
    const after = await assignCase(
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
    return json(200, { code: after.code, assignedTo: after.assignedTo ?? null, version: after.version });
  });

export const handler = withHttp(lambdaHandler);
