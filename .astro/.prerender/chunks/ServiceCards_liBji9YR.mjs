import { H as formatMoney, K as createAstro, R as pages, U as localePath, i as htmlOf, m as t, n as h, o as agencyOf, q as createComponent } from "./Layout_CqbAjr5B.mjs";
import { C as unescapeHTML, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_bH4pjnoS.mjs";
import { t as LinkCard } from "./LinkCard_Bfnv4FlJ.mjs";
// web/src/components/ServiceCards.astro
createAstro("https://portal.example.gov");
var $$ServiceCards = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$ServiceCards;
	const { locale, services } = Astro.props;
	const cards = services.map((service) => h(LinkCard, {
		title: service.title[locale],
		href: localePath(locale, pages.service(service.id)),
		summary: service.summary[locale],
		meta: [t(locale, "lifeEvent.agency", { agency: agencyOf(service).shortName[locale] }), service.fee ? t(locale, "lifeEvent.fee", { amount: formatMoney(service.fee.amount, service.fee.currency, locale) }) : t(locale, "lifeEvent.noFee")]
	}));
	return renderTemplate`${maybeRenderHead($$result)}<ul class="usa-card-group portal-card-group">${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(htmlOf(cards))}` })}</ul>`;
}, "/work/h-buildspeed/web/src/components/ServiceCards.astro", void 0);
export { $$ServiceCards as t };
