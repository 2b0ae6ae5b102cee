/**
 * `node bench/submission-cost.ts <result.json>`, run by bench/run.ts in its own process: what one form
 * submission costs the real write path. The real submit-form and check-status handlers, called the way
 * Lambda calls them, against DynamoDB Local; every DynamoDB call they make asks for ReturnConsumedCapacity
 * (added by a client middleware, so the handlers and the store run unchanged). Measures, per request:
 * handler wall time (warm), DynamoDB capacity units, log bytes written, response bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { apiPath } from '#ui/paths.ts';
import { ensureTable, pointHandlersAt, startDynamoDbLocal } from '../local/dynamodb-local.ts';

const WARM_UP = 20;
const RUNS = Number(process.env.BENCH_SUBMISSIONS ?? 200);
const resultFile = process.argv[2];
if (!resultFile) throw new Error('usage: node bench/submission-cost.ts <result.json>');

const dynamo = await startDynamoDbLocal();
try {
  await ensureTable(dynamo.client, 'bench');
  pointHandlersAt(dynamo.endpoint, 'bench');
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO';

  // The handlers' own DynamoDB client (one per process): ask every call for the capacity it consumed.
  const { dynamoDb } = await import('#adapters/dynamodb');
  let capacity = { write: 0, read: 0 };
  dynamoDb.middlewareStack.add(
    (next, context) => async (args) => {
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const kind = /Put|Update|Delete|Write/.test(context.commandName ?? '') ? 'write' : 'read';
      for (const entry of [(result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity ?? []].flat())
        capacity[kind] += (entry as { CapacityUnits?: number }).CapacityUnits ?? 0;
      return result;
    },
    { step: 'initialize', name: 'benchConsumedCapacity' },
  );

  // Bytes the function logs (Powertools writes JSON lines to stdout; CloudWatch Logs bills them per GB).
  let logBytes = 0;
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    logBytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    return true; // counted, not shown
  }) as typeof process.stdout.write;

  const submit = (await import('../functions/handlers/submit-form.ts')).handler;
  const status = (await import('../functions/handlers/check-status.ts')).handler;
  const fixture = (name: string): APIGatewayProxyEventV2 =>
    JSON.parse(readFileSync(new URL(`../test/fixtures/events/${name}.json`, import.meta.url), 'utf8'));
  const context = (name: string, n: number) => ({ awsRequestId: `bench-${n}`, functionName: name }) as Context;

  interface Sample {
    ms: number;
    write: number;
    read: number;
    logBytes: number;
    responseBytes: number;
  }
  const samples = { submit: [] as Sample[], status: [] as Sample[] };
  async function measure(kind: keyof typeof samples, run: () => Promise<{ statusCode?: number; body?: string }>, keep: boolean) {
    capacity = { write: 0, read: 0 };
    logBytes = 0;
    const started = performance.now();
    const response = await run();
    const ms = performance.now() - started;
    if (keep) samples[kind].push({ ms, ...capacity, logBytes, responseBytes: Buffer.byteLength(JSON.stringify(response)) });
    return response;
  }

  for (let n = 0; n < WARM_UP + RUNS; n++) {
    const keep = n >= WARM_UP;
    const event = fixture('submit-form');
    // The site's script sends an Idempotency-Key with every submission (the claim is part of the transaction).
    event.headers['idempotency-key'] = `bench-${n.toString().padStart(6, '0')}-${process.pid}-submission`;
    const response = await measure('submit', () => submit(event, context('submit-form', n)), keep);
    if (response.statusCode !== 201) throw new Error(`submit answered ${response.statusCode}: ${response.body}`);
    const { code } = JSON.parse(response.body ?? '{}') as { code: string };
    const lookup = fixture('check-status');
    lookup.pathParameters = { code };
    lookup.rawPath = apiPath('showStatus', { code });
    const shown = await measure('status', () => status(lookup, context('check-status', n)), keep);
    if (shown.statusCode !== 200) throw new Error(`status answered ${shown.statusCode}: ${shown.body}`);
  }
  process.stdout.write = write;

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const p90 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)] ?? 0;
  const summary = (list: Sample[]) => ({
    medianMs: median(list.map((s) => s.ms)),
    p90Ms: p90(list.map((s) => s.ms)),
    writeUnits: median(list.map((s) => s.write)),
    readUnits: median(list.map((s) => s.read)),
    logBytes: median(list.map((s) => s.logBytes)),
    responseBytes: median(list.map((s) => s.responseBytes)),
  });
  writeFileSync(resultFile, JSON.stringify({ runs: RUNS, submit: summary(samples.submit), status: summary(samples.status) }));
} finally {
  await dynamo.stop();
}
