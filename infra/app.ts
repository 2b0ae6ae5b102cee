/**
 * The CDK app (`npx cdk deploy --all`): reads agency.config.json (or the file AGENCY_CONFIG names, e.g. one
 * per environment) and the catalog's agency ids once, runs the rule packs, defines the three stacks.
 * Problems in the config are listed in plain words, all at once.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CatalogError, loadCatalog } from '../catalog/src/load.ts';
import { routes } from '../functions/http/routes.ts';
import { AgencyConfigError, loadAgencyConfig } from './config.ts';

const SITE_DIR = fileURLToPath(new URL('../web/dist', import.meta.url));
const FORMS_DIR = fileURLToPath(new URL('../functions/generated/forms', import.meta.url));

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let config: ReturnType<typeof loadAgencyConfig>;
let agencyIds: string[];
try {
  agencyIds = [...loadCatalog().agencies.keys()];
  config = loadAgencyConfig(process.env.AGENCY_CONFIG || undefined, agencyIds);
} catch (error) {
  if (error instanceof AgencyConfigError || error instanceof CatalogError) fail(error.message);
  throw error;
}
if (!existsSync(`${SITE_DIR}/index.html`) || !existsSync(FORMS_DIR))
  fail('The site is not built: run `npm run build` first (`npm run synth` and `npx cdk deploy` do it for you).');

// Loaded only once the config is known to be good, so a mistake is reported in a moment.
const { App } = await import('aws-cdk-lib');
const { applyRulePacks, definePortal } = await import('./portal.ts');
const app = new App();
applyRulePacks(app);
definePortal(app, { config, agencyIds, routes, siteDir: SITE_DIR });
