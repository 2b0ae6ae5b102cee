/**
 * GET /api/agency/{agency}/activity/{subject}: what one staff member did for the agency, newest first, for the
 * agency's administrators (JSON, or the activity page for a browser). `?cursor=` pages; `?page=` is the page's
 * number, for the page's own pagination.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbActivityStore } from '#adapters/dynamodb-audit-store';
import { decodeActivityCursor, encodeActivityCursor, showActivity } from '#domain/audit-activity';
import { callerOf } from '#http/caller';
import { isPageRoute } from '#http/cases';
import { htmlPage, otherLanguageHref } from '#http/pages';
import { requestLocale, wantsHtml } from '#http/request';
import { json } from '#http/responses';
import { strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { auditRetentionDays, config } from '#shared/config';
import { apiPath } from '#ui/paths.ts';

const activity = dynamoDbActivityStore(dynamoDb, config.tableName);
const retentionDays = auditRetentionDays();

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const query = event.queryStringParameters ?? {};
  const agency = event.pathParameters?.agency ?? '';
  const subject = event.pathParameters?.subject ?? '';
  const shown = await showActivity(
    { caller: callerOf(event), agency, subject, cursor: decodeActivityCursor(query.cursor), locale },
    { activity, strings },
  );
  const askedPage = query.page && /^[1-9]\d{0,5}$/.test(query.page) ? Number(query.page) : 1;
  const page = shown.previous ? Math.max(2, askedPage) : 1;
  const lang: Record<string, string> = query.lang ? { lang: query.lang } : {};
  // Links stay on the route the page came by: the cookie's page route, or the Bearer JSON route.
  const route = isPageRoute(event) ? 'staffActivityPage' : 'showStaffActivity';
  const at = (cursor: typeof shown.next, number: number) =>
    cursor && apiPath(route, { agency, subject }, { ...lang, cursor: encodeActivityCursor(cursor), page: String(number) });
  const nextHref = at(shown.next, page + 1);
  const previousHref = page - 1 === 1 ? apiPath(route, { agency, subject }, lang) : at(shown.previous, page - 1);
  if (!wantsHtml(event)) return json(200, { entries: shown.entries, next: nextHref, previous: shown.previous && previousHref });
  const self = apiPath(route, { agency, subject }, query.cursor ? { cursor: query.cursor, page: String(page) } : {});
  return htmlPage(200, locale, ({ auditPage, langOf }) =>
    auditPage(langOf(locale), {
      agency,
      subject,
      entries: shown.entries,
      page,
      nextHref,
      previousHref: shown.previous && previousHref,
      retentionDays,
      altHref: otherLanguageHref(self, locale),
    }),
  );
};

export const handler = withHttp(lambdaHandler);
