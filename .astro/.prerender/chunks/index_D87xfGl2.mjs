import { J as __exportAll, K as createAstro, R as pages, U as localePath, d as localePaths, l as langOf, m as t, q as createComponent, r as html, t as $$Layout } from "./Layout_CqbAjr5B.mjs";
import { C as unescapeHTML, g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_bH4pjnoS.mjs";
/* empty css                */
import { t as Breadcrumbs } from "./Breadcrumbs_CVs9x6JC.mjs";
import { t as BillLookupForm } from "./PaymentForms_Cix8rOfP.mjs";
// web/src/pages/[...lang]/pay/index.astro
var pay_exports = /* @__PURE__ */ __exportAll({
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
	const title = t(locale, "bill.pageTitle");
	return renderTemplate`${renderComponent($$result, "Layout", $$Layout, {
		"locale": locale,
		"title": title,
		"path": pages.payBill(),
		"kind": "task"
	}, { "default": ($$result) => renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(html(Breadcrumbs, {
		label: t(locale, "layout.breadcrumbs"),
		trail: [{
			label: t(locale, "layout.home"),
			href: localePath(locale, pages.home())
		}],
		current: title
	}))}` })}${maybeRenderHead($$result)}<h1>${title}</h1><p class="usa-intro">${t(locale, "bill.intro")}</p>${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(html(BillLookupForm, { lang: langOf(locale) }))}` })}<p class="portal-section">${t(locale, "pay.secureNote")}</p><p><a class="usa-link"${addAttribute(localePath(locale, pages.status()), "href")}>${t(locale, "bill.otherWays")}</a></p>` })}`;
}, "/work/h-buildspeed/web/src/pages/[...lang]/pay/index.astro", void 0);
var $$file = "/work/h-buildspeed/web/src/pages/[...lang]/pay/index.astro";
var $$url = "/[...lang]/pay/";
// \0virtual:astro:page:src/pages/[...lang]/pay/index@_@astro
var page = () => pay_exports;
export { page };
