/**
 * The agency queue at scale (prints figures, asserts nothing; `npm run bench -- queue` runs only this):
 * 100,000 submissions of one agency spread over the queue index's write shards (gsi5, decision 0140) in DynamoDB Local, then queue pages read
 * through the real store and domain code. Per page: Queries sent (at most one per shard), items read, and the
 * time the read takes in this process (what a handler would spend). DynamoDB Local on a shared 2-core machine is
 * slower than DynamoDB, so the times are an upper bound. BENCH_QUEUE_SIZE changes the count.
 */
import { BatchWriteItemCommand, type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { dynamoDbCaseStore } from '../functions/adapters/dynamodb-case-store.ts';
import { submissionItem } from '../functions/adapters/dynamodb-submission-store.ts';
import { type QueueCursor, type QueueFilter, readQueuePage } from '../functions/domain/case-queue.ts';
import { newConfirmationCode } from '../functions/domain/confirmation-code.ts';
import type { Submission } from '../functions/domain/submissions.ts';
import { ensureTable, LOCAL_AWS_ENV, startDynamoDbLocal } from '../local/dynamodb-local.ts';

const SIZE = Number(process.env.BENCH_QUEUE_SIZE ?? 100_000);
Object.assign(process.env, LOCAL_AWS_ENV);
const dynamo = await startDynamoDbLocal();
const tableName = 'bench-queue';
await ensureTable(dynamo.client, tableName);

function submission(i: number): Submission {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 997).toISOString();
  return {
    code: newConfirmationCode(),
    formId: 'birth-certificate-request',
    serviceId: i % 10 === 0 ? 'death-certificate' : 'birth-certificate',
    agency: 'vital-records',
    status: 'received',
    locale: 'en',
    channel: 'web',
    answers: { fullName: `Person ${i}`, email: `person${i}@example.com`, copies: 1 },
    submittedAt: at,
    updatedAt: at,
    applicantEmail: `person${i}@example.com`,
  };
}

const loadStart = performance.now();
const batches: Submission[][] = [];
for (let i = 0; i < SIZE; i += 25) batches.push(Array.from({ length: Math.min(25, SIZE - i) }, (_, j) => submission(i + j)));
for (let b = 0; b < batches.length; b += 8)
  await Promise.all(
    batches.slice(b, b + 8).map(async (batch) => {
      let pending = batch.map((s) => ({ PutRequest: { Item: marshall(submissionItem(s), { removeUndefinedValues: true }) } }));
      while (pending.length > 0) {
        const result = await dynamo.client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
        pending = (result.UnprocessedItems?.[tableName] ?? []) as typeof pending;
      }
    }),
  );
const loadSeconds = (performance.now() - loadStart) / 1000;

/** Counts what the store sends: Queries and the items they return. */
function counting(client: DynamoDBClient) {
  const counts = { queries: 0, items: 0 };
  const send = client.send.bind(client);
  const wrapped = Object.create(client) as DynamoDBClient;
  wrapped.send = (async (command: unknown) => {
    const result = (await send(command as never)) as { Items?: unknown[] };
    if (command instanceof QueryCommand) {
      counts.queries++;
      counts.items += (result as { ScannedCount?: number }).ScannedCount ?? result.Items?.length ?? 0;
    }
    return result;
  }) as DynamoDBClient['send'];
  return { client: wrapped, counts };
}

const { client, counts } = counting(dynamo.client);
const store = dynamoDbCaseStore(client, tableName);

async function page(label: string, filter: QueueFilter, cursor?: QueueCursor) {
  // Warm once (connections, JIT), then measure the median of five.
  await readQueuePage('vital-records', filter, cursor, store);
  const times: number[] = [];
  let shown = 0;
  let next: QueueCursor | undefined;
  for (let run = 0; run < 5; run++) {
    counts.queries = 0;
    counts.items = 0;
    const start = performance.now();
    const result = await readQueuePage('vital-records', filter, cursor, store);
    times.push(performance.now() - start);
    shown = result.items.length;
    next = result.next;
  }
  const median = times.sort((a, b) => a - b)[2] ?? 0;
  console.log(
    `  ${label.padEnd(44)} ${String(counts.queries).padStart(3)} Queries ${String(counts.items).padStart(5)} items read ${String(shown).padStart(3)} shown   ${median.toFixed(1).padStart(6)} ms`,
  );
  return next;
}

console.log(
  `\nThe agency queue, ${SIZE.toLocaleString('en-US')} submissions over 16 shards (loaded in ${loadSeconds.toFixed(0)} s):`,
);
const oldest: QueueFilter = { status: 'received', order: 'oldest' };
const second = await page('first page, oldest first', oldest);
await page('second page (cursor)', oldest, second);
await page('first page, newest first', { status: 'received', order: 'newest' });
await page('first page, one service (a tenth of cases)', { ...oldest, serviceId: 'death-certificate' });
const countStart = performance.now();
await store.countByStatus('vital-records');
const countMs = performance.now() - countStart;
counts.queries = 0;
const oldStart = performance.now();
await store.oldestOpen('vital-records', ['received', 'in-review', 'needs-information', 'approved']);
console.log(
  `  counts by status: one BatchGetItem of 16 items, ${countMs.toFixed(1)} ms; oldest open case: ${counts.queries} Queries of 1 item, ${(performance.now() - oldStart).toFixed(1)} ms`,
);
await dynamo.stop();
