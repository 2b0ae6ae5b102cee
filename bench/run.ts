/**
 * `npm run bench`: prints figures, asserts nothing. Run after `npm run build`.
 * - each function's bundle (esbuild, minified, as Lambda would get it): bytes and gzip bytes;
 * - the start-up CPU of each bundle in a fresh process (importing it, median of several runs), as a ratio
 *   to an empty handler bundled and measured the same way in the same run;
 * - the home page's total transfer size (HTML + everything it loads), raw and gzip.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { routes } from '../functions/http/routes.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const out = mkdtempSync(join(tmpdir(), 'front-door-bench-'));

async function bundle(name: string, entry: string): Promise<string> {
  const outfile = join(out, name, 'index.mjs');
  mkdirSync(join(out, name), { recursive: true });
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    // ESM bundles that include CommonJS dependencies need a require.
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
    logLevel: 'silent',
  });
  return outfile;
}

function startupCpuMicros(file: string): number {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const script = `const t=process.cpuUsage();await import(${JSON.stringify(`file://${file}`)});const u=process.cpuUsage(t);console.log(u.user+u.system)`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, TABLE_NAME: 'bench', AWS_REGION: 'us-east-1', POWERTOOLS_LOG_LEVEL: 'SILENT' },
      encoding: 'utf8',
    });
    samples.push(Number(output.trim()));
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// 1 + 2: bundles and start-up.
const emptyEntry = join(out, 'empty.ts');
writeFileSync(emptyEntry, 'export const handler = async () => ({ statusCode: 200, body: "" });\n');
const emptyFile = await bundle('empty-handler', emptyEntry);
const emptyCpu = startupCpuMicros(emptyFile);
console.log(`Functions (esbuild, minified, ESM, node24) — start-up CPU: median of ${RUNS} fresh processes`);
console.log(
  `  ${'handler'.padEnd(16)} ${'bundle'.padStart(10)} ${'gzip'.padStart(10)} ${'start-up CPU'.padStart(14)} ${'× empty'.padStart(8)}`,
);
console.log(
  `  ${'(empty handler)'.padEnd(16)} ${kb(statSync(emptyFile).size).padStart(10)} ${kb(gzipSync(readFileSync(emptyFile)).length).padStart(10)} ${`${(emptyCpu / 1000).toFixed(1)} ms`.padStart(14)} ${'1.00'.padStart(8)}`,
);
for (const name of [...new Set(routes.map((route) => route.handler))]) {
  const file = await bundle(name, join(ROOT, 'functions/handlers', `${name}.ts`));
  const size = statSync(file).size;
  const cpu = startupCpuMicros(file);
  console.log(
    `  ${name.padEnd(16)} ${kb(size).padStart(10)} ${kb(gzipSync(readFileSync(file)).length).padStart(10)} ${`${(cpu / 1000).toFixed(1)} ms`.padStart(14)} ${(cpu / emptyCpu).toFixed(2).padStart(8)}`,
  );
}

// 3: the home page's weight, as a browser on a first visit would download it.
const dist = join(ROOT, 'web/dist');
const home = readFileSync(join(dist, 'index.html'));
const assets = new Set<string>();
for (const match of home.toString().matchAll(/<(?:link[^>]+href|script[^>]+src|img[^>]+src)="(\/[^"]+)"/g)) {
  const path = match[1] ?? '';
  if (!/\.(css|js|mjs|svg|png|woff2|ico)$/.test(path)) continue;
  assets.add(path);
}
// CSS can pull in images (the banner's icons): count url(...) references too.
for (const css of [...assets].filter((path) => path.endsWith('.css'))) {
  for (const match of readFileSync(join(dist, css), 'utf8').matchAll(/url\(["']?(\/[^"')]+)["']?\)/g)) assets.add(match[1] ?? '');
}
let raw = home.length;
let gzip = gzipSync(home).length;
const rows = [`    ${'/ (index.html)'.padEnd(48)} ${kb(home.length).padStart(9)} ${kb(gzipSync(home).length).padStart(9)}`];
for (const path of assets) {
  const body = readFileSync(join(dist, path));
  raw += body.length;
  gzip += gzipSync(body).length;
  rows.push(`    ${path.padEnd(48)} ${kb(body.length).padStart(9)} ${kb(gzipSync(body).length).padStart(9)}`);
}
console.log(`\nHome page transfer (first visit, no cache): ${kb(raw)} raw, ${kb(gzip)} gzip, ${assets.size + 1} files`);
for (const row of rows) console.log(row);

rmSync(out, { recursive: true, force: true });
