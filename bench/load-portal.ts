/**
 * The portal side of `npm run bench -- load` (bench/load.ts starts this in its own process, with
 * `--import ./local/jsx-hooks.ts`, and talks to it over IPC): exactly what `npm start` runs (local/portal.ts: the
 * front door, the same handler modules, the stream poller, the notifier and the local SES) pointed at the bench's
 * DynamoDB Local, plus three meters that change nothing the handlers do:
 * - the server's own time per API request (from the line the front door logs for each one);
 * - the time the handlers spend waiting on DynamoDB (a middleware on the handlers' one DynamoDB client);
 * - this process's CPU time and event-loop delay.
 * On `{ kind: 'reset' }` it zeroes them; on `{ kind: 'read' }` it answers with what they hold.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pointHandlersAt } from '../local/dynamodb-local.ts';
import { DIST_DIR, type RunningPortal, startPortal } from '../local/portal.ts';
import { listenPortalServer } from '../local/server.ts';

const endpoint = process.env.BENCH_DYNAMODB_ENDPOINT;
if (!endpoint || !process.send) throw new Error('bench/load-portal.ts is started by bench/load.ts');
process.env.POWERTOOLS_LOG_LEVEL = 'WARN';

interface Meters {
  requests: number;
  serverMs: number;
  dynamoCalls: number;
  dynamoMs: number;
  /** DynamoDB calls and their time, by command (TransactWriteItems, UpdateItem, …). */
  byCommand: Record<string, { calls: number; ms: number }>;
  /** Transactions DynamoDB cancelled because another one held an item (transactWrite then tries again). */
  conflicts: number;
  /** Items written (a transaction's every item, one per PutItem/UpdateItem/DeleteItem, a batch's every request). */
  itemWrites: number;
  cpu: NodeJS.CpuUsage;
}
const zero = (): Meters => ({
  requests: 0,
  serverMs: 0,
  dynamoCalls: 0,
  dynamoMs: 0,
  byCommand: {},
  conflicts: 0,
  itemWrites: 0,
  cpu: process.cpuUsage(),
});
let meters = zero();
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

const SERVED = /^POST \S+ → \d+ \((\d+) ms\)$/;
const log = (line: string) => {
  const served = SERVED.exec(line);
  if (!served) return;
  meters.requests++;
  meters.serverMs += Number(served[1]);
};
/**
 * BENCH_PORTAL=api: the front door and the handlers only, without the stream poller, the notifier and the local
 * SES that `npm start` runs in the same process (on AWS the notifier is its own function): what the API alone costs.
 */
const apiOnly = process.env.BENCH_PORTAL === 'api';
const portal = apiOnly
  ? await (async () => {
      pointHandlersAt(endpoint, 'bench-load');
      const { server, url } = await listenPortalServer({ distDir: DIST_DIR, port: 0, log });
      return {
        url,
        stop: async () => {
          server.closeAllConnections();
          await new Promise((resolve) => server.close(resolve));
        },
      };
    })()
  : await startPortal({ port: 0, dynamoDbEndpoint: endpoint, tableName: 'bench-load', log });

// The handlers' client (created on first import, after startPortal pointed the handlers at the table).
const { dynamoDb } = await import('#adapters/dynamodb');
/** How many items a command writes (DynamoDB Local takes every write to a table under one lock: see bench/load.ts). */
function itemsWritten(name: string, input: Record<string, unknown>): number {
  if (name === 'TransactWriteItems') return (input.TransactItems as unknown[] | undefined)?.length ?? 0;
  if (name === 'BatchWriteItem')
    return Object.values((input.RequestItems as Record<string, unknown[]> | undefined) ?? {}).reduce(
      (sum, list) => sum + list.length,
      0,
    );
  return name === 'PutItem' || name === 'UpdateItem' || name === 'DeleteItem' ? 1 : 0;
}
dynamoDb.middlewareStack.add(
  (next, context) => async (args) => {
    meters.itemWrites += itemsWritten((context.commandName ?? '').replace(/Command$/, ''), args.input as Record<string, unknown>);
    const started = performance.now();
    try {
      return await next(args);
    } catch (error) {
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
      if (reasons.some((reason) => reason.Code === 'TransactionConflict')) meters.conflicts++;
      throw error;
    } finally {
      const ms = performance.now() - started;
      meters.dynamoCalls++;
      meters.dynamoMs += ms;
      const name = (context.commandName ?? 'other').replace(/Command$/, '');
      const command = meters.byCommand[name] ?? { calls: 0, ms: 0 };
      command.calls++;
      command.ms += ms;
      meters.byCommand[name] = command;
    }
  },
  { step: 'initialize', name: 'benchDynamoDbTime' },
);

process.on('message', (message: { kind: 'reset' | 'read' | 'settle' | 'stop' }) => {
  if (message.kind === 'settle') {
    // The notifier and the agency events still working through the stream after a step: wait for them, so the
    // raw steps that follow do not share DynamoDB Local with the portal's leftovers (and say how long it took).
    const started = performance.now();
    const full = apiOnly ? undefined : (portal as RunningPortal);
    const pollers = full ? [full.notifications.poller, full.agencyEvents.poller] : [];
    void Promise.all(pollers.map((poller) => poller.settle())).then(() =>
      process.send?.({ kind: 'settled', ms: performance.now() - started }),
    );
  } else if (message.kind === 'reset') {
    meters = zero();
    loopDelay.reset();
    process.send?.({ kind: 'reset' });
  } else if (message.kind === 'read') {
    const cpu = process.cpuUsage(meters.cpu);
    process.send?.({
      kind: 'meters',
      requests: meters.requests,
      serverMs: meters.serverMs,
      dynamoCalls: meters.dynamoCalls,
      dynamoMs: meters.dynamoMs,
      conflicts: meters.conflicts,
      itemWrites: meters.itemWrites,
      byCommand: meters.byCommand,
      cpuMs: (cpu.user + cpu.system) / 1000,
      loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    });
  } else if (message.kind === 'stop') {
    void portal.stop().then(() => process.exit(0));
  }
});
process.send({ kind: 'ready', url: portal.url });
