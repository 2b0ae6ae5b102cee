import { J as __exportAll, K as createAstro, R as pages, U as localePath, W as LOCALES, m as t, p as servicesOf, q as createComponent, r as html, s as catalog, t as $$Layout, u as langParam } from "./Layout_CqbAjr5B.mjs";
import { C as unescapeHTML, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_bH4pjnoS.mjs";
import { t as Breadcrumbs } from "./Breadcrumbs_CVs9x6JC.mjs";
import { t as $$ServiceCards } from "./ServiceCards_liBji9YR.mjs";
// web/src/pages/[...lang]/life-events/[event].astro
var _event__exports = /* @__PURE__ */ __exportAll({
	default: () => $$Event,
	file: () => $$file,
	getStaticPaths: () => getStaticPaths,
	url: () => $$url
});
createAstro("https://portal.example.gov");
var getStaticPaths = () => LOCALES.flatMap((locale) => catalog.lifeEvents.map((event) => ({
	params: {
		lang: langParam(locale),
		event: event.id
	},
	props: {
		locale,
		event
	}
})));
var $$Event = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Event;
	const { locale, event } = Astro.props;
	const title = event.title[locale];
	return renderTemplate`${renderComponent($$result, "Layout", $$Layout, {
		"locale": locale,
		"title": title,
		"description": event.summary[locale],
		"path": pages.lifeEvent(event.id),
		"kind": "content"
	}, { "default": ($$result) => renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(html(Breadcrumbs, {
		label: t(locale, "layout.breadcrumbs"),
		trail: [{
			label: t(locale, "layout.home"),
			href: localePath(locale, pages.home())
		}],
		current: title
	}))}` })}${maybeRenderHead($$result)}<h1>${title}</h1><p class="usa-intro">${event.summary[locale]}</p><section class="portal-section" aria-labelledby="services-heading"><h2 id="services-heading">${t(locale, "lifeEvent.servicesHeading")}</h2>${renderComponent($$result, "ServiceCards", $$ServiceCards, {
		"locale": locale,
		"services": servicesOf(event)
	})}</section>` })}`;
}, "/work/h-buildspeed/web/src/pages/[...lang]/life-events/[event].astro", void 0);
var $$file = "/work/h-buildspeed/web/src/pages/[...lang]/life-events/[event].astro";
var $$url = "/[...lang]/life-events/[event]/";
// \0virtual:astro:page:src/pages/[...lang]/life-events/[event]@_@astro
var page = () => _event__exports;
export { page };
