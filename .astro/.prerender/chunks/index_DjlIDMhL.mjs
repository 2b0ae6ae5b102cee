import { H as formatMoney, J as __exportAll, K as createAstro, R as pages, U as localePath, c as homeEventOf, m as t, o as agencyOf, q as createComponent, r as html, t as $$Layout } from "./Layout_CqbAjr5B.mjs";
import { C as unescapeHTML, g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_bH4pjnoS.mjs";
import { t as Breadcrumbs } from "./Breadcrumbs_CVs9x6JC.mjs";
import { t as servicePaths } from "./service-pages_CCQFdhvI.mjs";
// web/src/pages/[...lang]/services/[service]/index.astro
var _service__exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	getStaticPaths: () => getStaticPaths,
	url: () => $$url
});
createAstro("https://portal.example.gov");
var getStaticPaths = () => servicePaths();
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Index;
	const { locale, service } = Astro.props;
	const agency = agencyOf(service);
	const event = homeEventOf(service);
	const title = service.title[locale];
	const tasks = [
		{
			label: t(locale, "service.apply"),
			path: pages.apply(service.id),
			primary: true
		},
		...service.fee ? [{
			label: t(locale, "service.pay"),
			path: pages.pay(service.id),
			primary: false
		}] : [],
		{
			label: t(locale, "service.status"),
			path: pages.serviceStatus(service.id),
			primary: false
		}
	];
	return renderTemplate`${renderComponent($$result, "Layout", $$Layout, {
		"locale": locale,
		"title": title,
		"description": service.summary[locale],
		"path": pages.service(service.id),
		"kind": "content"
	}, { "default": ($$result) => renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(html(Breadcrumbs, {
		label: t(locale, "layout.breadcrumbs"),
		trail: [{
			label: t(locale, "layout.home"),
			href: localePath(locale, pages.home())
		}, {
			label: event.title[locale],
			href: localePath(locale, pages.lifeEvent(event.id))
		}],
		current: title
	}))}` })}${maybeRenderHead($$result)}<h1>${title}</h1><p class="usa-intro">${service.summary[locale]}</p><section class="portal-section" aria-labelledby="tasks-heading"><h2 id="tasks-heading">${t(locale, "service.tasksHeading")}</h2><ul class="portal-tasks">${tasks.map((task) => renderTemplate`<li><a${addAttribute(["usa-button", { "usa-button--outline": !task.primary }], "class:list")}${addAttribute(localePath(locale, task.path), "href")}>${task.label}</a></li>`)}</ul></section><section class="portal-section" aria-labelledby="eligibility-heading"><h2 id="eligibility-heading">${t(locale, "service.eligibilityHeading")}</h2><ul class="usa-list">${service.eligibility[locale].map((item) => renderTemplate`<li>${item}</li>`)}</ul></section><section class="portal-section" aria-labelledby="time-heading"><h2 id="time-heading">${t(locale, "service.timeHeading")}</h2><p>${service.processingTime[locale]}</p></section><section class="portal-section" aria-labelledby="fee-heading"><h2 id="fee-heading">${t(locale, "service.feeHeading")}</h2>${service.fee ? renderTemplate`<p>${t(locale, "service.feeAmount", {
		amount: formatMoney(service.fee.amount, service.fee.currency, locale),
		description: service.fee.description[locale]
	})}${" "}${t(locale, service.fee.refundable ? "service.refundable" : "service.notRefundable")}</p>` : renderTemplate`<p>${t(locale, "service.noFee")}</p>`}</section><section class="portal-section" aria-labelledby="agency-heading"><h2 id="agency-heading">${t(locale, "service.agencyHeading")}</h2><p>${agency.name[locale]}</p><dl class="portal-facts"><dt>${t(locale, "service.phone")}</dt><dd><a class="usa-link"${addAttribute(`tel:${agency.phone.replace(/[^0-9+]/g, "")}`, "href")}>${agency.phone}</a></dd><dt>${t(locale, "service.hours")}</dt><dd>${agency.hours[locale]}</dd></dl></section>` })}`;
}, "/work/h-buildspeed/web/src/pages/[...lang]/services/[service]/index.astro", void 0);
var $$file = "/work/h-buildspeed/web/src/pages/[...lang]/services/[service]/index.astro";
var $$url = "/[...lang]/services/[service]/";
// \0virtual:astro:page:src/pages/[...lang]/services/[service]/index@_@astro
var page = () => _service__exports;
export { page };
