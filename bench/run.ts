/**
 * `npm run bench`: prints figures, asserts nothing. Run after `npm run build`. `npm run bench -- functions` prints
 * only the functions' bundles and start-up.
 * - each function's bundle (esbuild, minified, as Lambda would get it): bytes and gzip bytes;
 * - the start-up CPU of each bundle in a fresh process (importing it, median of several runs), as a ratio
 *   to an empty handler and to a handler that only creates the DynamoDB client (the start-up budget: each function
 *   within 1.05× of it), both bundled and measured the same way in the same run;
 * - the home page's total transfer size: everything real Chromium downloads on a first visit, raw and gzip;
 * - the first render: the home page's HTML + render-blocking CSS, compressed (one round trip is 14 KB);
 * - Lighthouse (mobile) scores per page type (bench/lighthouse.ts);
 * - the CDK app's synth wall time (bundling every function, the five rule packs) and resources per stack;
 * - what a million form submissions cost on AWS, from the DynamoDB capacity and handler time the real
 *   handlers consume (bench/submission-cost.ts) at the list prices in bench/prices.ts;
 * - the agency queue and its export at 100,000 submissions (bench/queue.ts, bench/export.ts);
 * - a ramp of submissions against the local portal beside raw PutItem on the same DynamoDB Local (bench/load.ts),
 *   and deadline day on AWS simulated through the real stores' keys (bench/deadline.ts).
 * - a catalog of 1,000 generated forms: the site build against bare Astro, its gates, validators, start-up
 *   (bench/thousand-forms.ts; `npm run bench -- catalog` runs it alone).
 * - `npm run bench -- pdf` alone: the PDF of a submission, its function's start-up and the making of it
 *   (bench/submission-pdf.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import { build } from 'esbuild';
import { routes } from '../functions/http/routes.ts';
import { splitBuildOptions } from '../infra/bundling/split-bundle.ts';
import { startPortal } from '../local/portal.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { instructionCount } from './instructions.ts';
import { lighthouseScores } from './lighthouse.ts';
import { ASSUMPTIONS, PRICES, PRICES_RECORDED } from './prices.ts';
import { readAtStart } from './start-closure.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// `npm run bench -- notifications`: only the e-mail latency through the stream, locally (bench/notifications.ts).
if (process.argv[2] === 'notifications') {
  execFileSync(process.execPath, ['--import', join(ROOT, 'local/jsx-hooks.ts'), join(ROOT, 'bench/notifications.ts')], {
    stdio: 'inherit',
  });
  process.exit(0);
}
// `npm run bench -- queue`: only the agency queue at 100,000 submissions (bench/queue.ts).
// `npm run bench -- cx`: the CX feedback and funnel writes per partition at 10,000 submissions/s (bench/cx-writes.ts).
if (process.argv[2] === 'cx') {
  execFileSync(process.execPath, [join(ROOT, 'bench/cx-writes.ts')], { stdio: 'inherit' });
  process.exit(0);
}
// `npm run bench -- load`: only the submission ramp against the local portal and raw PutItem (bench/load.ts).
// `npm run bench -- deadline`: only the deadline-day simulation (bench/deadline.ts).
if (process.argv[2] === 'deadline') {
  execFileSync(process.execPath, ['--import', join(ROOT, 'local/jsx-hooks.ts'), join(ROOT, 'bench/deadline.ts')], {
    stdio: 'inherit',
  });
  process.exit(0);
}
if (process.argv[2] === 'load') {
  execFileSync(process.execPath, ['--import', join(ROOT, 'local/jsx-hooks.ts'), join(ROOT, 'bench/load.ts')], {
    stdio: 'inherit',
  });
  process.exit(0);
}
if (process.argv[2] === 'queue') {
  execFileSync(process.execPath, [join(ROOT, 'bench/queue.ts')], { stdio: 'inherit' });
  process.exit(0);
}
// `npm run bench -- export`: only the queue's CSV export at 100,000 submissions (bench/export.ts).
if (process.argv[2] === 'export') {
  execFileSync(process.execPath, [join(ROOT, 'bench/export.ts')], { stdio: 'inherit' });
  process.exit(0);
}
// `npm run bench -- page-post`: only a multi-page form's page POST, handler time (bench/page-post.ts).
if (process.argv[2] === 'page-post') {
  execFileSync(process.execPath, ['--import', './local/jsx-hooks.ts', join(ROOT, 'bench/page-post.ts')], {
    stdio: 'inherit',
    cwd: ROOT,
  });
  process.exit(0);
}
// `npm run bench -- forms`: only the 20-page, 200-question budget form (bench/form-budget.ts).
if (process.argv[2] === 'forms') {
  execFileSync(process.execPath, ['--import', './local/jsx-hooks.ts', join(ROOT, 'bench/form-budget.ts')], {
    stdio: 'inherit',
    cwd: ROOT,
  });
  process.exit(0);
}
// `npm run bench -- pdf`: only the PDF of a submission: its function's bundle and start-up, making both PDFs
// (bench/submission-pdf.ts; more arguments are other checkouts to compare in the same run).
if (process.argv[2] === 'pdf') {
  execFileSync(process.execPath, [join(ROOT, 'bench/submission-pdf.ts'), ...process.argv.slice(3)], {
    stdio: 'inherit',
    cwd: ROOT,
  });
  process.exit(0);
}
// `npm run bench -- catalog`: only the 1,000-form catalog: build, gates, validators, start-up (bench/thousand-forms.ts).
if (process.argv[2] === 'catalog') {
  execFileSync(process.execPath, [join(ROOT, 'bench/thousand-forms.ts')], { stdio: 'inherit', cwd: ROOT });
  process.exit(0);
}
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const INSTRUCTIONS = process.env.BENCH_INSTRUCTIONS === '1';
const out = mkdtempSync(join(tmpdir(), 'front-door-bench-'));

interface Bundle {
  /** The entry Lambda imports at start-up. */
  entry: string;
  /** Bytes of every .mjs file in the function's asset, and of the entry with the chunks it imports statically. */
  allBytes: number;
  startBytes: number;
  startGzip: number;
}

/** A function bundled exactly as infra bundles it (infra/bundling/split-bundle.ts): an entry plus chunks. */
async function bundle(name: string, entry: string | { contents: string }): Promise<Bundle> {
  const outdir = join(out, name);
  mkdirSync(outdir, { recursive: true });
  const { entryPoints: _, ...options } = splitBuildOptions(typeof entry === 'string' ? entry : `${name}.ts`, outdir);
  const { metafile } = await build({
    ...options,
    ...(typeof entry === 'string'
      ? { entryPoints: [entry] }
      : { stdin: { contents: entry.contents, resolveDir: ROOT, loader: 'ts' as const, sourcefile: `${name}.ts` } }),
    logLevel: 'silent',
  });
  const { code, atStart, bytes } = readAtStart(metafile, name);
  const startCode = Buffer.concat([...atStart].map((path) => readFileSync(resolve(path))));
  return {
    entry: join(outdir, 'index.mjs'),
    allBytes: bytes(code),
    startBytes: bytes(atStart),
    startGzip: gzipSync(startCode).length,
  };
}

// What infra sets on every function (a secret's ARN is only read when first needed).
const BENCH_ENV = {
  TABLE_NAME: 'bench',
  AWS_REGION: 'us-east-1',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  PAYMENT_PROVIDER: 'stripe',
  PORTAL_ORIGIN: 'https://portal.example.gov',
  SECRET_ARN_PAYMENT_PROVIDER: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:bench',
  EMAIL_FROM: 'no-reply@portal.example.gov',
  SES_CONFIGURATION_SET: 'bench',
  SMS_ORIGINATION_IDENTITY: 'arn:aws:sms-voice:us-east-1:000000000000:phone-number/phone-bench',
  SECRET_ARN_STAFF_SESSION: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:bench-staff',
  SECRET_ARN_FEEDBACK_KEY: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:bench-feedback',
  USER_POOL_ISSUER: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_bench',
  USER_POOL_CLIENT_ID: 'bench',
  USER_POOL_DOMAIN: 'https://bench.auth.us-east-1.amazoncognito.com',
  UPLOADS_BUCKET: 'bench-uploads',
  EVENT_BUS_NAME: 'bench',
};

function startupCpuSample(file: string): number {
  const script = `const t=process.cpuUsage();await import(${JSON.stringify(`file://${file}`)});const u=process.cpuUsage(t);console.log(u.user+u.system)`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, ...BENCH_ENV },
    encoding: 'utf8',
  });
  return Number(output.trim());
}

/**
 * The median start-up CPU of each file over RUNS fresh processes, taken in turns (one of each, then again), so
 * a busy moment on a shared machine weighs on every bundle alike rather than on whichever ran then.
 */
function startupCpuMicros(files: string[]): number[] {
  const samples = files.map((): number[] => []);
  for (let run = 0; run < RUNS; run++) for (const [index, file] of files.entries()) samples[index]?.push(startupCpuSample(file));
  return samples.map((taken) => {
    taken.sort((x, y) => x - y);
    return taken[Math.floor(taken.length / 2)] ?? 0;
  });
}

/**
 * With BENCH_INSTRUCTIONS=1 (and valgrind installed): instructions executed by a fresh process that imports the
 * file, minus one that imports nothing (bench/instructions.ts). One run each; ~20 s per bundle.
 */
let nodeInstructions: number | undefined;
function startupInstructions(file: string): number {
  nodeInstructions ??= instructionCount('', BENCH_ENV);
  return instructionCount(`await import(${JSON.stringify(`file://${file}`)})`, BENCH_ENV) - nodeInstructions;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// 1 + 2: bundles and start-up.
const emptyEntry = join(out, 'empty.ts');
writeFileSync(emptyEntry, 'export const handler = async () => ({ statusCode: 200, body: "" });\n');
const emptyBundle = await bundle('empty-handler', emptyEntry);
const dynamoBundle = await bundle('dynamodb-client-only', {
  contents:
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nconst client = new DynamoDBClient({ maxAttempts: 3 });\nexport const handler = async () => ({ statusCode: client ? 200 : 500, body: '' });\n",
});
// What the design asks of every function before it does anything of its own: the DynamoDB client, the middy
// chain and Powertools Logger with its Lambda-context middleware (functions/http/with-http.ts, shared/logger.ts).
const floorBundle = await bundle('platform-floor', {
  contents:
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { Logger } from '@aws-lambda-powertools/logger';\nimport { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';\nimport middy from '@middy/core';\nconst client = new DynamoDBClient({ maxAttempts: 3 });\nconst logger = new Logger({ serviceName: 'front-door' });\nexport const handler = middy(async () => ({ statusCode: client ? 200 : 500, body: '' })).use(injectLambdaContext(logger, { resetKeys: true }));\n",
});

// The functions that are not routes (the notifier and its kin), against a handler that only creates the SDK clients
// the notifier uses (issue #11's baseline: DynamoDB, SES v2, End User Messaging SMS).
const notifierBaseline = await bundle('notifier-clients-only', {
  contents:
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { SESv2Client } from '@aws-sdk/client-sesv2';\nimport { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';\nconst clients = [new DynamoDBClient({ maxAttempts: 3 }), new SESv2Client({ maxAttempts: 3 }), new PinpointSMSVoiceV2Client({ maxAttempts: 3 })];\nexport const handler = async () => ({ batchItemFailures: clients.length ? [] : [] });\n",
});
const TRIGGERS = ['send-notifications', 'record-email-events', 'answer-text-messages', 'record-contact-centre-event'];
const triggerBundles: Bundle[] = [];
for (const name of TRIGGERS) triggerBundles.push(await bundle(name, join(ROOT, 'functions/handlers', `${name}.ts`)));
const [baselineCpu = 1, ...triggerCpu] = startupCpuMicros([notifierBaseline, ...triggerBundles].map((b) => b.entry));
const triggerInstructions = INSTRUCTIONS ? [notifierBaseline, ...triggerBundles].map((b) => startupInstructions(b.entry)) : [];
console.log('Notifier and other non-route functions — start-up CPU against a handler creating only the SDK clients they use');
const triggerRow = (name: string, b: Bundle, cpu: number, index: number) =>
  `  ${name.padEnd(28)} ${kb(b.startBytes).padStart(9)} ${kb(b.startGzip).padStart(9)} ${`${(cpu / 1000).toFixed(1)} ms`.padStart(9)} ${(cpu / baselineCpu).toFixed(2).padStart(10)}` +
  (INSTRUCTIONS
    ? ` ${`${((triggerInstructions[index] ?? 0) / 1e6).toFixed(1)} M`.padStart(10)} ${((triggerInstructions[index] ?? 0) / (triggerInstructions[0] ?? 1)).toFixed(3).padStart(10)}`
    : '');
console.log(
  `  ${'function'.padEnd(28)} ${'at start'.padStart(9)} ${'gzip'.padStart(9)} ${'CPU'.padStart(9)} ${'× clients'.padStart(10)}` +
    (INSTRUCTIONS ? ` ${'instr.'.padStart(10)} ${'× clients'.padStart(10)}` : ''),
);
console.log(triggerRow('(SDK clients only)', notifierBaseline, baselineCpu, 0));
TRIGGERS.forEach((name, index) => {
  const b = triggerBundles[index];
  if (b) console.log(triggerRow(name, b, triggerCpu[index] ?? 0, index + 1));
});
// Cost per million notifications at list prices (bench/prices.ts), from what one notification does (decision 70):
// the notifier reads the notice, the case, the preferences and the address's state (consistent reads: 1, 2, 1, 1
// units) and writes notice + message lookup + "sent" entry in one transaction (3 items × 2 units); SES's event comes
// back to record-email-events (1 read, a 1-item transaction: 2 units, and the bounce state: 1 read). Both functions
// run about 60 ms at their memory; a stream batch carries several records, counted here as one invocation each.
{
  const { PRICES, ASSUMPTIONS } = await import('./prices.ts');
  const dynamo = (5 + 2) * PRICES.dynamoReadUnit + (6 + 2) * PRICES.dynamoWriteUnit;
  const lambda = 2 * (PRICES.lambdaRequest + 0.06 * ASSUMPTIONS.lambdaMemoryGb * PRICES.lambdaArmGbSecond);
  const email = PRICES.sesEmail + dynamo + lambda;
  const text = PRICES.smsUsPart + dynamo / 2 + lambda / 2;
  const perMillion = (dollars: number) => `$${(dollars * 1e6).toLocaleString('en-US', { maximumFractionDigits: 0 })}`;
  console.log(
    `Cost per million notifications (list prices of ${(await import('./prices.ts')).PRICES_RECORDED}): e-mail ${perMillion(email)}` +
      ` (SES ${perMillion(PRICES.sesEmail)}, DynamoDB ${perMillion(dynamo)}, Lambda ${perMillion(lambda)});` +
      ` text (one part, US) ${perMillion(text)}`,
  );
}
// `npm run bench -- notifier` stops here.
if (process.argv[2] === 'notifier') {
  rmSync(out, { recursive: true, force: true });
  process.exit(0);
}

const handlerNames = [...new Set(routes.map((route) => route.handler))];
const handlerBundles: Bundle[] = [];
for (const name of handlerNames) handlerBundles.push(await bundle(name, join(ROOT, 'functions/handlers', `${name}.ts`)));
const allBundles = [emptyBundle, dynamoBundle, floorBundle, ...handlerBundles];
const [emptyCpu = 1, dynamoCpu = 1, floorCpu = 1, ...handlerCpu] = startupCpuMicros(allBundles.map((b) => b.entry));
const instructions = INSTRUCTIONS ? allBundles.map((b) => startupInstructions(b.entry)) : [];
const [, dynamoInstructions = 1, floorInstructions = 1] = instructions;
const ratio = (value: number, of: number, width: number) => (value / of).toFixed(2).padStart(width);
const row = (name: string, b: Bundle, cpu: number, index: number) =>
  `  ${name.padEnd(24)} ${kb(b.allBytes).padStart(9)} ${kb(b.startBytes).padStart(9)} ${kb(b.startGzip).padStart(9)} ${`${(cpu / 1000).toFixed(1)} ms`.padStart(9)} ${ratio(cpu, emptyCpu, 8)} ${ratio(cpu, dynamoCpu, 11)} ${ratio(cpu, floorCpu, 8)}` +
  (INSTRUCTIONS
    ? ` ${`${((instructions[index] ?? 0) / 1e6).toFixed(1)} M`.padStart(10)} ${((instructions[index] ?? 0) / dynamoInstructions).toFixed(3).padStart(10)} ${((instructions[index] ?? 0) / floorInstructions).toFixed(3).padStart(8)}`
    : '');
console.log(
  `Functions (esbuild, minified, ESM, node24, split as infra splits) — start-up CPU: median of ${RUNS} fresh processes each, taken in turns`,
);
console.log(
  `  ${'handler'.padEnd(24)} ${'all code'.padStart(9)} ${'at start'.padStart(9)} ${'gzip'.padStart(9)} ${'CPU'.padStart(9)} ${'× empty'.padStart(8)} ${'× DynamoDB'.padStart(11)} ${'× floor'.padStart(8)}` +
    (INSTRUCTIONS ? ` ${'instr.'.padStart(10)} ${'× DynamoDB'.padStart(10)} ${'× floor'.padStart(8)}` : ''),
);
console.log(row('(empty handler)', emptyBundle, emptyCpu, 0));
console.log(row('(DynamoDB client only)', dynamoBundle, dynamoCpu, 1));
console.log(row('(+ middy, Logger: floor)', floorBundle, floorCpu, 2));
handlerNames.forEach((name, index) => {
  const b = handlerBundles[index];
  if (b) console.log(row(name, b, handlerCpu[index] ?? 0, index + 3));
});

// The per-form modules the submit handler loads on first use (one per form; start-up loads none of them).
const formsDir = join(ROOT, 'functions/generated/forms');
const formFiles = readdirSync(formsDir).filter((name) => name.endsWith('.js'));
const formSizes = formFiles.map((name) => statSync(join(formsDir, name)).size).sort((a, b) => a - b);
const sampleForm = join(formsDir, formFiles[0] ?? '');
const [formCpu = 0] = startupCpuMicros([sampleForm]);
console.log(
  `  per-form module   ${kb(formSizes[Math.floor(formSizes.length / 2)] ?? 0).padStart(10)} (median of ${formFiles.length})` +
    `   first use: ${(formCpu / 1000).toFixed(1)} ms CPU to import one (${formFiles[0]})`,
);

// `npm run bench -- functions` stops here (the start-up budget alone, without Chromium or a synth).
if (process.argv[2] === 'functions') {
  rmSync(out, { recursive: true, force: true });
  process.exit(0);
}

// 3: the home page's weight: what real Chromium downloads on a first visit (no cache), served by the local
// front door; gzip computed per response, as CloudFront would compress it.
const portal = await startPortal({ port: 0, log: () => undefined });
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  const bodies: { path: string; body: Buffer }[] = [];
  page.on('response', async (response) => {
    if (response.status() !== 200) return;
    bodies.push({ path: new URL(response.url()).pathname, body: await response.body() });
  });
  await page.goto(`${portal.url}/`, { waitUntil: 'networkidle' });
  let raw = 0;
  let gzip = 0;
  const rows: string[] = [];
  for (const { path, body } of bodies) {
    const zipped = gzipSync(body).length;
    raw += body.length;
    gzip += zipped;
    rows.push(`    ${path.padEnd(60)} ${kb(body.length).padStart(9)} ${kb(zipped).padStart(9)}`);
  }
  console.log(
    `\nHome page transfer (Chromium, first visit, phone viewport): ${kb(raw)} raw, ${kb(gzip)} gzip, ${bodies.length} requests`,
  );
  for (const row of rows) console.log(row);

  // First render in one round trip: TCP's first flight is ~14 KB (10 segments), so the home page's HTML and the
  // stylesheet that blocks its rendering should fit in it, compressed as served.
  const home = await fetch(`${portal.url}/`, { headers: { 'accept-encoding': 'identity' } }).then((r) => r.text());
  const blocking = [...home.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1] ?? '');
  const parts = [
    { path: '/', body: Buffer.from(home) },
    ...(await Promise.all(
      blocking.map(async (href) => ({
        path: href,
        body: Buffer.from(await (await fetch(`${portal.url}${href}`)).arrayBuffer()),
      })),
    )),
  ];
  const brotli = (body: Buffer) => brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }).length;
  const firstRender = parts.reduce((sum, part) => sum + brotli(part.body), 0);
  const firstRenderGzip = parts.reduce((sum, part) => sum + gzipSync(part.body).length, 0);
  console.log(
    `\nFirst render of the home page (HTML + render-blocking CSS): ${kb(firstRender)} brotli, ${kb(firstRenderGzip)} gzip ` +
      `(one round trip: 14.0 KB) — ${parts.map((part) => `${part.path} ${kb(brotli(part.body))}`).join(', ')}`,
  );

  await lighthouseScores(portal.url);
} finally {
  await browser.close();
  await portal.stop();
}

// 4: the CDK app, synthesised the way `cdk synth` runs it (a fresh process, cdk.json's context): every
// function bundled with esbuild, the five rule packs checked.
const cdkOut = join(out, 'cdk.out');
const cdkContext = JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')).context;
const synthStarted = performance.now();
execFileSync(process.execPath, [join(ROOT, 'infra/app.ts')], {
  env: { ...process.env, CDK_OUTDIR: cdkOut, CDK_CONTEXT_JSON: JSON.stringify(cdkContext) },
  stdio: 'pipe',
});
const synthSeconds = (performance.now() - synthStarted) / 1000;
const manifest = JSON.parse(readFileSync(join(cdkOut, 'manifest.json'), 'utf8')) as {
  artifacts: Record<string, { type: string; properties?: { templateFile?: string } }>;
};
const stacks = Object.entries(manifest.artifacts).filter(([, artifact]) => artifact.type === 'aws:cloudformation:stack');
console.log(
  `\nCDK synth (node infra/app.ts, ${routes.length} routes, functions bundled, 5 rule packs): ${synthSeconds.toFixed(1)} s wall`,
);
for (const [name, artifact] of stacks) {
  const template = JSON.parse(readFileSync(join(cdkOut, artifact.properties?.templateFile ?? ''), 'utf8'));
  const types = Object.values(template.Resources as Record<string, { Type: string }>).map((resource) => resource.Type);
  console.log(`  ${name.padEnd(28)} ${String(types.length).padStart(4)} resources`);
}

// 5: a million form submissions on AWS. Each is the POST (the real submit-form handler: one DynamoDB
// transaction with the Idempotency-Key claim) and the confirmation the person then sees (check-status).
const costFile = join(out, 'submission-cost.json');
execFileSync(process.execPath, [join(ROOT, 'bench/submission-cost.ts'), costFile], { stdio: ['ignore', 'ignore', 'inherit'] });
const cost = JSON.parse(readFileSync(costFile, 'utf8')) as Record<
  'submit' | 'status',
  { medianMs: number; p90Ms: number; writeUnits: number; readUnits: number; logBytes: number; responseBytes: number }
> & { runs: number };
const MILLION = 1e6;
const requests = 2 * MILLION;
const { submit, status } = cost;
const gb = (bytes: number) => (bytes * MILLION) / 1e9;
const lines: [string, number][] = [
  ['CloudFront requests', requests * PRICES.cloudFrontHttpsRequest],
  [
    'CloudFront data transfer out',
    gb(submit.responseBytes + status.responseBytes + 2 * ASSUMPTIONS.responseHeaderBytes) * PRICES.cloudFrontTransferGb,
  ],
  ['WAF requests', requests * PRICES.wafRequest],
  ['API Gateway HTTP API', requests * PRICES.httpApiRequest],
  ['Lambda requests', requests * PRICES.lambdaRequest],
  [
    'Lambda duration',
    ((Math.ceil(submit.medianMs) + Math.ceil(status.medianMs)) / 1000) *
      ASSUMPTIONS.lambdaMemoryGb *
      MILLION *
      PRICES.lambdaArmGbSecond,
  ],
  ['DynamoDB writes', submit.writeUnits * MILLION * PRICES.dynamoWriteUnit],
  ['DynamoDB reads', (submit.readUnits + status.readUnits) * MILLION * PRICES.dynamoReadUnit],
  [
    'CloudWatch Logs (functions, API, WAF)',
    gb(submit.logBytes + status.logBytes + 2 * ASSUMPTIONS.accessLogBytes + 2 * ASSUMPTIONS.wafLogBytes) * PRICES.logsIngestGb,
  ],
  ['X-Ray traces', requests * ASSUMPTIONS.xraySampledShare * PRICES.xrayTrace],
];
console.log(
  `\nA million form submissions (POST + the confirmation page), us-east-1 list prices of ${PRICES_RECORDED}; measured over ${cost.runs} submissions:`,
);
console.log(
  `  submit-form:  ${submit.writeUnits} write units, ${submit.readUnits} read units, handler ${submit.medianMs.toFixed(1)} ms median (p90 ${submit.p90Ms.toFixed(1)}), ${submit.logBytes} B logged, ${submit.responseBytes} B answer`,
);
console.log(
  `  check-status: ${status.writeUnits} write units, ${status.readUnits} read units, handler ${status.medianMs.toFixed(1)} ms median (p90 ${status.p90Ms.toFixed(1)}), ${status.logBytes} B logged, ${status.responseBytes} B answer`,
);
for (const [label, dollars] of lines) console.log(`    ${label.padEnd(40)} $${dollars.toFixed(2).padStart(7)}`);
console.log(
  `    ${'total per million submissions'.padEnd(40)} $${lines
    .reduce((sum, [, d]) => sum + d, 0)
    .toFixed(2)
    .padStart(7)}`,
);

// 6: the agency queue at 100,000 submissions (one Query per shard per page), then its CSV export.
execFileSync(process.execPath, [join(ROOT, 'bench/queue.ts')], { stdio: 'inherit' });
execFileSync(process.execPath, [join(ROOT, 'bench/export.ts')], { stdio: 'inherit' });

// 7: the submission ramp against the local portal beside raw PutItem (bench/load.ts), then deadline day on AWS,
// simulated through the real stores' keys (bench/deadline.ts).
for (const script of ['bench/load.ts', 'bench/deadline.ts'])
  execFileSync(process.execPath, ['--import', join(ROOT, 'local/jsx-hooks.ts'), join(ROOT, script)], { stdio: 'inherit' });

// 8: a department's 1,000 forms: the build and its gates against bare Astro, validators, start-up.
execFileSync(process.execPath, [join(ROOT, 'bench/thousand-forms.ts')], { stdio: 'inherit', cwd: ROOT });

rmSync(out, { recursive: true, force: true });
