/** GET /api/agency/desk/unlinked/{agency}: the agency's contacts nobody could match yet, each with its link form. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { unlinkedPageAnswer } from '#http/people-pages';
import { withHttp } from '#http/with-http';

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const { linked, gone } = event.queryStringParameters ?? {};
  return unlinkedPageAnswer(event, {
    ...(linked && /^[\w#-]{1,140}$/.test(linked) && { linked }),
    ...(gone === '1' && { gone: true }),
  });
};

export const handler = withHttp(lambdaHandler);
