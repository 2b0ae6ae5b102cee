import { J as __exportAll, K as createAstro, R as pages, U as localePath, d as localePaths, m as t, q as createComponent, r as html, s as catalog, t as $$Layout } from "./Layout_CqbAjr5B.mjs";
import { C as unescapeHTML, g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_bH4pjnoS.mjs";
import { t as LinkCard } from "./LinkCard_Bfnv4FlJ.mjs";
// web/src/pages/[...lang]/index.astro
var ____lang__exports = /* @__PURE__ */ __exportAll({
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
	return renderTemplate`${renderComponent($$result, "Layout", $$Layout, {
		"locale": locale,
		"path": pages.home(),
		"kind": "content"
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t(locale, "home.title")}</h1><p class="usa-intro">${t(locale, "home.intro")}</p><section class="portal-section--first" aria-labelledby="common-heading"><h2 id="common-heading">${t(locale, "home.commonHeading")}</h2><ul class="usa-list usa-list--unstyled portal-common-tasks" data-common-tasks><li><a class="usa-link"${addAttribute(localePath(locale, pages.payBill()), "href")}>${t(locale, "home.payLink")}</a></li><li><a class="usa-link"${addAttribute(localePath(locale, pages.status()), "href")}>${t(locale, "home.statusLink")}</a></li><li><a class="usa-link"${addAttribute(localePath(locale, pages.allServices()), "href")}>${t(locale, "home.allServicesLink")}</a></li></ul></section><section class="portal-section" aria-labelledby="life-events-heading"><h2 id="life-events-heading">${t(locale, "home.lifeEventsHeading")}</h2><ul class="usa-card-group portal-card-group">${catalog.lifeEvents.map((event) => renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(html(LinkCard, {
		title: event.title[locale],
		href: localePath(locale, pages.lifeEvent(event.id)),
		summary: event.summary[locale]
	}))}` })}`)}</ul></section>` })}`;
}, "/work/h-buildspeed/web/src/pages/[...lang]/index.astro", void 0);
var $$file = "/work/h-buildspeed/web/src/pages/[...lang]/index.astro";
var $$url = "/[...lang]/";
// \0virtual:astro:page:src/pages/[...lang]/index@_@astro
var page = () => ____lang__exports;
export { page };
