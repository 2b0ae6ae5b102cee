/**
 * Builds the static site: Astro → inline-code, click-depth and link gates. (Search runs in a function on the
 * catalog, scripts/build-functions.ts.) Tools run on this same Node binary
 * (the project's Node 24), whatever `node` is first on PATH. Output is kept quiet unless something fails.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkClickDepth } from './check-click-depth.ts';
import { checkLinks } from './check-links.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(ROOT, 'web/dist');

/** Runs a package's CLI; resolves with its output, rejects with the output when it fails. */
function runTool(bin: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/.bin', bin), ...args], {
      cwd: ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
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
      if (code === 0) resolve(output);
      else reject(new Error(`${bin} ${args.join(' ')} failed (exit code ${code}):\n${output}`));
    });
  });
}

/**
 * Pages whose HTML would break the Content-Security-Policy (script-src 'self', style-src 'self'): an inline
 * script, a style attribute or a <style> element. Astro inlines small scripts and styles unless told not to.
 */
export function findInlineCode(distDir: string): string[] {
  const problems: string[] = [];
  for (const file of readdirSync(distDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html')) continue;
    const html = readFileSync(path.join(distDir, file), 'utf8');
    if (/<script\b(?![^>]*\bsrc=)[^>]*>/i.test(html)) problems.push(`${file} has an inline <script>`);
    if (/<style\b/i.test(html)) problems.push(`${file} has a <style> element`);
    if (/<[^>]+\sstyle=/i.test(html)) problems.push(`${file} has a style="" attribute`);
  }
  return problems;
}

/** Warnings are worth seeing even when the build succeeds. */
function warningsIn(output: string): string[] {
  return output.split('\n').filter((line) => /\b(WARN|warn|Warning|ERROR)\b/.test(line));
}

/**
 * Builds the site from the catalog folder CATALOG_DIR names (catalog/ when unset: web/src/lib/catalog.ts) into
 * `distDir` (web/dist; the 1,000-form bench builds into a temporary folder).
 */
export async function buildSite(distDir: string = DIST): Promise<{ pages: number; tasks: number }> {
  const started = performance.now();
  const astro = await runTool('astro', ['build', '--root', 'web', '--outDir', distDir]);
  for (const line of warningsIn(astro)) console.warn(line);

  const inline = findInlineCode(distDir);
  if (inline.length > 0) throw new Error(`The CSP allows no inline code, but:\n- ${inline.join('\n- ')}`);

  const depth = checkClickDepth(distDir);
  if (depth.problems.length > 0) {
    throw new Error(`Some tasks are too many clicks from the home page:\n- ${depth.problems.join('\n- ')}`);
  }

  const links = checkLinks(distDir);
  if (links.problems.length > 0) throw new Error(`Some links lead nowhere:\n- ${links.problems.join('\n- ')}`);

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Site built: ${depth.pages} pages, ${depth.tasks.length} task pages within 3 clicks (${seconds} s).`);
  return { pages: depth.pages, tasks: depth.tasks.length };
}

if (import.meta.main) {
  try {
    await buildSite();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
