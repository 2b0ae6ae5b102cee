/**
 * GET /api/agency/{agency}/export: one part of the queue's current filter as a CSV file for spreadsheets (the
 * same query as the queue page, and `size`: rows a part, at most 5,000; `cursor` and `part` come from the previous
 * part's `Link: <…>; rel="next"`).
 * UTF-8 with a byte order mark, so a spreadsheet opens Spanish names correctly (decision 65).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { findCompiledForm } from '#adapters/form-registry';
import { decodeCursor, encodeCursor, parseQueueFilter } from '#domain/case-queue';
import { type ExportForm, exportQueue } from '#domain/queue-export';
import { callerOf } from '#http/caller';
import { caseDeps, isPageRoute, originOf } from '#http/cases';
import { csvFile } from '#http/csv';
import { requestLocale } from '#http/request';
import { withHttp } from '#http/with-http';
import { apiPath } from '#ui/paths.ts';

async function formsOf(agency: string, serviceId?: string): Promise<ExportForm[]> {
  // Read on the first export, not at start-up: the list grows with the catalog (decision 118).
  const { agencyForms } = await import('#generated/agency-forms.js');
  const listed = (agencyForms[agency] ?? []).filter((f) => serviceId === undefined || f.serviceId === serviceId);
  const compiled = await Promise.all(listed.map((f) => findCompiledForm(f.formId)));
  return compiled.flatMap((c) => (c ? [{ serviceId: c.service.id, serviceTitle: c.service.title, form: c.form }] : []));
}

/** A whole number from 1 (a part's number, rows in a part), or undefined for anything else. */
function countOf(text: string | undefined): number | undefined {
  return text && /^[1-9]\d{0,5}$/.test(text) ? Number(text) : undefined;
}

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const query = event.queryStringParameters ?? {};
  const caller = callerOf(event);
  const agency = event.pathParameters?.agency ?? '';
  const cursor = decodeCursor(query.cursor);
  // Parts only move forward: a "previous" cursor (from a queue page) starts again from the beginning.
  const after = cursor?.direction === 'next' ? cursor : undefined;
  const part = after ? (countOf(query.part) ?? 1) : 1;
  const exported = await exportQueue(
    {
      caller,
      agency,
      filter: parseQueueFilter(query, caller),
      cursor: after,
      part,
      rows: countOf(query.size),
      locale: requestLocale(event),
      from: originOf(event),
    },
    { ...caseDeps, formsOf },
  );
  const body = csvFile(exported.header, exported.rows);
  const keep = Object.fromEntries(
    ['status', 'service', 'mine', 'order', 'size', 'lang'].flatMap((k) =>
      query[k] === undefined ? [] : [[k, query[k] as string]],
    ),
  );
  const next =
    exported.next &&
    apiPath(
      isPageRoute(event) ? 'exportAgencyQueuePage' : 'exportAgencyQueue',
      { agency },
      { ...keep, cursor: encodeCursor(exported.next), part: String(part + 1) },
    );
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': `attachment; filename="${exported.filename}"`,
      'cache-control': 'no-store',
      ...(next && { link: `<${next}>; rel="next"` }),
    },
    body,
  };
};

export const handler = withHttp(lambdaHandler);
