/**
 * FunnelCounter on DynamoDB (decision 0101): one item per agency, shard, day and form, each step an attribute
 * that one UpdateItem ADDs to. A hit picks a random shard, so a deadline day's submissions spread over
 * FUNNEL_SHARDS partitions; a read queries every shard's days and sums them.
 */
import { randomInt } from 'node:crypto';
import { type DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { FunnelCounter, FunnelDay } from '#domain/funnel';
import { queryShards } from './dynamodb-shards.ts';
import { FUNNEL_SHARDS } from './table-definition.ts';

const funnelPartition = (agency: string, shard: number) => `FUNNEL#${agency}#${shard}`;

export const funnelKey = (agency: string, shard: number, day: string, formId: string) => ({
  pk: funnelPartition(agency, shard),
  sk: `${day}#${formId}`,
});

/** The shard a hit adds to: any of FUNNEL_SHARDS, at random (counts are only read summed). */
export const randomFunnelShard = () => randomInt(FUNNEL_SHARDS);

export function dynamoDbFunnelCounter(
  client: DynamoDBClient,
  tableName: string,
  shardOf: () => number = randomFunnelShard,
): FunnelCounter {
  return {
    async add({ agency, formId, day, names }) {
      const attributeNames = Object.fromEntries(names.map((name, i) => [`#n${i}`, name]));
      await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: marshall(funnelKey(agency, shardOf(), day, formId)),
          UpdateExpression: `SET #type = :type, formId = :formId, #day = :day ADD ${names.map((_, i) => `#n${i} :one`).join(', ')}`,
          ExpressionAttributeNames: { '#type': 'type', '#day': 'day', ...attributeNames },
          ExpressionAttributeValues: marshall({ ':type': 'funnel', ':formId': formId, ':day': day, ':one': 1 }),
        }),
      );
    },

    async read(agency, from, to) {
      const sums = new Map<string, FunnelDay>();
      const items = await queryShards(client, {
        tableName,
        partitionKey: 'pk',
        sortKey: 'sk',
        shards: FUNNEL_SHARDS,
        partition: (shard) => funnelPartition(agency, shard),
        from: `${from}#`,
        to: `${to}#\uffff`,
      });
      for (const { pk: _pk, sk, type: _type, formId, day, ...counts } of items) {
        const entry = sums.get(String(sk)) ?? { day: String(day), formId: String(formId), counts: {} };
        for (const [name, count] of Object.entries(counts))
          if (typeof count === 'number') entry.counts[name] = (entry.counts[name] ?? 0) + count;
        sums.set(String(sk), entry);
      }
      return [...sums.values()].sort((a, b) => a.day.localeCompare(b.day) || a.formId.localeCompare(b.formId));
    },
  };
}
