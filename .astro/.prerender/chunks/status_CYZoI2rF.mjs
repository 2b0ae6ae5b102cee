import { J as __exportAll, K as createAstro, R as pages, a as htmlOnce, l as langOf, m as t, q as createComponent, t as $$Layout } from "./Layout_CqbAjr5B.mjs";
import { C as unescapeHTML, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_bH4pjnoS.mjs";
/* empty css                */
import { t as StatusForm } from "./StatusForm_B535xvBG.mjs";
import { t as $$TaskPageHeader } from "./TaskPageHeader_T6hc2SyX.mjs";
import { t as servicePaths } from "./service-pages_CCQFdhvI.mjs";
// web/src/pages/[...lang]/services/[service]/status.astro
var status_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Status,
	file: () => $$file,
	getStaticPaths: () => getStaticPaths,
	url: () => $$url
});
createAstro("https://portal.example.gov");
var getStaticPaths = () => servicePaths();
var $$Status = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Status;
	const { locale, service } = Astro.props;
	const title = t(locale, "status.serviceTitle", { service: service.title[locale] });
	return renderTemplate`${renderComponent($$result, "Layout", $$Layout, {
		"locale": locale,
		"title": title,
		"description": service.summary[locale],
		"path": pages.serviceStatus(service.id),
		"kind": "task"
	}, { "default": ($$result) => renderTemplate`${renderComponent($$result, "TaskPageHeader", $$TaskPageHeader, {
		"locale": locale,
		"service": service,
		"current": t(locale, "service.status"),
		"title": title
	})}${maybeRenderHead($$result)}<p class="usa-intro">${t(locale, "status.intro")}</p>${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(htmlOnce(`status-form:${locale}`, StatusForm, { lang: langOf(locale) }))}` })}` })}`;
}, "/work/h-buildspeed/web/src/pages/[...lang]/services/[service]/status.astro", void 0);
var $$file = "/work/h-buildspeed/web/src/pages/[...lang]/services/[service]/status.astro";
var $$url = "/[...lang]/services/[service]/status/";
// \0virtual:astro:page:src/pages/[...lang]/services/[service]/status@_@astro
var page = () => status_exports;
export { page };
