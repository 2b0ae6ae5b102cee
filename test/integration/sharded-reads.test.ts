/**
 * queryShards against AWS's DynamoDB Local: every shard read to its last page (a shard over DynamoDB's 1 MB page),
 * nothing outside the sort-key range or of another partition, and never more than the set number of queries at once.
 */
import { randomUUID } from 'node:crypto';
import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { queryShards, SHARD_READS_IN_FLIGHT } from '#adapters/dynamodb-shards';
import { ensureTable, localDynamoDbClient } from '../../local/dynamodb-local.ts';

const tableName = `test-${randomUUID()}`;
const client = localDynamoDbClient(inject('dynamoDbEndpoint'));
const SHARDS = 40;
const partition = (shard: number) => `TEST#alpha#${shard}`;
/** Four items of ~350 KB in shard 7: more than one 1 MB page. */
const BIG = 'x'.repeat(350_000);

let inFlight = 0;
let mostInFlight = 0;
client.middlewareStack.add(
  (next) => async (args) => {
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    try {
      return await next(args);
    } finally {
      inFlight -= 1;
    }
  },
  { step: 'initialize', name: 'countInFlight' },
);

async function put(items: Record<string, unknown>[]) {
  for (let i = 0; i < items.length; i += 25)
    await client.send(
      new BatchWriteItemCommand({
        RequestItems: { [tableName]: items.slice(i, i + 25).map((item) => ({ PutRequest: { Item: marshall(item) } })) },
      }),
    );
}

beforeAll(async () => {
  await ensureTable(client, tableName);
  const items: Record<string, unknown>[] = [];
  for (let shard = 0; shard < SHARDS; shard++) {
    items.push({ pk: partition(shard), sk: `2026-11-02#${shard}`, shard });
    items.push({ pk: partition(shard), sk: '2026-10-31#before', shard });
    items.push({ pk: `TEST#beta#${shard}`, sk: `2026-11-02#${shard}`, shard });
  }
  await put(items);
  await put(Array.from({ length: 4 }, (_, i) => ({ pk: partition(7), sk: `2026-11-03#big${i}`, shard: 7, big: BIG })));
}, 60_000);

describe('queryShards', () => {
  it('reads every shard to its last page, within the range and the partitions asked for, a few at a time', async () => {
    mostInFlight = 0;
    const items = await queryShards(client, {
      tableName,
      partitionKey: 'pk',
      sortKey: 'sk',
      shards: SHARDS,
      partition,
      from: '2026-11-01#',
      to: '2026-11-30#\uffff',
    });
    expect(items.map((item) => item.sk).sort()).toEqual(
      [
        ...Array.from({ length: SHARDS }, (_, shard) => `2026-11-02#${shard}`),
        ...Array.from({ length: 4 }, (_, i) => `2026-11-03#big${i}`),
      ].sort(),
    );
    expect(items.every((item) => String(item.pk).startsWith('TEST#alpha#'))).toBe(true);
    expect(mostInFlight).toBeGreaterThan(1);
    expect(mostInFlight).toBeLessThanOrEqual(SHARD_READS_IN_FLIGHT);
  });

  it('keeps to a smaller number in flight when asked', async () => {
    mostInFlight = 0;
    const items = await queryShards(
      client,
      { tableName, partitionKey: 'pk', sortKey: 'sk', shards: SHARDS, partition, from: '2026-11-02#', to: '2026-11-02#\uffff' },
      3,
    );
    expect(items).toHaveLength(SHARDS);
    expect(mostInFlight).toBe(3);
  });
});
