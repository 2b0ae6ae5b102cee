/** GET /api/agency/{agency}/cases: one page of an agency's queue (filters and cursor from the query), with counts. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { decodeCursor, encodeCursor, parseQueueFilter, showQueue } from '#domain/case-queue';
import { callerOf } from '#http/caller';
import { caseDeps, isPageRoute } from '#http/cases';
import { requestLocale } from '#http/request';
import { json } from '#http/responses';
import { withHttp } from '#http/with-http';

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const query = event.queryStringParameters ?? {};
  const caller = callerOf(event);
  const agency = event.pathParameters?.agency ?? '';
  const filter = parseQueueFilter(query, caller);
  const shown = await showQueue(
    {
      caller,
      agency,
      filter,
      cursor: decodeCursor(query.cursor),
      locale: requestLocale(event),
    },
    caseDeps,
  );
  if (isPageRoute(event)) return (await import('#http/agency-pages')).queuePageAnswer(event, agency, filter, shown);
  return json(200, {
    counts: shown.counts,
    oldestOpenSince: shown.oldestOpenSince,
    cases: shown.items.map(({ code, serviceId, formId, status, submittedAt, updatedAt, assignedTo, payment }) => ({
      code,
      serviceId,
      formId,
      status,
      submittedAt,
      updatedAt,
      assignedTo,
      payment,
    })),
    next: shown.next && encodeCursor(shown.next),
    previous: shown.previous && encodeCursor(shown.previous),
  });
};

export const handler = withHttp(lambdaHandler);
