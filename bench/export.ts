/**
 * The queue's CSV export at scale (prints figures, asserts nothing; `npm run bench -- export` runs only this):
 * BENCH_EXPORT_SIZE submissions (100,000 by default) of one agency over the queue index's write shards in DynamoDB Local,
 * exported part after part through the real store, domain code (exportQueue) and CSV writer (functions/http/csv.ts)
 * the handler uses. Per part: rows, bytes, time; overall: rows a second and this process's memory (heap and RSS
 * after each part; a function holds one part at a time), and the parts page's list of every part (keys only).
 * The parts page is listed twice each way, alternating, in the same run: from gsi4, the keys-only copy of the queue
 * index it reads (decision 0127), and through the queue index as it did before; Queries and time for each.
 * BENCH_EXPORT_PARTS_ONLY=1 lists the parts and skips the CSV export.
 * DynamoDB Local on a shared 2-core machine is slower than
 * DynamoDB, so rows a second is a lower bound.
 */

import { readFileSync } from 'node:fs';
import { BatchWriteItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { dynamoDbCaseStore } from '../functions/adapters/dynamodb-case-store.ts';
import { submissionItem } from '../functions/adapters/dynamodb-submission-store.ts';
import { QUEUE_INDEX } from '../functions/adapters/table-definition.ts';
import type { QueueCursor } from '../functions/domain/case-queue.ts';
import { newConfirmationCode } from '../functions/domain/confirmation-code.ts';
import { listExportParts, PARTS_PER_PAGE, partsOf, type QueueKeyStore, queueKeys } from '../functions/domain/export-parts.ts';
import { type ExportForm, exportQueue } from '../functions/domain/queue-export.ts';
import type { Submission } from '../functions/domain/submissions.ts';
import { strings } from '../functions/generated/site.js';
import { csvFile } from '../functions/http/csv.ts';
import { ensureTable, LOCAL_AWS_ENV, startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { compiledForm } from '../test/support/forms.ts';

const SIZE = Number(process.env.BENCH_EXPORT_SIZE ?? 100_000);
Object.assign(process.env, LOCAL_AWS_ENV);
const dynamo = await startDynamoDbLocal();
const tableName = 'bench-export';
await ensureTable(dynamo.client, tableName);

const NAMES = ['José Núñez Peña', 'María Ángeles Ibáñez', 'Begoña Muñoz', 'Iñaki Güell'];
function submission(i: number): Submission {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 997).toISOString();
  return {
    code: newConfirmationCode(),
    formId: 'birth-certificate-request',
    serviceId: 'birth-certificate',
    agency: 'vital-records',
    status: 'received',
    locale: 'es',
    channel: 'web',
    answers: {
      fullName: `${NAMES[i % NAMES.length]} ${i}`,
      dateOfBirth: '2020-01-02',
      relationship: i % 2 ? 'self' : 'child',
      copies: 1 + (i % 3),
      email: `person${i}@example.com`,
      phone: '555-0100',
    },
    submittedAt: at,
    updatedAt: at,
    applicantEmail: `person${i}@example.com`,
    payment: { id: `pay${i}`, state: 'paid', amount: 2500, refunded: 0, currency: 'usd', updatedAt: at },
  };
}

const loadStart = performance.now();
for (let i = 0; i < SIZE; i += 200)
  await Promise.all(
    Array.from({ length: 8 }, async (_, b) => {
      const from = i + b * 25;
      const batch = Array.from({ length: Math.max(0, Math.min(25, SIZE - from)) }, (_, j) => submission(from + j));
      let pending = batch.map((s) => ({ PutRequest: { Item: marshall(submissionItem(s), { removeUndefinedValues: true }) } }));
      while (pending.length > 0) {
        const result = await dynamo.client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
        pending = (result.UnprocessedItems?.[tableName] ?? []) as typeof pending;
      }
    }),
  );
const loadSeconds = (performance.now() - loadStart) / 1000;

const store = dynamoDbCaseStore(dynamo.client, tableName);
const birth = await compiledForm('birth-certificate-request');
const forms: ExportForm[] = [{ serviceId: birth.service.id, serviceTitle: birth.service.title, form: birth.form }];
const deps = { queue: store, store, strings, now: () => new Date(), retentionDays: 7, formsOf: async () => forms };
const caller = { kind: 'person' as const, subject: 'bench', groups: ['staff:vital-records'] };

// The parts page (decision 67): every key of the filter, cut into parts. Before decision 0127 it read gsi1 (whole
// items, ~2 KB each here, a projection trims only what is returned); now gsi4, which holds the keys and the two
// attributes the filters read. The old read, for the figures: the same Query on the queue index, which since
// decision 0140 (gsi5, replacing gsi1) copies the queue's columns (~400 bytes a case), no longer whole items.
const fromGsi1: QueueKeyStore = {
  shards: store.shards,
  async listShardKeys(query) {
    const keys: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const result = await dynamo.client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: QUEUE_INDEX,
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: marshall({ ':pk': `AGENCY#${query.agency}#STATUS#${query.status}#${query.shard}` }),
          ProjectionExpression: 'gsi1sk',
          ScanIndexForward: query.ascending,
          ...(start && { ExclusiveStartKey: start as never }),
        }),
      );
      keys.push(...(result.Items ?? []).map((item) => String(unmarshall(item).gsi1sk)));
      start = result.LastEvaluatedKey;
    } while (start);
    return { keys };
  },
};
let queries = 0;
let itemsRead = 0;
dynamo.client.middlewareStack.add(
  (next, context) => async (args) => {
    const answer = await next(args);
    if (context.commandName === 'QueryCommand') {
      queries += 1;
      itemsRead += Number((answer.output as { ScannedCount?: number }).ScannedCount ?? 0);
    }
    return answer;
  },
  { step: 'initialize', name: 'countQueries' },
);
const filter = { status: 'received', order: 'oldest' } as const;
const measure = async <T>(work: () => Promise<T>) => {
  const [q, i, t] = [queries, itemsRead, performance.now()];
  const result = await work();
  return { result, ms: performance.now() - t, queries: queries - q, items: itemsRead - i };
};
const load = () => (process.platform === 'linux' ? (readFileSync('/proc/loadavg', 'utf8').split(' ')[0] ?? '?') : '?');
const number = (n: number) => n.toLocaleString('en-US');
console.log(
  `\nThe export's parts page, ${number(SIZE)} submissions over 16 shards (loaded in ${loadSeconds.toFixed(0)} s; load average ${load()}):`,
);
const ratios: number[] = [];
for (let round = 1; round <= 2; round++) {
  // Before decision 0127: one request read every key of the filter from the queue index (gsi1 then) and cut them all.
  const whole = await measure(async () => partsOf(await queueKeys('vital-records', filter, fromGsi1), 5000));
  console.log(
    `  round ${round}, before: the whole list in one request (${QUEUE_INDEX}): ${whole.result.length} parts, ${whole.queries} Queries, ${number(whole.items)} items read, ${number(Math.round(whole.ms))} ms`,
  );
  // Now: pages of PARTS_PER_PAGE parts from gsi4, each page a request of its own.
  const pages: Awaited<ReturnType<typeof measure>>[] = [];
  let next: { after: string; part: number } | undefined;
  let parts = 0;
  do {
    const at = next;
    const page = await measure(() =>
      listExportParts(
        { caller, agency: 'vital-records', filter, locale: 'es', ...(at && { after: at.after, part: at.part }) },
        { keys: store, strings },
      ),
    );
    pages.push(page);
    parts += page.result.parts.length;
    next = page.result.next;
  } while (next);
  const slowest = Math.max(...pages.map((p) => p.ms));
  console.log(
    `  round ${round}, now: ${pages.length} pages of ${PARTS_PER_PAGE} parts (gsi4), ${parts} parts: per page ${pages.map((p) => `${p.queries} Queries/${number(p.items)} items/${number(Math.round(p.ms))} ms`).join(', ')}; slowest page ${number(Math.round(slowest))} ms`,
  );
  ratios.push(whole.ms / slowest);
}
console.log(`  the whole list's request / the slowest page's, same run: ${ratios.map((r) => `${r.toFixed(1)}×`).join(', ')}`);
if (process.env.BENCH_EXPORT_PARTS_ONLY === '1') {
  await dynamo.stop();
  process.exit(0);
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const baseline = process.memoryUsage();
let cursor: QueueCursor | undefined;
let rows = 0;
let bytes = 0;
let peakHeap = 0;
let peakRss = 0;
const partTimes: number[] = [];
const start = performance.now();
for (let part = 1; ; part++) {
  const partStart = performance.now();
  const exported = await exportQueue(
    { caller, agency: 'vital-records', filter: { status: 'received', order: 'oldest' }, cursor, part, locale: 'es', from: {} },
    deps,
  );
  const body = csvFile(exported.header, exported.rows);
  partTimes.push(performance.now() - partStart);
  rows += exported.rows.length;
  bytes += Buffer.byteLength(body);
  const memory = process.memoryUsage();
  peakHeap = Math.max(peakHeap, memory.heapUsed);
  peakRss = Math.max(peakRss, memory.rss);
  if (!exported.next) break;
  cursor = exported.next;
}
const seconds = (performance.now() - start) / 1000;
const sorted = [...partTimes].sort((a, b) => a - b);
console.log(
  `\nThe queue's CSV export, ${SIZE.toLocaleString('en-US')} submissions over 16 shards (loaded in ${loadSeconds.toFixed(0)} s):`,
);
console.log(
  `  ${partTimes.length} parts, ${rows.toLocaleString('en-US')} rows, ${mb(bytes)} MB of CSV in ${seconds.toFixed(1)} s: ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s`,
);
console.log(
  `  one part (${Math.round(rows / partTimes.length).toLocaleString('en-US')} rows, ~${(bytes / partTimes.length / 1e6).toFixed(2)} MB): median ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(0)} ms, slowest ${(sorted.at(-1) ?? 0).toFixed(0)} ms`,
);
console.log(
  `  memory: heap ${mb(baseline.heapUsed)} MB before, at most ${mb(peakHeap)} MB after a part; RSS ${mb(baseline.rss)} MB before, at most ${mb(peakRss)} MB`,
);
await dynamo.stop();
