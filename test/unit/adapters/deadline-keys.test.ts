/**
 * The keys a deadline day hits on every submission stay under a DynamoDB partition's ~1,000 write units a second
 * at 10,000 submissions a second for one agency (issue #16, decision 0093; bench/deadline.ts prints the figures).
 */
import { randomUUID } from 'node:crypto';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { channelCountWrites, channelShardOf, channelVolumeKey } from '#adapters/dynamodb-channel-volume';
import { funnelKey, randomFunnelShard } from '#adapters/dynamodb-funnel-counter';
import { countsShard, countUpdate, queueShard } from '#adapters/dynamodb-submission-store';
import { CHANNEL_SHARDS, COUNTS_SHARDS, FUNNEL_SHARDS, QUEUE_SHARDS } from '#adapters/table-definition';
import { newConfirmationCode } from '#domain/confirmation-code';
import type { TimelineEntry } from '#domain/timeline';

const PARTITION_WRITE_UNITS = 1_000;
/** 95% of 10,000 submissions a second to one agency (bench/deadline.ts's mix). */
const AGENCY_SUBMISSIONS_PER_SECOND = 9_500;

describe('status counts', () => {
  const codes = Array.from({ length: 10_000 }, () => newConfirmationCode());

  it("move one of the agency's COUNTS_SHARDS items, chosen by the code, not one of the queue's shards", () => {
    const keys = new Set(
      codes.map((code) => JSON.stringify(countUpdate('t', { agency: 'labor', code }, { received: 1 }).Update.Key)),
    );
    expect(keys.size).toBe(COUNTS_SHARDS);
    expect(COUNTS_SHARDS).toBeGreaterThan(QUEUE_SHARDS);
    for (const code of codes.slice(0, 50)) {
      expect(countUpdate('t', { agency: 'labor', code }, { received: 1 }).Update.Key.pk?.S).toBe(
        `COUNTS#labor#${countsShard(code)}`,
      );
    }
    // The same code always moves the same item (a status change moves the item its submission counted in).
    expect(codes.map(countsShard)).toEqual(codes.map(countsShard));
    expect(new Set(codes.map(queueShard)).size).toBe(QUEUE_SHARDS);
  });

  it('take under ~1,000 write units a second per item at a deadline (a transaction costs each item twice)', () => {
    const perShard = new Map<number, number>();
    for (const code of codes) perShard.set(countsShard(code), (perShard.get(countsShard(code)) ?? 0) + 1);
    const busiestShare = Math.max(...perShard.values()) / codes.length;
    expect(busiestShare * AGENCY_SUBMISSIONS_PER_SECOND * 2).toBeLessThan(PARTITION_WRITE_UNITS * 0.6);
  });

  it('are read with one BatchGetItem (at most 100 keys)', () => {
    expect(COUNTS_SHARDS).toBeLessThanOrEqual(100);
  });
});

describe('funnel counters', () => {
  it('spread over every one of FUNNEL_SHARDS partitions', () => {
    const shards = new Set(Array.from({ length: 5_000 }, randomFunnelShard));
    expect(shards.size).toBe(FUNNEL_SHARDS);
    expect(Math.min(...shards)).toBe(0);
    expect(Math.max(...shards)).toBe(FUNNEL_SHARDS - 1);
    expect(funnelKey('labor', 7, '2026-12-15', 'f').pk).toBe('FUNNEL#labor#7');
  });

  it('hold a 6-page form at a deadline: started, 6 pages, Check your answers, sent, status — under ~800 adds a second per item', () => {
    const addsPerSubmission = 1 + 6 + 1 + 1 + 1;
    expect((AGENCY_SUBMISSIONS_PER_SECOND * addsPerSubmission) / FUNNEL_SHARDS).toBeLessThan(800);
  });
});

describe('volume-by-channel counters (decision 0126)', () => {
  const ids = Array.from({ length: 20_000 }, () => randomUUID());

  it("spread a transaction's entries over every one of CHANNEL_SHARDS items, by the first entry's id", () => {
    expect(new Set(ids.map(channelShardOf)).size).toBe(CHANNEL_SHARDS);
    expect(ids.map(channelShardOf)).toEqual(ids.map(channelShardOf));
    const call: TimelineEntry = {
      id: 'e1',
      kind: 'contact',
      channel: 'voice',
      direction: 'in',
      occurredAt: '2026-12-15T20:00:00.000Z',
      agency: 'labor',
      actor: 'citizen',
      summary: 'Call',
      caseCode: 'K7M2-9QXR-4HCT',
      serviceId: 'unemployment-benefits',
    };
    const [update] = channelCountWrites('t', [call, { ...call, id: 'e2', kind: 'notification-sent', direction: 'out' }]);
    expect(update?.Update?.Key).toEqual(
      marshall(channelVolumeKey('labor', channelShardOf('e1'), '2026-12-15', 'unemployment-benefits')),
    );
    expect(update?.Update?.Key?.pk?.S).toBe(`CHANNELS#labor#${channelShardOf('e1')}`);
  });

  it('take under ~1,000 write units a second per item at a deadline: ~4 counted entries a submission, each transaction twice', () => {
    const perShard = new Map<number, number>();
    for (const id of ids) perShard.set(channelShardOf(id), (perShard.get(channelShardOf(id)) ?? 0) + 1);
    const busiestShare = Math.max(...perShard.values()) / ids.length;
    // Sent, its e-mail, the payment started and paid: four transactions a submission, each ADDing to one item.
    expect(busiestShare * AGENCY_SUBMISSIONS_PER_SECOND * 4 * 2).toBeLessThan(PARTITION_WRITE_UNITS);
  });
});
