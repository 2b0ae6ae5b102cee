/**
 * The site's words and page shell, generated at build time from catalog/strings.json and the built
 * site's /_shell/ page, so pages the API renders look exactly like the static ones.
 */
export { shells, strings } from '#generated/site.js';
