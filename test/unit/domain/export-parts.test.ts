import { describe, expect, it } from 'vitest';
import type { Caller } from '#domain/authorization';
import type { QueueFilter } from '#domain/case-queue';
import { listExportParts, partsOf, type QueueKeyStore, queueKeys, smallerPartRows } from '#domain/export-parts';
import { NotFoundError } from '#shared/errors';
import { strings } from '../../support/forms.ts';

const staff: Caller = { kind: 'person', subject: 'sub-staff', groups: ['staff:vital-records'] };
const key = (i: number) => `2026-11-01T00:${String(i).padStart(2, '0')}:00.000Z#C${String(i).padStart(6, '0')}`;

/** Keys 0..n-1 spread over 4 shards (i % 4), each shard answering in the order asked; `only` keeps some. */
function keyStore(n: number, only: (i: number) => boolean = () => true): QueueKeyStore & { asked: unknown[] } {
  const asked: unknown[] = [];
  return {
    shards: 4,
    asked,
    async listShardKeys(query) {
      asked.push(query);
      const keys = Array.from({ length: n }, (_, i) => i)
        .filter((i) => i % 4 === query.shard && only(i))
        .map(key);
      return query.ascending ? keys : keys.reverse();
    },
  };
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

  it('makes parts a tenth smaller than the most that fitted, in hundreds, at least one', () => {
    expect(smallerPartRows(4321)).toBe(3800);
    expect(smallerPartRows(150)).toBe(100);
    expect(smallerPartRows(19)).toBe(17);
    expect(smallerPartRows(1)).toBe(1);
    expect(smallerPartRows(0)).toBe(1);
  });
});
