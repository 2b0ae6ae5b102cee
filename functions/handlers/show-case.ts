/** GET /api/agency/cases/{code}: a case for staff of its agency (audited before it is shown), with its timeline. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbTimeline } from '#adapters/dynamodb-timeline';
import { nextStatuses } from '#domain/case-workflow';
import { openCase } from '#domain/cases';
import { caseTimelineOf } from '#domain/timeline';
import { callerOf } from '#http/caller';
import { caseDeps, isPageRoute, originOf } from '#http/cases';
import { langOf } from '#http/pages';
import { requestLocale } from '#http/request';
import { json } from '#http/responses';
import { agencyNames } from '#http/site';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { timelineItemView } from '#ui/timeline-view.ts';

const timeline = dynamoDbTimeline(dynamoDb, config.tableName);

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  if (isPageRoute(event)) return (await import('#http/agency-pages')).casePageAnswer(event, event.pathParameters?.code ?? '');
  const locale = requestLocale(event);
  const opened = await openCase(
    { caller: callerOf(event), code: event.pathParameters?.code ?? '', locale, from: originOf(event) },
    caseDeps,
  );
  // Only now that openCase let this caller see the case (and audited it).
  const page = await caseTimelineOf(
    opened.submission.code,
    { cursor: event.queryStringParameters?.timelineCursor },
    { timeline },
  );
  const lang = langOf(locale);
  return json(200, {
    ...opened,
    nextStatuses: nextStatuses(opened.submission.status, 'staff'),
    timeline: page.items.map((item) => timelineItemView(item, lang, { audience: 'staff', agencyNames })),
    ...(page.next && { timelineNext: page.next }),
  });
};

export const handler = withHttp(lambdaHandler);
