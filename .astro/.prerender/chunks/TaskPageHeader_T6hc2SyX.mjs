import { K as createAstro, R as pages, U as localePath, c as homeEventOf, m as t, q as createComponent, r as html } from "./Layout_CqbAjr5B.mjs";
import { C as unescapeHTML, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_bH4pjnoS.mjs";
import { t as Breadcrumbs } from "./Breadcrumbs_CVs9x6JC.mjs";
// web/src/components/TaskPageHeader.astro
createAstro("https://portal.example.gov");
var $$TaskPageHeader = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$TaskPageHeader;
	const { locale, service, current, title } = Astro.props;
	const event = homeEventOf(service);
	const breadcrumbs = html(Breadcrumbs, {
		label: t(locale, "layout.breadcrumbs"),
		trail: [
			{
				label: t(locale, "layout.home"),
				href: localePath(locale, pages.home())
			},
			{
				label: event.title[locale],
				href: localePath(locale, pages.lifeEvent(event.id))
			},
			{
				label: service.title[locale],
				href: localePath(locale, pages.service(service.id))
			}
		],
		current
	});
	return renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(breadcrumbs)}` })}${maybeRenderHead($$result)}<h1>${title}</h1>`;
}, "/work/h-buildspeed/web/src/components/TaskPageHeader.astro", void 0);
export { $$TaskPageHeader as t };
