import { H as formatMoney, J as __exportAll, K as createAstro, R as pages, U as localePath, a as htmlOnce, l as langOf, m as t, q as createComponent, t as $$Layout } from "./Layout_CqbAjr5B.mjs";
import { C as unescapeHTML, g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_bH4pjnoS.mjs";
/* empty css                */
import { n as PayByCodeForm } from "./PaymentForms_Cix8rOfP.mjs";
import { t as $$TaskPageHeader } from "./TaskPageHeader_T6hc2SyX.mjs";
import { t as servicePaths } from "./service-pages_CCQFdhvI.mjs";
// web/src/pages/[...lang]/services/[service]/pay.astro
var pay_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Pay,
	file: () => $$file,
	getStaticPaths: () => getStaticPaths,
	url: () => $$url
});
createAstro("https://portal.example.gov");
var getStaticPaths = () => servicePaths((service) => service.fee !== void 0);
var $$Pay = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Pay;
	const { locale, service } = Astro.props;
	const fee = service.fee;
	const title = t(locale, "pay.title", { service: service.title[locale] });
	return renderTemplate`${renderComponent($$result, "Layout", $$Layout, {
		"locale": locale,
		"title": title,
		"description": service.summary[locale],
		"path": pages.pay(service.id),
		"kind": "task"
	}, { "default": ($$result) => renderTemplate`${renderComponent($$result, "TaskPageHeader", $$TaskPageHeader, {
		"locale": locale,
		"service": service,
		"current": t(locale, "service.pay"),
		"title": title
	})}${maybeRenderHead($$result)}<dl class="portal-facts"><dt>${t(locale, "pay.whatHeading")}</dt><dd>${fee.description[locale]}</dd><dt>${t(locale, "pay.amountHeading")}</dt><dd>${formatMoney(fee.amount, fee.currency, locale)}</dd><dd>${t(locale, fee.refundable ? "service.refundable" : "service.notRefundable")}</dd></dl><p class="usa-intro">${t(locale, "pay.codeIntro")}</p>${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(htmlOnce(`pay-by-code:${locale}`, PayByCodeForm, { lang: langOf(locale) }))}` })}<p class="portal-section">${t(locale, "pay.secureNote")}</p><section class="portal-section" aria-labelledby="not-applied-heading"><h2 id="not-applied-heading">${t(locale, "pay.notAppliedHeading")}</h2><p>${t(locale, "pay.notAppliedText")}</p><p><a class="usa-button usa-button--outline"${addAttribute(localePath(locale, pages.apply(service.id)), "href")}>${t(locale, "pay.applyLink")}</a></p></section>` })}`;
}, "/work/h-buildspeed/web/src/pages/[...lang]/services/[service]/pay.astro", void 0);
var $$file = "/work/h-buildspeed/web/src/pages/[...lang]/services/[service]/pay.astro";
var $$url = "/[...lang]/services/[service]/pay/";
// \0virtual:astro:page:src/pages/[...lang]/services/[service]/pay@_@astro
var page = () => pay_exports;
export { page };
