/**
 * A staff member's activity: what one person did for one agency, newest first, 50 entries a page, for that
 * agency's administrators (canReadAgencyActivity). Entries are keyed by agency and actor (gsi2
 * `ACTOR#<agency>#<subject>`), so one Query reads a page and nothing of another agency's work is ever read.
 *
 * Paging is by key, like the queue: the cursor is the sort key (`<at>#<id>`, unique) of the last entry shown, so
 * entries added while someone pages never make the next page repeat or skip one.
 */
import { translate } from '#catalog/i18n';
import type { Locale, Strings } from '#catalog/schema';
import { ForbiddenError, NotFoundError } from '#shared/errors';
import type { AuditEntry } from './audit.ts';
import { type Caller, canReadAgencyActivity, staffAgenciesOf } from './authorization.ts';

export const ACTIVITY_PAGE_SIZE = 50;

export interface ActivityCursor {
  /** The sort key (`<at>#<id>`) a page starts after (next: older) or before (previous: newer). */
  key: string;
  direction: 'next' | 'previous';
}

export interface ActivityQuery {
  agency: string;
  subject: string;
  /** Newest first (older entries follow) when true; oldest first when false (reading back towards the newest). */
  newestFirst: boolean;
  /** Exclusive. */
  after?: string | undefined;
  limit: number;
}

export interface ActivityStore {
  /** One Query: the entries, and whether more follow in the order asked. */
  activityOf(query: ActivityQuery): Promise<{ entries: AuditEntry[]; more: boolean }>;
}

export const activitySortKey = (entry: Pick<AuditEntry, 'at' | 'id'>) => `${entry.at}#${entry.id}`;

export interface ActivityPage {
  entries: AuditEntry[];
  next?: ActivityCursor;
  previous?: ActivityCursor;
}

/** A page of a person's activity, in newest-first order whichever way the reader is moving. */
export async function readActivityPage(
  agency: string,
  subject: string,
  cursor: ActivityCursor | undefined,
  store: ActivityStore,
  pageSize = ACTIVITY_PAGE_SIZE,
): Promise<ActivityPage> {
  const forward = cursor?.direction !== 'previous';
  const read = await store.activityOf({ agency, subject, newestFirst: forward, after: cursor?.key, limit: pageSize });
  const entries = forward ? read.entries : [...read.entries].reverse();
  const first = entries[0];
  const last = entries.at(-1);
  const hasNext = forward ? read.more : cursor !== undefined;
  const hasPrevious = forward ? cursor !== undefined : read.more;
  return {
    entries,
    ...(hasNext && last && { next: { key: activitySortKey(last), direction: 'next' as const } }),
    ...(hasPrevious && first && { previous: { key: activitySortKey(first), direction: 'previous' as const } }),
  };
}

export function encodeActivityCursor(cursor: ActivityCursor): string {
  return `${cursor.direction === 'next' ? 'n' : 'p'}.${Buffer.from(cursor.key, 'utf8').toString('base64url')}`;
}

const ACTIVITY_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z#[0-9a-f-]{1,64}$/;

export function decodeActivityCursor(text: string | undefined): ActivityCursor | undefined {
  if (!text) return undefined;
  const match = /^([np])\.([A-Za-z0-9_-]{1,200})$/.exec(text);
  if (!match) return undefined;
  const key = Buffer.from(match[2] as string, 'base64url').toString('utf8');
  if (!ACTIVITY_KEY.test(key)) return undefined;
  return { key, direction: match[1] === 'n' ? 'next' : 'previous' };
}

/** A subject as Cognito issues them (UUID-shaped) or a local persona's: anything else is not a person. */
const SUBJECT = /^[A-Za-z0-9_.@:-]{1,128}$/;

/**
 * The activity page for an administrator of the agency. The agency's own staff who are not administrators are
 * refused (403: they know the agency, but may not read the trail); anyone else is told there is no such page
 * (404, whether or not the person exists), the same answer as for a made-up agency.
 */
export async function showActivity(
  input: { caller: Caller; agency: string; subject: string; cursor?: ActivityCursor | undefined; locale: Locale },
  deps: { activity: ActivityStore; strings: Strings },
): Promise<ActivityPage> {
  const t = (key: string) => translate(deps.strings, key, input.locale);
  if (!staffAgenciesOf(input.caller).includes(input.agency)) throw new NotFoundError(t('audit.notFound'));
  if (!canReadAgencyActivity(input.caller, input.agency)) throw new ForbiddenError(t('audit.administratorsOnly'));
  if (!SUBJECT.test(input.subject)) throw new NotFoundError(t('audit.notFound'));
  return readActivityPage(input.agency, input.subject, input.cursor, deps.activity);
}
