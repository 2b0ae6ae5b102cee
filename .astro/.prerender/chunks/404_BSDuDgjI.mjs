import { J as __exportAll, K as createAstro, R as pages, U as localePath, d as localePaths, f as otherLocales, m as t, q as createComponent, t as $$Layout } from "./Layout_CqbAjr5B.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate } from "./server_bH4pjnoS.mjs";
// web/src/pages/[...lang]/404.astro
var _404_exports = /* @__PURE__ */ __exportAll({
	default: () => $$404,
	file: () => $$file,
	getStaticPaths: () => getStaticPaths,
	url: () => $$url
});
createAstro("https://portal.example.gov");
var getStaticPaths = () => localePaths();
var $$404 = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$404;
	const { locale } = Astro.props;
	return renderTemplate`${renderComponent($$result, "Layout", $$Layout, {
		"locale": locale,
		"title": t(locale, "notFound.title"),
		"kind": "plain"
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t(locale, "notFound.title")}</h1><p>${t(locale, "notFound.text")}</p><p><a class="usa-link"${addAttribute(localePath(locale, pages.home()), "href")}>${t(locale, "notFound.homeLink")}</a></p>${otherLocales(locale).map((other) => renderTemplate`<div${addAttribute(other, "lang")} class="portal-section"><p><strong>${t(other, "notFound.title")}</strong></p><p>${t(other, "notFound.text")}</p><p><a class="usa-link"${addAttribute(localePath(other, pages.home()), "href")}>${t(other, "notFound.homeLink")}</a></p></div>`)}` })}`;
}, "/work/h-buildspeed/web/src/pages/[...lang]/404.astro", void 0);
var $$file = "/work/h-buildspeed/web/src/pages/[...lang]/404.astro";
var $$url = "/[...lang]/404/";
// \0virtual:astro:page:src/pages/[...lang]/404@_@astro
var page = () => _404_exports;
export { page };
