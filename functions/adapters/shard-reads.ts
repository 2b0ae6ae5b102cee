/**
 * Reading every shard of a sharded counter (the funnel's, the volume by channel's): a bounded number of Queries at
 * once. On DynamoDB 128 at once would be fine; a bound keeps each Query inside the client's request timeout when
 * the table is slow to answer (DynamoDB Local on a busy machine answered the CX dashboard with a 503 when its 256
 * Queries were all sent at once), for a few more round trips (8 rounds of 16 for 128 shards). Decision 0126.
 */
export const SHARD_READ_CONCURRENCY = 16;

export async function forEachShard(
  shards: number,
  read: (shard: number) => Promise<void>,
  concurrency = SHARD_READ_CONCURRENCY,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, shards)) }, async () => {
      while (next < shards) await read(next++);
    }),
  );
}
