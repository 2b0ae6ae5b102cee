/**
 * The site's words, its agencies and its built files, generated at build time from the catalog and the built
 * site's /_shell/ page, so pages the API renders look exactly like the static ones.
 */
import type { Locale } from '#catalog/schema';
import { agencyNames } from '#generated/site.js';

export { agencies, agencyNames, assets, strings } from '#generated/site.js';

/** Which agency runs each service: read on first use, not at start-up (it grows with the catalog, decision 118). */
let serviceAgencies: Record<string, string> | undefined;

/** Call once before `agencyNameOfService` (a handler does, at the start of each batch). */
export async function loadServiceAgencies(): Promise<void> {
  serviceAgencies ??= (await import('#generated/service-agencies.js')).serviceAgencies;
}

/** The name of the agency that runs a service, in the person's language (undefined before the load, or unknown). */
export function agencyNameOfService(serviceId: string, locale: Locale): string | undefined {
  const agency = serviceAgencies?.[serviceId];
  return agency ? agencyNames[agency]?.[locale] : undefined;
}
