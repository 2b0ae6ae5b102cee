import { I as POLICY_PAGES, J as __exportAll, K as createAstro, R as pages, U as localePath, W as LOCALES, m as t, q as createComponent, r as html, t as $$Layout, u as langParam } from "./Layout_CqbAjr5B.mjs";
import { C as unescapeHTML, g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_bH4pjnoS.mjs";
import { t as Breadcrumbs } from "./Breadcrumbs_CVs9x6JC.mjs";
// web/src/pages/[...lang]/about/[policy].astro
var _policy__exports = /* @__PURE__ */ __exportAll({
	default: () => $$Policy,
	file: () => $$file,
	getStaticPaths: () => getStaticPaths,
	url: () => $$url
});
createAstro("https://portal.example.gov");
var getStaticPaths = () => LOCALES.flatMap((locale) => POLICY_PAGES.map((policy) => ({
	params: {
		lang: langParam(locale),
		policy
	},
	props: {
		locale,
		policy
	}
})));
var $$Policy = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Policy;
	const { locale, policy } = Astro.props;
	const government = t(locale, "site.government");
	const title = t(locale, `policy.${policy}.title`);
	const text = t(locale, `policy.${policy}.text`, { government });
	return renderTemplate`${renderComponent($$result, "Layout", $$Layout, {
		"locale": locale,
		"title": title,
		"description": text,
		"path": pages.policy(policy),
		"kind": "content"
	}, { "default": ($$result) => renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(html(Breadcrumbs, {
		label: t(locale, "layout.breadcrumbs"),
		trail: [{
			label: t(locale, "layout.home"),
			href: localePath(locale, pages.home())
		}],
		current: title
	}))}` })}${maybeRenderHead($$result)}<h1>${title}</h1><p class="usa-intro">${text}</p>${policy === "about" && renderTemplate`<p><a class="usa-link"${addAttribute(localePath(locale, pages.apiReference()), "href")}>${t(locale, "apiReference.link")}</a></p>`}` })}`;
}, "/work/h-buildspeed/web/src/pages/[...lang]/about/[policy].astro", void 0);
var $$file = "/work/h-buildspeed/web/src/pages/[...lang]/about/[policy].astro";
var $$url = "/[...lang]/about/[policy]/";
// \0virtual:astro:page:src/pages/[...lang]/about/[policy]@_@astro
var page = () => _policy__exports;
export { page };
