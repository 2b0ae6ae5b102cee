/**
 * The list of an export's parts (decision 0067): a browser follows no `Link` header, so the staff workspace shows
 * a page with the parts of the queue's current filter — part n of m, its rows, a download link each — at most
 * PARTS_PER_PAGE a page, with a link to the next (decision 0127). The list is made from the queue keys index's sort
 * keys only (each shard read in order, merged), cut every `rows` keys; each
 * part's link carries where it starts (after the previous part's last key) and where it ends (its own last key),
 * so the parts are disjoint and together hold every case the filter had when the page was made, whatever moves
 * in the queue between one download and the next.
 */
import { translate } from '#catalog/i18n';
import type { Locale, Strings } from '#catalog/schema';
import { NotFoundError } from '#shared/errors';
import { type Caller, canActForAgency } from './authorization.ts';
import type { QueueFilter } from './case-queue.ts';
import { EXPORT_PART_ROWS } from './queue-export.ts';
import type { SubmissionStatus } from './submissions.ts';

export interface ShardKeysQuery {
  agency: string;
  status: SubmissionStatus;
  shard: number;
  ascending: boolean;
  serviceId?: string | undefined;
  assignedTo?: string | undefined;
  /** Only keys after this one, in the order asked. */
  after?: string | undefined;
  /** At most this many keys evaluated (one Query: the filter may keep fewer); absent: the whole shard. */
  limit?: number | undefined;
}

export interface ShardKeys {
  /** The keys the filter kept, in the order asked. */
  keys: string[];
  /** When the shard has more: the last key evaluated (read up to there; the next read starts after it). */
  readUpTo?: string | undefined;
}

/** The queue index read for its keys only (the parts page shows no case, only how many and where they split). */
export interface QueueKeyStore {
  readonly shards: number;
  /** The sort keys of one shard that the filter keeps, in the order asked, from `after`, up to `limit` read. */
  listShardKeys(query: ShardKeysQuery): Promise<ShardKeys>;
}

export interface ExportPartLink {
  part: number;
  /** How many parts there are, once the list has reached the last one (absent on a page with more after it). */
  of?: number;
  /** Rows of the whole export this part holds, counted from 1. */
  firstRow: number;
  lastRow: number;
  /** The key the part starts after (absent for the first part). */
  after?: string;
  /** The part's last key: it ends there. */
  until: string;
}

export interface ExportPartList {
  /** Cases in the filter when the list was made, once the list has reached the last part. */
  total?: number;
  /** Rows a part. */
  rows: number;
  parts: ExportPartLink[];
  /** More parts after these: the next page of the list starts after `after`, at part `part`. */
  next?: { after: string; part: number };
}

/**
 * Parts a page of the list holds: 4 of 5,000 cases, 20,000 keys read a request. Reading every key of 100,000 cases
 * took 27–61 s on DynamoDB Local, over API Gateway's 29 s; 20,000 take a fifth of that (decision 0127).
 */
export const PARTS_PER_PAGE = 4;

/** The parts of an export of these keys (already in the filter's order), `rows` keys each. */
export function partsOf(keys: readonly string[], rows: number): ExportPartLink[] {
  const size = Math.max(1, Math.floor(rows));
  const of = Math.ceil(keys.length / size);
  return Array.from({ length: of }, (_, index) => {
    const first = index * size;
    const last = Math.min(keys.length, first + size) - 1;
    return {
      part: index + 1,
      of,
      firstRow: first + 1,
      lastRow: last + 1,
      ...(index > 0 && { after: keys[first - 1] as string }),
      until: keys[last] as string,
    };
  });
}

/** Every shard's keys, merged into the filter's order (keys are unique: `<submittedAt>#<code>`). */
export async function queueKeys(agency: string, filter: QueueFilter, store: QueueKeyStore): Promise<string[]> {
  return (await queueKeysPage(agency, filter, { count: Number.POSITIVE_INFINITY }, store)).keys;
}

/**
 * The first `count` keys of the filter after `after`, in the filter's order, and whether there are more: each shard
 * read in rounds of about its share, a shard read again only while it holds back the merge (no key past a shard's
 * `readUpTo` is given out before that shard is read further), so about `count` keys are read, not the whole queue.
 */
export async function queueKeysPage(
  agency: string,
  filter: QueueFilter,
  page: { after?: string | undefined; count: number },
  store: QueueKeyStore,
): Promise<{ keys: string[]; more: boolean }> {
  const ascending = filter.order === 'oldest';
  const before = (a: string, b: string) => (ascending ? a < b : a > b);
  const bounded = Number.isFinite(page.count);
  const limit = bounded ? Math.ceil(((page.count + 1) / store.shards) * 1.2) + 10 : undefined;
  const shards = Array.from({ length: store.shards }, (_, shard) => ({
    shard,
    keys: [] as string[],
    from: page.after,
    done: false,
  }));
  const read = async (state: (typeof shards)[number]) => {
    const answer = await store.listShardKeys({
      agency,
      status: filter.status,
      shard: state.shard,
      ascending,
      serviceId: filter.serviceId,
      assignedTo: filter.assignedTo,
      ...(state.from !== undefined && { after: state.from }),
      ...(limit !== undefined && { limit }),
    });
    state.keys.push(...answer.keys);
    state.from = answer.readUpTo;
    state.done = answer.readUpTo === undefined;
  };
  let reading = shards;
  for (;;) {
    await Promise.all(reading.map(read));
    const open = shards.filter((s) => !s.done);
    // Keys up to the earliest point an unfinished shard was read to are final: no shard can add one before it.
    const bound = open
      .map((s) => s.from as string)
      .reduce<string | undefined>((b, k) => (b === undefined || before(k, b) ? k : b), undefined);
    const merged = shards.flatMap((s) => s.keys).sort();
    if (!ascending) merged.reverse();
    const safe = bound === undefined ? merged : merged.filter((k) => !before(bound, k));
    if (safe.length > page.count) return { keys: safe.slice(0, page.count), more: true };
    if (open.length === 0) return { keys: safe, more: false };
    reading = open.filter((s) => s.from === bound);
  }
}

/**
 * One page of the parts of the filter's export (at most PARTS_PER_PAGE parts), for staff of the agency; anyone
 * else: the queue does not exist (404). `after` and `part` continue from the previous page's `next`.
 */
export async function listExportParts(
  input: {
    caller: Caller;
    agency: string;
    filter: QueueFilter;
    rows?: number | undefined;
    locale: Locale;
    after?: string | undefined;
    part?: number | undefined;
  },
  deps: { keys: QueueKeyStore; strings: Strings },
): Promise<ExportPartList> {
  if (!canActForAgency(input.caller, input.agency))
    throw new NotFoundError(translate(deps.strings, 'case.queueNotFound', input.locale));
  const rows = Math.min(Math.max(1, input.rows ?? EXPORT_PART_ROWS), EXPORT_PART_ROWS);
  const after = input.after;
  const first = after === undefined ? 1 : Math.max(1, Math.trunc(input.part ?? 1));
  const { keys, more } = await queueKeysPage(input.agency, input.filter, { after, count: PARTS_PER_PAGE * rows }, deps.keys);
  const offset = (first - 1) * rows;
  const of = more ? undefined : first - 1 + Math.ceil(keys.length / rows);
  const parts = partsOf(keys, rows).map(({ of: _of, ...p }, index) => ({
    ...p,
    part: p.part + first - 1,
    ...(of !== undefined && { of }),
    firstRow: p.firstRow + offset,
    lastRow: p.lastRow + offset,
    ...(index === 0 && after !== undefined && { after }),
  }));
  const last = keys.at(-1);
  return {
    ...(!more && { total: offset + keys.length }),
    rows,
    parts,
    ...(more && last !== undefined && { next: { after: last, part: first + parts.length } }),
  };
}

/**
 * Rows a part may hold after one of `fits` rows was the most a file could take: a tenth less (the next cases may
 * be larger), in hundreds when that many, and at least one.
 */
export function smallerPartRows(fits: number): number {
  const less = Math.floor(fits * 0.9);
  return Math.max(1, less >= 100 ? Math.floor(less / 100) * 100 : less);
}
