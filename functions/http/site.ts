/**
 * The site's words, its agencies and its built files, generated at build time from the catalog and the built
 * site's /_shell/ page, so pages the API renders look exactly like the static ones.
 */
export { agencies, agencyNames, assets, formTitles, services, strings } from '#generated/site.js';
