/**
 * `npm run build`: check the catalog (friendly errors, all at once), build the site (Astro, click-depth
 * gate, search index), then generate what the functions load (per-form validators, page shells).
 */
import { performance } from 'node:perf_hooks';
import { CatalogError, loadCatalog } from '../catalog/src/load.ts';
import { generateFunctionData, writeOpenApi } from './build-functions.ts';
import { buildSite } from './build-site.ts';

const DIST_DIR = new URL('../web/dist/', import.meta.url).pathname;

const started = performance.now();
let catalog: ReturnType<typeof loadCatalog>;
try {
  catalog = loadCatalog();
} catch (error) {
  if (!(error instanceof CatalogError)) throw error;
  console.error(error.message);
  process.exit(1);
}
await buildSite(catalog);
const { forms } = generateFunctionData(catalog, DIST_DIR);
await writeOpenApi(catalog);
console.log(`Built the site and ${forms} form validators in ${((performance.now() - started) / 1000).toFixed(1)} s`);
