/**
 * GET /api/agency/{agency}/cx: the agency's CX dashboard (decision 0102) for its own staff: JSON, the HTML
 * page, or ?format=a11-csv for the quarterly A-11 report. Anyone else gets 404 and no figures.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { stringify } from 'csv-stringify/sync';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbCaseStore } from '#adapters/dynamodb-case-store';
import { dynamoDbFeedbackStore } from '#adapters/dynamodb-feedback-store';
import { dynamoDbFunnelCounter } from '#adapters/dynamodb-funnel-counter';
import { assertMayReadCx, buildCxDashboard, parseCxRange } from '#domain/cx-dashboard';
import { A11_COLUMNS, a11Rows } from '#domain/cx-export';
import { callerOf } from '#http/caller';
import { isPageRoute } from '#http/cases';
import { htmlPage, otherLanguageHref } from '#http/pages';
import { requestLocale, wantsHtml } from '#http/request';
import { json } from '#http/responses';
import { strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';

const feedback = dynamoDbFeedbackStore(dynamoDb, config.tableName);
const funnel = dynamoDbFunnelCounter(dynamoDb, config.tableName);
const queue = dynamoDbCaseStore(dynamoDb, config.tableName);

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const query = event.queryStringParameters ?? {};
  const agency = event.pathParameters?.agency ?? '';
  const range = parseCxRange(query, new Date(), locale, strings);
  const caller = callerOf(event);
  if (query.format === 'a11-csv') {
    assertMayReadCx(caller, agency, locale, strings);
    const responses = await feedback.listResponses(agency, range.from, range.to);
    const kept = responses.filter(
      (r) => (!range.serviceId || r.serviceId === range.serviceId) && (!range.channel || r.channel === range.channel),
    );
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="a11-${agency}-${range.from}-${range.to}.csv"`,
        'cache-control': 'no-store',
      },
      body: stringify([[...A11_COLUMNS], ...a11Rows(kept, strings)]),
    };
  }
  const dashboard = await buildCxDashboard({ caller, agency, range, locale }, { feedback, funnel, queue, strings });
  if (!wantsHtml(event)) return json(200, dashboard);
  const here = event.rawPath + (event.rawQueryString ? `?${event.rawQueryString}` : '');
  return htmlPage(200, locale, ({ cxDashboardPage, langOf }) =>
    cxDashboardPage(langOf(locale), dashboard, {
      altHref: otherLanguageHref(here, locale),
      // The filters and the A-11 export stay on the route the page came by (the cookie's page route, or Bearer).
      route: isPageRoute(event) ? 'cxDashboardPage' : 'showCxDashboard',
    }),
  );
};

export const handler = withHttp(lambdaHandler);
