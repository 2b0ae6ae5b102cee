/**
 * `npm run bench -- pdf`: the PDF of a submission (decisions 0116, 0132), bundled as infra bundles it
 * (infra/bundling/split-bundle.ts + ship-forms.ts), against a handler that only creates the DynamoDB client:
 * - download-submission-pdf's bundle: all code, what its entry loads at start, and the lazy part (the PDF
 *   libraries, read only once a caller is allowed a copy);
 * - its start-up CPU in fresh processes (median, taken in turns with the reference) and, with
 *   BENCH_INSTRUCTIONS=1 and valgrind, the instructions the import executes (load-independent);
 * - making a PDF with the bundled adapter in a fresh process: the first (reading and compiling the library, the
 *   fonts) and the median of the next 25, for the answers as a document and for the agency's own PDF filled in.
 * Extra arguments are other checkouts of this repository (with node_modules and functions/generated) to measure in
 * the same run, e.g. the commit before a change: `node bench/submission-pdf.ts /tmp/before`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { shipForms } from '../infra/bundling/ship-forms.ts';
import { splitBuildOptions } from '../infra/bundling/split-bundle.ts';
import { BIRTH_CERTIFICATE_ANSWERS } from '../test/support/payments.ts';
import { instructionCount } from './instructions.ts';
import { readAtStart } from './start-closure.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const INSTRUCTIONS = process.env.BENCH_INSTRUCTIONS === '1';
const out = mkdtempSync(join(tmpdir(), 'front-door-bench-pdf-'));
const roots = [ROOT, ...process.argv.slice(2).map((path) => resolve(path))];

interface Bundle {
  dir: string;
  entry: string;
  allBytes: number;
  startBytes: number;
  startGzip: number;
}

async function bundle(name: string, entry: string | { contents: string; resolveDir: string }): Promise<Bundle> {
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  const { entryPoints: _, ...options } = splitBuildOptions(typeof entry === 'string' ? entry : `${name}.ts`, dir);
  const { metafile } = await build({
    ...options,
    ...(typeof entry === 'string'
      ? { entryPoints: [entry] }
      : { stdin: { contents: entry.contents, resolveDir: entry.resolveDir, loader: 'ts' as const, sourcefile: `${name}.ts` } }),
    logLevel: 'silent',
  });
  writeFileSync(join(dir, 'index.meta.json'), JSON.stringify(metafile));
  const { code, atStart, bytes } = readAtStart(metafile, name);
  return {
    dir,
    entry: join(dir, 'index.mjs'),
    allBytes: bytes(code),
    startBytes: bytes(atStart),
    startGzip: gzipSync(Buffer.concat([...atStart].map((path) => readFileSync(resolve(path))))).length,
  };
}

// What infra sets on the function (portal-function.ts, portal-api.ts), enough for its modules to load.
const ENV = {
  TABLE_NAME: 'bench',
  AWS_REGION: 'us-east-1',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  PORTAL_ORIGIN: 'https://portal.example.gov',
  SECRET_ARN_STAFF_SESSION: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:bench-staff',
  USER_POOL_ISSUER: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_bench',
  USER_POOL_CLIENT_ID: 'bench',
  USER_POOL_DOMAIN: 'https://bench.auth.us-east-1.amazoncognito.com',
};

function cpuOfImport(file: string): number {
  const script = `const t=process.cpuUsage();await import(${JSON.stringify(`file://${file}`)});const u=process.cpuUsage(t);console.log(u.user+u.system)`;
  return Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, ...ENV },
      encoding: 'utf8',
    }).trim(),
  );
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (micros: number) => `${(micros / 1000).toFixed(1)} ms`;

const reference = await bundle('dynamodb-client-only', {
  contents:
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nconst client = new DynamoDBClient({ maxAttempts: 3 });\nexport const handler = async () => ({ statusCode: client ? 200 : 500, body: '' });\n",
  resolveDir: ROOT,
});
const handlers: Bundle[] = [];
const adapters: Bundle[] = [];
for (const [index, root] of roots.entries()) {
  handlers.push(await bundle(`handler-${index}`, join(root, 'functions/handlers/download-submission-pdf.ts')));
  const adapter = await bundle(`adapter-${index}`, join(root, 'functions/adapters/submission-pdf.ts'));
  shipForms(adapter.dir, join(root, 'functions/generated/forms'));
  adapters.push(adapter);
}

const files = [reference, ...handlers].map((b) => b.entry);
const samples = files.map((): number[] => []);
for (let run = 0; run < RUNS; run++) for (const [index, file] of files.entries()) samples[index]?.push(cpuOfImport(file));
const cpu = samples.map(median);
const instructions = INSTRUCTIONS
  ? (() => {
      const node = instructionCount('', ENV);
      return files.map((file) => instructionCount(`await import(${JSON.stringify(`file://${file}`)})`, ENV) - node);
    })()
  : [];

console.log(`download-submission-pdf (esbuild as infra bundles it) — start-up CPU: median of ${RUNS} fresh processes, in turns`);
console.log(
  `  ${'checkout'.padEnd(34)} ${'all code'.padStart(9)} ${'at start'.padStart(9)} ${'gzip'.padStart(9)} ${'lazy'.padStart(9)} ${'CPU'.padStart(8)} ${'× DynamoDB'.padStart(10)}` +
    (INSTRUCTIONS ? ` ${'instr.'.padStart(9)} ${'× DynamoDB'.padStart(10)}` : ''),
);
[reference, ...handlers].forEach((b, index) => {
  const name = index === 0 ? '(DynamoDB client only)' : (roots[index - 1] ?? '').replace(ROOT, '.').slice(-34) || '.';
  console.log(
    `  ${name.padEnd(34)} ${kb(b.allBytes).padStart(9)} ${kb(b.startBytes).padStart(9)} ${kb(b.startGzip).padStart(9)} ${kb(b.allBytes - b.startBytes).padStart(9)} ${ms(cpu[index] ?? 0).padStart(8)} ${((cpu[index] ?? 0) / (cpu[0] ?? 1)).toFixed(2).padStart(10)}` +
      (INSTRUCTIONS
        ? ` ${`${((instructions[index] ?? 0) / 1e6).toFixed(1)} M`.padStart(9)} ${((instructions[index] ?? 0) / (instructions[0] ?? 1)).toFixed(3).padStart(10)}`
        : ''),
  );
});

// Making the PDFs with the bundled adapter, in a fresh process each: the first, then the median of 25.
const { strings } = await import('../functions/generated/site.js');
const forms = join(ROOT, 'functions/generated/forms');
const birth = (await import(pathToFileURL(join(forms, 'birth-certificate-request.js')).href)) as { form: unknown };
const address = (await import(pathToFileURL(join(forms, 'change-of-address-request.js')).href)) as {
  form: unknown;
  pdfMap: unknown;
};
const base = {
  code: 'ABCD-EFGH-JKMN',
  submittedAt: '2026-12-01T15:00:00.000Z',
  locale: 'es',
  agencyName: 'Registro Civil',
  strings,
};
const inputs = {
  answers: { ...base, form: birth.form, answers: BIRTH_CERTIFICATE_ANSWERS, serviceTitle: 'Acta de nacimiento' },
  filled: {
    ...base,
    form: address.form,
    answers: {
      licenseNumber: 'D12345678',
      dateOfBirth: '1990-03-07',
      streetAddress: '12 Elm Street',
      city: 'Springfield',
      zipCode: '55501',
      email: 'ana@example.com',
    },
    serviceTitle: 'Cambio de domicilio',
    agencyPdf: { bytes: [...readFileSync(join(forms, 'change-of-address-request.pdf'))], map: address.pdfMap },
  },
};
console.log('\nMaking the PDF (bundled adapter, fresh process): the first call, then the median of the next 25 — CPU, bytes');
for (const [index, adapter] of adapters.entries()) {
  for (const [kind, input] of Object.entries(inputs)) {
    writeFileSync(join(adapter.dir, `${kind}.json`), JSON.stringify(input));
    const script = [
      "import { readFileSync } from 'node:fs';",
      `const input = JSON.parse(readFileSync(${JSON.stringify(`${kind}.json`)}, 'utf8'));`,
      'if (input.agencyPdf) input.agencyPdf.bytes = new Uint8Array(input.agencyPdf.bytes);',
      "const { submissionPdf } = await import('./index.mjs');",
      'let t = process.cpuUsage(); let bytes = await submissionPdf(input); const first = process.cpuUsage(t);',
      'const rest = []; for (let i = 0; i < 25; i++) { t = process.cpuUsage(); bytes = await submissionPdf(input); const u = process.cpuUsage(t); rest.push(u.user + u.system); }',
      'rest.sort((a, b) => a - b);',
      'console.log(JSON.stringify({ first: first.user + first.system, warm: rest[12], bytes: bytes.length }));',
    ].join('\n');
    const result = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: adapter.dir,
        env: { PATH: process.env.PATH ?? '', PDF_FONTS_DIR: join(adapter.dir, 'generated/fonts') },
        encoding: 'utf8',
      }),
    ) as { first: number; warm: number; bytes: number };
    const name = (roots[index] ?? '').replace(ROOT, '.').slice(-34) || '.';
    const what = kind === 'answers' ? 'the answers as a document' : "the agency's own PDF filled in";
    console.log(
      `  ${name.padEnd(34)} ${what.padEnd(31)} first ${ms(result.first).padStart(8)}  then ${ms(result.warm).padStart(7)}  ${kb(result.bytes).padStart(8)}`,
    );
  }
}
rmSync(out, { recursive: true, force: true });
