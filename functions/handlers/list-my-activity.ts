/** GET /api/my/activity: "My activity" — the signed-in person's own timeline, newest first, a page at a time. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbTimeline } from '#adapters/dynamodb-timeline';
import { ownerOf } from '#domain/authorization';
import { listMyActivity } from '#domain/timeline';
import { callerOf } from '#http/caller';
import { langOf } from '#http/pages';
import { requestLocale } from '#http/request';
import { json } from '#http/responses';
import { agencyNames } from '#http/site';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { apiPath } from '#ui/paths.ts';
import { timelineItemView } from '#ui/timeline-view.ts';

const timeline = dynamoDbTimeline(dynamoDb, config.tableName);

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const query = event.queryStringParameters ?? {};
  const limit = query.limit === undefined ? undefined : Number(query.limit);
  const page = await listMyActivity(
    ownerOf(callerOf(event)),
    { cursor: query.cursor, limit: Number.isFinite(limit) ? limit : undefined },
    { timeline },
  );
  const lang = langOf(locale);
  const items = page.items.map((item) => ({
    ...timelineItemView(item, lang, { audience: 'citizen', agencyNames }),
    ...(item.caseCode && { statusUrl: apiPath('showStatus', { code: item.caseCode }) }),
  }));
  return json(
    200,
    {
      items,
      ...(page.next && { next: page.next, nextUrl: apiPath('listMyActivity', {}, { lang: locale, cursor: page.next }) }),
    },
    { 'cache-control': 'no-store' },
  );
};

export const handler = withHttp(lambdaHandler);
