/**
 * A stream batch's work, in order where order matters and at once where it does not: items with the same key run
 * one after another in the order given, items with different keys at the same time, at most `limit` keys at once.
 * Once an item fails, the later items of its key are not tried (a case's "status changed" e-mail never overtakes
 * its "received" one); other keys go on. Lambda's ParallelizationFactor keeps the same promise across batches, by
 * the table's partition key.
 *
 * Written here rather than taken from a library: the concurrency is a few lines, and the grouping and the stop
 * after a failure are the rule.
 */
export async function inOrderPerKey<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const failed = new Set<T>();
  const queue = [...groups.values()];
  const runGroup = async (group: T[]) => {
    for (const [at, item] of group.entries()) {
      try {
        await work(item);
      } catch {
        for (const untried of group.slice(at)) failed.add(untried);
        return;
      }
    }
  };
  const worker = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) await runGroup(group);
  };
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, worker));
  return items.filter((item) => failed.has(item));
}
