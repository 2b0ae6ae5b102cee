/**
 * Reading a sharded range back (decisions 0093, 0101, 0103): a counter or a list that writes spread over N
 * partition keys is read by querying every shard's key over one sort-key range, every page of it.
 *
 * The shards are queried a few at a time, not all at once: one dashboard reads 160 shards, and the SDK's
 * connection pool holds 50 sockets, so firing them together only queues them inside the SDK, where the waiting
 * counts against the connection timeout (decision 0092) and a busy store turns into 503s. Locally one process
 * serves every request, so a handful of dashboards at once would otherwise queue thousands of queries.
 */
import { type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';

/** How many shards one read queries at a time. */
export const SHARD_READS_IN_FLIGHT = 16;

export interface ShardedRange {
  tableName: string;
  /** The index to query, or the table itself when absent. */
  indexName?: string;
  /** The partition key's attribute name (`pk`, or the index's). */
  partitionKey: string;
  sortKey: string;
  /** How many shards, and shard n's partition key value. */
  shards: number;
  partition: (shard: number) => string;
  /** The sort key range, both ends included. */
  from: string;
  to: string;
}

/** Every item of every shard in the range, unmarshalled; the items of one shard in sort-key order. */
export async function queryShards(
  client: DynamoDBClient,
  range: ShardedRange,
  inFlight = SHARD_READS_IN_FLIGHT,
): Promise<Record<string, unknown>[]> {
  const perShard: Record<string, unknown>[][] = Array.from({ length: range.shards }, () => []);
  let next = 0;
  const reader = async () => {
    while (next < range.shards) {
      const shard = next++;
      let start: QueryCommand['input']['ExclusiveStartKey'];
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: range.tableName,
            IndexName: range.indexName,
            KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
            ExpressionAttributeNames: { '#pk': range.partitionKey, '#sk': range.sortKey },
            ExpressionAttributeValues: marshall({ ':pk': range.partition(shard), ':from': range.from, ':to': range.to }),
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) perShard[shard]!.push(unmarshall(item));
        start = page.LastEvaluatedKey;
      } while (start);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, range.shards) }, reader));
  return perShard.flat();
}
