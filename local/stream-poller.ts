/**
 * Lambda's DynamoDB stream event source mapping, locally: reads DynamoDB Local's stream of a table with the real
 * SDK (@aws-sdk/client-dynamodb-streams) and hands each batch to a handler as the DynamoDBStreamEvent Lambda
 * delivers, with Lambda's rules for failures:
 * - the handler reports failed records (ReportBatchItemFailures); the batch is retried from the first failed record,
 *   with backoff, up to `retryAttempts` times (infra configures the same number);
 * - then the batch goes to the dead letter (infra: an SQS queue an alarm watches; here a file in .data/ or memory,
 *   and a line in the console), and the poller moves on: nothing is dropped without a record of it.
 * DynamoDB Local differs from the service in small ways (toolchain notes): no eventSourceARN and a Date for
 * ApproximateCreationDateTime, both put into Lambda's shape here.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;

/** What the dead letter keeps of a batch that exhausted its retries (Lambda's on-failure record, plus the keys). */
export interface DeadLetter {
  requestContext: { condition: 'RetryAttemptsExhausted' | 'FunctionError'; approximateInvokeCount: number };
  DDBStreamBatchInfo: {
    shardId: string;
    startSequenceNumber: string;
    endSequenceNumber: string;
    streamArn: string;
    batchSize: number;
    arrivalTime: string;
  };
  /** Locally only: the keys of the records, so a developer can find them (the SQS record on AWS has only positions). */
  keys: Record<string, unknown>[];
  error?: string;
}

export interface StreamPollerOptions {
  client: DynamoDBClient;
  endpoint: string;
  tableName: string;
  handler: StreamHandler;
  /** Retries after the first attempt (Lambda's MaximumRetryAttempts). */
  retryAttempts?: number;
  /** Milliseconds to wait before retry n (1-based). */
  backoff?: (attempt: number) => number;
  /** Where dead letters are appended, one JSON per line; in memory only when absent. */
  deadLetterFile?: string;
  /** Called after every batch the handler took (the local SES then reports what it sent). */
  afterBatch?: () => Promise<void>;
  intervalMs?: number;
  log?: (line: string) => void;
}

export interface StreamPoller {
  deadLetters: DeadLetter[];
  /**
   * Hands a dead-lettered batch to the handler again, read back from the stream by its positions (as an operator
   * does on AWS within the stream's 24 hours): 'replayed', or 'failed' when the handler still reports failures.
   */
  replay(letter: DeadLetter): Promise<'replayed' | 'failed'>;
  /** Resolves once every record written before the call has been handed to the handler (or dead-lettered). */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

const BATCH_SIZE = 100;

function lambdaShape(record: StreamRecord, streamArn: string): DynamoDBRecord {
  const created = record.dynamodb?.ApproximateCreationDateTime as Date | number | undefined;
  return {
    ...(record as unknown as DynamoDBRecord),
    eventSourceARN: streamArn,
    awsRegion: 'us-east-1',
    dynamodb: {
      ...(record.dynamodb as DynamoDBRecord['dynamodb']),
      ...(created !== undefined && {
        ApproximateCreationDateTime: created instanceof Date ? Math.floor(created.getTime() / 1000) : created,
      }),
    },
  };
}

export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const log = options.log ?? ((line: string) => console.log(line));
  const retryAttempts = options.retryAttempts ?? 3;
  const backoff = options.backoff ?? ((attempt: number) => Math.min(200 * 2 ** (attempt - 1), 5_000));
  const interval = options.intervalMs ?? 100;
  const table = await options.client.send(new DescribeTableCommand({ TableName: options.tableName }));
  const latest = table.Table?.LatestStreamArn;
  if (!latest) throw new Error(`Table ${options.tableName} has no stream: create it with ensureTable (local/dynamodb-local.ts)`);
  const streamArn: string = latest;
  const streams = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

  /** Open shard iterators by shard id; shards seen (a closed one is never read again). */
  const iterators = new Map<string, string>();
  const seen = new Set<string>();
  const deadLetters: DeadLetter[] = [];
  let firstLook = true;

  async function discoverShards() {
    const described = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of described.StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || seen.has(shard.ShardId)) continue;
      seen.add(shard.ShardId);
      const open = !shard.SequenceNumberRange?.EndingSequenceNumber;
      // At start-up, what was written before is history (LATEST); a shard that appears later is read whole.
      if (firstLook && !open) continue;
      const iterator = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: firstLook ? 'LATEST' : 'TRIM_HORIZON',
        }),
      );
      if (iterator.ShardIterator) iterators.set(shard.ShardId, iterator.ShardIterator);
    }
    firstLook = false;
  }

  function deadLetter(shardId: string, records: DynamoDBRecord[], invokes: number, error?: string) {
    const letter: DeadLetter = {
      requestContext: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: invokes },
      DDBStreamBatchInfo: {
        shardId,
        startSequenceNumber: records[0]?.dynamodb?.SequenceNumber ?? '',
        endSequenceNumber: records.at(-1)?.dynamodb?.SequenceNumber ?? '',
        streamArn,
        batchSize: records.length,
        arrivalTime: new Date().toISOString(),
      },
      keys: records.map((record) => record.dynamodb?.Keys ?? {}),
      ...(error && { error }),
    };
    deadLetters.push(letter);
    if (options.deadLetterFile) {
      mkdirSync(dirname(options.deadLetterFile), { recursive: true });
      appendFileSync(options.deadLetterFile, `${JSON.stringify(letter)}\n`);
    }
    log(
      `ALARM NotificationsDeadLetter: ${records.length} stream record(s) failed ${invokes} times and were dead-lettered${
        options.deadLetterFile ? ` to ${options.deadLetterFile}` : ''
      }`,
    );
  }

  async function deliver(shardId: string, records: DynamoDBRecord[]) {
    let pending = records;
    for (let invoke = 1; ; invoke++) {
      let failedFrom: number;
      let error: string | undefined;
      try {
        const answer = await options.handler({ Records: pending });
        const failed = new Set((answer?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
        failedFrom = pending.findIndex((record) => failed.has(record.dynamodb?.SequenceNumber ?? ''));
      } catch (thrown) {
        // A thrown error fails the whole batch, as in Lambda.
        failedFrom = 0;
        error = (thrown as Error).message;
      }
      await options.afterBatch?.();
      if (failedFrom < 0) return;
      pending = pending.slice(failedFrom);
      if (invoke > retryAttempts) {
        deadLetter(shardId, pending, invoke, error);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, backoff(invoke)));
    }
  }

  let stopped = false;
  let round = 0;
  let waiters: (() => void)[] = [];
  /** Set by settle(): look for new shards on the next round rather than within the next 20. */
  let discoverNow = false;

  /**
   * One page of a shard. DynamoDB Local may trim a shard under an iterator (TrimmedDataAccessException) or let
   * it expire (ExpiredIteratorException); Lambda then starts again from the oldest record it still has, and so
   * does this. What was already handled comes again, and the notifier does each thing once (its notice item).
   */
  async function getRecords(
    shardId: string,
    iterator: string,
  ): Promise<GetRecordsCommandOutput | { Records?: undefined; NextShardIterator?: undefined }> {
    try {
      return await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: BATCH_SIZE }));
    } catch (error) {
      const name = (error as Error).name;
      if (name !== 'TrimmedDataAccessException' && name !== 'ExpiredIteratorException') throw error;
      const fresh = await streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }),
      );
      if (!fresh.ShardIterator) return {};
      return streams.send(new GetRecordsCommand({ ShardIterator: fresh.ShardIterator, Limit: BATCH_SIZE }));
    }
  }

  async function pollOnce(): Promise<number> {
    if (discoverNow || round++ % 20 === 0 || iterators.size === 0) {
      discoverNow = false;
      await discoverShards();
    }
    let handed = 0;
    for (const [shardId, iterator] of [...iterators]) {
      const result = await getRecords(shardId, iterator);
      if (result.NextShardIterator) iterators.set(shardId, result.NextShardIterator);
      else iterators.delete(shardId);
      const records = (result.Records ?? []).map((record) => lambdaShape(record, streamArn));
      if (records.length > 0) {
        handed += records.length;
        await deliver(shardId, records);
      }
    }
    return handed;
  }

  await discoverShards();
  const loop = (async () => {
    while (!stopped) {
      let handed = 0;
      try {
        handed = await pollOnce();
      } catch (error) {
        if (!stopped) log(`The stream poller could not read the stream: ${(error as Error).message}`);
      }
      if (handed === 0) {
        const ready = waiters;
        waiters = [];
        for (const resolve of ready) resolve();
        await new Promise((resolve) => setTimeout(resolve, interval));
      }
    }
  })();

  async function replay(letter: DeadLetter): Promise<'replayed' | 'failed'> {
    const { shardId, startSequenceNumber, endSequenceNumber } = letter.DDBStreamBatchInfo;
    const end = BigInt(endSequenceNumber);
    const iterator = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: letter.DDBStreamBatchInfo.streamArn,
        ShardId: shardId,
        ShardIteratorType: 'AT_SEQUENCE_NUMBER',
        SequenceNumber: startSequenceNumber,
      }),
    );
    const records: DynamoDBRecord[] = [];
    let next = iterator.ShardIterator;
    // An open shard answers empty pages past the last record: stop there, or past the batch's end.
    for (let pages = 0; next && pages < 100; pages++) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: next, Limit: BATCH_SIZE }));
      const batch = page.Records ?? [];
      records.push(
        ...batch
          .filter((record) => BigInt(record.dynamodb?.SequenceNumber ?? '0') <= end)
          .map((record) => lambdaShape(record, streamArn)),
      );
      const last = batch.at(-1)?.dynamodb?.SequenceNumber;
      if (batch.length === 0 || (last && BigInt(last) >= end)) break;
      next = page.NextShardIterator;
    }
    if (records.length === 0) return 'failed';
    const answer = await options.handler({ Records: records });
    await options.afterBatch?.();
    return (answer?.batchItemFailures ?? []).length === 0 ? 'replayed' : 'failed';
  }

  return {
    deadLetters,
    replay,
    settle() {
      // Two empty rounds after the call: the first may have started before the caller's last write. DynamoDB
      // Local closes a shard and opens another as it likes, so the rounds look for new shards first.
      discoverNow = true;
      return new Promise<void>((resolve) => {
        waiters.push(() => waiters.push(resolve));
      });
    },
    async stop() {
      stopped = true;
      await loop;
      for (const resolve of waiters) resolve();
      streams.destroy();
    },
  };
}
