import { J as __exportAll, K as createAstro, R as pages, U as localePath, d as localePaths, m as t, q as createComponent, r as html, s as catalog, t as $$Layout } from "./Layout_CqbAjr5B.mjs";
import { C as unescapeHTML, g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_bH4pjnoS.mjs";
import { t as Breadcrumbs } from "./Breadcrumbs_CVs9x6JC.mjs";
import { t as $$ServiceCards } from "./ServiceCards_liBji9YR.mjs";
// web/src/pages/[...lang]/services/index.astro
var services_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	getStaticPaths: () => getStaticPaths,
	url: () => $$url
});
createAstro("https://portal.example.gov");
var getStaticPaths = () => localePaths();
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Index;
	const { locale } = Astro.props;
	const title = t(locale, "services.allTitle");
	const collator = new Intl.Collator(locale, { sensitivity: "base" });
	const services = [...catalog.services.values()].sort((a, b) => collator.compare(a.title[locale], b.title[locale]));
	const letterOf = (title) => title.normalize("NFD").charAt(0).toLocaleUpperCase(locale);
	const letters = [...new Set(services.map((service) => letterOf(service.title[locale])))];
	return renderTemplate`${renderComponent($$result, "Layout", $$Layout, {
		"locale": locale,
		"title": title,
		"description": t(locale, "services.allIntro"),
		"path": pages.allServices(),
		"kind": "content"
	}, { "default": ($$result) => renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(html(Breadcrumbs, {
		label: t(locale, "layout.breadcrumbs"),
		trail: [{
			label: t(locale, "layout.home"),
			href: localePath(locale, pages.home())
		}],
		current: title
	}))}` })}${maybeRenderHead($$result)}<h1>${title}</h1><p class="usa-intro">${t(locale, "services.allIntro")}</p>${letters.map((letter) => renderTemplate`<section class="portal-section"${addAttribute(`letter-${letter}`, "aria-labelledby")}><h2${addAttribute(`letter-${letter}`, "id")}>${letter}</h2>${renderComponent($$result, "ServiceCards", $$ServiceCards, {
		"locale": locale,
		"services": services.filter((service) => letterOf(service.title[locale]) === letter)
	})}</section>`)}` })}`;
}, "/work/h-buildspeed/web/src/pages/[...lang]/services/index.astro", void 0);
var $$file = "/work/h-buildspeed/web/src/pages/[...lang]/services/index.astro";
var $$url = "/[...lang]/services/";
// \0virtual:astro:page:src/pages/[...lang]/services/index@_@astro
var page = () => services_exports;
export { page };
