/**
 * `npm run bench -- deadline` (issue #16): deadline day on AWS, simulated. 10,000 submissions a second for an hour,
 * mostly to one agency and one form. Prints figures, asserts nothing; touches no table and no network.
 *
 * What runs is the product's own code over generated traffic: the domain (`submitForm`, `countFunnelStep`,
 * `notifyAbout`) and the real DynamoDB stores, given a client that records every command instead of sending it.
 * So the keys, shards and item sizes are exactly what the stores would write: the submission, its first history
 * entry, the agency's status counts, the Idempotency-Key claim and the timeline entry (the outbox) in one
 * transaction; the funnel counters; the notifier's notice, message-id lookup and "e-mail sent" entry; a survey
 * response for some. A multi-page form adds its draft's page saves and the funnel's page steps.
 *
 * Traffic is sampled: SAMPLE_SECONDS whole seconds of it (BENCH_DEADLINE_SECONDS, 2 by default), each second's
 * writes grouped by the partition they land on, for the table and for every index of the shared table definition
 * (functions/adapters/table-definition.ts: what infra and the local runtime create). An hour of such seconds has
 * the same busiest partitions: every key is a hash or a uniform random shard, none depends on the hour.
 *
 * Write units: ceil(item KB) per write, twice that inside a transaction (DynamoDB's rule); an index's copy of an
 * item costs ceil(copy KB) in the index (assumed not doubled for transactions; the doubled figure is printed too),
 * the copy being what the index projects (ALL: the whole item; INCLUDE: the keys and the attributes named) plus the
 * 100 bytes DynamoDB counts for each index entry's storage (counted here for writes too, to err on the high side).
 * The limit: ~1,000 write units a second per partition (and per single item, which no split can spread).
 */
import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { dynamoDbFeedbackStore } from '../functions/adapters/dynamodb-feedback-store.ts';
import { dynamoDbFunnelCounter } from '../functions/adapters/dynamodb-funnel-counter.ts';
import { dynamoDbNotices } from '../functions/adapters/dynamodb-notices.ts';
import { dynamoDbSubmissionStore } from '../functions/adapters/dynamodb-submission-store.ts';
import { QUEUE_INDEX, QUEUE_KEYS_INDEX, tableDefinition } from '../functions/adapters/table-definition.ts';
import { newConfirmationCode } from '../functions/domain/confirmation-code.ts';
import { feedbackToken } from '../functions/domain/feedback-token.ts';
import { countFunnelStep } from '../functions/domain/funnel.ts';
import { notifyAbout } from '../functions/domain/notifications.ts';
import { type CompiledForm, type Submission, submitForm } from '../functions/domain/submissions.ts';
import type { TimelineEntry } from '../functions/domain/timeline.ts';
import { strings } from '../functions/http/site.ts';
import { birthCertificateAnswers } from '../test/support/form-answers.ts';
import { unemploymentAnswers } from './answers.ts';

const RATE = 10_000;
const HOUR = 3_600;
const SAMPLE_SECONDS = Number(process.env.BENCH_DEADLINE_SECONDS ?? 2);
const PARTITION_WCU = 1_000;
/** What DynamoDB adds to each index entry's size (its storage rule; assumed for write units too). */
const INDEX_ENTRY_OVERHEAD = 100;
/** Of the second's submissions: to the deadline's agency and form, to its agency's other forms, to other agencies. */
const MIX = { deadlineForm: 0.9, sameAgency: 0.05 };
/** Share of people who answer the survey after sending (generous: the dashboard's survey is optional). */
const SURVEY_SHARE = 0.3;
/** Share signed in (their submission is also under their account, on gsi2). */
const SIGNED_IN_SHARE = 0.5;

/** The DynamoDB item size rule: attribute names plus values (numbers ~ digits/2 + 1; maps and lists +3, +1 each). */
function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return Math.ceil(value.N.replace(/^-/, '').replace('.', '').length / 2) + 1;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.B !== undefined) return value.B.byteLength;
  if (value.SS) return value.SS.reduce((sum, s) => sum + Buffer.byteLength(s), 0);
  if (value.NS) return value.NS.reduce((sum, n) => sum + Math.ceil(n.length / 2) + 1, 0);
  if (value.L) return 3 + value.L.reduce((sum, v) => sum + 1 + valueSize(v), 0);
  if (value.M) return 3 + itemSize(value.M) + Object.keys(value.M).length;
  return 0;
}
function itemSize(item: Record<string, AttributeValue>): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + valueSize(value), 0);
}
const units = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));

/** One write as DynamoDB sees it: where it lands, what it costs, and the index keys it carries. */
interface Write {
  pk: string;
  sk: string;
  bytes: number;
  transactional: boolean;
  indexKeys: Record<string, string>;
  /** The index's copy of the item: the keys and what the index projects (decision 0127's keys index is small). */
  indexBytes?: Record<string, number>;
}

/** A client that records writes instead of sending them (reads answer "nothing there"). */
function recordingClient(writes: Write[]): DynamoDBClient {
  const str = (value: AttributeValue | undefined) => value?.S ?? value?.N ?? '';
  const indexKeysOf = (item: Record<string, AttributeValue>) =>
    Object.fromEntries(
      tableDefinition.globalSecondaryIndexes
        .filter((index) => item[index.partitionKey.name] && item[index.sortKey.name])
        .map((index) => [index.indexName, str(item[index.partitionKey.name])]),
    );
  /** An update's item afterwards, as far as the command shows it: the key and the values it sets or adds. */
  const updated = (key: Record<string, AttributeValue>, input: Record<string, unknown>) => {
    const values = (input.ExpressionAttributeValues ?? {}) as Record<string, AttributeValue>;
    const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
    const item: Record<string, AttributeValue> = { ...key };
    const expression = String(input.UpdateExpression ?? '');
    // SET a = :v, b = if_not_exists(b, :v) … and ADD #n :v …: each attribute with the value it is given.
    const pairs = [
      ...expression.matchAll(/(#?\w+)\s*=\s*(?:if_not_exists\(\s*#?\w+\s*,\s*)?(:\w+)/g),
      ...expression.matchAll(/(#\w+)\s+(:\w+)/g),
    ];
    for (const [, name = '', value = ''] of pairs) {
      const v = values[value];
      if (v) item[names[name] ?? name] = v;
    }
    return item;
  };
  const projected = (item: Record<string, AttributeValue>) =>
    Object.fromEntries(
      tableDefinition.globalSecondaryIndexes.map((index) => {
        const projection = index.projection ?? { type: 'ALL' };
        if (projection.type === 'ALL') return [index.indexName, itemSize(item) + INDEX_ENTRY_OVERHEAD];
        const kept = [
          'pk',
          'sk',
          index.partitionKey.name,
          index.sortKey.name,
          ...(projection.type === 'INCLUDE' ? projection.attributes : []),
        ];
        return [
          index.indexName,
          itemSize(Object.fromEntries(Object.entries(item).filter(([name]) => kept.includes(name)))) + INDEX_ENTRY_OVERHEAD,
        ];
      }),
    );
  const record = (item: Record<string, AttributeValue>, transactional: boolean) =>
    writes.push({
      pk: str(item.pk),
      sk: str(item.sk),
      bytes: itemSize(item),
      transactional,
      indexKeys: indexKeysOf(item),
      indexBytes: projected(item),
    });
  return {
    async send(command: { constructor: { name: string }; input: Record<string, unknown> }) {
      const { input } = command;
      switch (command.constructor.name) {
        case 'TransactWriteItemsCommand':
          for (const part of input.TransactItems as Record<string, Record<string, unknown>>[]) {
            if (part.Put) record(part.Put.Item as Record<string, AttributeValue>, true);
            if (part.Update) record(updated(part.Update.Key as Record<string, AttributeValue>, part.Update), true);
          }
          return {};
        case 'PutItemCommand':
          record(input.Item as Record<string, AttributeValue>, false);
          return {};
        case 'UpdateItemCommand': {
          const item = updated(input.Key as Record<string, AttributeValue>, input);
          record(item, false);
          return { Attributes: item };
        }
        default:
          return {}; // GetItem, Query: nothing there
      }
    },
  } as unknown as DynamoDBClient;
}

// The form registry reads the configuration at import (no table is used).
process.env.TABLE_NAME ??= 'portal';
const { findCompiledForm } = await import('../functions/adapters/form-registry.ts');
async function form(id: string): Promise<CompiledForm> {
  const compiled = await findCompiledForm(id);
  if (!compiled) throw new Error(`No compiled form ${id}: run npm run build`);
  return compiled;
}

/** A valid application to each form the simulation sends; `n` makes each one distinct. */
const ANSWERS: Record<string, (n: number) => Record<string, unknown>> = {
  'unemployment-benefits-application': unemploymentAnswers,
  'birth-certificate-request': (n) =>
    birthCertificateAnswers({ fullName: { given: 'Person', family: `${n}` }, email: `person${n}@example.com` }),
};

interface Scenario {
  label: string;
  /** The deadline's form; `pages` page saves (a draft each) and funnel steps before "Send" when multi-page. */
  formId: string;
  pages: number;
}

async function simulate(scenario: Scenario) {
  const deadline = await form(scenario.formId);
  const otherSameAgency = deadline; // the agency's other forms write the same keys, by agency
  const elsewhere = await form('birth-certificate-request');
  const seconds: Write[][] = [];
  const now = new Date('2026-12-15T20:00:00.000Z');
  for (let second = 0; second < SAMPLE_SECONDS; second++) {
    const writes: Write[] = [];
    const client = recordingClient(writes);
    const submissions = dynamoDbSubmissionStore(client, 'portal');
    const counter = dynamoDbFunnelCounter(client, 'portal');
    const notices = dynamoDbNotices(client, 'portal');
    const feedback = dynamoDbFeedbackStore(client, 'portal');
    const at = () => new Date(now.getTime() + second * 1000);
    for (let i = 0; i < RATE; i++) {
      const n = second * RATE + i;
      const roll = (i * 7919) % 1000; // a fixed spread over the mix, the same every run
      const compiled =
        roll < MIX.deadlineForm * 1000
          ? deadline
          : roll < (MIX.deadlineForm + MIX.sameAgency) * 1000
            ? otherSameAgency
            : elsewhere;
      const answers = (ANSWERS[compiled.form.id] ?? ANSWERS['birth-certificate-request'])?.(n) ?? {};
      const agency = compiled.service.agency;
      const hit = (step: string) =>
        countFunnelStep({ agency, formId: compiled.form.id, step: step as never, channel: 'web', at: at() }, { counter });
      // A multi-page form: a draft saved per page (its own item), the funnel's started, pages and check steps.
      if (compiled === deadline && scenario.pages > 1) {
        for (let page = 0; page < scenario.pages; page++)
          writes.push({ pk: `DRAFT#${n}`, sk: 'DRAFT', bytes: 900, transactional: false, indexKeys: {} });
        await hit('started');
        for (let page = 0; page < scenario.pages; page++) await hit(`page:p${page}`);
        await hit('check-answers');
      }
      let entry: TimelineEntry | undefined;
      let made: Submission | undefined;
      const recording = {
        ...submissions,
        async create(
          submission: Submission,
          first: Parameters<typeof submissions.create>[1],
          claim: Parameters<typeof submissions.create>[2],
          timeline: readonly TimelineEntry[] = [],
        ) {
          entry = timeline[0];
          made = submission;
          return submissions.create(submission, first, claim, timeline);
        },
      };
      await submitForm(
        {
          compiled,
          answers,
          locale: 'en',
          channel: 'web',
          idempotencyKey: `deadline-${n.toString(36)}-key`,
          ...(i % Math.round(1 / SIGNED_IN_SHARE) === 0 && { owner: `person-${n}` }),
        },
        { store: recording, strings, now: at },
      );
      await hit('sent');
      await hit('status-checked'); // the confirmation page a person lands on
      // The notifier, from the stream: the confirmation e-mail and its records.
      if (entry && made) {
        const submission = made;
        await notifyAbout(entry, {
          now: at,
          cases: { findCase: async () => ({ submission, history: [], messages: [] }) },
          mailer: { send: async () => ({ messageId: `ses-${n}` }) },
          notices,
          strings,
          agencyName: () => 'The agency',
          statusUrl: (code) => `https://portal.example.gov/status/${code}`,
        });
      }
      if ((i * 104729) % 1000 < SURVEY_SHARE * 1000) {
        const token = feedbackToken('deadline-simulation-key', 'apply', newConfirmationCode());
        await feedback.save({
          token,
          task: 'apply',
          agency,
          serviceId: compiled.service.id,
          channel: 'web',
          answeredOn: at().toISOString().slice(0, 10),
          updatedOn: at().toISOString().slice(0, 10),
          scores: { satisfaction: 4 },
        } as never);
      }
    }
    seconds.push(writes);
  }
  return seconds;
}

interface Busiest {
  key: string;
  writes: number;
  units: number;
  unitsIfDoubled: number;
  partitions: number;
  /** Write units a second on the whole table or index. */
  total: number;
  /** The largest item (or, for an index, the largest copy) written, in bytes. */
  largest: number;
}
/** The busiest partition (by write units) of the table or of one index, averaged over the sampled seconds. */
function busiest(seconds: Write[][], keyOf: (write: Write) => string | undefined, index?: string): Busiest {
  const per = new Map<string, { writes: number; units: number; doubled: number }>();
  let largest = 0;
  for (const writes of seconds)
    for (const write of writes) {
      const key = keyOf(write);
      if (key === undefined) continue;
      const entry = per.get(key) ?? { writes: 0, units: 0, doubled: 0 };
      const bytes = index ? (write.indexBytes?.[index] ?? write.bytes) : write.bytes;
      largest = Math.max(largest, bytes);
      const base = units(bytes);
      entry.writes += 1;
      entry.units += index ? base : write.transactional ? 2 * base : base;
      entry.doubled += write.transactional ? 2 * base : base;
      per.set(key, entry);
    }
  let top: [string, { writes: number; units: number; doubled: number }] = ['-', { writes: 0, units: 0, doubled: 0 }];
  let total = 0;
  for (const entry of per) {
    total += entry[1].units;
    if (entry[1].units > top[1].units) top = entry;
  }
  const n = seconds.length;
  return {
    key: top[0],
    writes: top[1].writes / n,
    units: top[1].units / n,
    unitsIfDoubled: top[1].doubled / n,
    partitions: per.size,
    total: total / n,
    largest,
  };
}

/** "AGENCY#labor#STATUS#received#3" → "AGENCY#labor#STATUS#received#<shard>": what the key is, not which shard. */
const shape = (key: string) => key.replace(/#\d+$/, '#<shard>').replace(/#[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}[^#]*/, '#<code>');

/** The sharded counters (decisions 93, 101, 126): status counts, the funnel, the volume by channel. */
const COUNTERS = [
  ['  status counts item', 'COUNTS#'],
  ['  funnel item', 'FUNNEL#'],
  ['  channel volume item', 'CHANNELS#'],
] as const;

const scenarios: Scenario[] = [
  { label: 'one-page form (unemployment-benefits-application)', formId: 'unemployment-benefits-application', pages: 1 },
  { label: 'the same traffic on a 6-page form (draft saves, page steps)', formId: 'unemployment-benefits-application', pages: 6 },
];
const results: { scenario: Scenario; rows: { place: string; top: Busiest }[]; writesPerSubmission: number }[] = [];
for (const scenario of scenarios) {
  const seconds = await simulate(scenario);
  const rows = [
    { place: 'table (one item)', top: busiest(seconds, (w) => `${w.pk}|${w.sk}`) },
    { place: 'table (partition key)', top: busiest(seconds, (w) => w.pk) },
    // Each sharded counter's busiest item, whether or not it is the table's busiest.
    ...COUNTERS.map(([place, prefix]) => ({
      place,
      top: busiest(seconds, (w) => (w.pk.startsWith(prefix) ? `${w.pk}|${w.sk}` : undefined)),
    })),
    ...tableDefinition.globalSecondaryIndexes.map((index) => ({
      place: index.indexName,
      top: busiest(seconds, (w) => w.indexKeys[index.indexName], index.indexName),
    })),
  ];
  const total = seconds.reduce((sum, writes) => sum + writes.length, 0);
  results.push({ scenario, rows, writesPerSubmission: total / (seconds.length * RATE) });
}

console.log(
  `Deadline day, simulated: ${RATE.toLocaleString('en-US')} submissions/s for an hour (${((RATE * HOUR) / 1e6).toFixed(0)} million), ` +
    `${MIX.deadlineForm * 100}% to one form, ${(MIX.deadlineForm + MIX.sameAgency) * 100}% to its agency; ${SAMPLE_SECONDS} seconds sampled through the real stores`,
);
let over = false;
for (const { scenario, rows, writesPerSubmission } of results) {
  console.log(`  ${scenario.label}: ${writesPerSubmission.toFixed(1)} item writes per submission`);
  console.log(
    `    ${'where'.padEnd(22)} ${'busiest key'.padEnd(44)} ${'writes/s'.padStart(9)} ${'WCU/s'.padStart(7)} ${'(×2 idx)'.padStart(9)} ${'of 1,000'.padStart(9)} ${'keys/s'.padStart(8)} ${'all WCU/s'.padStart(10)}`,
  );
  for (const { place, top } of rows) {
    if (top.units > PARTITION_WCU) over = true;
    console.log(
      `    ${place.padEnd(22)} ${shape(top.key).slice(0, 44).padEnd(44)} ${top.writes.toFixed(0).padStart(9)} ${top.units.toFixed(0).padStart(7)} ${top.unitsIfDoubled.toFixed(0).padStart(9)} ${`${((top.units / PARTITION_WCU) * 100).toFixed(0)}%`.padStart(9)} ${String(Math.round(top.partitions / SAMPLE_SECONDS)).padStart(8)} ${top.total.toFixed(0).padStart(10)}`,
    );
  }
  const copies = rows.filter(({ place }) => tableDefinition.globalSecondaryIndexes.some((i) => i.indexName === place));
  console.log(
    `    largest copy in each index (write units are ceil(KB)): ${copies.map(({ place, top }) => `${place} ${top.largest.toLocaleString('en-US')} B`).join(', ')}`,
  );
}
console.log(`  ${over ? 'A partition is OVER' : 'No partition over'} ~${PARTITION_WCU} write units/s.`);

// What else the hour needs, from the traffic and the handlers' time. The handlers' own time is measured here: the
// real submit-form and check-status handlers (withHttp, parsing, validation, the answer, logging), called as Lambda
// calls them, with the handlers' DynamoDB client answering from memory (a middleware that never sends) so only
// their own work is timed; DynamoDB's time on AWS is then added (AWS_DYNAMODB_MS: a transaction, an UpdateItem,
// a Query, single-digit milliseconds each in the same region).
// Lambda gives a function CPU in proportion to its memory: one full vCPU at 1,769 MB, so the time measured on this
// machine's core is stretched by 1,769 / FUNCTION_MEMORY_MB.
const AWS_DYNAMODB_MS = { transaction: 12, update: 6, query: 6 };
const { FUNCTION_MEMORY_MB } = await import('../infra/constructs/portal-function.ts');
const cpuStretch = Math.max(1, 1769 / FUNCTION_MEMORY_MB);
const handlerTimes = await measureHandlers(2_000);
const submitMs = handlerTimes.submit * cpuStretch + AWS_DYNAMODB_MS.transaction + AWS_DYNAMODB_MS.update;
const statusMs = handlerTimes.status * cpuStretch + AWS_DYNAMODB_MS.query + AWS_DYNAMODB_MS.update;
const apiRequests = RATE * 2; // the POST, and the status page it leads to (the site's pages come from CloudFront)
const concurrency = Math.ceil((RATE * submitMs + RATE * statusMs) / 1000);
const wafPerIp = Math.ceil((apiRequests / RATE) * 3 + 20); // a person: ~20 requests for pages and assets, 2 API calls, retries
console.log(
  `  Handlers' own time (median of 2,000 warm calls, DynamoDB answered from memory): submit-form ${handlerTimes.submit.toFixed(1)} ms, ` +
    `check-status (HTML page) ${handlerTimes.status.toFixed(1)} ms; ×${cpuStretch.toFixed(2)} for ${FUNCTION_MEMORY_MB} MB of Lambda, plus DynamoDB on AWS (${AWS_DYNAMODB_MS.transaction} ms a transaction, ` +
    `${AWS_DYNAMODB_MS.update} ms an update, ${AWS_DYNAMODB_MS.query} ms a query): ${submitMs.toFixed(0)} ms and ${statusMs.toFixed(0)} ms`,
);
console.log('  What else must be raised for the hour (us-east-1 defaults):');
console.log(
  `    API Gateway: ${apiRequests.toLocaleString('en-US')} requests/s (the submission and the status page it leads to) against the account's 10,000/s ` +
    `(burst 5,000) shared by every API in the region; the two routes' own limits (write 1,000/s, read 2,000/s) → "throttling" in agency.config.json`,
);
console.log(
  `    Lambda: ${concurrency.toLocaleString('en-US')} concurrent executions (${RATE.toLocaleString('en-US')}/s × ${submitMs.toFixed(0)} ms + ${RATE.toLocaleString('en-US')}/s × ${statusMs.toFixed(0)} ms) ` +
    `against 1,000 by default; each function scales by 1,000 every 10 s, so warm up before the deadline`,
);
console.log(
  `    WAF: no request ceiling to raise; the per-IP rule (waf.requestsPer5MinutesPerIp, 2,000 by default) counts every request, and one ` +
    `person's visit is ~${wafPerIp} (an estimate: pages, assets, 2 API calls, retries), so only addresses shared by more than ~${Math.floor(2000 / wafPerIp)} people sending in the same 5 minutes (libraries, offices) need it raised`,
);
console.log(
  `    DynamoDB on-demand: ${tableUnits(0)} write units/s on the table (one-page form; ${tableUnits(1)} on the 6-page form), on ${QUEUE_INDEX} (the queue) ${indexUnits(0, QUEUE_INDEX)} and on ${QUEUE_KEYS_INDEX} (the queue's keys) ${indexUnits(0, QUEUE_KEYS_INDEX)}, ` +
    `against 40,000 write request units/s per table (and per index) by default: the table's on-demand maximum and the account's quota must be raised`,
);

console.log(
  `    SES: ${RATE.toLocaleString('en-US')} e-mails/s (each submission's confirmation, sent by the notifier from the stream) against the ` +
    `sending rate SES grants with production access (often 14/s): below it the e-mails queue in the stream, up to its 24 hours, then go to the dead-letter queue`,
);

function tableUnits(scenario: number): string {
  return (results[scenario]?.rows.find((row) => row.place === 'table (one item)')?.top.total ?? 0).toLocaleString('en-US', {
    maximumFractionDigits: 0,
  });
}
function indexUnits(scenario: number, index: string): string {
  return (results[scenario]?.rows.find((row) => row.place === index)?.top.total ?? 0).toLocaleString('en-US', {
    maximumFractionDigits: 0,
  });
}

async function measureHandlers(runs: number): Promise<{ submit: number; status: number }> {
  const { readFileSync } = await import('node:fs');
  Object.assign(process.env, { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x' });
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO'; // as deployed: the info line each submission logs is part of its time
  process.env.FEEDBACK_KEY ??= 'deadline-simulation-key';
  const { dynamoDb } = await import('../functions/adapters/dynamodb.ts');
  // The last submission written, so the status page finds it.
  let stored: Record<string, AttributeValue>[] = [];
  dynamoDb.middlewareStack.add(
    () => async (args) => {
      const input = args.input as { TransactItems?: { Put?: { Item: Record<string, AttributeValue> } }[] };
      if (input.TransactItems) stored = input.TransactItems.flatMap((part) => (part.Put ? [part.Put.Item] : []));
      const items = stored.filter((item) => item.sk?.S === 'SUBMISSION' || item.sk?.S?.startsWith('HISTORY#'));
      return { output: { Items: items, $metadata: {} }, response: {} } as never;
    },
    { step: 'initialize', name: 'deadlineAnswersFromMemory' },
  );
  const write = process.stdout.write.bind(process.stdout);
  const submit = (await import('../functions/handlers/submit-form.ts')).handler;
  const status = (await import('../functions/handlers/check-status.ts')).handler;
  const fixture = (name: string) =>
    JSON.parse(readFileSync(new URL(`../test/fixtures/events/${name}.json`, import.meta.url), 'utf8'));
  const context = (name: string, n: number) => ({ awsRequestId: `deadline-${n}`, functionName: name }) as never;
  const times = { submit: [] as number[], status: [] as number[] };
  process.stdout.write = (() => true) as typeof process.stdout.write; // the log lines: written, not shown
  try {
    for (let n = 0; n < runs + 100; n++) {
      const event = fixture('submit-form');
      event.rawPath = event.requestContext.http.path = `/api/forms/${scenarios[0]?.formId}/submissions`;
      event.pathParameters = { formId: scenarios[0]?.formId };
      event.headers['idempotency-key'] = `deadline-handler-${n}-key`;
      event.body = JSON.stringify({ answers: ANSWERS['unemployment-benefits-application']?.(n) });
      let started = performance.now();
      const sent = await submit(event, context('submit-form', n));
      if (n >= 100) times.submit.push(performance.now() - started);
      if (sent.statusCode !== 201) throw new Error(`submit answered ${sent.statusCode}: ${sent.body}`);
      const lookup = fixture('check-status');
      const { code } = JSON.parse(sent.body ?? '{}') as { code: string };
      lookup.pathParameters = { code };
      lookup.rawPath = lookup.requestContext.http.path = `/api/status/${code}`;
      lookup.headers.accept = 'text/html';
      started = performance.now();
      const shown = await status(lookup, context('check-status', n));
      if (n >= 100) times.status.push(performance.now() - started);
      if (shown.statusCode !== 200) throw new Error(`status answered ${shown.statusCode}: ${shown.body}`);
    }
  } finally {
    process.stdout.write = write;
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return { submit: median(times.submit), status: median(times.status) };
}
