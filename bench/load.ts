/**
 * `npm run bench -- load` (issue #16): a ramp of form submissions against the local portal, and of raw SDK PutItem
 * against the same DynamoDB Local in the same run. Prints figures, asserts nothing; loopback only, bounded in time
 * (BENCH_LOAD_SECONDS per step, 4 by default: the whole run is under 2 minutes) and in count (BENCH_LOAD_MAX per
 * step, 20,000).
 *
 * - DynamoDB Local (AWS's engine, as `npm start` runs it) is started once, here.
 * - The portal runs in its own process (bench/load-portal.ts): what `npm start` runs, pointed at that DynamoDB
 *   Local, so the load generator here does not share its event loop.
 * - Portal steps (BENCH_LOAD_STEPS, 10,25,50,100,200 connections): autocannon 9 keeps N connections busy with
 *   POST /api/forms/<form>/submissions (JSON, as an agency's system or the site's script sends it), every request a
 *   valid, distinct submission with its own Idempotency-Key; anything but 201 counts as an error.
 * - PutItem steps: N concurrent loops of PutItemCommand (one item of the size of a submission's, a fresh key each
 *   time), from this process, on the same DynamoDB Local.
 * - Where the time goes (BENCH_LOAD_DIAGNOSIS, 10,50): the portal without its notifier ("API only"); the domain and
 *   the real store without HTTP ("store": `submitForm`, from this process); a raw TransactWriteItems of five fresh
 *   items ("5-item tx", a submission's transaction without our keys). Per portal step, from the portal process: the
 *   server's time per request, the part of it spent waiting on DynamoDB, CPU per request, event-loop delay.
 *
 * The bar (issue #16): the portal reaches at least half of raw PutItem's best rate, with p99 under 250 ms and
 * errors under 0.1% at every step up to that rate.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  type DynamoDBClient,
  PutItemCommand,
  TransactWriteItemsCommand,
  type TransactWriteItemsCommandInput,
  UpdateItemCommand,
  type UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import autocannon from 'autocannon';
import { apiPath } from '#ui/paths.ts';
import { ensureTable, LOCAL_AWS_ENV, pointHandlersAt, startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { unemploymentAnswers } from './answers.ts';

const STEPS = (process.env.BENCH_LOAD_STEPS ?? '10,25,50,100,200').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 4);
/** The API alone and the store alone are measured at fewer steps: they say where the time goes. */
const DIAGNOSIS_STEPS = (process.env.BENCH_LOAD_DIAGNOSIS ?? '10,50').split(',').map(Number);
const MAX_PER_STEP = Number(process.env.BENCH_LOAD_MAX ?? 20_000);
const FORM_ID = 'unemployment-benefits-application';
const TABLE = 'bench-load';
const BAR = { share: 0.5, p99Ms: 250, errorRate: 0.001 };

Object.assign(process.env, LOCAL_AWS_ENV);

/** A valid application (the form's six pages, as the site's script or an agency's system sends it). */
const answers = unemploymentAnswers;

interface Step {
  connections: number;
  /** What the failures were: "503×27", "socket errors×2". */
  failures?: string;
  /** Transactions cancelled by TransactionConflict (and tried again) per request. */
  conflicts?: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** DynamoDB Local's java process per answered request: CPU time, and time its threads waited for a CPU. */
  java?: { cpuMs: number; waitMs: number };
}
interface PortalMeters {
  requests: number;
  serverMs: number;
  dynamoCalls: number;
  dynamoMs: number;
  conflicts: number;
  itemWrites: number;
  byCommand: Record<string, { calls: number; ms: number }>;
  cpuMs: number;
  loopDelayP99Ms: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

const dynamo = await startDynamoDbLocal();
/**
 * DynamoDB Local's java process, all threads (Linux /proc schedstat): CPU time and time spent runnable but waiting
 * for a CPU. On a shared 2-core machine the second says how much of a step's latency is other people's work.
 */
function javaTimes(): { cpuMs: number; waitMs: number } | undefined {
  if (dynamo.pid === undefined) return undefined;
  try {
    let cpu = 0;
    let wait = 0;
    for (const task of readdirSync(`/proc/${dynamo.pid}/task`)) {
      const [onCpu, waiting] = readFileSync(`/proc/${dynamo.pid}/task/${task}/schedstat`, 'utf8').split(' ').map(Number);
      cpu += onCpu ?? 0;
      wait += waiting ?? 0;
    }
    return { cpuMs: cpu / 1e6, waitMs: wait / 1e6 };
  } catch {
    return undefined;
  }
}
function javaPerRequest(before: ReturnType<typeof javaTimes>, answered: number): Step['java'] {
  const after = javaTimes();
  if (!before || !after || answered === 0) return undefined;
  return {
    cpuMs: Math.max(0, after.cpuMs - before.cpuMs) / answered,
    waitMs: Math.max(0, after.waitMs - before.waitMs) / answered,
  };
}
let child: ChildProcess | undefined;
try {
  await ensureTable(dynamo.client, TABLE);
  // For the "store" steps, which run the domain and the store here (configuration is read at import).
  pointHandlersAt(dynamo.endpoint, TABLE);
  const { submitForm } = await import('#domain/submissions');
  const { dynamoDbSubmissionStore } = await import('#adapters/dynamodb-submission-store');
  const { findCompiledForm } = await import('#adapters/form-registry');
  const { strings } = await import('#http/site');
  const compiled = await findCompiledForm(FORM_ID);
  if (!compiled) throw new Error(`no form ${FORM_ID}: run npm run build`);
  const store = dynamoDbSubmissionStore(dynamo.client, TABLE);
  let conflicts = 0;
  dynamo.client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
        if (reasons.some((reason) => reason.Code === 'TransactionConflict')) conflicts++;
        throw error;
      }
    },
    { step: 'initialize', name: 'benchConflicts' },
  );

  const path = apiPath('submitForm', { formId: FORM_ID });
  let sent = 0;
  const nextKey = () => `load-${process.pid}-${(sent++).toString(36).padStart(8, '0')}-${randomUUID().slice(0, 8)}`;

  /** The portal in its own process (bench/load-portal.ts): `full` as `npm start` runs it, `api` the API alone. */
  async function startPortalProcess(mode: 'full' | 'api') {
    const started = fork(fileURLToPath(new URL('./load-portal.ts', import.meta.url)), [], {
      execArgv: ['--import', fileURLToPath(new URL('../local/jsx-hooks.ts', import.meta.url))],
      env: { ...process.env, BENCH_DYNAMODB_ENDPOINT: dynamo.endpoint, BENCH_PORTAL: mode },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child = started;
    const reply = <T>(kind: string) =>
      new Promise<T>((resolve, reject) => {
        const onMessage = (message: { kind: string }) => {
          if (message.kind !== kind) return;
          started.off('message', onMessage);
          started.off('exit', onExit);
          resolve(message as T);
        };
        const onExit = (code: number | null) => reject(new Error(`the portal process ended (${code})`));
        started.on('message', onMessage);
        started.once('exit', onExit);
      });
    const { url } = await reply<{ url: string }>('ready');
    // Warm the handler, the form's module and the connections' first paths (not counted).
    for (let i = 0; i < 20; i++) {
      const response = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': nextKey() },
        body: JSON.stringify({ answers: answers(sent) }),
      });
      if (response.status !== 201) throw new Error(`a warm-up submission answered ${response.status}: ${await response.text()}`);
    }
    return { process: started, url, reply };
  }
  type PortalProcess = Awaited<ReturnType<typeof startPortalProcess>>;
  async function stopPortalProcess(running: PortalProcess) {
    if (running.process.exitCode !== null) return;
    const ended = new Promise((resolve) => running.process.once('exit', resolve));
    running.process.send({ kind: 'stop' });
    const timer = setTimeout(() => running.process.kill('SIGKILL'), 10_000);
    await ended;
    clearTimeout(timer);
  }

  async function portalStep(portal: PortalProcess, connections: number): Promise<Step & { meters: PortalMeters }> {
    const { url, reply } = portal;
    portal.process.send({ kind: 'reset' });
    await reply('reset');
    const javaBefore = javaTimes();
    const latencies: number[] = [];
    const result = await autocannon({
      url,
      setupClient: (client) => {
        client.on('response', (_status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
      },
      connections,
      duration: SECONDS,
      maxOverallRequests: MAX_PER_STEP,
      requests: [
        {
          method: 'POST',
          path,
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          setupRequest: (request) => {
            const n = sent;
            return {
              ...request,
              headers: { ...request.headers, 'idempotency-key': nextKey() },
              body: JSON.stringify({ answers: answers(n) }),
            };
          },
        },
      ],
    });
    const javaAfter = javaPerRequest(javaBefore, 1);
    portal.process.send({ kind: 'read' });
    const meters = await reply<PortalMeters>('meters');
    const codes = result.statusCodeStats ?? {};
    const created = codes['201']?.count ?? 0;
    const answered = Object.values(codes).reduce((sum, s) => sum + (s?.count ?? 0), 0);
    const total = answered + result.errors;
    latencies.sort((a, b) => a - b);
    return {
      connections,
      requests: total,
      rps: created / (result.duration || SECONDS),
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
      errors: total === 0 ? 0 : (total - created) / total,
      failures: [
        ...Object.entries(codes)
          .filter(([code, stat]) => code !== '201' && (stat?.count ?? 0) > 0)
          .map(([code, stat]) => `${code}×${stat?.count}`),
        ...(result.errors > 0 ? [`socket errors or timeouts×${result.errors}`] : []),
      ].join(', '),
      conflicts: meters.requests === 0 ? 0 : meters.conflicts / meters.requests,
      ...(javaAfter && created > 0 && { java: { cpuMs: javaAfter.cpuMs / created, waitMs: javaAfter.waitMs / created } }),
      meters,
    };
  }

  // Raw PutItem: one item the size of a submission's item, a fresh key each time.
  const sampleItem = {
    pk: 'SUB#XXXX-XXXX-XXXX',
    sk: 'SUBMISSION',
    type: 'submission',
    formId: FORM_ID,
    answers: answers(0),
    submittedAt: new Date().toISOString(),
  };
  const putItem = () =>
    dynamo.client.send(
      new PutItemCommand({
        TableName: TABLE,
        Item: marshall({ ...sampleItem, pk: `RAW#${randomUUID()}` }),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  /** A transaction of as many fresh items as a submission's (5), none shared: DynamoDB Local's own cost of one. */
  const transaction = () =>
    dynamo.client.send(
      new TransactWriteItemsCommand({
        TransactItems: Array.from({ length: 5 }, () => ({
          Put: {
            TableName: TABLE,
            Item: marshall({ ...sampleItem, pk: `RAW#${randomUUID()}` }),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        })),
      }),
    );
  /** The submission's own write: the domain rules and the store's transaction, without HTTP or the handler. */
  const storeCreate = () =>
    submitForm({ compiled, answers: answers(sent), locale: 'en', channel: 'api', idempotencyKey: nextKey() }, { store, strings });
  /**
   * The second baseline: a submission's own DynamoDB work, raw. One real submission is run through `submitForm`, the
   * real store and the real funnel counter with a client that records each command instead of sending it; each call
   * then sends that same TransactWriteItems (the submission with its index keys, its first history entry, the status
   * counts' Update, the Idempotency-Key claim with ReturnValuesOnConditionCheckFailure, the outbox's timeline entry:
   * same items, sizes and conditions) with a fresh code, key and entry id and random shards — and, for "tx+funnel",
   * the funnel's UpdateItem after it, as the handler does. No validation, no handler, no HTTP.
   */
  const recorded: { name: string; input: Record<string, unknown> }[] = [];
  const recorder = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      recorded.push({ name: command.constructor.name, input: command.input });
      return {};
    },
  } as unknown as DynamoDBClient;
  const { dynamoDbFunnelCounter } = await import('#adapters/dynamodb-funnel-counter');
  const { countFunnelStep } = await import('#domain/funnel');
  const { COUNTS_SHARDS, FUNNEL_SHARDS, QUEUE_SHARDS } = await import('#adapters/table-definition');
  const shapeKey = 'load-shape-key-0000000000000000';
  const shapeReceipt = await submitForm(
    { compiled, answers: answers(0), locale: 'en', channel: 'api', idempotencyKey: shapeKey },
    { store: dynamoDbSubmissionStore(recorder, TABLE), strings },
  );
  await countFunnelStep(
    { agency: compiled.service.agency, formId: FORM_ID, step: 'sent', channel: 'api', at: new Date() },
    { counter: dynamoDbFunnelCounter(recorder, TABLE) },
  );
  const shapeTransaction = recorded.find((command) => command.name === 'TransactWriteItemsCommand')?.input as
    | TransactWriteItemsCommandInput
    | undefined;
  const shapeFunnel = recorded.find((command) => command.name === 'UpdateItemCommand')?.input as
    | UpdateItemCommandInput
    | undefined;
  if (!shapeTransaction?.TransactItems || !shapeFunnel) throw new Error('the submission sent no transaction or no funnel update');
  const shapeEntryIds = shapeTransaction.TransactItems.flatMap((item) =>
    item.Put?.Item?.type?.S === 'timeline' ? [item.Put.Item.id?.S ?? ''] : [],
  );
  const shapeJson = JSON.stringify(shapeTransaction);
  const funnelJson = JSON.stringify(shapeFunnel);
  const agency = compiled.service.agency;
  let shapes = 0;
  /** A fresh string as long as `like` (sizes stay the submission's). */
  const fresh = (like: string) =>
    `${(shapes++).toString(36)}${randomUUID().replaceAll('-', '')}`.padEnd(like.length, '0').slice(0, like.length);
  const sameShape = () => {
    let json = shapeJson.replaceAll(shapeReceipt.code, fresh(shapeReceipt.code)).replaceAll(shapeKey, fresh(shapeKey));
    for (const id of shapeEntryIds) if (id) json = json.replaceAll(id, fresh(id));
    json = json
      .replace(new RegExp(`COUNTS#${agency}#\\d+`), `COUNTS#${agency}#${randomInt(COUNTS_SHARDS)}`)
      .replace(new RegExp(`(AGENCY#${agency}#STATUS#[a-z-]+#)\\d+`), `$1${randomInt(QUEUE_SHARDS)}`);
    return dynamo.client.send(new TransactWriteItemsCommand(JSON.parse(json) as TransactWriteItemsCommandInput));
  };
  const funnelUpdate = () =>
    dynamo.client.send(
      new UpdateItemCommand(
        JSON.parse(
          funnelJson.replace(new RegExp(`FUNNEL#${agency}#\\d+`), `FUNNEL#${agency}#${randomInt(FUNNEL_SHARDS)}`),
        ) as UpdateItemCommandInput,
      ),
    );
  const sameShapeAndFunnel = async () => {
    await sameShape();
    await funnelUpdate();
  };
  const shapeItems = shapeTransaction.TransactItems.length;

  async function loopStep(connections: number, call: () => Promise<unknown>): Promise<Step> {
    const latencies: number[] = [];
    let errors = 0;
    conflicts = 0;
    const javaBefore = javaTimes();
    const started = performance.now();
    const ends = started + SECONDS * 1000;
    let budget = MAX_PER_STEP;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < ends && budget-- > 0) {
          const at = performance.now();
          try {
            await call();
            latencies.push(performance.now() - at);
          } catch {
            errors++;
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const java = javaPerRequest(javaBefore, latencies.length);
    latencies.sort((a, b) => a - b);
    const total = latencies.length + errors;
    return {
      connections,
      requests: total,
      rps: latencies.length / seconds,
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
      errors: total === 0 ? 0 : errors / total,
      conflicts: total === 0 ? 0 : conflicts / total,
      ...(java && { java }),
    };
  }

  const portalSteps: (Step & { meters: PortalMeters; drainMs: number })[] = [];
  const rawSteps: Step[] = [];
  const shapeSteps: Step[] = [];
  const shapeFunnelSteps: Step[] = [];
  const storeSteps: Step[] = [];
  const transactionSteps: Step[] = [];
  const apiSteps: (Step & { meters: PortalMeters })[] = [];
  // Warm DynamoDB Local's JIT and the bench's own client before anything is measured (the first steps measured
  // a cold JVM otherwise, whichever came first).
  await loopStep(10, putItem);
  await loopStep(10, sameShapeAndFunnel);
  const full = await startPortalProcess('full');
  // Each step at N connections runs the portal, then (once the notifier has caught up) raw PutItem and the raw
  // transaction of a submission's shape at N: the figures compared are measured next to each other.
  for (const connections of STEPS) {
    const step = await portalStep(full, connections);
    full.process.send({ kind: 'settle' });
    const { ms: drainMs } = await full.reply<{ ms: number }>('settled');
    portalSteps.push({ ...step, drainMs });
    rawSteps.push(await loopStep(connections, putItem));
    shapeSteps.push(await loopStep(connections, sameShape));
    shapeFunnelSteps.push(await loopStep(connections, sameShapeAndFunnel));
  }
  await stopPortalProcess(full);
  const api = await startPortalProcess('api');
  for (const connections of DIAGNOSIS_STEPS) apiSteps.push(await portalStep(api, connections));
  await stopPortalProcess(api);
  for (const connections of DIAGNOSIS_STEPS) storeSteps.push(await loopStep(connections, storeCreate));
  for (const connections of DIAGNOSIS_STEPS) transactionSteps.push(await loopStep(connections, transaction));

  const ms = (value: number) => `${value.toFixed(1)}`.padStart(7);
  const pct = (value: number) => `${(value * 100).toFixed(2)}%`.padStart(7);
  const javaCells = (s: Step) =>
    s.java
      ? `${s.java.cpuMs.toFixed(2).padStart(8)} ${s.java.waitMs.toFixed(2).padStart(8)}`
      : `${'-'.padStart(8)} ${'-'.padStart(8)}`;
  // A step in which nothing was answered says so: its requests were still waiting when the step ended.
  const row = (label: string, s: Step, extra = '') =>
    s.requests === 0
      ? `  ${label.padEnd(10)} ${String(s.connections).padStart(5)} ${'0'.padStart(7)}  nothing answered within ${SECONDS} s`
      : `  ${label.padEnd(10)} ${String(s.connections).padStart(5)} ${String(s.requests).padStart(7)} ${s.rps.toFixed(0).padStart(7)} ${ms(s.p50)} ${ms(s.p95)} ${ms(s.p99)} ${pct(s.errors)} ${(s.conflicts ?? 0).toFixed(2).padStart(9)} ${javaCells(s)}${extra}${s.failures ? `  (${s.failures})` : ''}`;
  console.log(
    `Load ramp (${SECONDS} s a step, loopback; ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)} at the end): ` +
      `POST ${path} against the local portal, and raw PutItem and the raw transaction of a submission's shape (${shapeItems} items) on the same DynamoDB Local`,
  );
  console.log(
    `  ${'what'.padEnd(10)} ${'conns'.padStart(5)} ${'sent'.padStart(7)} ${'ok/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'errors'.padStart(7)} ${'conflicts'.padStart(9)} ${'java CPU'.padStart(8)} ${'java wait'.padStart(8)}  (java: ms per answer; wait = runnable, no CPU free)`,
  );
  portalSteps.forEach((s, i) => {
    console.log(row('portal', s, `  notifier caught up ${(s.drainMs / 1000).toFixed(1)} s after`));
    const raw = rawSteps[i];
    const shape = shapeSteps[i];
    const both = shapeFunnelSteps[i];
    if (raw) console.log(row('PutItem', raw));
    if (shape) console.log(row('tx shape', shape));
    if (both) console.log(row('tx+funnel', both));
  });
  for (const s of apiSteps) console.log(row('API only', s));
  for (const s of storeSteps) console.log(row('store', s));
  for (const s of transactionSteps) console.log(row('5-item tx', s));

  console.log('  where a portal request spends its time (means per request, in the portal process):');
  console.log(
    `  ${'what'.padEnd(10)} ${'conns'.padStart(5)} ${'p50 ms'.padStart(10)} ${'server ms'.padStart(10)} ${'DynamoDB ms'.padStart(12)} ${'calls'.padStart(6)} ${'items'.padStart(6)} ${'conflicts'.padStart(10)} ${'CPU ms'.padStart(7)} ${'CPU busy'.padStart(9)} ${'loop p99'.padStart(9)}  DynamoDB by command: mean ms (calls)`,
  );
  for (const [label, s] of [
    ...portalSteps.map((step) => ['portal', step] as const),
    ...apiSteps.map((step) => ['API only', step] as const),
  ]) {
    const m = s.meters;
    const per = (value: number) => (m.requests === 0 ? 0 : value / m.requests);
    console.log(
      `  ${label.padEnd(10)} ${String(s.connections).padStart(5)} ${s.p50.toFixed(1).padStart(10)} ${per(m.serverMs).toFixed(1).padStart(10)} ${per(m.dynamoMs).toFixed(1).padStart(12)} ${per(m.dynamoCalls).toFixed(1).padStart(6)} ${per(m.itemWrites).toFixed(1).padStart(6)} ${per(m.conflicts).toFixed(2).padStart(10)} ${per(m.cpuMs).toFixed(2).padStart(7)} ${`${((m.cpuMs / (SECONDS * 1000)) * 100).toFixed(0)}%`.padStart(9)} ${m.loopDelayP99Ms.toFixed(0).padStart(9)}  ${Object.entries(
        m.byCommand,
      )
        .map(([name, c]) => `${name} ${(c.ms / c.calls).toFixed(1)} (${c.calls})`)
        .join(', ')}`,
    );
  }
  console.log(
    '  (items: items written per submission, the notifier\'s included in "portal"; DynamoDB Local writes a table under one lock)',
  );

  const ratio = (a: number | undefined, b: number | undefined) =>
    a && b ? `${((a / b) * 100).toFixed(0)}%`.padStart(6) : '     -';
  console.log('  same-run ratios at each step (rate over rate):');
  console.log(
    `  ${'conns'.padStart(7)} ${'portal/PutItem'.padStart(15)} ${'tx shape/PutItem'.padStart(17)} ${'tx+funnel/PutItem'.padStart(18)} ${'portal/tx+funnel'.padStart(17)}`,
  );
  portalSteps.forEach((s, i) => {
    const raw = rawSteps[i]?.rps;
    const both = shapeFunnelSteps[i]?.rps;
    console.log(
      `  ${String(s.connections).padStart(7)} ${ratio(s.rps, raw).padStart(15)} ${ratio(shapeSteps[i]?.rps, raw).padStart(17)} ${ratio(both, raw).padStart(18)} ${ratio(s.rps, both).padStart(17)}`,
    );
  });

  const bestRaw = Math.max(...rawSteps.map((s) => s.rps));
  const target = bestRaw * BAR.share;
  const bestPortal = Math.max(...portalSteps.map((s) => s.rps));
  const bestShape = Math.max(...shapeSteps.map((s) => s.rps));
  const bestShapeFunnel = Math.max(...shapeFunnelSteps.map((s) => s.rps));
  const healthy = (s: Step) => s.requests > 0 && s.p99 < BAR.p99Ms && s.errors < BAR.errorRate;
  // Every step up to the one that first reaches the target rate must be healthy.
  const reaching = portalSteps.findIndex((s) => s.rps >= target);
  const met = reaching >= 0 && portalSteps.slice(0, reaching + 1).every(healthy);
  const bestHealthy = Math.max(0, ...portalSteps.filter(healthy).map((s) => s.rps));
  console.log(
    `  the bar: the portal reaches half of raw PutItem's best rate (${bestRaw.toFixed(0)}/s → ${target.toFixed(0)}/s), p99 < ${BAR.p99Ms} ms and errors < ${BAR.errorRate * 100}% up to it: ` +
      `${met ? 'MET' : 'NOT MET'} — portal best ${bestPortal.toFixed(0)}/s (${((bestPortal / bestRaw) * 100).toFixed(0)}% of PutItem), best within p99 and errors ${bestHealthy.toFixed(0)}/s`,
  );
  console.log(
    `  the ceiling on DynamoDB Local: a submission's own transaction, raw, reaches ${bestShape.toFixed(0)}/s (${((bestShape / bestRaw) * 100).toFixed(0)}% of PutItem), with the funnel's update ${bestShapeFunnel.toFixed(0)}/s (${((bestShapeFunnel / bestRaw) * 100).toFixed(0)}%): ` +
      (bestShape < target
        ? 'below half of PutItem, so no portal that writes this transaction can meet the bar on DynamoDB Local'
        : 'at or above half of PutItem: the bar is within reach of DynamoDB Local'),
  );
} finally {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await dynamo.stop();
}
