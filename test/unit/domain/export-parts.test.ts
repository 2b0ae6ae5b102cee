import { describe, expect, it } from 'vitest';
import type { Caller } from '#domain/authorization';
import type { QueueFilter } from '#domain/case-queue';
import {
  listExportParts,
  PARTS_PER_PAGE,
  partsOf,
  type QueueKeyStore,
  queueKeys,
  queueKeysPage,
  type ShardKeysQuery,
  smallerPartRows,
} from '#domain/export-parts';
import { NotFoundError } from '#shared/errors';
import { strings } from '../../support/forms.ts';

const staff: Caller = { kind: 'person', subject: 'sub-staff', groups: ['staff:vital-records'] };
/** The i-th case's sort key: in the order of i for any i up to a million. */
const key = (i: number) => `2026-11-01T00:00:00.000Z#C${String(i).padStart(6, '0')}`;

/**
 * Keys 0..n-1 spread over 4 shards (i % 4), each shard answering in the order asked, as DynamoDB does: after a key,
 * `limit` keys evaluated before the filter (`only`) keeps some, and where it stopped when the shard has more.
 */
function keyStore(
  n: number,
  only: (i: number) => boolean = () => true,
): QueueKeyStore & { asked: ShardKeysQuery[]; read: number } {
  const asked: ShardKeysQuery[] = [];
  const store = {
    shards: 4,
    asked,
    read: 0,
    async listShardKeys(query: ShardKeysQuery) {
      asked.push(query);
      const all = Array.from({ length: n }, (_, i) => i).filter((i) => i % 4 === query.shard);
      const ordered = (query.ascending ? all : all.reverse()).filter(
        (i) => query.after === undefined || (query.ascending ? key(i) > query.after : key(i) < query.after),
      );
      const evaluated = query.limit === undefined ? ordered : ordered.slice(0, query.limit);
      store.read += evaluated.length;
      const more = evaluated.length < ordered.length;
      return {
        keys: evaluated.filter(only).map(key),
        ...(more && { readUpTo: key(evaluated.at(-1) as number) }),
      };
    },
  };
  return store;
}

describe('cutting an export into parts', () => {
  it('gives each part its number, its rows and its range: after the previous part’s last key, until its own', () => {
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(partsOf(keys, 3)).toEqual([
      { part: 1, of: 3, firstRow: 1, lastRow: 3, until: 'c' },
      { part: 2, of: 3, firstRow: 4, lastRow: 6, after: 'c', until: 'f' },
      { part: 3, of: 3, firstRow: 7, lastRow: 7, after: 'f', until: 'g' },
    ]);
    expect(partsOf(keys, 7)).toEqual([{ part: 1, of: 1, firstRow: 1, lastRow: 7, until: 'g' }]);
    expect(partsOf([], 3)).toEqual([]);
  });

  it('cuts 5,001 cases into 5,000 and 1 at the default size', async () => {
    const list = await listExportParts(
      { caller: staff, agency: 'vital-records', filter: { status: 'received', order: 'oldest' }, locale: 'en' },
      { keys: keyStore(5001), strings },
    );
    expect(list.total).toBe(5001);
    expect(list.rows).toBe(5000);
    expect(list.parts.map((p) => [p.firstRow, p.lastRow])).toEqual([
      [1, 5000],
      [5001, 5001],
    ]);
  });

  it('merges the shards into the filter’s order, asking each shard once with the filter', async () => {
    const store = keyStore(10);
    const oldest: QueueFilter = { status: 'in-review', order: 'oldest', serviceId: 'birth-certificate', assignedTo: 'me' };
    expect(await queueKeys('vital-records', oldest, store)).toEqual(Array.from({ length: 10 }, (_, i) => key(i)));
    expect(store.asked).toHaveLength(4);
    expect(store.asked[0]).toEqual({
      agency: 'vital-records',
      status: 'in-review',
      shard: 0,
      ascending: true,
      serviceId: 'birth-certificate',
      assignedTo: 'me',
    });
    expect(await queueKeys('vital-records', { ...oldest, order: 'newest' }, keyStore(10))).toEqual(
      Array.from({ length: 10 }, (_, i) => key(9 - i)),
    );
  });

  it('keeps the size asked for between 1 and 5,000', async () => {
    const ask = (rows: number) =>
      listExportParts(
        { caller: staff, agency: 'vital-records', filter: { status: 'received', order: 'oldest' }, rows, locale: 'en' },
        { keys: keyStore(12), strings },
      );
    expect((await ask(5)).parts).toHaveLength(3);
    expect((await ask(0)).rows).toBe(1);
    expect((await ask(9999)).rows).toBe(5000);
  });

  it('shows staff of another agency nothing, and reads nothing', async () => {
    const store = keyStore(10);
    const other: Caller = { kind: 'person', subject: 'o', groups: ['staff:revenue'] };
    await expect(
      listExportParts(
        { caller: other, agency: 'vital-records', filter: { status: 'received', order: 'oldest' }, locale: 'en' },
        { keys: store, strings },
      ),
    ).rejects.toThrow(NotFoundError);
    expect(store.asked).toEqual([]);
  });

  it(`lists a long export ${PARTS_PER_PAGE} parts a page, each page going on where the last stopped (decision 0127)`, async () => {
    const store = keyStore(30);
    const page = (at?: { after: string; part: number }) =>
      listExportParts(
        {
          caller: staff,
          agency: 'vital-records',
          filter: { status: 'received', order: 'oldest' },
          rows: 3,
          locale: 'en',
          ...(at && { after: at.after, part: at.part }),
        },
        { keys: store, strings },
      );
    const first = await page();
    expect(first.parts.map((p) => [p.part, p.of, p.firstRow, p.lastRow])).toEqual([
      [1, undefined, 1, 3],
      [2, undefined, 4, 6],
      [3, undefined, 7, 9],
      [4, undefined, 10, 12],
    ]);
    expect(first.total).toBeUndefined();
    expect(first.next).toEqual({ after: key(11), part: 5 });
    const second = await page(first.next);
    expect(second.parts[0]).toEqual({ part: 5, firstRow: 13, lastRow: 15, after: key(11), until: key(14) });
    const last = await page(second.next);
    expect(last.next).toBeUndefined();
    expect(last.total).toBe(30);
    expect(last.parts.map((p) => [p.part, p.of, p.firstRow, p.lastRow])).toEqual([
      [9, 10, 25, 27],
      [10, 10, 28, 30],
    ]);
    // Each part starts after the one before it ends: together every key once.
    const all = [...first.parts, ...second.parts, ...last.parts];
    all.slice(1).forEach((p, i) => {
      expect(p.after).toBe(all[i]?.until);
    });
    expect(all.at(-1)?.until).toBe(key(29));
  });

  it('reads about the keys a page needs, not the whole queue', async () => {
    const store = keyStore(2_000);
    const { keys, more } = await queueKeysPage('vital-records', { status: 'received', order: 'oldest' }, { count: 40 }, store);
    expect(keys).toEqual(Array.from({ length: 40 }, (_, i) => key(i)));
    expect(more).toBe(true);
    expect(store.read).toBeLessThan(200);
  });

  it('pages through every key once in either order and with a filter that keeps only some (the shards stop unevenly)', async () => {
    const only = (i: number) => i % 3 !== 0 && i % 4 !== 1;
    for (const order of ['oldest', 'newest'] as const) {
      const store = keyStore(500, only);
      const wanted = Array.from({ length: 500 }, (_, i) => i)
        .filter(only)
        .map(key);
      if (order === 'newest') wanted.reverse();
      const got: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await queueKeysPage('vital-records', { status: 'received', order }, { after, count: 37 }, store);
        got.push(...page.keys);
        if (!page.more) break;
        after = page.keys.at(-1);
      }
      expect(got).toEqual(wanted);
    }
  });

  it('makes parts a tenth smaller than the most that fitted, in hundreds, at least one', () => {
    expect(smallerPartRows(4321)).toBe(3800);
    expect(smallerPartRows(150)).toBe(100);
    expect(smallerPartRows(19)).toBe(17);
    expect(smallerPartRows(1)).toBe(1);
    expect(smallerPartRows(0)).toBe(1);
  });
});
