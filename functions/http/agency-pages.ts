/**
 * The staff pages' answers (decision 60): the workspace's handlers serve their JSON route and their page route
 * (`credentials: 'session'`), and answer a page route with HTML — the page, a 303 back to it after a change, or
 * the page again with what to fix. Imported on a page route's first request only.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbTimeline } from '#adapters/dynamodb-timeline';
import { findCompiledForm } from '#adapters/form-registry';
import { answerRows } from '#catalog/answer-text';
import { filesOf, sizeInWords } from '#catalog/file-kinds';
import { bareLabel } from '#catalog/form-messages';
import { translate } from '#catalog/i18n';
import type { Locale } from '#catalog/schema';
import type { AuditEntry } from '#domain/audit';
import { staffAgenciesOf } from '#domain/authorization';
import {
  ageInDays,
  encodeCursor,
  type FindResult,
  type QueueFilter,
  type QueuePage,
  type QueueSummary,
} from '#domain/case-queue';
import { nextStatuses } from '#domain/case-workflow';
import { CaseConflictError, type CaseRecord, openCase, versionOf } from '#domain/cases';
import type { ExportPartList } from '#domain/export-parts';
import { feeOfSubmission } from '#domain/fees';
import { STATUSES } from '#domain/submissions';
import { caseTimelineOf } from '#domain/timeline';
import { workspaceAgencies } from '#generated/workspace.js';
import { config } from '#shared/config';
import { isClientError } from '#shared/errors';
import { langFor } from '#ui/lang.ts';
import type { CaseField, CaseProblem, CaseView } from '#ui/pages/agency/CasePage.tsx';
import type { StaffContext } from '#ui/pages/agency/StaffBar.tsx';
import { apiPath } from '#ui/paths.ts';
import { timelineItemView } from '#ui/timeline-view.ts';
import { callerOf } from './caller.ts';
import { caseDeps, filterQueryOf, originOf } from './cases.ts';
import { htmlPage, otherLanguageHref } from './pages.ts';
import { requestLocale } from './request.ts';
import { BACK_TO_THIS_PAGE, seeOther } from './responses.ts';
import { csrfTokenOf } from './session.ts';
import { agencyNames, strings } from './site.ts';

export { workspaceAgencies };

/** Who is signed in, for the staff bar and the forms (their CSRF token). */
export function staffOf(event: APIGatewayProxyEventV2): StaffContext {
  const caller = callerOf(event);
  if (caller.kind !== 'person') return { name: '', subject: '', agency: '', csrf: '' };
  return {
    name: caller.name ?? caller.email ?? caller.subject,
    subject: caller.subject,
    agency: staffAgenciesOf(caller)[0] ?? '',
    csrf: csrfTokenOf(event),
  };
}

/** The same GET page in the other language. */
export function altHrefOf(event: APIGatewayProxyEventV2, locale: Locale): string {
  return otherLanguageHref(event.rawPath + (event.rawQueryString ? `?${event.rawQueryString}` : ''), locale);
}

export function serviceTitle(agency: string, serviceId: string, locale: Locale): string {
  return workspaceAgencies[agency]?.services.find((s) => s.id === serviceId)?.title[locale] ?? serviceId;
}

/** What the case page shows, from the case as it stands and its form's own labels in the staff member's language. */
export async function caseViewOf(record: CaseRecord & { audit?: AuditEntry[] }, locale: Locale): Promise<CaseView> {
  const { submission } = record;
  // The labels of the version the answers are to (decision 0085).
  const compiled = await findCompiledForm(submission.formId, submission.formVersion);
  const catalogFee = compiled?.service.fee;
  const due = feeOfSubmission(submission, catalogFee);
  const fee = due && catalogFee && { ...due, refundable: catalogFee.refundable };
  return {
    code: submission.code,
    status: submission.status,
    version: versionOf(submission),
    serviceTitle: compiled?.service.title[locale] ?? serviceTitle(submission.agency, submission.serviceId, locale),
    ...(fee && { fee: { amount: fee.amount, currency: fee.currency, refundable: fee.refundable } }),
    ...(submission.payment && { payment: submission.payment }),
    submittedAt: submission.submittedAt,
    updatedAt: submission.updatedAt,
    ...(submission.assignedTo && { assignedTo: submission.assignedTo }),
    answers: answerRows(compiled?.form, submission.answers, langFor(strings, locale)),
    files: (compiled?.form.fields ?? []).flatMap((field) =>
      field.type === 'file'
        ? filesOf(submission.answers[field.name]).map((file) => ({
            question: bareLabel(field, locale),
            name: file.name,
            size: sizeInWords(file.size, locale),
            href: apiPath('openCaseFile', { code: submission.code, fileId: file.id }, { lang: locale }),
          }))
        : [],
    ),
    history: [...record.history].sort((a, b) => a.at.localeCompare(b.at)),
    messages: [...record.messages].sort((a, b) => a.at.localeCompare(b.at)),
    nextStatuses: nextStatuses(submission.status, 'staff'),
    ...(record.audit && { audit: record.audit }),
    ...(submission.ownerSubject && { ownerSubject: submission.ownerSubject, agency: submission.agency }),
  };
}

/** The case page, after an audited read (opening a case shows its answers). */
export async function casePageAnswer(
  event: APIGatewayProxyEventV2,
  code: string,
  statusCode = 200,
  problem?: CaseProblem,
  values?: Record<string, string>,
): Promise<APIGatewayProxyStructuredResultV2> {
  const locale = requestLocale(event);
  const opened = await openCase({ caller: callerOf(event), code, locale, from: originOf(event) }, caseDeps);
  // Only now that openCase let this caller see the case (and audited it).
  const timeline = await caseTimelineOf(opened.submission.code, {}, { timeline: dynamoDbTimeline(dynamoDb, config.tableName) });
  const lang = langFor(strings, locale);
  const view = {
    ...(await caseViewOf(opened, locale)),
    timeline: timeline.items.map((item) => timelineItemView(item, lang, { audience: 'staff', agencyNames })),
  };
  const altHref = otherLanguageHref(apiPath('casePage', { code: view.code }), locale);
  return htmlPage(
    statusCode,
    locale,
    ({ casePage, langOf }) => casePage(langOf(locale), { staff: staffOf(event), view, problem, values, altHref }),
    statusCode === 200 ? {} : BACK_TO_THIS_PAGE,
  );
}

/** Which field a refusal's message is about, so the error summary links to it. */
function fieldOf(message: string, locale: Locale, fallback: CaseField): CaseField {
  const t = (key: string) => translate(strings, key, locale);
  if (message === t('case.reasonMissing')) return 'reason';
  if (message === t('case.messageMissing')) return 'message';
  if (message === t('case.moveNotAllowed')) return 'status';
  return fallback;
}

/**
 * A case page form's answer: a 303 back to the case when the change was made; the page again with the error
 * summary when it was refused; the case as it now stands when someone else changed it first (409). A case this
 * caller may not work is not shown at all (the refusal's own 404 page).
 */
export async function caseFormAnswer(
  event: APIGatewayProxyEventV2,
  code: string,
  fallbackField: CaseField,
  values: Record<string, string>,
  change: () => Promise<unknown>,
): Promise<APIGatewayProxyStructuredResultV2> {
  const locale = requestLocale(event);
  try {
    await change();
  } catch (error) {
    if (error instanceof CaseConflictError) return casePageAnswer(event, code, 409, { message: error.message, conflict: true });
    if (!isClientError(error) || error.statusCode === 404 || error.statusCode === 403 || error.statusCode === 401) throw error;
    const { _csrf: _token, version: _version, ...typed } = values;
    return casePageAnswer(
      event,
      code,
      error.statusCode,
      { message: error.message, field: fieldOf(error.message, locale, fallbackField) },
      typed,
    );
  }
  return seeOther(apiPath('casePage', { code }, { lang: locale }));
}

/** The queue page, from one page of the queue (domain/case-queue.ts showQueue). */
export async function queuePageAnswer(
  event: APIGatewayProxyEventV2,
  agency: string,
  filter: QueueFilter,
  shown: QueuePage & QueueSummary,
): Promise<APIGatewayProxyStructuredResultV2> {
  const locale = requestLocale(event);
  const rows = shown.items.map((item) => ({
    code: item.code,
    serviceTitle: serviceTitle(item.agency, item.serviceId, locale),
    status: item.status,
    submittedAt: item.submittedAt,
    assignedTo: item.assignedTo?.name,
  }));
  const services = (workspaceAgencies[agency]?.services ?? []).map((s) => ({ value: s.id, label: s.title[locale] }));
  return htmlPage(200, locale, ({ queuePage, langOf }) =>
    queuePage(langOf(locale), {
      staff: { ...staffOf(event), agency },
      agencyName: workspaceAgencies[agency]?.name[locale] ?? agency,
      statuses: STATUSES,
      counts: shown.counts,
      oldestOpenDays: shown.oldestOpenSince === undefined ? undefined : ageInDays(shown.oldestOpenSince, new Date()),
      filter: { status: filter.status, serviceId: filter.serviceId, mine: filter.assignedTo !== undefined, order: filter.order },
      services,
      rows,
      next: shown.next && encodeCursor(shown.next),
      previous: shown.previous && encodeCursor(shown.previous),
      altHref: altHrefOf(event, locale),
    }),
  );
}

/**
 * Finding a case from the queue page: a code goes straight to the case (a typo gets the status page's help on
 * the search page), an e-mail address lists the agency's cases sent with it.
 */
export async function searchPageAnswer(
  event: APIGatewayProxyEventV2,
  agency: string,
  find: () => Promise<FindResult>,
): Promise<APIGatewayProxyStructuredResultV2> {
  const locale = requestLocale(event);
  const query = event.queryStringParameters?.q ?? '';
  const staff = { ...staffOf(event), agency };
  const altHref = altHrefOf(event, locale);
  let found: FindResult;
  try {
    found = await find();
  } catch (error) {
    if (!isClientError(error) || error.statusCode !== 400) throw error;
    return htmlPage(400, locale, ({ caseSearchPage, langOf }) =>
      caseSearchPage(langOf(locale), { staff, query, error: error.message, altHref }),
    );
  }
  if (found.kind === 'case') return seeOther(apiPath('casePage', { code: found.code }, { lang: locale }));
  const rows = found.items.map((item) => ({
    code: item.code,
    serviceTitle: serviceTitle(item.agency, item.serviceId, locale),
    status: item.status,
    submittedAt: item.submittedAt,
    assignedTo: item.assignedTo?.name,
  }));
  return htmlPage(200, locale, ({ caseSearchPage, langOf }) => caseSearchPage(langOf(locale), { staff, query, rows, altHref }));
}

/**
 * The parts page of a queue export (decision 0067): each part's link is the export's page route with the part's
 * range — after the previous part's last case, until its own — and its number, so its file is named "part-n-of-m".
 */
export async function exportPartsPageAnswer(
  event: APIGatewayProxyEventV2,
  agency: string,
  filter: QueueFilter,
  list: ExportPartList,
  resized: boolean,
): Promise<APIGatewayProxyStructuredResultV2> {
  const locale = requestLocale(event);
  const lang = langFor(strings, locale);
  const keep = { ...filterQueryOf(event.queryStringParameters ?? {}), lang: locale };
  const parts = list.parts.map((p) => ({
    part: p.part,
    ...(p.of !== undefined && { of: p.of }),
    firstRow: p.firstRow,
    lastRow: p.lastRow,
    href: apiPath(
      'exportAgencyQueuePage',
      { agency },
      {
        ...keep,
        ...(p.after !== undefined && { cursor: encodeCursor({ key: p.after, direction: 'next' }) }),
        until: encodeCursor({ key: p.until, direction: 'next' }),
        part: String(p.part),
        ...(p.of !== undefined && { of: String(p.of) }),
      },
    ),
  }));
  // The list's next page keeps the filter and the size (a part's range must not change between pages).
  const size = event.queryStringParameters?.size;
  const nextHref =
    list.next &&
    apiPath(
      'exportPartsPage',
      { agency },
      {
        ...keep,
        ...(size && { size }),
        ...(resized && { resized: '1' }),
        cursor: encodeCursor({ key: list.next.after, direction: 'next' }),
        part: String(list.next.part),
      },
    );
  const filterWords = [
    lang.t(`status.${filter.status}`),
    filter.serviceId && serviceTitle(agency, filter.serviceId, locale),
    filter.assignedTo && lang.t('export.filterMine'),
  ]
    .filter(Boolean)
    .join(', ');
  return htmlPage(200, locale, ({ exportPartsPage, langOf }) =>
    exportPartsPage(langOf(locale), {
      staff: { ...staffOf(event), agency },
      filterWords,
      total: list.total,
      rows: list.rows,
      parts,
      nextHref,
      resized: resized ? list.rows : undefined,
      queueHref: apiPath('agencyQueuePage', { agency }, keep),
      altHref: altHrefOf(event, locale),
    }),
  );
}
