/**
 * The queue's CSV export at scale (prints figures, asserts nothing; `npm run bench -- export` runs only this):
 * BENCH_EXPORT_SIZE submissions (100,000 by default) of one agency over gsi1's write shards in DynamoDB Local,
 * exported part after part through the real store, domain code (exportQueue) and CSV writer (functions/http/csv.ts)
 * the handler uses. Per part: rows, bytes, time; overall: rows a second and this process's memory (heap and RSS
 * after each part; a function holds one part at a time), and the parts page's list of every part (keys only).
 * The parts page is listed twice each way, alternating, in the same run: from gsi4, the keys-only copy of the queue
 * index it reads (decision 0127), and from gsi1's whole items as it did before; Queries and time for each.
 * BENCH_EXPORT_PARTS_ONLY=1 lists the parts and skips the CSV export.
 * DynamoDB Local on a shared 2-core machine is slower than
 * DynamoDB, so rows a second is a lower bound.
 */

import { readFileSync } from 'node:fs';
import { BatchWriteItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { dynamoDbCaseStore } from '../functions/adapters/dynamodb-case-store.ts';
import { submissionItem } from '../functions/adapters/dynamodb-submission-store.ts';
import type { QueueCursor } from '../functions/domain/case-queue.ts';
import { newConfirmationCode } from '../functions/domain/confirmation-code.ts';
import { listExportParts, type QueueKeyStore } from '../functions/domain/export-parts.ts';
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
// attributes the filters read. The old read, for the figures (the same Query gsi1 took):
const fromGsi1: QueueKeyStore = {
  shards: store.shards,
  async listShardKeys(query) {
    const keys: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const result = await dynamo.client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
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
    return keys;
  },
};
let queries = 0;
dynamo.client.middlewareStack.add(
  (next, context) => async (args) => {
    if (context.commandName === 'QueryCommand') queries += 1;
    return next(args);
  },
  { step: 'initialize', name: 'countQueries' },
);
const listings: { index: string; ms: number; queries: number; total: number; parts: number }[] = [];
for (const [index, keys] of [
  ['gsi1 (before)', fromGsi1],
  ['gsi4 (keys only)', store],
  ['gsi1 (before)', fromGsi1],
  ['gsi4 (keys only)', store],
] as const) {
  const before = queries;
  const listStart = performance.now();
  const listed = await listExportParts(
    { caller, agency: 'vital-records', filter: { status: 'received', order: 'oldest' }, locale: 'es' },
    { keys, strings },
  );
  listings.push({
    index,
    ms: performance.now() - listStart,
    queries: queries - before,
    total: listed.total,
    parts: listed.parts.length,
  });
}
const load = () => (process.platform === 'linux' ? (readFileSync('/proc/loadavg', 'utf8').split(' ')[0] ?? '?') : '?');
console.log(
  `\nThe export's parts page, ${SIZE.toLocaleString('en-US')} submissions over 16 shards (loaded in ${loadSeconds.toFixed(0)} s; load average ${load()}):`,
);
for (const l of listings)
  console.log(
    `  ${l.index.padEnd(17)} ${l.total.toLocaleString('en-US')} keys in ${l.parts} parts: ${l.queries} Queries, ${l.ms.toFixed(0)} ms`,
  );
const median = (index: string) => {
  const times = listings.filter((l) => l.index === index).map((l) => l.ms);
  return times.reduce((a, b) => a + b, 0) / times.length;
};
console.log(`  gsi1 / gsi4, same run: ${(median('gsi1 (before)') / median('gsi4 (keys only)')).toFixed(1)}× (mean of 2 each)`);
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
