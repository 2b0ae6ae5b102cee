/**
 * Replaying what the notifications dead-letter queue holds (decision 77), whatever sent it there:
 * - a stream batch's on-failure record (`DDBStreamBatchInfo`: shard and positions): its records are read back from
 *   the stream and handed to the notifier again as the event Lambda would deliver;
 * - an EventBridge event no target took (SES's e-mail events, a contact centre's events): the event itself, handed to
 *   the function for its source;
 * - an SNS delivery the text answerer failed: the SNS message, wrapped as the SNS event Lambda receives.
 * A message is deleted only after its replay succeeded; every handler replayed is idempotent, so nothing is sent twice.
 */

export interface StreamBatchInfo {
  shardId: string;
  startSequenceNumber: string;
  endSequenceNumber: string;
  streamArn: string;
  batchSize: number;
}

export type DeadLetterKind =
  | { kind: 'stream-batch'; batch: StreamBatchInfo }
  | { kind: 'event'; target: 'email-events' | 'contact-centres'; event: Record<string, unknown> }
  | { kind: 'text'; message: string }
  | { kind: 'unknown' };

/** What a dead-letter message is, from its body. */
export function deadLetterKindOf(body: string): DeadLetterKind {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return { kind: 'unknown' };
  }
  if (typeof data !== 'object' || data === null) return { kind: 'unknown' };
  const record = data as Record<string, unknown>;
  const batch = record.DDBStreamBatchInfo as StreamBatchInfo | undefined;
  if (batch?.shardId && batch.startSequenceNumber && batch.streamArn) return { kind: 'stream-batch', batch };
  const source = typeof record.source === 'string' ? record.source : '';
  if (source === 'aws.ses') return { kind: 'event', target: 'email-events', event: record };
  if (source === 'aws.connect' || source.startsWith('aws.partner/genesys.com/'))
    return { kind: 'event', target: 'contact-centres', event: record };
  if (typeof record.inboundMessageId === 'string' && typeof record.originationNumber === 'string')
    return { kind: 'text', message: body };
  return { kind: 'unknown' };
}

export interface DeadLetterMessage {
  id: string;
  body: string;
}

export interface ReplayPorts {
  receive(): Promise<DeadLetterMessage[]>;
  remove(message: DeadLetterMessage): Promise<void>;
  /** The stream records of a batch, in Lambda's DynamoDB stream event shape (empty once the stream trimmed them). */
  streamRecords(batch: StreamBatchInfo): Promise<unknown[]>;
  /** Invokes a function; resolves to what it returned, rejects when it failed. */
  invoke(target: 'notifier' | 'email-events' | 'contact-centres' | 'texts', event: unknown): Promise<unknown>;
}

export interface ReplayReport {
  replayed: number;
  failed: { id: string; why: string }[];
}

/** Replays every message the queue gives until it gives none; failures stay in the queue. */
export async function replayDeadLetters(ports: ReplayPorts, options: { maxRounds?: number } = {}): Promise<ReplayReport> {
  const report: ReplayReport = { replayed: 0, failed: [] };
  const seen = new Set<string>();
  for (let round = 0; round < (options.maxRounds ?? 100); round++) {
    const messages = (await ports.receive()).filter((m) => !seen.has(m.id));
    if (messages.length === 0) break;
    for (const message of messages) {
      seen.add(message.id);
      const why = await replayOne(message, ports).catch((error: unknown) => (error as Error).message || 'failed');
      if (why) report.failed.push({ id: message.id, why });
      else {
        await ports.remove(message);
        report.replayed++;
      }
    }
  }
  return report;
}

/** Undefined when replayed; else why not. */
async function replayOne(message: DeadLetterMessage, ports: ReplayPorts): Promise<string | undefined> {
  const what = deadLetterKindOf(message.body);
  switch (what.kind) {
    case 'stream-batch': {
      const records = await ports.streamRecords(what.batch);
      if (records.length === 0) return 'the stream no longer holds these records (older than 24 hours): see docs/deploying.md';
      const answer = (await ports.invoke('notifier', { Records: records })) as { batchItemFailures?: unknown[] } | undefined;
      return answer?.batchItemFailures?.length ? `${answer.batchItemFailures.length} record(s) still fail` : undefined;
    }
    case 'event':
      await ports.invoke(what.target, what.event);
      return undefined;
    case 'text':
      await ports.invoke('texts', {
        Records: [{ EventSource: 'aws:sns', Sns: { Message: what.message, MessageId: message.id } }],
      });
      return undefined;
    default:
      return 'not a message the notifications queue takes';
  }
}
