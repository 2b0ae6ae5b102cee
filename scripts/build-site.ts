/**
 * Builds the static site: Astro → inline-code, click-depth and link gates. (Search runs in a function on the
 * catalog, scripts/build-functions.ts.) Astro runs in this process, through its `build` API (decision 0135): the
 * catalog the build script has already checked is handed to the site's pages instead of being read and checked a
 * second time, and the gates read the built pages once between them. Output is kept quiet unless something fails.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import { type Catalog, CatalogError, catalogDir, handOverCatalog, loadCatalog } from '../catalog/src/load.ts';
import { type BuiltSite, readBuiltSite } from './built-pages.ts';
import { checkClickDepthOf } from './check-click-depth.ts';
import { checkLinksOf } from './check-links.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(ROOT, 'web/dist');

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>/i;
const STYLE_ELEMENT = /<style\b/i;
const STYLE_ATTRIBUTE = /<[^>]+\sstyle=/i;

/**
 * Pages whose HTML would break the Content-Security-Policy (script-src 'self', style-src 'self'): an inline
 * script, a style attribute or a <style> element. Astro inlines small scripts and styles unless told not to.
 */
export function inlineCodeOf(site: BuiltSite): string[] {
  const problems: string[] = [];
  for (const { file, html } of site.pages) {
    if (INLINE_SCRIPT.test(html)) problems.push(`${file} has an inline <script>`);
    if (STYLE_ELEMENT.test(html)) problems.push(`${file} has a <style> element`);
    // The quick test first: the full one scans from every "<" to its ">" (a third of the gates' time before).
    if (/\sstyle=/i.test(html) && STYLE_ATTRIBUTE.test(html)) problems.push(`${file} has a style="" attribute`);
  }
  return problems;
}

/** The same, reading the site in `distDir`. */
export function findInlineCode(distDir: string): string[] {
  return inlineCodeOf(readBuiltSite(distDir));
}

/** The three gates on a built site, each failure as one error listing every problem. */
export function checkBuiltSite(distDir: string): { pages: number; tasks: number } {
  const site = readBuiltSite(distDir);
  const inline = inlineCodeOf(site);
  if (inline.length > 0) throw new Error(`The CSP allows no inline code, but:\n- ${inline.join('\n- ')}`);

  const depth = checkClickDepthOf(site, 3, distDir);
  if (depth.problems.length > 0) {
    throw new Error(`Some tasks are too many clicks from the home page:\n- ${depth.problems.join('\n- ')}`);
  }

  const links = checkLinksOf(site);
  if (links.problems.length > 0) throw new Error(`Some links lead nowhere:\n- ${links.problems.join('\n- ')}`);
  return { pages: depth.pages, tasks: depth.tasks.length };
}

/**
 * Builds the site from `catalog`, the catalog folder CATALOG_DIR names (catalog/ when unset), already loaded and
 * checked, into `distDir` (web/dist; the 1,000-form bench builds into a temporary folder). Warnings are printed;
 * Astro's page-by-page log is not (`logLevel: 'warn'`).
 */
export async function buildSite(
  catalog: Catalog,
  distDir: string = DIST,
): Promise<{ pages: number; tasks: number; cpuMs: { astro: number; gates: number } }> {
  const started = performance.now();
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  // Astro and web/astro.config.ts resolve paths from the repository root, as the CLI did when run from there.
  if (process.cwd() !== ROOT) process.chdir(ROOT);
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  handOverCatalog(catalogDir(), catalog);
  const beforeAstro = cpu();
  await build({ root: path.join(ROOT, 'web'), outDir: distDir, logLevel: 'warn' });
  const afterAstro = cpu();

  const { pages, tasks } = checkBuiltSite(distDir);
  const cpuMs = { astro: afterAstro - beforeAstro, gates: cpu() - afterAstro };
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Site built: ${pages} pages, ${tasks} task pages within 3 clicks (${seconds} s).`);
  return { pages, tasks, cpuMs };
}

// `node scripts/build-site.ts [outDir]`: the catalog's checks and the site alone, as `npm run build` does them (the
// 1,000-form bench runs this, and reads the CPU split from its last line).
if (import.meta.main) {
  try {
    const { cpuMs } = await buildSite(loadCatalog(), process.argv[2] ? path.resolve(process.argv[2]) : DIST);
    console.log(`CPU: Astro ${cpuMs.astro.toFixed(0)} ms, gates ${cpuMs.gates.toFixed(0)} ms`);
  } catch (error) {
    console.error(error instanceof CatalogError ? error.message : (error as Error).message);
    process.exit(1);
  }
}
