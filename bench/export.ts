/**
 * The queue's CSV export at scale (prints figures, asserts nothing; `npm run bench -- export` runs only this):
 * BENCH_EXPORT_SIZE submissions (100,000 by default) of one agency over gsi1's write shards in DynamoDB Local,
 * exported part after part through the real store, domain code (exportQueue) and CSV writer (functions/http/csv.ts)
 * the handler uses. Per part: rows, bytes, time; overall: rows a second and this process's memory (heap and RSS
 * after each part; a function holds one part at a time), and the parts page's list of every part (keys only).
 * DynamoDB Local on a shared 2-core machine is slower than
 * DynamoDB, so rows a second is a lower bound.
 */
import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { dynamoDbCaseStore } from '../functions/adapters/dynamodb-case-store.ts';
import { submissionItem } from '../functions/adapters/dynamodb-submission-store.ts';
import type { QueueCursor } from '../functions/domain/case-queue.ts';
import { newConfirmationCode } from '../functions/domain/confirmation-code.ts';
import { listExportParts } from '../functions/domain/export-parts.ts';
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

// The parts page (decision 67): every key of the filter, read with a keys-only projection, cut into parts.
const listStart = performance.now();
const listed = await listExportParts(
  { caller, agency: 'vital-records', filter: { status: 'received', order: 'oldest' }, locale: 'es' },
  { keys: store, strings },
);
const listMs = performance.now() - listStart;

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
console.log(
  `  the parts page: ${listed.total.toLocaleString('en-US')} keys read and cut into ${listed.parts.length} parts in ${listMs.toFixed(0)} ms`,
);
await dynamo.stop();
