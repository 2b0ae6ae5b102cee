import { describe, expect, it } from 'vitest';
import { type DeadLetterMessage, deadLetterKindOf, type ReplayPorts, replayDeadLetters } from '#domain/replay';

const streamLetter = JSON.stringify({
  requestContext: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: 4 },
  DDBStreamBatchInfo: {
    shardId: 'shardId-1',
    startSequenceNumber: '100',
    endSequenceNumber: '102',
    streamArn: 'arn:aws:dynamodb:us-east-1:111122223333:table/t/stream/2026',
    batchSize: 3,
    arrivalTime: '2026-12-01T10:00:00Z',
  },
});
const sesLetter = JSON.stringify({ source: 'aws.ses', 'detail-type': 'Email Bounced', detail: { eventType: 'Bounce' } });
const connectLetter = JSON.stringify({ source: 'aws.connect', 'detail-type': 'Amazon Connect Contact Event', detail: {} });
const textLetter = JSON.stringify({
  originationNumber: '+12025550100',
  destinationNumber: '+1',
  messageBody: 'STOP',
  inboundMessageId: 'i',
});

function fakes(messages: DeadLetterMessage[], options: { notifierFails?: boolean; trimmed?: boolean } = {}) {
  const queue = [...messages];
  const invoked: [string, unknown][] = [];
  const removed: string[] = [];
  const ports: ReplayPorts = {
    receive: async () => [...queue],
    remove: async (m) => {
      removed.push(m.id);
      queue.splice(queue.indexOf(m), 1);
    },
    streamRecords: async () => (options.trimmed ? [] : [{ eventName: 'INSERT' }, { eventName: 'INSERT' }]),
    invoke: async (target, event) => {
      invoked.push([target, event]);
      if (target === 'notifier') return { batchItemFailures: options.notifierFails ? [{ itemIdentifier: '101' }] : [] };
      return { ok: true };
    },
  };
  return { ports, invoked, removed, queue };
}

describe('what a dead letter is', () => {
  it('tells stream batches, SES and contact-centre events, and inbound texts apart', () => {
    expect(deadLetterKindOf(streamLetter).kind).toBe('stream-batch');
    expect(deadLetterKindOf(sesLetter)).toMatchObject({ kind: 'event', target: 'email-events' });
    expect(deadLetterKindOf(connectLetter)).toMatchObject({ kind: 'event', target: 'contact-centres' });
    expect(deadLetterKindOf(JSON.stringify({ source: 'aws.partner/genesys.com/cloud/o/s' }))).toMatchObject({
      target: 'contact-centres',
    });
    expect(deadLetterKindOf(textLetter).kind).toBe('text');
    expect(deadLetterKindOf('nonsense').kind).toBe('unknown');
  });
});

describe('replaying the queue', () => {
  it('hands a stream batch’s records back to the notifier and each event to its function, then deletes them', async () => {
    const { ports, invoked, removed } = fakes([
      { id: 'a', body: streamLetter },
      { id: 'b', body: sesLetter },
      { id: 'c', body: connectLetter },
      { id: 'd', body: textLetter },
    ]);
    expect(await replayDeadLetters(ports)).toEqual({ replayed: 4, failed: [] });
    expect(invoked.map(([target]) => target)).toEqual(['notifier', 'email-events', 'contact-centres', 'texts']);
    expect(invoked[0]?.[1]).toEqual({ Records: [{ eventName: 'INSERT' }, { eventName: 'INSERT' }] });
    expect(removed).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps a message whose replay still fails, or whose records the stream no longer holds, and says why', async () => {
    const failing = fakes([{ id: 'a', body: streamLetter }], { notifierFails: true });
    expect(await replayDeadLetters(failing.ports)).toEqual({ replayed: 0, failed: [{ id: 'a', why: '1 record(s) still fail' }] });
    expect(failing.queue).toHaveLength(1);
    const trimmed = fakes([{ id: 'a', body: streamLetter }], { trimmed: true });
    const report = await replayDeadLetters(trimmed.ports);
    expect(report.failed[0]?.why).toContain('older than 24 hours');
    expect(trimmed.removed).toEqual([]);
  });

  it('keeps what it cannot read', async () => {
    const { ports, removed } = fakes([{ id: 'x', body: '{"hello":1}' }]);
    expect((await replayDeadLetters(ports)).failed).toHaveLength(1);
    expect(removed).toEqual([]);
  });
});
