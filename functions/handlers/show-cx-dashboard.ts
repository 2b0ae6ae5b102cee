/**
 * GET /api/agency/{agency}/cx: the agency's CX dashboard (decision 0102) for its own staff: JSON, the HTML
 * page, ?format=a11-csv for the quarterly A-11 report, or ?format=responses-csv for the raw anonymous responses
 * (decision 0105). Anyone else gets 404 and no figures.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { stringify } from 'csv-stringify/sync';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbChannelVolume } from '#adapters/dynamodb-channel-volume';
import { dynamoDbDecisionStore } from '#adapters/dynamodb-decision-store';
import { dynamoDbFeedbackStore } from '#adapters/dynamodb-feedback-store';
import { dynamoDbFunnelCounter } from '#adapters/dynamodb-funnel-counter';
import { assertMayReadCx, buildCxDashboard, filterResponses, parseCxRange } from '#domain/cx-dashboard';
import { A11_COLUMNS, a11Rows, RESPONSE_COLUMNS, responseRows } from '#domain/cx-export';
import { callerOf } from '#http/caller';
import { isPageRoute } from '#http/cases';
import { csvFile } from '#http/csv';
import { htmlPage, otherLanguageHref } from '#http/pages';
import { requestLocale, wantsHtml } from '#http/request';
import { json } from '#http/responses';
import { agencyNames, strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';

const feedback = dynamoDbFeedbackStore(dynamoDb, config.tableName);
const funnel = dynamoDbFunnelCounter(dynamoDb, config.tableName);
const decisions = dynamoDbDecisionStore(dynamoDb, config.tableName);
const channels = dynamoDbChannelVolume(dynamoDb, config.tableName);

function csvAnswer(filename: string, body: string) {
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
    body,
  };
}

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const query = event.queryStringParameters ?? {};
  const agency = event.pathParameters?.agency ?? '';
  const range = parseCxRange(query, new Date(), locale, strings);
  const caller = callerOf(event);
  if (query.format === 'a11-csv' || query.format === 'responses-csv') {
    assertMayReadCx(caller, agency, locale, strings);
    const kept = filterResponses(await feedback.listResponses(agency, range.from, range.to), range);
    const span = `${agency}-${range.from}-${range.to}`;
    return query.format === 'a11-csv'
      ? csvAnswer(`a11-${span}.csv`, stringify([[...A11_COLUMNS], ...a11Rows(kept, strings, (a) => agencyNames[a]?.en ?? a)]))
      : csvAnswer(`responses-${span}.csv`, csvFile([...RESPONSE_COLUMNS], responseRows(kept)));
  }
  const dashboard = await buildCxDashboard({ caller, agency, range, locale }, { feedback, funnel, decisions, channels, strings });
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
