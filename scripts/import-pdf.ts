/**
 * `npm run import-pdf -- path/to/form.pdf [--id form-id] [--catalog dir]`: turns an agency's fillable PDF into a
 * draft catalog form (catalog/forms/<id>.json, English labels, Spanish marked "[translate]"), keeps the PDF and the
 * mapping from questions to its fields (catalog/pdf-forms/<id>.pdf and .json), and prints what a person must
 * finish. A PDF it cannot read gets one line saying why and exit code 1.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { catalogDir } from '../catalog/src/load.ts';
import { type Draft, draftForm, slug } from './pdf-import/draft-form.ts';
import { readPdf, UnreadablePdfError } from './pdf-import/read-pdf.ts';

export interface ImportResult {
  draft: Draft;
  written: string[];
}

/** Reads the PDF and drafts the form; writes nothing. */
export async function importPdf(bytes: Uint8Array, id: string, progress: (message: string) => void = () => {}): Promise<Draft> {
  const read = await readPdf(bytes, (page, pages) => progress(`Read the words of page ${page} of ${pages}`));
  progress(`Found ${read.fields.length} fields on ${read.pageCount} page${read.pageCount === 1 ? '' : 's'}`);
  return draftForm(read, {
    id,
    onField: (done, all) => {
      if (done % 25 === 0 || done === all) progress(`Labelled ${done} of ${all} fields`);
    },
  });
}

/** Writes the draft form, the mapping and a copy of the PDF into a catalog folder. */
export function writeDraft(draft: Draft, pdfPath: string, catalog: string, force: boolean): string[] {
  const formFile = join(catalog, 'forms', `${draft.form.id}.json`);
  const mapFile = join(catalog, 'pdf-forms', `${draft.form.id}.json`);
  const pdfFile = join(catalog, 'pdf-forms', draft.map.pdf);
  for (const file of [formFile, mapFile])
    if (existsSync(file) && !force) throw new UnreadablePdfError(`${file} already exists: choose another --id, or add --force`);
  mkdirSync(join(catalog, 'forms'), { recursive: true });
  mkdirSync(join(catalog, 'pdf-forms'), { recursive: true });
  writeFileSync(formFile, `${JSON.stringify(draft.form, null, 2)}\n`);
  writeFileSync(mapFile, `${JSON.stringify(draft.map, null, 2)}\n`);
  if (resolve(pdfPath) !== resolve(pdfFile)) copyFileSync(pdfPath, pdfFile);
  return [formFile, mapFile, pdfFile];
}

if (import.meta.main) {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { id: { type: 'string' }, catalog: { type: 'string' }, force: { type: 'boolean' } },
    });
  } catch (error) {
    console.error(`import-pdf: ${(error as Error).message}`);
    process.exit(2);
  }
  const file = args.positionals[0];
  if (!file || args.positionals.length > 1) {
    console.error('Usage: npm run import-pdf -- path/to/form.pdf [--id form-id] [--catalog folder] [--force]');
    process.exit(2);
  }
  const id = String(args.values.id ?? slug(basename(file).replace(/\.pdf$/i, '')));
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
    console.error(`import-pdf: "${id}" is not a form id: use lowercase letters, numbers and single hyphens (--id)`);
    process.exit(2);
  }
  try {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch {
      throw new UnreadablePdfError('the file cannot be opened: check the path');
    }
    const draft = await importPdf(bytes, id, (message) => console.error(`… ${message}`));
    const written = writeDraft(draft, file, String(args.values.catalog ?? catalogDir()), Boolean(args.values.force));
    const found = draft.fields.filter((field) => field.source !== 'name').length;
    console.log(
      `Drafted "${draft.form.title.en}": ${draft.form.pages.length} pages, ${draft.map.fields.length} questions from ${draft.fields.length} PDF fields (${found} labels found).`,
    );
    for (const path of written) console.log(`  wrote ${path}`);
    console.log(`\nFor a person to finish (${draft.undecided.length}):`);
    for (const line of draft.undecided) console.log(`- ${line}`);
    console.log(`\nThen add a service whose "form" is "${id}" and list it in a life event; \`npm run build\` checks the rest.`);
  } catch (error) {
    if (error instanceof UnreadablePdfError) {
      console.error(`import-pdf: cannot import ${file}: ${error.message}`);
      process.exit(1);
    }
    console.error(`import-pdf: cannot import ${file}: ${(error as Error).message}`);
    process.exit(1);
  }
}
