import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Caller } from '#domain/authorization';
import {
  ageInDays,
  decodeCursor,
  encodeCursor,
  mergeShardPages,
  parseQueueFilter,
  type QueueCase,
  type QueueCursor,
  type QueueFilter,
  type QueueStore,
  readQueuePage,
  showQueue,
  sortKeyOf,
} from '#domain/case-queue';
import { newConfirmationCode } from '#domain/confirmation-code';
import { STATUSES, type Submission } from '#domain/submissions';
import { NotFoundError } from '#shared/errors';
import { strings } from '../../support/forms.ts';

const SHARDS = 16;

function fakeCase(i: number, extra: Partial<Submission> = {}): QueueCase {
  const submittedAt = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
  const code = `C${String(i).padStart(6, '0')}`;
  const s: Submission = {
    code,
    formId: 'f',
    serviceId: i % 3 === 0 ? 'birth-certificate' : 'death-certificate',
    agency: 'vital-records',
    status: 'received',
    locale: 'en',
    channel: 'web',
    answers: {},
    submittedAt,
    updatedAt: submittedAt,
    ...(i % 5 === 0 && { assignedTo: { subject: 'sub-me', name: 'Me' } }),
    ...extra,
  };
  return { ...s, sortKey: sortKeyOf(s) };
}

/** DynamoDB's order of work: Limit counts items looked at, then the filter drops some (a short page). */
function fakeQueueStore(cases: QueueCase[], shardOf = (c: QueueCase) => Number(c.code.slice(1)) % SHARDS) {
  const calls: number[] = [];
  const store: QueueStore = {
    shards: SHARDS,
    async queryShard(q) {
      calls.push(q.shard);
      const ordered = cases
        .filter((c) => shardOf(c) === q.shard && c.status === q.status && c.agency === q.agency)
        .sort((a, b) => (q.ascending ? a.sortKey.localeCompare(b.sortKey) : b.sortKey.localeCompare(a.sortKey)))
        .filter((c) => q.after === undefined || (q.ascending ? c.sortKey > q.after : c.sortKey < q.after));
      const looked = ordered.slice(0, q.limit);
      const items = looked.filter(
        (c) => (!q.serviceId || c.serviceId === q.serviceId) && (!q.assignedTo || c.assignedTo?.subject === q.assignedTo),
      );
      return { items, ...(ordered.length > q.limit && { lastKey: looked.at(-1)?.sortKey }) };
    },
    async countByStatus() {
      return Object.fromEntries(STATUSES.map((s) => [s, cases.filter((c) => c.status === s).length])) as never;
    },
    async oldestOpen() {
      return cases.map((c) => c.submittedAt).sort()[0];
    },
    async findByEmail() {
      return [];
    },
    async wholeCases() {
      return [];
    },
  };
  return { store, calls };
}

async function walk(store: QueueStore, filter: QueueFilter) {
  const seen: string[] = [];
  const pages: QueueCase[][] = [];
  let cursor: QueueCursor | undefined;
  for (let guard = 0; guard < 500; guard++) {
    const page = await readQueuePage('vital-records', filter, cursor, store);
    pages.push(page.items);
    seen.push(...page.items.map((c) => c.code));
    if (!page.next) break;
    cursor = page.next;
  }
  return { seen, pages, last: cursor };
}

const cases = Array.from({ length: 333 }, (_, i) => fakeCase(i));
const byAge = [...cases].sort((a, b) => a.sortKey.localeCompare(b.sortKey)).map((c) => c.code);

describe('reading the queue across shards', () => {
  it('pages through every case once, oldest first, 25 a page', async () => {
    const { store } = fakeQueueStore(cases);
    const { seen, pages } = await walk(store, { status: 'received', order: 'oldest' });
    expect(seen).toEqual(byAge);
    expect(pages.slice(0, -1).every((p) => p.length === 25)).toBe(true);
    expect(pages).toHaveLength(Math.ceil(333 / 25));
  });

  it('pages newest first on request', async () => {
    const { store } = fakeQueueStore(cases);
    expect((await walk(store, { status: 'received', order: 'newest' })).seen).toEqual([...byAge].reverse());
  });

  it('asks each shard exactly once per page', async () => {
    const { store, calls } = fakeQueueStore(cases);
    const page = await readQueuePage('vital-records', { status: 'received', order: 'oldest' }, undefined, store);
    expect(page.queries).toBe(SHARDS);
    expect([...calls].sort((a, b) => a - b)).toEqual(Array.from({ length: SHARDS }, (_, i) => i));
  });

  it('keeps the service and "assigned to me" filters on every page and misses nothing', async () => {
    const { store } = fakeQueueStore(cases);
    const wanted = (c: QueueCase) => c.serviceId === 'birth-certificate' && c.assignedTo?.subject === 'sub-me';
    const { seen } = await walk(store, {
      status: 'received',
      order: 'oldest',
      serviceId: 'birth-certificate',
      assignedTo: 'sub-me',
    });
    expect(seen).toEqual(byAge.filter((code) => wanted(cases.find((c) => c.code === code) as QueueCase)));
  });

  it('when all cases sit in one shard, still pages through them all', async () => {
    const { store } = fakeQueueStore(cases, () => 7);
    expect((await walk(store, { status: 'received', order: 'oldest' })).seen).toEqual(byAge);
  });

  it('goes back page by page to the first page with "previous"', async () => {
    const { store } = fakeQueueStore(cases);
    const filter: QueueFilter = { status: 'received', order: 'oldest' };
    const forward: string[][] = [];
    let cursor: QueueCursor | undefined;
    for (;;) {
      const page = await readQueuePage('vital-records', filter, cursor, store);
      forward.push(page.items.map((c) => c.code));
      if (!page.next) {
        cursor = page.previous;
        break;
      }
      cursor = page.next;
    }
    const backward: string[][] = [];
    while (cursor) {
      const page = await readQueuePage('vital-records', filter, cursor, store);
      backward.unshift(page.items.map((c) => c.code));
      expect(page.next).toBeDefined();
      cursor = page.previous;
    }
    expect(backward).toEqual(forward.slice(0, -1));
  });

  it('offers no previous page on the first page and no next page on the last', async () => {
    const { store } = fakeQueueStore(cases.slice(0, 10));
    const page = await readQueuePage('vital-records', { status: 'received', order: 'oldest' }, undefined, store);
    expect(page.items).toHaveLength(10);
    expect(page.next).toBeUndefined();
    expect(page.previous).toBeUndefined();
  });
});

describe('merging shard answers', () => {
  it('shows nothing past a shard that stopped early, and resumes there', () => {
    const [a, b, c] = [fakeCase(1), fakeCase(2), fakeCase(3)];
    const merged = mergeShardPages(
      [{ items: [a as QueueCase, c as QueueCase] }, { items: [], lastKey: (b as QueueCase).sortKey }],
      true,
      25,
    );
    expect(merged.items.map((x) => x.code)).toEqual([a?.code]);
    expect(merged).toMatchObject({ more: true, resumeAfter: b?.sortKey });
  });
});

describe('cursors and filters from the address', () => {
  it('round-trips a cursor and refuses anything made up', () => {
    const cursor: QueueCursor = { key: fakeCase(4).sortKey, direction: 'previous' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    // The sort key of a real case: its code as printed, with hyphens.
    const real: QueueCursor = { key: '2026-12-01T12:26:59.510Z#HZ3Y-4FMY-FY4R', direction: 'next' };
    expect(decodeCursor(encodeCursor(real))).toEqual(real);
    expect(decodeCursor('n.bm90IGEga2V5')).toBeUndefined();
    expect(decodeCursor('x.abc')).toBeUndefined();
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  it('round-trips a cursor on a real confirmation code (its dashes included)', () => {
    const cursor: QueueCursor = { key: `2026-11-30T09:00:00.000Z#${newConfirmationCode()}`, direction: 'next' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('defaults to the received backlog, oldest first, and keeps "mine" for a person only', () => {
    const me: Caller = { kind: 'person', subject: 'sub-me', groups: ['staff:vital-records'] };
    expect(parseQueueFilter({}, me)).toEqual({ status: 'received', order: 'oldest' });
    expect(parseQueueFilter({ status: 'approved', order: 'newest', service: 'birth-certificate', mine: 'yes' }, me)).toEqual({
      status: 'approved',
      order: 'newest',
      serviceId: 'birth-certificate',
      assignedTo: 'sub-me',
    });
    expect(parseQueueFilter({ status: 'nonsense', service: '<b>', mine: 'yes' }, ANONYMOUS)).toEqual({
      status: 'received',
      order: 'oldest',
    });
  });

  it('counts whole days of age', () => {
    expect(ageInDays('2026-11-01T00:00:00.000Z', new Date('2026-11-03T23:00:00.000Z'))).toBe(2);
    expect(ageInDays('2026-11-04T00:00:00.000Z', new Date('2026-11-03T23:00:00.000Z'))).toBe(0);
  });
});

describe('who sees a queue', () => {
  for (const [who, caller] of Object.entries({
    otherAgency: { kind: 'person', subject: 's', groups: ['staff:revenue'] },
    citizen: { kind: 'person', subject: 's', groups: ['citizen'] },
    admin: { kind: 'person', subject: 's', groups: ['admin'] },
    machine: { kind: 'machine', clientId: 'c', scopes: ['frontdoor/interactions'] },
    anonymous: ANONYMOUS,
  } satisfies Record<string, Caller>)) {
    it(`${who}: "not found", and no shard is read`, async () => {
      const { store, calls } = fakeQueueStore(cases);
      await expect(
        showQueue(
          { caller, agency: 'vital-records', filter: { status: 'received', order: 'oldest' }, locale: 'en' },
          { queue: store, strings },
        ),
      ).rejects.toThrow(NotFoundError);
      expect(calls).toEqual([]);
    });
  }

  it('staff of the agency: the page, the counts and the oldest open case', async () => {
    const { store } = fakeQueueStore(cases);
    const staff: Caller = { kind: 'person', subject: 's', groups: ['staff:vital-records'] };
    const shown = await showQueue(
      { caller: staff, agency: 'vital-records', filter: { status: 'received', order: 'oldest' }, locale: 'en' },
      { queue: store, strings },
    );
    expect(shown.items).toHaveLength(25);
    expect(shown.counts.received).toBe(333);
    expect(shown.oldestOpenSince).toBe(cases[0]?.submittedAt);
  });
});
