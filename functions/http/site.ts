/**
 * The site's words, its agencies and its built files, generated at build time from the catalog and the built
 * site's /_shell/ page, so pages the API renders look exactly like the static ones.
 */
import type { Locale } from '#catalog/schema';
import { agencyNames } from '#generated/site.js';

export { agencies, agencyNames, assets, strings } from '#generated/site.js';

/**
 * What grows with the catalog (which agency runs each service, each form's title): read on first use, not at
 * start-up (decision 118).
 */
let index: typeof import('#generated/catalog-index.js') | undefined;

/** Call once before `agencyNameOfService` or `formTitleOf` (a handler does, at the start of each request or batch). */
export async function loadCatalogIndex(): Promise<void> {
  index ??= await import('#generated/catalog-index.js');
}

/** The name of the agency that runs a service, in the person's language (undefined before the load, or unknown). */
export function agencyNameOfService(serviceId: string, locale: Locale): string | undefined {
  const agency = index?.serviceAgencies[serviceId];
  return agency ? agencyNames[agency]?.[locale] : undefined;
}

/** A form's title, in the person's language (undefined before the load, or unknown). */
export function formTitleOf(formId: string, locale: Locale): string | undefined {
  return index?.formTitles[formId]?.[locale];
}
