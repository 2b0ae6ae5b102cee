/**
 * Volume by channel on DynamoDB (decision 0126): counter items `CHANNELS#<agency>#<shard>` / `<day>#<serviceId>`
 * (`<day>#` for contacts about no case), one attribute per channel and direction (`voice_in`), ADDed inside the
 * transaction that writes the timeline entries (`channelCountUpdates`, appended after every other item so the
 * stores' cancellation-reason indexes stay where they are). The shard is a hash of the transaction's first entry id,
 * so a deadline day's entries spread over CHANNEL_SHARDS partitions; a read queries every shard and sums.
 */
import { createHash } from 'node:crypto';
import type { DynamoDBClient, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { type ChannelCount, type ChannelVolumeDay, type ChannelVolumeReader, channelCountsOf } from '#domain/channel-volume';
import type { TimelineEntry } from '#domain/timeline';
import { queryShards } from './dynamodb-shards.ts';
import { CHANNEL_SHARDS } from './table-definition.ts';

export const CHANNEL_VOLUME_TYPE = 'channel-volume';

export const channelVolumeKey = (agency: string, shard: number, day: string, serviceId: string | undefined) => ({
  pk: `CHANNELS#${agency}#${shard}`,
  sk: `${day}#${serviceId ?? ''}`,
});

/** The shard an entry's transaction adds to: a hash of its id, uniform over CHANNEL_SHARDS. */
export function channelShardOf(entryId: string): number {
  return createHash('sha256').update(entryId).digest().readUInt32BE(0) % CHANNEL_SHARDS;
}

/** The counter updates for a transaction (one per counter item; none for delivery reports). */
export function channelCountUpdates(tableName: string, counts: readonly ChannelCount[], shard: number): TransactWriteItem[] {
  return counts.map((count) => {
    const names = Object.keys(count.add);
    return {
      Update: {
        TableName: tableName,
        Key: marshall(channelVolumeKey(count.agency, shard, count.day, count.serviceId)),
        UpdateExpression: `SET #type = :type, #day = :day${count.serviceId ? ', serviceId = :service' : ''} ADD ${names
          .map((_, i) => `#c${i} :c${i}`)
          .join(', ')}`,
        ExpressionAttributeNames: {
          '#type': 'type',
          '#day': 'day',
          ...Object.fromEntries(names.map((name, i) => [`#c${i}`, name])),
        },
        ExpressionAttributeValues: marshall({
          ':type': CHANNEL_VOLUME_TYPE,
          ':day': count.day,
          ...(count.serviceId && { ':service': count.serviceId }),
          ...Object.fromEntries(names.map((name, i) => [`:c${i}`, count.add[name]])),
        }),
      },
    };
  });
}

/** What a transaction writing these entries adds to the volume by channel (append it to the transaction's items). */
export function channelCountWrites(tableName: string, entries: readonly TimelineEntry[]): TransactWriteItem[] {
  const first = entries[0];
  return first ? channelCountUpdates(tableName, channelCountsOf(entries), channelShardOf(first.id)) : [];
}

export function dynamoDbChannelVolume(client: DynamoDBClient, tableName: string): ChannelVolumeReader {
  return {
    async read(agency, from, to) {
      const sums = new Map<string, ChannelVolumeDay>();
      const items = await queryShards(client, {
        tableName,
        partitionKey: 'pk',
        sortKey: 'sk',
        shards: CHANNEL_SHARDS,
        partition: (shard) => channelVolumeKey(agency, shard, '', undefined).pk,
        from: `${from}#`,
        to: `${to}#\uffff`,
      });
      for (const { pk: _pk, sk, type: _type, day, serviceId, ...counts } of items) {
        const entry = sums.get(String(sk)) ?? {
          day: String(day),
          ...(typeof serviceId === 'string' && { serviceId }),
          counts: {},
        };
        for (const [name, count] of Object.entries(counts))
          if (typeof count === 'number') entry.counts[name] = (entry.counts[name] ?? 0) + count;
        sums.set(String(sk), entry);
      }
      return [...sums.values()].sort(
        (a, b) => a.day.localeCompare(b.day) || (a.serviceId ?? '').localeCompare(b.serviceId ?? ''),
      );
    },
  };
}
