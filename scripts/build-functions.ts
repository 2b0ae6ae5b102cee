/**
 * Generates what the functions load at run time, from the catalog and the built site:
 * - functions/generated/forms/<form-id>.js — one module per form: its ajv standalone validator (compiled
 *   here, at build time), its definition and its service, loaded lazily by the submit handler;
 * - functions/generated/site.js — the site's strings, the agencies' names, and the stylesheet, scripts and
 *   images of the built site (read off web/dist/_shell/), so pages the functions render look like the site's.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { jsonSchemaFor } from '../catalog/src/form-schema.ts';
import { localePath, translate, withAgency } from '../catalog/src/i18n.ts';
import { type Catalog, catalogDir, serviceOfForm } from '../catalog/src/load.ts';
import { LOCALES, type Locale } from '../catalog/src/schema.ts';
import type { SearchEntry, SearchIndex } from '../catalog/src/search.ts';
import { loadContracts } from '../functions/contracts/load.ts';
import { buildOpenApi } from '../functions/contracts/openapi.ts';
import { loadAgencyConfig } from '../infra/config.ts';
import type { SiteAssets } from '../ui/chrome/assets.ts';
import { pageHref, pages } from '../ui/paths.ts';

export const GENERATED_DIR = new URL('../functions/generated/', import.meta.url).pathname;

/** The ajv every form validator is compiled with (tests compile with it too, so they test what ships). */
export function validatorAjv(options: { source: boolean } = { source: true }): Ajv2020 {
  // unicode: false counts maxLength in UTF-16 units (stricter for emoji) and keeps the code free of runtime imports.
  return new Ajv2020({
    code: { source: options.source, esm: true, optimize: true },
    allErrors: true,
    strict: true,
    // A question asked only sometimes is required inside `then` (catalog/src/form-schema.ts), not beside its properties.
    strictRequired: false,
    // A shared definition (an address, a name) stays one function, not one copy per question.
    inlineRefs: false,
    unicode: false,
    logger: false,
  });
}

export function compileValidator(schema: Record<string, unknown>): string {
  const ajv = validatorAjv();
  const code = standalone.default(ajv, ajv.compile(schema));
  if (/\brequire\(/.test(code))
    throw new Error('A generated validator needs a runtime import; keep form schemas to plain keywords');
  return code;
}

type Element = DefaultTreeAdapterMap['element'];

function elements(node: DefaultTreeAdapterMap['parentNode']): Element[] {
  return node.childNodes.flatMap((child) => ('tagName' in child ? [child, ...elements(child)] : []));
}

/** The stylesheet links, module scripts and chrome images of the built shell page (web/src/layouts/Layout.astro). */
export function siteAssets(shellHtml: string): SiteAssets {
  const all = elements(parse(shellHtml));
  const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
  const stylesheets = all
    .filter((e) => e.tagName === 'link' && attr(e, 'rel') === 'stylesheet')
    .map((e) => attr(e, 'href') ?? '');
  const scripts = all.filter((e) => e.tagName === 'script' && attr(e, 'type') === 'module').map((e) => attr(e, 'src') ?? '');
  const images = attr(all.find((e) => e.tagName === 'body')!, 'data-site-images');
  if (stylesheets.length === 0 || scripts.length === 0 || !images)
    throw new Error(
      "web/dist/_shell/index.html has no stylesheet, scripts or data-site-images: is the layout's shell kind intact?",
    );
  return { stylesheets, scripts, images: JSON.parse(images) as SiteAssets['images'] };
}

/**
 * What site search finds, per language: one entry per service (never its apply, pay and status pages too),
 * one per life event, and the tasks on the home page. Summaries are the catalog's own sentences.
 */
export function searchIndex(catalog: Catalog): SearchIndex {
  const entriesFor = (locale: Locale): SearchEntry[] => {
    const t = (key: string) => translate(catalog.strings, key, locale);
    const services = [...catalog.services.values()].map((service): SearchEntry => {
      const agency = catalog.agencies.get(service.agency);
      const events = catalog.lifeEvents.filter((event) => event.services.includes(service.id));
      return {
        kind: 'service',
        title: service.title[locale],
        summary: service.summary[locale],
        href: pageHref(locale, pages.service(service.id)),
        keywords: [
          agency?.name[locale],
          agency?.shortName[locale],
          ...events.map((e) => e.title[locale]),
          ...service.eligibility[locale],
        ]
          .filter(Boolean)
          .join(' · '),
      };
    });
    const events = catalog.lifeEvents.map(
      (event): SearchEntry => ({
        kind: 'lifeEvent',
        title: event.title[locale],
        summary: event.summary[locale],
        href: pageHref(locale, pages.lifeEvent(event.id)),
        keywords: '',
      }),
    );
    const tasks: SearchEntry[] = [
      {
        kind: 'task',
        title: t('bill.pageTitle'),
        summary: t('bill.intro'),
        href: pageHref(locale, pages.payBill()),
        keywords: t('home.payLink'),
      },
      {
        kind: 'task',
        title: t('status.title'),
        summary: t('status.intro'),
        href: pageHref(locale, pages.status()),
        keywords: '',
      },
    ];
    return [...services, ...events, ...tasks];
  };
  return Object.fromEntries(LOCALES.map((locale) => [locale, entriesFor(locale)])) as SearchIndex;
}

/**
 * What the confirmation and status pages tell people next about a service: how long it takes and whom to call. In
 * the form's own module (read when the page loads the form), so no function's start-up grows with the catalog.
 */
function factsOf(catalog: Catalog, serviceId: string) {
  const service = catalog.services.get(serviceId);
  const agency = service && catalog.agencies.get(service.agency);
  return service
    ? {
        processingTime: service.processingTime,
        ...(agency && { agency: { name: agency.name, phone: agency.phone, hours: agency.hours } }),
      }
    : undefined;
}

export function generateFunctionData(
  catalog: Catalog,
  distDir: string,
  outDir = GENERATED_DIR,
  catalogFolder = catalogDir(),
): { forms: number } {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'forms'), { recursive: true });
  for (const form of catalog.forms.values()) {
    const service = serviceOfForm(catalog, form.id);
    const pdf = catalog.pdfForms.get(form.id);
    const module =
      `// Generated from catalog/forms/${form.id}.json by scripts/build-functions.ts. Do not edit.\n` +
      `${compileValidator(jsonSchemaFor(form))}\n` +
      `export const form = ${JSON.stringify(form)};\n` +
      `export const service = ${JSON.stringify({ id: service.id, agency: service.agency, title: service.title, ...(service.fee && { fee: service.fee }), facts: factsOf(catalog, service.id) })};\n` +
      // The agency's own PDF sits beside the module (<form-id>.pdf), read only when someone downloads one.
      (pdf ? `export const pdfMap = ${JSON.stringify(pdf.fields)};\n` : '');
    writeFileSync(join(outDir, 'forms', `${form.id}.js`), module);
    if (pdf) copyFileSync(join(catalogFolder, 'pdf-forms', pdf.pdf), join(outDir, 'forms', `${form.id}.pdf`));
    // Older published versions keep their own validator: a draft started on one still validates against it.
    for (const older of catalog.olderVersions.get(form.id) ?? []) {
      writeFileSync(
        join(outDir, 'forms', `${form.id}@${older.version}.js`),
        `// Generated from catalog/published/${form.id}/v${older.version}.json by scripts/build-functions.ts. Do not edit.\n` +
          `${compileValidator(jsonSchemaFor(older))}\n` +
          `export const form = ${JSON.stringify(older)};\n` +
          `export const service = ${JSON.stringify({ id: service.id, agency: service.agency, title: service.title, ...(service.fee && { fee: service.fee }) })};\n`,
      );
    }
  }
  const assets = siteAssets(readFileSync(join(distDir, '_shell', 'index.html'), 'utf8'));
  const agencies = Object.fromEntries(
    LOCALES.map((locale: Locale) => [locale, [...catalog.agencies.values()].map((agency) => agency.name[locale])]),
  );
  // Agency names by id: timeline entries (any channel) name their agency by id.
  const agencyNames = Object.fromEntries([...catalog.agencies.values()].map((agency) => [agency.id, agency.name]));
  // What grows with the catalog and only some functions read, in a module of its own read on first use, not at
  // start-up (decision 118): which agency runs each service (the notifier's and the texts' messages name it) and
  // each form's title ("My account" lists drafts, the notifier names the form saved: decision 0082).
  const serviceAgencies = Object.fromEntries([...catalog.services.values()].map((service) => [service.id, service.agency]));
  const formTitles = Object.fromEntries([...catalog.forms.values()].map((form) => [form.id, form.title]));
  writeFileSync(
    join(outDir, 'catalog-index.js'),
    `// Generated by scripts/build-functions.ts. Do not edit.\nexport const serviceAgencies = ${JSON.stringify(serviceAgencies)};\n` +
      `export const formTitles = ${JSON.stringify(formTitles)};\n`,
  );
  writeFileSync(
    join(outDir, 'catalog-index.d.ts'),
    'export declare const serviceAgencies: Record<string, string>;\n' +
      "export declare const formTitles: Record<string, import('../../catalog/src/schema.ts').Localized>;\n",
  );
  writeFileSync(
    join(outDir, 'site.js'),
    `// Generated by scripts/build-functions.ts. Do not edit.\nexport const strings = ${JSON.stringify(withAgency(catalog.strings, loadAgencyConfig().agency))};\n` +
      `export const agencies = ${JSON.stringify(agencies)};\nexport const assets = ${JSON.stringify(assets)};\n` +
      `export const agencyNames = ${JSON.stringify(agencyNames)};\n`,
  );
  // The site's own 404 page in each language, for paths the site bucket does not have (site-not-found.ts).
  const notFoundPages = Object.fromEntries(
    LOCALES.map((locale: Locale) => [locale, readFileSync(join(distDir, localePath(locale, '/404.html')), 'utf8')]),
  );
  writeFileSync(
    join(outDir, 'not-found.js'),
    `// Generated by scripts/build-functions.ts. Do not edit.\nexport const notFoundPages = ${JSON.stringify(notFoundPages)};\n`,
  );
  writeFileSync(
    join(outDir, 'not-found.d.ts'),
    `import type { Locale } from '../../catalog/src/schema.ts';\nexport declare const notFoundPages: Record<Locale, string>;\n`,
  );
  // Its own module, read only by the staff pages: each agency's name and its services (the queue's filter, titles).
  const workspaceAgencies = Object.fromEntries(
    [...catalog.agencies.values()].map((agency) => [
      agency.id,
      {
        name: agency.name,
        services: [...catalog.services.values()]
          .filter((service) => service.agency === agency.id)
          .map((service) => ({ id: service.id, title: service.title })),
      },
    ]),
  );
  writeFileSync(
    join(outDir, 'workspace.js'),
    `// Generated by scripts/build-functions.ts. Do not edit.\nexport const workspaceAgencies = ${JSON.stringify(workspaceAgencies)};\n`,
  );
  writeFileSync(
    join(outDir, 'workspace.d.ts'),
    `import type { Localized } from '../../catalog/src/schema.ts';\n` +
      `export declare const workspaceAgencies: Record<string, { name: Localized; services: { id: string; title: Localized }[] }>;\n`,
  );
  // Its own module: only the search function loads it.
  // JSON.parse of a string: V8 reads a large JSON text faster than the same object as code (decision 118).
  writeFileSync(
    join(outDir, 'search.js'),
    `// Generated by scripts/build-functions.ts. Do not edit.\nexport const searchIndex = JSON.parse(${JSON.stringify(JSON.stringify(searchIndex(catalog)))});\n`,
  );
  writeFileSync(
    join(outDir, 'search.d.ts'),
    `import type { SearchIndex } from '../../catalog/src/search.ts';\nexport declare const searchIndex: SearchIndex;\n`,
  );
  // Which forms an agency's work comes in, in catalog order: the export's columns (only the export loads it).
  const agencyForms: Record<string, { serviceId: string; formId: string }[]> = {};
  for (const service of catalog.services.values()) {
    agencyForms[service.agency] ??= [];
    agencyForms[service.agency]?.push({ serviceId: service.id, formId: service.form });
  }
  writeFileSync(
    join(outDir, 'agency-forms.js'),
    `// Generated by scripts/build-functions.ts. Do not edit.\nexport const agencyForms = ${JSON.stringify(agencyForms)};\n`,
  );
  writeFileSync(
    join(outDir, 'agency-forms.d.ts'),
    'export declare const agencyForms: Record<string, { serviceId: string; formId: string }[]>;\n',
  );
  writeFileSync(
    join(outDir, 'site.d.ts'),
    `import type { Locale, Strings } from '../../catalog/src/schema.ts';\nimport type { SiteAssets } from '../../ui/chrome/assets.ts';\n` +
      `export declare const strings: Strings;\nexport declare const agencies: Record<Locale, string[]>;\nexport declare const assets: SiteAssets;\n` +
      `export declare const agencyNames: Record<string, import('../../catalog/src/schema.ts').Localized>;\n`,
  );
  return { forms: catalog.forms.size };
}

/** The API's OpenAPI document as a JSON file and, already serialised, the module GET /api/openapi.json serves. */
export async function openApiDocument(catalog: Catalog): Promise<Record<string, unknown>> {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return buildOpenApi({ forms: [...catalog.forms.values()], contracts: await loadContracts(), version });
}

export async function writeOpenApi(catalog: Catalog, outDir = GENERATED_DIR): Promise<void> {
  const text = JSON.stringify(await openApiDocument(catalog));
  writeFileSync(join(outDir, 'openapi.json'), `${text}\n`);
  writeFileSync(
    join(outDir, 'openapi.js'),
    `// Generated by scripts/build-functions.ts from the route table and functions/contracts/. Do not edit.\nexport const openApiJson = ${JSON.stringify(text)};\n`,
  );
  writeFileSync(join(outDir, 'openapi.d.ts'), 'export declare const openApiJson: string;\n');
}
