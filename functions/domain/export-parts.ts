/**
 * The list of an export's parts (decision 0067): a browser follows no `Link` header, so the staff workspace shows
 * a page with every part of the queue's current filter — part n of m, its rows, a download link each. The list is
 * made from the queue index's sort keys only (each shard read in order, merged), cut every `rows` keys; each
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
}

/** The queue index read for its keys only (the parts page shows no case, only how many and where they split). */
export interface QueueKeyStore {
  readonly shards: number;
  /** Every sort key of one shard that the filter keeps, in the order asked. */
  listShardKeys(query: ShardKeysQuery): Promise<string[]>;
}

export interface ExportPartLink {
  part: number;
  of: number;
  /** Rows of the whole export this part holds, counted from 1. */
  firstRow: number;
  lastRow: number;
  /** The key the part starts after (absent for the first part). */
  after?: string;
  /** The part's last key: it ends there. */
  until: string;
}

export interface ExportPartList {
  /** Cases in the filter when the list was made. */
  total: number;
  /** Rows a part. */
  rows: number;
  parts: ExportPartLink[];
}

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
  const ascending = filter.order === 'oldest';
  const shards = await Promise.all(
    Array.from({ length: store.shards }, (_, shard) =>
      store.listShardKeys({
        agency,
        status: filter.status,
        shard,
        ascending,
        serviceId: filter.serviceId,
        assignedTo: filter.assignedTo,
      }),
    ),
  );
  const keys = shards.flat().sort();
  return ascending ? keys : keys.reverse();
}

/** The parts of the filter's export, for staff of the agency; anyone else: the queue does not exist (404). */
export async function listExportParts(
  input: { caller: Caller; agency: string; filter: QueueFilter; rows?: number | undefined; locale: Locale },
  deps: { keys: QueueKeyStore; strings: Strings },
): Promise<ExportPartList> {
  if (!canActForAgency(input.caller, input.agency))
    throw new NotFoundError(translate(deps.strings, 'case.queueNotFound', input.locale));
  const rows = Math.min(Math.max(1, input.rows ?? EXPORT_PART_ROWS), EXPORT_PART_ROWS);
  const keys = await queueKeys(input.agency, input.filter, deps.keys);
  return { total: keys.length, rows, parts: partsOf(keys, rows) };
}

/**
 * Rows a part may hold after one of `fits` rows was the most a file could take: a tenth less (the next cases may
 * be larger), in hundreds when that many, and at least one.
 */
export function smallerPartRows(fits: number): number {
  const less = Math.floor(fits * 0.9);
  return Math.max(1, less >= 100 ? Math.floor(less / 100) * 100 : less);
}
