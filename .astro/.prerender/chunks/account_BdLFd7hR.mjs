import { G as renderScript, J as __exportAll, K as createAstro, L as apiPath, R as pages, U as localePath, d as localePaths, l as langOf, m as t, q as createComponent, r as html, t as $$Layout } from "./Layout_CqbAjr5B.mjs";
import { C as unescapeHTML, g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment$1 } from "./server_bH4pjnoS.mjs";
/* empty css                */
import { t as Breadcrumbs } from "./Breadcrumbs_CVs9x6JC.mjs";
import { s as Button } from "./FormGroup_FC2mVmU5.mjs";
import { t as RadioGroup } from "./RadioGroup_CB6D9cq2.mjs";
import { jsx, jsxs } from "preact/jsx-runtime";
// functions/domain/preferences.ts
var CHANNEL_CHOICES = [
	"email",
	"sms",
	"both",
	"none"
];
/** The kinds a person chooses for, in the order My account shows them. */
var PREFERENCE_KINDS = [
	"submitted",
	"status-changed",
	"staff-message",
	"paid"
];
/** Receipts: always sent, by at least one channel. */
var RECEIPT_KINDS = ["submitted", "paid"];
// ui/form/PreferencesForm.tsx
/**
* My account → "How we contact you": per kind of notice, e-mail, text, both or none (receipts: never none), and
* the language. The account page is the signed-in person's (its API calls carry their token), so its script fills
* the choices from GET /api/my/preferences and saves them with PUT (web/src/scripts/account.ts).
*/
function PreferencesForm({ lang }) {
	return /* @__PURE__ */ jsxs("form", {
		class: "usa-form portal-preferences-form",
		"data-preferences-form": true,
		children: [
			PREFERENCE_KINDS.map((kind) => /* @__PURE__ */ jsx(RadioGroup, {
				id: `prefs-${kind}`,
				name: kind,
				label: lang.t(`preferences.kind.${kind}`),
				...RECEIPT_KINDS.includes(kind) && { hint: lang.t("preferences.receiptHint") },
				choices: CHANNEL_CHOICES.filter((c) => c !== "none" || !RECEIPT_KINDS.includes(kind)).map((value) => ({
					value,
					label: lang.t(`preferences.choice.${value}`)
				})),
				value: "both"
			}, kind)),
			/* @__PURE__ */ jsx(RadioGroup, {
				id: "prefs-locale",
				name: "locale",
				label: lang.t("preferences.locale"),
				choices: [{
					value: "en",
					label: "English"
				}, {
					value: "es",
					label: "Español"
				}],
				value: lang.locale
			}),
			/* @__PURE__ */ jsx("p", {
				class: "usa-sr-only",
				role: "status",
				"data-preferences-status": true
			}),
			/* @__PURE__ */ jsx(Button, { children: lang.t("preferences.save") })
		]
	});
}
// web/src/pages/[...lang]/account.astro
var account_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Account,
	file: () => $$file,
	getStaticPaths: () => getStaticPaths,
	url: () => $$url
});
createAstro("https://portal.example.gov");
var getStaticPaths = () => localePaths();
var $$Account = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Account;
	const { locale } = Astro.props;
	const title = t(locale, "account.title");
	return renderTemplate`${renderComponent($$result, "Layout", $$Layout, {
		"locale": locale,
		"title": title,
		"path": pages.account(),
		"kind": "plain"
	}, { "default": ($$result) => renderTemplate`${renderComponent($$result, "Fragment", Fragment$1, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(html(Breadcrumbs, {
		label: t(locale, "layout.breadcrumbs"),
		trail: [{
			label: t(locale, "layout.home"),
			href: localePath(locale, pages.home())
		}],
		current: title
	}))}` })}${maybeRenderHead($$result)}<h1>${title}</h1><p class="usa-intro" data-account-intro>${t(locale, "account.intro")}</p><div class="portal-account" data-account${addAttribute(locale, "data-locale")}${addAttribute(apiPath("listMySubmissions", {}, { lang: locale }), "data-submissions-url")}${addAttribute(apiPath("listMyDrafts", {}, { lang: locale }), "data-drafts-url")}${addAttribute(t(locale, "account.draftContinue"), "data-draft-continue")}${addAttribute(apiPath("listMyActivity", {}, { lang: locale }), "data-activity-url")}${addAttribute(apiPath("showMyPreferences", {}, { lang: locale }), "data-preferences-url")}${addAttribute(t(locale, "preferences.saved"), "data-preferences-saved")}${addAttribute(t(locale, "preferences.saveFailed"), "data-preferences-failed")}${addAttribute(t(locale, "preferences.unreachable"), "data-unreachable")}${addAttribute(t(locale, "account.signInWith"), "data-sign-in-with")}${addAttribute(t(locale, "account.introSignedIn"), "data-signed-in-intro")}${addAttribute(t(locale, "account.loadFailed"), "data-load-failed")}${addAttribute(t(locale, "account.sessionEnded"), "data-session-ended")}${addAttribute(t(locale, "account.unavailable"), "data-unavailable")}${addAttribute(t(locale, "status.messageTitle"), "data-message-title")}${addAttribute(t(locale, "feedback.rateReply"), "data-rate-reply")}${addAttribute(t(locale, "account.withdraw"), "data-withdraw")}${addAttribute(t(locale, "account.withdrawLabel"), "data-withdraw-label")}${addAttribute(t(locale, "account.withdrawConfirm"), "data-withdraw-confirm")}${addAttribute(t(locale, "account.withdrawFailed"), "data-withdraw-failed")}${addAttribute(t(locale, "account.pdf"), "data-pdf")}${addAttribute(t(locale, "account.pdfLabel"), "data-pdf-label")}><noscript><div class="usa-alert usa-alert--info"><div class="usa-alert__body"><p class="usa-alert__text">${t(locale, "account.noscript")}</p></div></div></noscript><div class="usa-alert usa-alert--error" role="alert" data-account-problem hidden><div class="usa-alert__body"><p class="usa-alert__text" data-account-problem-text></p></div></div><section data-signed-out hidden aria-labelledby="sign-in-heading"><h2 id="sign-in-heading">${t(locale, "account.signInTitle")}</h2><ul class="usa-button-group" data-providers="citizen"></ul><h3>${t(locale, "account.staffTitle")}</h3><ul class="usa-button-group" data-providers="staff"></ul><p><button type="button" class="usa-button usa-button--unstyled" data-sign-in-any>${t(locale, "account.otherWays")}</button></p></section><section data-signed-in hidden aria-labelledby="mine-heading"><p>${t(locale, "account.signedInAs")} <strong data-account-name></strong></p><p><button type="button" class="usa-button usa-button--outline" data-sign-out>${t(locale, "account.signOut")}</button></p><div data-unreachable-list></div><h2 id="mine-heading">${t(locale, "account.submissionsTitle")}</h2><p data-empty hidden>${t(locale, "account.empty")}</p><table class="usa-table usa-table--stacked usa-table--borderless" data-submissions hidden><caption class="usa-sr-only">${t(locale, "account.submissionsTitle")}</caption><thead><tr><th scope="col">${t(locale, "account.service")}</th><th scope="col">${t(locale, "account.code")}</th><th scope="col">${t(locale, "account.sent")}</th><th scope="col">${t(locale, "account.status")}</th><th scope="col">${t(locale, "account.payment")}</th></tr></thead><tbody></tbody></table><h2 id="drafts-heading">${t(locale, "account.draftsTitle")}</h2><p data-drafts-empty hidden>${t(locale, "account.draftsEmpty")}</p><table class="usa-table usa-table--stacked usa-table--borderless" data-drafts hidden><caption class="usa-sr-only">${t(locale, "account.draftsTitle")}</caption><thead><tr><th scope="col">${t(locale, "account.draftForm")}</th><th scope="col">${t(locale, "account.draftSaved")}</th><th scope="col">${t(locale, "account.draftKeptUntil")}</th><th scope="col"><span class="usa-sr-only">${t(locale, "account.draftContinue")}</span></th></tr></thead><tbody></tbody></table><section class="portal-timeline" aria-labelledby="activity-heading" data-activity><h2 id="activity-heading">${t(locale, "account.activityTitle")}</h2><p>${t(locale, "account.activityIntro")}</p><p data-activity-empty hidden>${t(locale, "timeline.empty")}</p><ol class="portal-timeline__list" data-activity-list></ol><p><button type="button" class="usa-button usa-button--outline" data-activity-more hidden>${t(locale, "account.activityMore")}</button></p></section><section class="portal-section" id="preferences" aria-labelledby="preferences-heading" data-preferences hidden><h2 id="preferences-heading">${t(locale, "preferences.title")}</h2><p>${t(locale, "preferences.intro")}</p>${renderComponent($$result, "Fragment", Fragment$1, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(html(PreferencesForm, { lang: langOf(locale) }))}` })}</section></section></div>${renderScript($$result, "/work/h-buildspeed/web/src/pages/[...lang]/account.astro?astro&type=script&index=0&lang.ts")}` })}`;
}, "/work/h-buildspeed/web/src/pages/[...lang]/account.astro", void 0);
var $$file = "/work/h-buildspeed/web/src/pages/[...lang]/account.astro";
var $$url = "/[...lang]/account/";
// \0virtual:astro:page:src/pages/[...lang]/account@_@astro
var page = () => account_exports;
export { page };
