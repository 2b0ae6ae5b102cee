/**
 * `npm run publish-forms`: records the version every form file says as published (docs/decisions/0085), by
 * copying its definition to catalog/published/<form id>/v<version>.json. A published version never changes: the
 * build refuses a form whose definition differs from its published version. Prints what it published.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG_DIR, canonicalJson, PUBLISHED_DIR, versionOf } from '../catalog/src/load.ts';

const formsDir = join(CATALOG_DIR, 'forms');
let published = 0;
let refused = 0;
for (const name of readdirSync(formsDir)
  .filter((file) => file.endsWith('.json'))
  .sort()) {
  const text = readFileSync(join(formsDir, name), 'utf8');
  const data = JSON.parse(text) as unknown;
  const id = name.replace(/\.json$/, '');
  const version = versionOf(data);
  const folder = join(CATALOG_DIR, PUBLISHED_DIR, id);
  const file = join(folder, `v${version}.json`);
  if (existsSync(file)) {
    if (canonicalJson(JSON.parse(readFileSync(file, 'utf8'))) !== canonicalJson(data)) {
      console.error(
        `catalog/forms/${name}: version ${version} is already published with another definition. Set "version": ${version + 1}.`,
      );
      refused++;
    }
    continue;
  }
  mkdirSync(folder, { recursive: true });
  writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
  console.log(`Published ${id} version ${version}`);
  published++;
}
console.log(`${published} form version${published === 1 ? '' : 's'} published${refused ? `, ${refused} refused` : ''}.`);
if (refused > 0) process.exit(1);
