import { W as LOCALES, s as catalog, u as langParam } from "./Layout_CqbAjr5B.mjs";
// web/src/lib/service-pages.ts
/** Static paths for the pages under /services/<id>/, once per language. */
function servicePaths(include = () => true) {
	return LOCALES.flatMap((locale) => [...catalog.services.values()].filter(include).map((service) => ({
		params: {
			lang: langParam(locale),
			service: service.id
		},
		props: {
			locale,
			service
		}
	})));
}
export { servicePaths as t };
