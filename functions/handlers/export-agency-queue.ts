/**
 * GET /api/agency/{agency}/export: one part of the queue's current filter as a CSV file for spreadsheets (the
 * same query as the queue page, and `size`: rows a part, at most 5,000; `cursor` and `part` come from the previous
 * part's `Link: <…>; rel="next"`). The parts page (decision 0067) asks for a part by its range instead: `cursor`,
 * `until` (its last case), `part` and `of`; a range too large for one file sends the browser back to the parts
 * page with smaller parts.
 * UTF-8 with a byte order mark, so a spreadsheet opens Spanish names correctly (decision 65).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { findEveryVersion } from '#adapters/form-registry';
import { decodeCursor, encodeCursor, parseQueueFilter } from '#domain/case-queue';
import { smallerPartRows } from '#domain/export-parts';
import { type ExportForm, ExportPartTooLargeError, exportQueue } from '#domain/queue-export';
import { callerOf } from '#http/caller';
import { caseDeps, countOf, filterQueryOf, isPageRoute, originOf } from '#http/cases';
import { csvFile } from '#http/csv';
import { requestLocale } from '#http/request';
import { seeOther } from '#http/responses';
import { withHttp } from '#http/with-http';
import { apiPath } from '#ui/paths.ts';

async function formsOf(agency: string, serviceId?: string): Promise<ExportForm[]> {
  // Read on the first export, not at start-up: the list grows with the catalog (decision 118).
  const { agencyForms } = await import('#generated/agency-forms.js');
  const listed = (agencyForms[agency] ?? []).filter((f) => serviceId === undefined || f.serviceId === serviceId);
  const versions = await Promise.all(listed.map((f) => findEveryVersion(f.formId)));
  return versions.flatMap(([current, ...earlier]) =>
    current
      ? [
          {
            serviceId: current.service.id,
            serviceTitle: current.service.title,
            form: current.form,
            earlier: earlier.map((e) => e.form),
          },
        ]
      : [],
  );
}

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const query = event.queryStringParameters ?? {};
  const caller = callerOf(event);
  const agency = event.pathParameters?.agency ?? '';
  const cursor = decodeCursor(query.cursor);
  // Parts only move forward: a "previous" cursor (from a queue page) starts again from the beginning.
  const after = cursor?.direction === 'next' ? cursor : undefined;
  const part = after ? (countOf(query.part) ?? 1) : 1;
  const until = decodeCursor(query.until)?.key;
  const keep = { ...filterQueryOf(query), ...(query.size !== undefined && { size: query.size }) };
  let exported: Awaited<ReturnType<typeof exportQueue>>;
  try {
    exported = await exportQueue(
      {
        caller,
        agency,
        filter: parseQueueFilter(query, caller),
        cursor: after,
        part,
        of: until === undefined ? undefined : countOf(query.of),
        rows: countOf(query.size),
        until,
        locale: requestLocale(event),
        from: originOf(event),
      },
      { ...caseDeps, formsOf },
    );
  } catch (error) {
    // A browser cannot follow a cut part's Link header: back to the parts page, with parts that fit a file.
    if (!(error instanceof ExportPartTooLargeError) || !isPageRoute(event)) throw error;
    return seeOther(
      apiPath(
        'exportPartsPage',
        { agency },
        { ...filterQueryOf(query), size: String(smallerPartRows(error.fits)), resized: '1' },
      ),
    );
  }
  const body = csvFile(exported.header, exported.rows);
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
