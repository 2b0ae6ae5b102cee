/**
 * Reads catalog/ from disk and checks it. Every problem names the file, the place in it and the fix;
 * all problems are reported at once so an editor can mend them in one pass.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { type PdfMap, PdfMapSchema, TRANSLATE_MARK } from './pdf-map.ts';
import {
  type Agency,
  AgencySchema,
  type Form,
  FormSchema,
  type LifeEvent,
  LifeEventSchema,
  type Service,
  ServiceSchema,
  type Strings,
  StringsSchema,
} from './schema.ts';

export interface Catalog {
  agencies: Map<string, Agency>;
  lifeEvents: LifeEvent[];
  services: Map<string, Service>;
  forms: Map<string, Form>;
  /** Older published versions of each form (catalog/published/), oldest first: drafts of them still validate. */
  olderVersions: Map<string, Form[]>;
  strings: Strings;
  /** Forms filled into the agency's own PDF (catalog/pdf-forms/<form-id>.json beside <form-id>.pdf), by form id. */
  pdfForms: Map<string, PdfMap>;
}

/** Where published form versions are kept (docs/decisions/0085): `<form id>/v<version>.json`, never edited. */
export const PUBLISHED_DIR = 'published';

/** JSON with its keys in order: the same definition whatever order its keys were written in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** A form file's version as written (absent: 1). */
export function versionOf(data: unknown): number {
  const version = (data as { version?: unknown } | null)?.version;
  return typeof version === 'number' ? version : 1;
}

export const CATALOG_DIR = fileURLToPath(new URL('..', import.meta.url));

/**
 * The one knob for which catalog folder the build, its checks and the importer read: CATALOG_DIR (a path,
 * relative to the working folder), else `fallback` (the repository's catalog/). The 1,000-form bench points it at
 * a generated catalog in a temporary folder.
 */
export function catalogDir(fallback: string = CATALOG_DIR): string {
  const chosen = process.env.CATALOG_DIR;
  return chosen ? resolve(chosen) : fallback;
}

export class CatalogError extends Error {
  override name = 'CatalogError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`The catalog has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n- ${problems.join('\n- ')}`);
    this.problems = problems;
  }
}

function readJsonFiles(dir: string): { file: string; data: unknown }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      const text = readFileSync(file, 'utf8');
      try {
        return { file, data: JSON.parse(text) as unknown };
      } catch (error) {
        return { file, data: new SyntaxError((error as Error).message) };
      }
    });
}

function where(path: PropertyKey[]): string {
  return path.length === 0
    ? ''
    : ` at ${path
        .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
        .join('')
        .replace(/^\./, '')}`;
}

/** Every Spanish text that import-pdf left in English ("[translate] …"), with where it is. */
function untranslated(data: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  if (Array.isArray(data)) return data.flatMap((item, index) => untranslated(item, [...path, index]));
  if (data === null || typeof data !== 'object') return [];
  return Object.entries(data).flatMap(([key, value]) =>
    key === 'es' && typeof value === 'string' && value.startsWith(TRANSLATE_MARK.trim())
      ? [[...path, key]]
      : untranslated(value, [...path, key]),
  );
}

function listOf(ids: Iterable<string>): string {
  return [...ids].sort().join(', ');
}

export function loadCatalog(dir: string = catalogDir()): Catalog {
  const problems: string[] = [];
  const show = (file: string) => relative(join(dir, '..'), file);

  function parseAll<T extends { id: string }>(folder: string, schema: z.ZodType<T>): T[] {
    const items: T[] = [];
    for (const { file, data } of readJsonFiles(join(dir, folder))) {
      if (data instanceof SyntaxError) {
        problems.push(`${show(file)}: this is not valid JSON (${data.message}). Check for a missing comma or quote.`);
        continue;
      }
      for (const path of untranslated(data))
        problems.push(
          `${show(file)}${where(path)}: still in English, marked "${TRANSLATE_MARK.trim()}" by import-pdf. Write the Spanish text (and drop the mark).`,
        );
      const result = schema.safeParse(data);
      if (!result.success) {
        for (const issue of result.error.issues) problems.push(`${show(file)}${where(issue.path)}: ${issue.message}`);
        continue;
      }
      const expected = basename(file, '.json');
      if (result.data.id !== expected) {
        problems.push(
          `${show(file)}: its id is "${result.data.id}" but the file is named "${expected}.json". Make them the same.`,
        );
        continue;
      }
      items.push(result.data);
    }
    return items;
  }

  const agencies = new Map(parseAll('agencies', AgencySchema).map((a) => [a.id, a]));
  const lifeEvents = parseAll('life-events', LifeEventSchema).sort((a, b) => a.order - b.order);
  const services = new Map(parseAll('services', ServiceSchema).map((s) => [s.id, s]));
  const forms = new Map(parseAll('forms', FormSchema).map((f) => [f.id, f]));
  const olderVersions = checkPublished(dir, forms, problems, show);

  let strings: Strings = {};
  const stringsFile = join(dir, 'strings.json');
  const parsedStrings = StringsSchema.safeParse(JSON.parse(readFileSync(stringsFile, 'utf8')));
  if (parsedStrings.success) strings = parsedStrings.data;
  else
    for (const issue of parsedStrings.error.issues) problems.push(`${show(stringsFile)}${where(issue.path)}: ${issue.message}`);

  for (const event of lifeEvents) {
    event.services.forEach((serviceId, index) => {
      if (!services.has(serviceId)) {
        problems.push(
          `catalog/life-events/${event.id}.json at services[${index}]: there is no service "${serviceId}". ` +
            `Use one of: ${listOf(services.keys())} — or add catalog/services/${serviceId}.json.`,
        );
      }
    });
  }

  const formOwner = new Map<string, string>();
  for (const service of services.values()) {
    const file = `catalog/services/${service.id}.json`;
    if (!agencies.has(service.agency)) {
      problems.push(
        `${file} at agency: there is no agency "${service.agency}". Use one of: ${listOf(agencies.keys())} — or add catalog/agencies/${service.agency}.json.`,
      );
    }
    if (!forms.has(service.form)) {
      problems.push(
        `${file} at form: there is no form "${service.form}". Add catalog/forms/${service.form}.json or use an existing form id.`,
      );
    }
    const owner = formOwner.get(service.form);
    if (owner)
      problems.push(
        `${file} at form: the form "${service.form}" already belongs to the service "${owner}". Give each service its own form.`,
      );
    formOwner.set(service.form, service.id);
    if (!lifeEvents.some((event) => event.services.includes(service.id))) {
      problems.push(
        `${file}: no life event lists this service, so nobody can find it. Add "${service.id}" to a life event's "services".`,
      );
    }
  }
  for (const service of services.values()) {
    const per = service.fee?.per;
    const form = forms.get(service.form);
    if (!per || !form) continue;
    const field = form.fields.find((candidate) => candidate.name === per.question);
    if (field?.type !== 'integer' || !field.required || (field.minimum ?? 0) < 1)
      problems.push(
        `catalog/services/${service.id}.json at fee.per.question: the fee is per answer to "${per.question}", which must be a required whole-number question of the form "${form.id}" asked once, with "minimum" of 1 or more`,
      );
  }
  for (const form of forms.values()) {
    if (!formOwner.has(form.id))
      problems.push(
        `catalog/forms/${form.id}.json: no service uses this form. Set "form": "${form.id}" in a service, or delete the file.`,
      );
  }

  const pdfForms = new Map<string, PdfMap>();
  const pdfDir = join(dir, 'pdf-forms');
  for (const { file, data } of existsSync(pdfDir) ? readJsonFiles(pdfDir) : []) {
    const mapping = PdfMapSchema.safeParse(data);
    if (!mapping.success) {
      for (const issue of mapping.error.issues) problems.push(`${show(file)}${where(issue.path)}: ${issue.message}`);
      continue;
    }
    problems.push(...pdfMapProblems(mapping.data, forms.get(mapping.data.form), show(file), basename(file, '.json'), pdfDir));
    pdfForms.set(mapping.data.form, mapping.data);
  }

  if (problems.length > 0) throw new CatalogError(problems);
  return { agencies, lifeEvents, services, forms, olderVersions, strings, pdfForms };
}

/** A mapping must name its own form, a PDF beside it, and questions that form asks with answers the PDF can take. */
function pdfMapProblems(mapping: PdfMap, form: Form | undefined, file: string, name: string, pdfDir: string): string[] {
  if (mapping.form !== name)
    return [`${file} at form: it says "${mapping.form}" but the file is named "${name}.json". Make them the same.`];
  if (!form)
    return [
      `${file} at form: there is no form "${mapping.form}". Add catalog/forms/${mapping.form}.json or delete this mapping.`,
    ];
  const problems: string[] = [];
  if (!existsSync(join(pdfDir, mapping.pdf)))
    problems.push(`${file} at pdf: there is no catalog/pdf-forms/${mapping.pdf}. Put the agency's PDF there.`);
  const fields = new Map(form.fields.map((field) => [field.name, field]));
  mapping.fields.forEach((entry, index) => {
    const field = fields.get(entry.question);
    if (!field) {
      problems.push(
        `${file} at fields[${index}].question: the form "${form.id}" asks no question "${entry.question}". Use one of: ${listOf(fields.keys())}`,
      );
      return;
    }
    for (const value of Object.keys(entry.options ?? {}))
      if (!(field.type === 'yesNo' ? ['yes', 'no'] : (field.options ?? []).map((o) => o.value)).includes(value))
        problems.push(`${file} at fields[${index}].options: "${entry.question}" has no option "${value}".`);
  });
  return problems;
}

/**
 * Published versions never change (decision 0085). For each form, catalog/published/<id>/v<N>.json is the
 * definition of version N as it was published. The version a form file says must be published, with the same
 * definition: a change needs the next version (and `npm run publish-forms`). Older versions are returned: the
 * build keeps their validators, so a draft started on one still validates against it. A catalog without a
 * published folder (a new agency's) has nothing published yet.
 */
function checkPublished(
  dir: string,
  forms: Map<string, Form>,
  problems: string[],
  show: (file: string) => string,
): Map<string, Form[]> {
  const older = new Map<string, Form[]>();
  const root = join(dir, PUBLISHED_DIR);
  if (!existsSync(root)) return older;
  for (const form of forms.values()) {
    const file = join(dir, 'forms', `${form.id}.json`);
    const folder = join(root, form.id);
    const published = existsSync(folder)
      ? readdirSync(folder).flatMap((name) => {
          const match = /^v(\d+)\.json$/.exec(name);
          return match ? [{ version: Number(match[1]), file: join(folder, name) }] : [];
        })
      : [];
    const current = published.find((entry) => entry.version === form.version);
    if (!current) {
      problems.push(
        `${show(file)} at version: version ${form.version} of this form is not published. Run \`npm run publish-forms\` to publish it (then it can never change).`,
      );
    } else if (
      canonicalJson(JSON.parse(readFileSync(current.file, 'utf8'))) !== canonicalJson(JSON.parse(readFileSync(file, 'utf8')))
    ) {
      problems.push(
        `${show(file)}: version ${form.version} is published (${show(current.file)}) and a published version never changes, but this definition differs from it. Set "version": ${form.version + 1} for the change, then run \`npm run publish-forms\`.`,
      );
    }
    const versions: Form[] = [];
    for (const entry of published.sort((a, b) => a.version - b.version)) {
      if (entry.version > form.version) {
        problems.push(
          `${show(file)} at version: version ${entry.version} is already published (${show(entry.file)}), so this form cannot go back to version ${form.version}. Use ${Math.max(...published.map((p) => p.version)) + 1}.`,
        );
        continue;
      }
      if (entry.version === form.version) continue;
      const parsed = FormSchema.safeParse(JSON.parse(readFileSync(entry.file, 'utf8')));
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push(`${show(entry.file)}${where(issue.path)}: ${issue.message}`);
        continue;
      }
      if (parsed.data.version !== entry.version)
        problems.push(`${show(entry.file)}: it says version ${parsed.data.version}; a published file keeps its own version.`);
      else versions.push(parsed.data);
    }
    if (versions.length > 0) older.set(form.id, versions);
  }
  return older;
}

// The handing over below goes through a global symbol: the site's pages are bundled by Vite and so hold their own
// copy of this module, in the same process as the build script that already loaded the catalog.
const CHECKED = Symbol.for('front-door:checked-catalog');
type Holder = { [CHECKED]?: { dir: string; catalog: Catalog } };

/**
 * Hands a catalog this process has loaded (and so checked) from `dir` to code that would load it again in the same
 * process: `npm run build` checks the catalog, then builds the site in-process, whose pages read it through
 * `checkedCatalog` (web/src/lib/catalog.ts). Read and checked once per build, not twice (decision 0135).
 */
export function handOverCatalog(dir: string, catalog: Catalog): void {
  (globalThis as Holder)[CHECKED] = { dir: resolve(dir), catalog };
}

/** The catalog of `dir`: the one handed over in this process for that folder if any, else loaded and checked. */
export function checkedCatalog(dir: string = catalogDir()): Catalog {
  const held = (globalThis as Holder)[CHECKED];
  return held && held.dir === resolve(dir) ? held.catalog : loadCatalog(dir);
}

/** The service a form belongs to (every form has exactly one, checked on load). */
export function serviceOfForm(catalog: Catalog, formId: string): Service {
  for (const service of catalog.services.values()) if (service.form === formId) return service;
  throw new Error(`No service uses the form "${formId}"`);
}
