/** GET /api/agency/desk/people/{agency}/{person}: a person's timeline for the agency's staff (audited), as a page. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { personTimelineForStaff } from '#domain/staff-timeline';
import { toActivityItem } from '#domain/timeline';
import { altHrefOf, staffOf } from '#http/agency-pages';
import { callerOf } from '#http/caller';
import { originOf } from '#http/cases';
import { htmlPage } from '#http/pages';
import { staffTimelineDeps } from '#http/people-pages';
import { requestLocale } from '#http/request';
import { agencyNames, strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { langFor } from '#ui/lang.ts';
import { apiPath } from '#ui/paths.ts';
import { timelineItemView } from '#ui/timeline-view.ts';

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const agency = event.pathParameters?.agency ?? '';
  const person = event.pathParameters?.person ?? '';
  const page = await personTimelineForStaff(
    { caller: callerOf(event), agency, person, cursor: event.queryStringParameters?.cursor, locale, from: originOf(event) },
    staffTimelineDeps,
  );
  const lang = langFor(strings, locale);
  const items = page.entries.map((entry) => timelineItemView(toActivityItem(entry), lang, { audience: 'staff', agencyNames }));
  const nextHref = page.next && apiPath('personPage', { agency, person }, { lang: locale, cursor: page.next });
  return htmlPage(200, locale, ({ personPage, langOf }) =>
    personPage(langOf(locale), { staff: staffOf(event), person, items, nextHref, altHref: altHrefOf(event, locale) }),
  );
};

export const handler = withHttp(lambdaHandler);
