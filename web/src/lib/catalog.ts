/**
 * The catalog, loaded once per build. The build always runs from the repository root; inside Vite's bundle
 * import.meta.url points at the bundle, so the folder comes from the working directory instead.
 */
import path from 'node:path';
import { localePath, translate, withAgency } from '#catalog/i18n';
import { catalogDir, checkedCatalog } from '#catalog/load';
import { DEFAULT_LOCALE, type LifeEvent, LOCALES, type Locale, type Service } from '#catalog/schema';
import { type Lang, langFor } from '#ui/lang.ts';
import { loadAgencyConfig } from '../../../infra/config.ts';

// Loaded and checked by `npm run build` before the site build, which runs Astro in the same process (decision 0135).
export const catalog = checkedCatalog(catalogDir(path.resolve(process.cwd(), 'catalog')));
const agency = loadAgencyConfig(path.resolve(process.cwd(), 'agency.config.json')).agency;
const strings = withAgency(catalog.strings, agency);

// A page asks for the same few dozen strings in its language thousands of times over a 1,000-form build: those
// without placeholders are looked up once (decision 0135).
const plain = new Map<string, string>();

/** A site string from catalog/strings.json. */
export function t(locale: Locale, key: string, params?: Record<string, string | number>): string {
  if (params !== undefined) return translate(strings, key, locale, params);
  const id = `${locale}\u0000${key}`;
  let found = plain.get(id);
  if (found === undefined) {
    found = translate(strings, key, locale);
    plain.set(id, found);
  }
  return found;
}

const langs = new Map<Locale, Lang>();

/** The words of ui/ components in a language (one object a language, its plain strings looked up once). */
export function langOf(locale: Locale): Lang {
  let lang = langs.get(locale);
  if (lang === undefined) {
    lang = { ...langFor(strings, locale), t: (key, params) => t(locale, key, params) };
    langs.set(locale, lang);
  }
  return lang;
}

/** The agencies that run the site, by name, for the identifier. */
export function agencyNames(locale: Locale): string[] {
  return [...catalog.agencies.values()].map((agency) => agency.name[locale]);
}

/** The [...lang] route segment: empty for English at the root, the locale for the others. */
export function langParam(locale: Locale): string | undefined {
  return locale === DEFAULT_LOCALE ? undefined : locale;
}

/** One static path per language, for pages that exist once per language. */
export function localePaths() {
  return LOCALES.map((locale) => ({ params: { lang: langParam(locale) }, props: { locale } }));
}

/** The other language(s), for the language switch and hreflang links. */
export function otherLocales(locale: Locale): Locale[] {
  return LOCALES.filter((candidate) => candidate !== locale);
}

export function agencyOf(service: Service) {
  const agency = catalog.agencies.get(service.agency);
  if (!agency) throw new Error(`The service "${service.id}" names an unknown agency "${service.agency}"`);
  return agency;
}

export function servicesOf(event: LifeEvent): Service[] {
  return event.services.map((id) => {
    const service = catalog.services.get(id);
    if (!service) throw new Error(`The life event "${event.id}" lists an unknown service "${id}"`);
    return service;
  });
}

/** The life event a service is filed under first: its breadcrumb parent. */
export function homeEventOf(service: Service): LifeEvent {
  const event = catalog.lifeEvents.find((candidate) => candidate.services.includes(service.id));
  if (!event) throw new Error(`No life event lists the service "${service.id}"`);
  return event;
}

export { localePath };
