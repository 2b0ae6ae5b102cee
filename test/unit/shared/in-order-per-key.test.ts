import { describe, expect, it } from 'vitest';
import { inOrderPerKey } from '#shared/in-order-per-key';

type Item = { key: string; n: number };
const items = (...specs: string[]): Item[] => specs.map((spec, n) => ({ key: spec, n }));

/** Work that waits until the test lets it finish, and records what started and finished. */
function controlledWork() {
  const started: number[] = [];
  const finished: number[] = [];
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let inFlight = 0;
  let mostInFlight = 0;
  const work = (item: Item) =>
    new Promise<void>((resolve, reject) => {
      started.push(item.n);
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const done = () => {
        inFlight -= 1;
        finished.push(item.n);
      };
      waiting.set(item.n, {
        resolve: () => {
          done();
          resolve();
        },
        reject: (error) => {
          done();
          reject(error);
        },
      });
    });
  const settle = async (n: number, outcome: 'ok' | 'fail' = 'ok') => {
    await Promise.resolve();
    const waiter = waiting.get(n);
    if (!waiter) throw new Error(`item ${n} has not started`);
    if (outcome === 'ok') waiter.resolve();
    else waiter.reject(new Error('SES said no'));
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { work, settle, started, finished, mostInFlight: () => mostInFlight };
}

describe('inOrderPerKey', () => {
  it('runs different keys at once and one key’s items one after another, in order', async () => {
    const control = controlledWork();
    const run = inOrderPerKey(items('a', 'b', 'a', 'c', 'a'), (item) => item.key, 10, control.work);
    await new Promise((resolve) => setImmediate(resolve));
    // The first of each key started together; the later a's wait for the one before.
    expect(control.started).toEqual([0, 1, 3]);
    await control.settle(0);
    expect(control.started).toEqual([0, 1, 3, 2]);
    await control.settle(2);
    await control.settle(1);
    await control.settle(3);
    await control.settle(4);
    expect(await run).toEqual([]);
    expect(control.started).toEqual([0, 1, 3, 2, 4]);
  });

  it('runs at most `limit` keys at once, and every key in the end', async () => {
    const control = controlledWork();
    const run = inOrderPerKey(items('a', 'b', 'c', 'd', 'e'), (item) => item.key, 2, control.work);
    await new Promise((resolve) => setImmediate(resolve));
    expect(control.started).toEqual([0, 1]);
    await control.settle(1);
    expect(control.started).toEqual([0, 1, 2]);
    for (const n of [0, 2, 3, 4]) await control.settle(n);
    expect(await run).toEqual([]);
    expect(control.mostInFlight()).toBe(2);
    expect([...control.finished].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('after a failure skips the rest of that key, goes on with the others, and names both in the given order', async () => {
    const control = controlledWork();
    const all = items('a', 'b', 'a', 'b', 'a');
    const run = inOrderPerKey(all, (item) => item.key, 10, control.work);
    await control.settle(0, 'fail');
    await control.settle(1);
    await control.settle(3);
    const failed = await run;
    expect(failed).toEqual([all[0], all[2], all[4]]);
    // Nothing of "a" was tried after its first failed.
    expect(control.started).toEqual([0, 1, 3]);
  });

  it('does nothing for no items', async () => {
    const control = controlledWork();
    expect(await inOrderPerKey([], (item: Item) => item.key, 10, control.work)).toEqual([]);
    expect(control.started).toEqual([]);
  });
});
