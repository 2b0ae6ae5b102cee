/**
 * An agency's queue: its cases by status, oldest first (the backlog) or newest first, 25 a page, filtered by
 * service and "assigned to me". The index is write-sharded (a deadline day's "received" would otherwise be one
 * hot partition), so a page asks every shard once for what follows the cursor and merges the answers in order.
 *
 * Paging is by key, not by offset: the cursor is the sort key (`<submittedAt>#<code>`, unique) of the last case
 * shown, so cases arriving or moving while someone pages never make the next page repeat or skip one.
 */
import { translate } from '#catalog/i18n';
import type { Locale, Strings } from '#catalog/schema';
import { BadRequestError, NotFoundError } from '#shared/errors';
import { type AuditDeps, type AuditOrigin, auditEntry } from './audit.ts';
import { type Caller, canActForAgency } from './authorization.ts';
import { OPEN_STATUSES } from './case-workflow.ts';
import type { CaseStore } from './cases.ts';
import { parseConfirmationCode } from './confirmation-code.ts';
import { STATUSES, type Submission, type SubmissionStatus } from './submissions.ts';

export const QUEUE_PAGE_SIZE = 25;

export type QueueOrder = 'oldest' | 'newest';

export interface QueueFilter {
  status: SubmissionStatus;
  serviceId?: string | undefined;
  /** Only cases assigned to this subject ("assigned to me"). */
  assignedTo?: string | undefined;
  order: QueueOrder;
}

/** Where a page starts: after (next) or before (previous) a sort key, in the filter's order. */
export interface QueueCursor {
  key: string;
  direction: 'next' | 'previous';
}

/** What one shard answered: its cases in the order asked, and whether it holds more after `lastKey`. */
export interface ShardPage {
  items: QueueCase[];
  /** The last sort key the shard looked at (it may have been filtered out); absent when the shard is done. */
  lastKey?: string | undefined;
}

/**
 * What the queue holds of a case: the columns its page and its JSON answer show and its filters read. The queue
 * index copies only these (table-definition.ts, decision 0140), so each copy stays under 1 KB whatever the answers;
 * a reader that needs the whole case (the export) reads it from the table by code (`QueueStore.wholeCases`).
 */
export const QUEUE_ROW_FIELDS = [
  'code',
  'agency',
  'serviceId',
  'formId',
  'status',
  'submittedAt',
  'updatedAt',
  'assignedTo',
  'payment',
] as const satisfies readonly (keyof Submission)[];

export type QueueRow = Pick<Submission, (typeof QUEUE_ROW_FIELDS)[number]>;

export interface QueueCase extends QueueRow {
  /** `<submittedAt>#<code>`: the index's sort key. */
  sortKey: string;
}

export interface ShardQuery {
  agency: string;
  status: SubmissionStatus;
  shard: number;
  ascending: boolean;
  /** Exclusive: only keys after this one in the order asked. */
  after?: string | undefined;
  limit: number;
  serviceId?: string | undefined;
  assignedTo?: string | undefined;
}

export interface QueueStore {
  /** How many write shards the agency index has. */
  readonly shards: number;
  /** One Query on one shard. */
  queryShard(query: ShardQuery): Promise<ShardPage>;
  /** How many cases the agency has in each status. */
  countByStatus(agency: string): Promise<Record<SubmissionStatus, number>>;
  /** The oldest `submittedAt` among the agency's open cases, if any. */
  oldestOpen(agency: string, statuses: readonly SubmissionStatus[]): Promise<string | undefined>;
  /** The agency's cases sent with this e-mail address (already lower case), newest first. */
  findByEmail(agency: string, email: string): Promise<Submission[]>;
  /** The whole cases of these codes, read from the table (answers included), in any order; a code not found is left out. */
  wholeCases(codes: readonly string[]): Promise<Submission[]>;
}

export const sortKeyOf = (submission: Pick<Submission, 'submittedAt' | 'code'>) => `${submission.submittedAt}#${submission.code}`;

/**
 * Merges one answer per shard into one page. A shard that stopped early (it has more after its `lastKey`) might
 * still hold cases that sort before what other shards returned, so nothing past the earliest such `lastKey` is
 * shown yet; it becomes the cursor. Without filters every shard returns a full page, so pages are full.
 */
export function mergeShardPages(
  pages: readonly ShardPage[],
  ascending: boolean,
  pageSize: number,
): { items: QueueCase[]; more: boolean; resumeAfter?: string } {
  const before = (a: string, b: string) => (ascending ? a < b : a > b);
  let bound: string | undefined;
  for (const page of pages)
    if (page.lastKey !== undefined && (bound === undefined || before(page.lastKey, bound))) bound = page.lastKey;
  const safe = pages
    .flatMap((page) => page.items)
    .filter((item) => bound === undefined || !before(bound, item.sortKey))
    .sort((a, b) => (a.sortKey === b.sortKey ? 0 : before(a.sortKey, b.sortKey) ? -1 : 1));
  const items = safe.slice(0, pageSize);
  if (safe.length > pageSize) return { items, more: true, resumeAfter: items.at(-1)?.sortKey as string };
  if (bound !== undefined) return { items, more: true, resumeAfter: bound };
  return { items, more: false };
}

export interface QueuePage {
  items: QueueCase[];
  /** Cursors for the next and previous pages, when there are such pages. */
  next?: QueueCursor;
  previous?: QueueCursor;
  /** How many Queries the page took (the bench prints it; at most one per shard). */
  queries: number;
}

/**
 * One page of the queue in the filter's order: one Query per shard, all at once. Each shard is asked for
 * `shardLimit` cases (a whole page by default, so a page is full whatever the spread); a reader taking large
 * pages (the export) asks each for a share, and the merge still never skips or repeats one.
 */
export async function readQueuePage(
  agency: string,
  filter: QueueFilter,
  cursor: QueueCursor | undefined,
  store: QueueStore,
  pageSize = QUEUE_PAGE_SIZE,
  shardLimit = pageSize,
): Promise<QueuePage> {
  const forward = cursor?.direction !== 'previous';
  const ascending = (filter.order === 'oldest') === forward;
  const answers = await Promise.all(
    Array.from({ length: store.shards }, (_, shard) =>
      store.queryShard({
        agency,
        status: filter.status,
        shard,
        ascending,
        after: cursor?.key,
        limit: shardLimit,
        serviceId: filter.serviceId,
        assignedTo: filter.assignedTo,
      }),
    ),
  );
  const merged = mergeShardPages(answers, ascending, pageSize);
  const items = forward ? merged.items : [...merged.items].reverse();
  const first = items[0]?.sortKey;
  const last = items.at(-1)?.sortKey;
  // Going back: the page after this one is where we came from; whether one comes before is what merging found.
  const hasNext = forward ? merged.more : cursor !== undefined;
  const hasPrevious = forward ? cursor !== undefined : merged.more;
  const nextKey = forward ? merged.resumeAfter : last;
  const previousKey = forward ? first : (merged.resumeAfter ?? first);
  return {
    items,
    ...(hasNext && nextKey !== undefined && { next: { key: nextKey, direction: 'next' as const } }),
    ...(hasPrevious &&
      (previousKey ?? cursor?.key) !== undefined && {
        previous: { key: (previousKey ?? cursor?.key) as string, direction: 'previous' as const },
      }),
    queries: store.shards,
  };
}

/** A cursor in a link: opaque enough that nobody types one, checked when it comes back. */
export function encodeCursor(cursor: QueueCursor): string {
  return `${cursor.direction === 'next' ? 'n' : 'p'}.${Buffer.from(cursor.key, 'utf8').toString('base64url')}`;
}

// A real code is printed with hyphens (K7M2-9QXR-4HPW), and that is how the sort key holds it.
const SORT_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z#[0-9A-Z][0-9A-Z-]{0,19}$/;

export function decodeCursor(text: string | undefined): QueueCursor | undefined {
  if (!text) return undefined;
  const match = /^([np])\.([A-Za-z0-9_-]{1,200})$/.exec(text);
  if (!match) return undefined;
  const key = Buffer.from(match[2] as string, 'base64url').toString('utf8');
  if (!SORT_KEY.test(key)) return undefined;
  return { key, direction: match[1] === 'n' ? 'next' : 'previous' };
}

/** The queue's filter from a query string; anything unknown falls back to the backlog's defaults. */
export function parseQueueFilter(query: Record<string, string | undefined>, caller: Caller): QueueFilter {
  const status = STATUSES.find((s) => s === query.status) ?? 'received';
  const order: QueueOrder = query.order === 'newest' ? 'newest' : 'oldest';
  const serviceId = query.service && /^[a-z0-9-]{1,80}$/.test(query.service) ? query.service : undefined;
  const mine = query.mine === 'yes' && caller.kind === 'person' ? caller.subject : undefined;
  return { status, order, ...(serviceId && { serviceId }), ...(mine && { assignedTo: mine }) };
}

export interface QueueSummary {
  counts: Record<SubmissionStatus, number>;
  /** When the oldest case still waiting for the agency was sent. */
  oldestOpenSince?: string;
}

export interface QueueDeps {
  queue: QueueStore;
  strings: Strings;
}

function agencyFor(caller: Caller, agency: string, locale: Locale, strings: Strings) {
  // Another agency's queue does not exist for this caller: the same answer as for a made-up agency.
  if (!canActForAgency(caller, agency)) throw new NotFoundError(translate(strings, 'case.queueNotFound', locale));
  return caller;
}

/** The queue page staff see: the summary at the top, one page of cases. */
export async function showQueue(
  input: { caller: Caller; agency: string; filter: QueueFilter; cursor?: QueueCursor | undefined; locale: Locale },
  deps: QueueDeps,
): Promise<QueuePage & QueueSummary> {
  agencyFor(input.caller, input.agency, input.locale, deps.strings);
  const [page, counts, oldest] = await Promise.all([
    readQueuePage(input.agency, input.filter, input.cursor, deps.queue),
    deps.queue.countByStatus(input.agency),
    deps.queue.oldestOpen(input.agency, OPEN_STATUSES),
  ]);
  return { ...page, counts, ...(oldest && { oldestOpenSince: oldest }) };
}

/** Whole days since `since`: "how old the oldest open case is". */
export function ageInDays(since: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 86_400_000));
}

export type FindResult = { kind: 'case'; code: string } | { kind: 'cases'; items: Submission[] };

/**
 * Finding a case: a confirmation code (a typo gets the status page's help) opens that case; an e-mail address
 * lists the agency's cases sent with it (exact, whatever the case of its letters). A search is audited: it
 * says who looked for whom.
 */
export async function findCases(
  input: { caller: Caller; agency: string; query: string; locale: Locale; from: AuditOrigin },
  deps: QueueDeps & AuditDeps & { store: CaseStore },
): Promise<FindResult> {
  const t = (key: string) => translate(deps.strings, key, input.locale);
  const actor = agencyFor(input.caller, input.agency, input.locale, deps.strings) as Extract<Caller, { kind: 'person' }>;
  const query = input.query.trim();
  if (!query) throw new BadRequestError(t('case.searchEmpty'));
  if (query.includes('@')) {
    const email = query.toLowerCase();
    const items = (await deps.queue.findByEmail(input.agency, email)).filter(
      (s) => s.agency === input.agency && s.applicantEmail === email,
    );
    await deps.store.recordAudit(
      auditEntry({ actor, agency: input.agency, action: 'case.search', record: email, from: input.from }, deps),
    );
    return { kind: 'cases', items };
  }
  const parsed = parseConfirmationCode(query);
  if (!parsed.ok) throw new BadRequestError(t(parsed.reason === 'check' ? 'status.codeMistyped' : 'status.codeShape'));
  return { kind: 'case', code: parsed.code };
}
