/**
 * GET /api/agency/desk/export-parts/{agency}: the parts of the queue filter's CSV export as a page (decision
 * 0067) — every part with its cases and a download link — for staff signed in with the workspace's cookie.
 * The same query as the queue page, and `size` (cases a part, at most 5,000); `cursor` and `part` continue the
 * list on its next page (at most PARTS_PER_PAGE parts a page, decision 0127). JSON lists the same parts.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { decodeCursor, encodeCursor, parseQueueFilter } from '#domain/case-queue';
import { listExportParts } from '#domain/export-parts';
import { callerOf } from '#http/caller';
import { caseDeps, countOf } from '#http/cases';
import { requestLocale, wantsHtml } from '#http/request';
import { json } from '#http/responses';
import { withHttp } from '#http/with-http';

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const query = event.queryStringParameters ?? {};
  const caller = callerOf(event);
  const agency = event.pathParameters?.agency ?? '';
  const filter = parseQueueFilter(query, caller);
  const list = await listExportParts(
    {
      caller,
      agency,
      filter,
      rows: countOf(query.size),
      locale: requestLocale(event),
      after: decodeCursor(query.cursor)?.key,
      part: countOf(query.part),
    },
    { keys: caseDeps.queue, strings: caseDeps.strings },
  );
  if (!wantsHtml(event)) {
    const { next, ...rest } = list;
    // The next page as the page's own link asks for it: `cursor` (opaque) and `part`.
    return json(200, {
      ...rest,
      ...(next && { next: { cursor: encodeCursor({ key: next.after, direction: 'next' }), part: next.part } }),
    });
  }
  return (await import('#http/agency-pages')).exportPartsPageAnswer(event, agency, filter, list, query.resized === '1');
};

export const handler = withHttp(lambdaHandler);
