/**
 * The queue as a spreadsheet: one row per case of the queue's current filter, one column per question of the
 * agency's forms (the form's own labels, in the staff member's language), with status, dates and payment.
 *
 * A function's answer is buffered (API Gateway HTTP API + Lambda: at most 6 MB, no streaming), and an agency may
 * have 100,000 cases, so an export comes in parts (decision 65): each part is a whole CSV file (header row
 * included) of at most EXPORT_PART_ROWS rows and EXPORT_PART_BYTES bytes, read through the queue in its order
 * page after page, and says where the next part starts (a queue cursor). Memory holds one part, never the queue.
 *
 * Cells are text a citizen typed; a spreadsheet runs a cell starting with `=`, `+`, `-`, `@`, tab or carriage
 * return as a formula (CSV injection), so every such cell is neutralised with a leading apostrophe.
 */
import { type AnswerWords, answerText } from '#catalog/answer-text';
import { bareLabel } from '#catalog/form-messages';
import { itemLabel } from '#catalog/form-pages';
import { translate } from '#catalog/i18n';
import type { Field, Form, Locale, Localized, RepeatingGroup, Strings } from '#catalog/schema';
import { NotFoundError, PortalError } from '#shared/errors';
import { type AuditDeps, type AuditOrigin, auditEntry } from './audit.ts';
import { type Caller, canActForAgency } from './authorization.ts';
import { type QueueCase, type QueueCursor, type QueueFilter, type QueueStore, readQueuePage } from './case-queue.ts';
import type { CaseStore } from './cases.ts';
import { neutraliseCell } from './csv-cells.ts';
import type { Submission } from './submissions.ts';

/** Rows in one part: a spreadsheet opens it at once, and a function reads it in about a second. */
export const EXPORT_PART_ROWS = 5000;
/**
 * Bytes of one part as the function's answer carries it (JSON-escaped inside Lambda's 6 MB response), with room
 * for the headers. A part stops early, at a whole row, when the next row would not fit.
 */
export const EXPORT_PART_BYTES = 4_000_000;
/**
 * Rows in a part asked for by its range (the parts page, decision 0067): the range already bounds it, and a few
 * cases moving into the filter after the page was made must not cut it; the byte budget still holds.
 */
export const EXPORT_RANGE_ROWS = 2 * EXPORT_PART_ROWS;
/** Cases asked of each shard per read: the 16 shards together give about 500 cases a round. */
export const EXPORT_SHARD_READ = 40;

export { neutraliseCell };

/**
 * An upper bound on the bytes a row takes in the function's answer: the CSV text (quoted, inner quotes doubled,
 * a separator per cell, CRLF) and the JSON escaping Lambda adds around it (a backslash per quote, backslash, CR,
 * LF or tab; six bytes per other control character).
 */
export function csvRowBytes(cells: readonly string[]): number {
  let bytes = 2 + 4; // CRLF, JSON-escaped
  for (const cell of cells) {
    // Counted as quoted always (two quotes, each escaped) plus its separator: never less than the CSV writes.
    bytes += Buffer.byteLength(cell, 'utf8') + 4 + 1;
    for (let i = 0; i < cell.length; i++) {
      const code = cell.charCodeAt(i);
      if (code === 0x22)
        bytes += 3; // doubled in CSV, and each of the two escaped in JSON
      else if (code === 0x5c || code === 0x0a || code === 0x0d || code === 0x09) bytes += 1;
      else if (code < 0x20) bytes += 5; // \u00XX
    }
  }
  return bytes;
}

/**
 * One of the agency's forms as the export lists it: its service's title, the form's questions, and its earlier
 * published versions (decision 0085), whose submissions keep the questions they were answered with.
 */
export interface ExportForm {
  serviceId: string;
  serviceTitle: Localized;
  form: Form;
  /** The form's earlier published versions, newest first. */
  earlier?: readonly Form[];
}

export interface ExportColumn {
  header: string;
  cell(submission: Submission): string;
}

const money = (cents: number | undefined) => (cents === undefined ? '' : (cents / 100).toFixed(2));

/**
 * The columns, in order: the case's own (code, service, status, dates, assignee, payment), then each form's
 * questions with its labels: the current version's, then those only earlier versions asked ("Street address
 * (version 1)"), so no answer a citizen gave is left out of the file. A cell reads the answer with the question
 * as the submission's own version asked it (its type and choices). When several forms are exported together, each
 * label is prefixed with its form's title, so two forms asking "Full name" give two columns a person can tell apart.
 */
export function exportColumns(forms: readonly ExportForm[], locale: Locale, strings: Strings): ExportColumn[] {
  const t = (key: string, params?: Record<string, string | number>) => translate(strings, key, locale, params);
  const titles = new Map(forms.map((f) => [f.serviceId, f.serviceTitle[locale]]));
  const own: ExportColumn[] = [
    { header: t('export.code'), cell: (s) => s.code },
    { header: t('export.service'), cell: (s) => titles.get(s.serviceId) ?? s.serviceId },
    { header: t('export.status'), cell: (s) => t(`status.${s.status}`) },
    { header: t('export.submittedAt'), cell: (s) => s.submittedAt },
    { header: t('export.updatedAt'), cell: (s) => s.updatedAt },
    { header: t('export.assignedTo'), cell: (s) => s.assignedTo?.name ?? '' },
    { header: t('export.payment'), cell: (s) => (s.payment ? t(`payment.state.${s.payment.state}`) : t('payment.state.unpaid')) },
    { header: t('export.amount'), cell: (s) => money(s.payment?.amount) },
    { header: t('export.refunded'), cell: (s) => money(s.payment?.refunded) },
    { header: t('export.currency'), cell: (s) => s.payment?.currency.toUpperCase() ?? '' },
  ];
  const prefixed = forms.length > 1;
  const words: AnswerWords = { locale, t };
  const questions = forms.flatMap(({ form, earlier = [] }) => {
    const versions = [form, ...earlier];
    const asked = new Map(versions.map((version) => [version.version, questionsOf(version)]));
    /** The questions as the submission's version asked them (a version the build no longer has: the current). */
    const askedOf = (s: Submission) => asked.get(s.formVersion ?? 1) ?? (asked.get(form.version) as Questions);
    const header = (version: Form, label: string) => {
      const named = version === form ? label : t('export.earlierVersion', { label, version: version.version });
      return prefixed ? `${form.title[locale]}: ${named}` : named;
    };
    const seenFields = new Set<string>();
    const fields = versions.flatMap((version) =>
      version.fields.flatMap((field): ExportColumn[] => {
        if (seenFields.has(field.name)) return [];
        seenFields.add(field.name);
        return [
          {
            header: header(version, bareLabel(field, locale)),
            cell: (s) => {
              const question = s.formId === form.id ? askedOf(s).fields.get(field.name) : undefined;
              return question ? answerText(question, s.answers[field.name], words) : '';
            },
          },
        ];
      }),
    );
    // A repeating page ("add another") is one column: its items, each with its answers ("Person 1: Ana Díaz, …").
    const seenGroups = new Set<string>();
    const groups = versions.flatMap((version) =>
      (version.pages ?? []).flatMap((page): ExportColumn[] => {
        if (!page.group || seenGroups.has(page.id)) return [];
        seenGroups.add(page.id);
        return [
          {
            header: header(version, page.title[locale]),
            cell: (s) => {
              const group = s.formId === form.id ? askedOf(s).groups.get(page.id) : undefined;
              const items = group && Array.isArray(s.answers[page.id]) ? (s.answers[page.id] as Record<string, unknown>[]) : [];
              return items
                .map((item, index) => {
                  const answers = (group?.fields ?? [])
                    .map((field) => answerText(field, item[field.name], words))
                    .filter(Boolean);
                  return `${itemLabel(group as RepeatingGroup, index, locale)}: ${answers.join(', ')}`;
                })
                .join('; ');
            },
          },
        ];
      }),
    );
    return [...fields, ...groups];
  });
  return [...own, ...questions];
}

type Questions = { fields: Map<string, Field>; groups: Map<string, RepeatingGroup> };

function questionsOf(form: Form): Questions {
  return {
    fields: new Map(form.fields.map((field) => [field.name, field])),
    groups: new Map((form.pages ?? []).flatMap((page) => (page.group ? [[page.id, page.group] as const] : []))),
  };
}

/** One row's cells, each neutralised. */
export function exportRow(columns: readonly ExportColumn[], submission: Submission): string[] {
  return columns.map((column) => neutraliseCell(column.cell(submission)));
}

export interface ExportPart {
  header: string[];
  rows: string[][];
  /** Where the next part starts, when the queue holds more. */
  next?: QueueCursor;
}

/**
 * One part: queue pages in the filter's order from `cursor` until the part is full or the queue ends (or, given
 * `until`, the part's last key is written). A part that stops inside a page resumes after its last row, so no
 * case is missing or repeated across parts.
 */
export async function readExportPart(
  agency: string,
  filter: QueueFilter,
  cursor: QueueCursor | undefined,
  store: QueueStore,
  columns: readonly ExportColumn[],
  limits: { rows: number; bytes: number; until?: string | undefined } = { rows: EXPORT_PART_ROWS, bytes: EXPORT_PART_BYTES },
): Promise<ExportPart> {
  const ascending = filter.order === 'oldest';
  const beyond = (key: string) => limits.until !== undefined && (ascending ? key > limits.until : key < limits.until);
  const header = columns.map((c) => neutraliseCell(c.header));
  const rows: string[][] = [];
  let bytes = csvRowBytes(header) + 3;
  let at: QueueCursor | undefined = cursor;
  const stopAfter = (item: QueueCase): ExportPart => ({ header, rows, next: { key: item.sortKey, direction: 'next' } });
  let last: QueueCase | undefined;
  for (;;) {
    const page = await readQueuePage(agency, filter, at, store, EXPORT_SHARD_READ * store.shards, EXPORT_SHARD_READ);
    // The queue index holds the queue's columns only (decision 0140): the answers come from the table, by code.
    const whole = new Map((await store.wholeCases(page.items.map((item) => item.code))).map((s) => [s.code, s]));
    for (const item of page.items) {
      if (beyond(item.sortKey)) return { header, rows };
      const submission = whole.get(item.code);
      if (!submission) {
        // In the index but no longer in the table: nothing to export.
        if (item.sortKey === limits.until) return { header, rows };
        continue;
      }
      const row = exportRow(columns, submission);
      const size = csvRowBytes(row);
      if (rows.length >= limits.rows || (rows.length > 0 && bytes + size > limits.bytes)) return stopAfter(last as QueueCase);
      rows.push(row);
      bytes += size;
      last = item;
      if (item.sortKey === limits.until) return { header, rows };
    }
    if (!page.next) return { header, rows };
    at = page.next;
    if (rows.length >= limits.rows && last) return stopAfter(last);
  }
}

/**
 * A part asked for by its range (after … until) that does not fit one file: the cases in it are larger than a
 * part's byte budget allows. Nothing was handed over (and nothing audited); smaller parts of `fits` rows will fit.
 */
export class ExportPartTooLargeError extends PortalError {
  override name = 'ExportPartTooLargeError';
  override readonly statusCode = 413;
  override readonly code = 'export_part_too_large';
  readonly fits: number;
  constructor(message: string, fits: number) {
    super(message);
    this.fits = fits;
  }
}

export interface ExportInput {
  caller: Caller;
  agency: string;
  filter: QueueFilter;
  cursor?: QueueCursor | undefined;
  /** Which part this is (1 for the first), for the file's name and the audit entry. */
  part: number;
  /** How many parts the parts page listed, when it is asked for from there (the file is named "part-n-of-m"). */
  of?: number | undefined;
  /** Rows the caller wants in a part, when fewer than EXPORT_PART_ROWS. */
  rows?: number | undefined;
  /** The part's last key, when it is asked for by its range (the parts page): it ends there, whole or not at all. */
  until?: string | undefined;
  locale: Locale;
  from: AuditOrigin;
}

export interface ExportDeps extends AuditDeps {
  queue: QueueStore;
  store: Pick<CaseStore, 'recordAudit'>;
  strings: Strings;
  /** The agency's forms, in catalog order (only the filter's service's form when it names one). */
  formsOf(agency: string, serviceId?: string): Promise<ExportForm[]>;
}

/** What the audit entry names as the exported record: the agency's queue and the filter. */
export function exportRecord(agency: string, filter: QueueFilter): string {
  const query = new URLSearchParams({ status: filter.status, order: filter.order });
  if (filter.serviceId) query.set('service', filter.serviceId);
  if (filter.assignedTo) query.set('mine', 'yes');
  return `QUEUE#${agency}?${query}`;
}

/**
 * The file's name: the agency, the filter, the day (UTC) and, when there is more than one, the part ("part-2", or
 * "part-2-of-3" when the parts page said how many there are).
 */
export function exportFilename(agency: string, filter: QueueFilter, day: Date, part: number, more: boolean, of?: number): string {
  const pieces = [agency, filter.status, filter.serviceId, filter.assignedTo && 'mine', day.toISOString().slice(0, 10)];
  if (of !== undefined && of > 1) pieces.push(`part-${part}-of-${of}`);
  else if (of === undefined && (part > 1 || more)) pieces.push(`part-${part}`);
  return `${pieces.filter(Boolean).join('-')}.csv`;
}

/**
 * Exports one part of the queue for staff of its agency (anyone else: the queue does not exist), and records
 * who exported what, from where, before the file is handed over (a read: audited on its own, like opening a case).
 */
export async function exportQueue(input: ExportInput, deps: ExportDeps): Promise<ExportPart & { filename: string }> {
  if (!canActForAgency(input.caller, input.agency))
    throw new NotFoundError(translate(deps.strings, 'case.queueNotFound', input.locale));
  const actor = input.caller;
  const forms = await deps.formsOf(input.agency, input.filter.serviceId);
  const columns = exportColumns(forms, input.locale, deps.strings);
  const rows =
    input.until === undefined ? Math.min(Math.max(1, input.rows ?? EXPORT_PART_ROWS), EXPORT_PART_ROWS) : EXPORT_RANGE_ROWS;
  const exported = await readExportPart(input.agency, input.filter, input.cursor, deps.queue, columns, {
    rows,
    bytes: EXPORT_PART_BYTES,
    until: input.until,
  });
  // A range that does not fit one file is not handed over in pieces a browser cannot follow: nothing is sent or
  // audited, and the caller is told how many rows a part can hold (the parts page then offers smaller parts).
  if (input.until !== undefined && exported.next)
    throw new ExportPartTooLargeError(
      translate(deps.strings, 'export.partTooLarge', input.locale, { rows: exported.rows.length }),
      exported.rows.length,
    );
  await deps.store.recordAudit(
    auditEntry(
      {
        actor,
        agency: input.agency,
        action: 'queue.export',
        record: exportRecord(input.agency, input.filter),
        detail: {
          part: String(input.part),
          ...(input.of !== undefined && { of: String(input.of) }),
          ...(input.until !== undefined && { until: input.until }),
          rows: String(exported.rows.length),
          ...(input.cursor && { after: input.cursor.key }),
          ...(exported.next && { next: exported.next.key }),
        },
        from: input.from,
      },
      deps,
    ),
  );
  return {
    ...exported,
    filename: exportFilename(input.agency, input.filter, deps.now(), input.part, !!exported.next, input.of),
  };
}
