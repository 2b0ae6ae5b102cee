/** What the person page, the unlinked contacts page and the link form share: the stores and the list's answer. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbStaffTimeline } from '#adapters/dynamodb-staff-timeline';
import { dynamoDbSubmissionStore } from '#adapters/dynamodb-submission-store';
import { dynamoDbTimeline } from '#adapters/dynamodb-timeline';
import type { StaffTimelineDeps } from '#domain/staff-timeline';
import { unlinkedContactsFor } from '#domain/staff-timeline';
import { cursorOf, toActivityItem } from '#domain/timeline';
import { auditRetentionDays, config } from '#shared/config';
import { langFor } from '#ui/lang.ts';
import { apiPath } from '#ui/paths.ts';
import { timelineItemView } from '#ui/timeline-view.ts';
import { altHrefOf, staffOf } from './agency-pages.ts';
import { callerOf } from './caller.ts';
import { htmlPage } from './pages.ts';
import { requestLocale } from './request.ts';
import { BACK_TO_THIS_PAGE } from './responses.ts';
import { agencyNames, strings } from './site.ts';

const submissions = dynamoDbSubmissionStore(dynamoDb, config.tableName);

export const staffTimelineDeps: StaffTimelineDeps = {
  timeline: dynamoDbTimeline(dynamoDb, config.tableName),
  store: dynamoDbStaffTimeline(dynamoDb, config.tableName),
  strings,
  findByCode: async (code) => (await submissions.findByCode(code))?.submission,
  now: () => new Date(),
  retentionDays: auditRetentionDays(),
};

const HINT_FIELDS = ['confirmationCode', 'personId', 'email', 'phone'] as const;

/** The unlinked contacts page (after a link, or with what to fix in one contact's form). */
export async function unlinkedPageAnswer(
  event: APIGatewayProxyEventV2,
  options: {
    linked?: string;
    gone?: boolean;
    problem?: { key: string; message: string; code: string };
    statusCode?: number;
  } = {},
) {
  const locale = requestLocale(event);
  const agency = event.pathParameters?.agency ?? '';
  const cursor = event.requestContext.http.method === 'GET' ? event.queryStringParameters?.cursor : undefined;
  const page = await unlinkedContactsFor({ caller: callerOf(event), agency, cursor, locale }, staffTimelineDeps);
  const lang = langFor(strings, locale);
  const contacts = page.entries.map((entry) => ({
    key: cursorOf(entry),
    item: timelineItemView(toActivityItem(entry), lang, { audience: 'staff', agencyNames }),
    hint: HINT_FIELDS.flatMap((field) => {
      const value = entry.hint?.[field];
      return value ? [{ label: lang.t(`unlinked.hint.${field}`), value }] : [];
    }),
  }));
  const nextHref = page.next && apiPath('unlinkedContactsPage', { agency }, { lang: locale, cursor: page.next });
  const statusCode = options.statusCode ?? 200;
  return htmlPage(
    statusCode,
    locale,
    ({ unlinkedPage, langOf }) =>
      unlinkedPage(langOf(locale), {
        staff: staffOf(event),
        agency,
        contacts,
        nextHref,
        altHref: altHrefOf(event, locale),
        linked: options.linked,
        gone: options.gone,
        problem: options.problem,
      }),
    statusCode === 200 ? {} : BACK_TO_THIS_PAGE,
  );
}
