/**
 * `npm run bench -- page-post`: a multi-page form's page POST, handler time (prints figures, asserts nothing).
 * The real fill-form handler, called in this process with API Gateway v2 events as the local runtime builds them,
 * against DynamoDB Local: a plain form post of one page, checked against the whole form's compiled validator,
 * saved as one PutItem, answered 303. Forms: the 20-page, 200-question budget form (bench/form-budget.ts's shape)
 * and the unemployment claim from the catalog. Median and p95 of BENCH_RUNS posts per page after a warm-up.
 * DynamoDB Local on a shared 2-core machine is slower than DynamoDB: treat the times as an upper bound.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { jsonSchemaFor } from '../catalog/src/form-schema.ts';
import { type Form, FormSchema } from '../catalog/src/schema.ts';
import { lambdaContext, matchRoute, toApiGatewayEvent } from '../local/api-gateway.ts';
import { ensureTable, pointHandlersAt, startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { compileValidator } from '../scripts/build-functions.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const label = { en: 'A question', es: 'Una pregunta' };
const TYPES = ['text', 'integer', 'yesNo', 'memorableDate', 'money', 'email', 'radio', 'checkboxes', 'address', 'name'];
const options = ['a', 'b', 'c'].map((value) => ({ value, label }));
const budget: Form = FormSchema.parse({
  id: 'budget-form',
  title: label,
  intro: label,
  pages: Array.from({ length: 20 }, (_, page) => ({
    id: `page-${page}`,
    title: label,
    fields: Array.from({ length: 10 }, (_, index) => {
      const type = TYPES[index % TYPES.length]!;
      return {
        name: `q${page}x${index}`,
        type,
        label,
        ...((type === 'radio' || type === 'checkboxes') && { options }),
        ...(type === 'integer' && { minimum: 0, maximum: 100 }),
        ...(type === 'memorableDate' && { dateRange: { notInFuture: true } }),
        ...(page > 0 && index > 2 && index % 5 === 0 && { when: { question: `q${page}x2`, equals: 'yes' } }),
      };
    }),
  })),
});

/** One page's answers as a browser posts them. */
function postedPage(form: Form, pageIndex: number): URLSearchParams {
  const body = new URLSearchParams();
  const page = form.pages![pageIndex]!;
  for (const name of page.questions) {
    const field = form.fields.find((candidate) => candidate.name === name)!;
    switch (field.type) {
      case 'integer':
        body.set(name, '50');
        break;
      case 'yesNo':
        body.set(name, 'yes');
        break;
      case 'memorableDate':
        for (const [part, value] of [
          ['month', '4'],
          ['day', '28'],
          ['year', '1990'],
        ])
          body.set(`${name}-${part}`, value!);
        break;
      case 'money':
        body.set(name, '$123.45');
        break;
      case 'email':
        body.set(name, 'ana@example.com');
        break;
      case 'radio':
        body.set(name, 'a');
        break;
      case 'checkboxes':
        body.append(name, 'a');
        body.append(name, 'b');
        break;
      case 'address':
        for (const [part, value] of [
          ['street1', '1 Main St'],
          ['city', 'Springfield'],
          ['state', 'IL'],
          ['zip', '55501'],
        ])
          body.set(`${name}-${part}`, value!);
        break;
      case 'name':
        body.set(`${name}-given`, 'Ana');
        body.set(`${name}-family`, 'Díaz');
        break;
      default:
        body.set(name, 'An answer');
    }
  }
  return body;
}

const formsDir = mkdtempSync(join(tmpdir(), 'front-door-page-post-'));
const service = { id: 'budget', agency: 'human-services', title: label };
writeFileSync(
  join(formsDir, 'budget-form.js'),
  `${compileValidator(jsonSchemaFor(budget))}\nexport const form = ${JSON.stringify(budget)};\nexport const service = ${JSON.stringify(service)};\n`,
);
const dynamo = await startDynamoDbLocal();
await ensureTable(dynamo.client, 'bench-page-post');
pointHandlersAt(dynamo.endpoint, 'bench-page-post');
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
process.env.POWERTOOLS_METRICS_DISABLED = 'true';
process.env.FORMS_DIR = formsDir;
const { handler } = (await import('../functions/handlers/fill-form.ts')) as {
  handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
};

async function post(path: string, body: URLSearchParams): Promise<{ ms: number; cpuMs: number; location: string }> {
  const url = new URL(path, 'http://localhost');
  const matched = matchRoute('POST', url.pathname);
  if (matched.kind !== 'match') throw new Error(`No route for ${path}`);
  const event = toApiGatewayEvent(
    {
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', host: 'localhost' },
      body: Buffer.from(body.toString()),
      sourceIp: '127.0.0.1',
    },
    matched.match,
  );
  const started = performance.now();
  const cpu = process.cpuUsage();
  const answer = await handler(event, lambdaContext('fill-form'));
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - started;
  const cpuMs = (used.user + used.system) / 1000;
  if (answer.statusCode !== 303) throw new Error(`${path} answered ${answer.statusCode}: ${String(answer.body).slice(0, 300)}`);
  return { ms, cpuMs, location: String(answer.headers?.location ?? '') };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function bench(form: Form, pages: (index: number) => URLSearchParams, count: number) {
  const perPage: { page: string; median: number; p95: number; cpu: number }[] = [];
  // The first page starts the draft; later pages each post to their own address, RUNS times (a re-post of a page).
  const first = await post(`/api/forms/${form.id}/drafts?lang=en`, pages(0));
  let location = first.location;
  // Warm-up, as a warm Lambda container would be: JIT, the SDK's connections, the form's module.
  const warm = location.split('?')[0]!.replace(/\/pages\/[^/]+$/, `/pages/${form.pages![1]!.id}`);
  for (let i = 0; i < 30; i++) await post(`${warm}?lang=en`, pages(1));
  for (let index = 1; index < count; index++) {
    const target = location.split('?')[0]!.replace(/\/pages\/[^/]+$/, `/pages/${form.pages![index]!.id}`);
    for (let i = 0; i < 5; i++) await post(`${target}?lang=en`, pages(index));
    const samples: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await post(`${target}?lang=en`, pages(index));
      samples.push(result.ms);
      cpus.push(result.cpuMs);
      location = result.location;
    }
    samples.sort((a, b) => a - b);
    cpus.sort((a, b) => a - b);
    perPage.push({
      page: form.pages![index]!.id,
      median: quantile(samples, 0.5),
      p95: quantile(samples, 0.95),
      cpu: quantile(cpus, 0.5),
    });
  }
  const all = perPage.map((p) => p.median).sort((a, b) => a - b);
  const cpu = perPage.map((p) => p.cpu).sort((a, b) => a - b);
  return {
    perPage,
    median: quantile(all, 0.5),
    cpu: quantile(cpu, 0.5),
    worst: perPage.reduce((a, b) => (b.p95 > a.p95 ? b : a)),
  };
}

const big = await bench(budget, (index) => postedPage(budget, index), 20);
console.log('\nA page POST of a multi-page form: the fill-form handler in-process, against DynamoDB Local');
console.log(
  `  budget form (20 pages, 200 questions): median ${big.median.toFixed(1)} ms per page (${big.cpu.toFixed(1)} ms of it this process's CPU); slowest page p95 ${big.worst.p95.toFixed(1)} ms (${big.worst.page})`,
);
for (const p of big.perPage.filter((_, i) => i % 5 === 0))
  console.log(
    `    ${p.page.padEnd(8)} median ${p.median.toFixed(1)} ms (CPU ${p.cpu.toFixed(1)} ms), p95 ${p.p95.toFixed(1)} ms`,
  );
const { loadavg } = await import('node:os');
console.log(
  `  (load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')} on ${(await import('node:os')).cpus().length} cores)`,
);
await dynamo.stop();
