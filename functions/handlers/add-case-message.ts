/** POST /api/agency/cases/{code}/messages: a message to the citizen (`kind=message`) or an internal note (`kind=note`). */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { addCaseMessage } from '#domain/cases';
import { callerOf } from '#http/caller';
import { caseDeps, fieldsOf, isPageRoute, originOf } from '#http/cases';
import { requestLocale } from '#http/request';
import { json } from '#http/responses';
import { withHttp } from '#http/with-http';

const write = (event: APIGatewayProxyEventV2, fields: Record<string, string>) =>
  addCaseMessage(
    {
      caller: callerOf(event),
      code: event.pathParameters?.code ?? '',
      locale: requestLocale(event),
      from: originOf(event),
      kind: fields.kind === 'message' ? 'message' : 'note',
      text: fields.text ?? '',
    },
    caseDeps,
  );

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const fields = fieldsOf(event);
  if (isPageRoute(event))
    return (await import('#http/agency-pages')).caseFormAnswer(event, event.pathParameters?.code ?? '', 'text', fields, () =>
      write(event, fields),
    );
  return json(201, { message: await write(event, fields) });
};

export const handler = withHttp(lambdaHandler);
