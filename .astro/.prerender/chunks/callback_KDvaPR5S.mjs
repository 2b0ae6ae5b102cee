import { G as renderScript, J as __exportAll, m as t, q as createComponent, t as $$Layout } from "./Layout_CqbAjr5B.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate } from "./server_bH4pjnoS.mjs";
/* empty css                */
// web/src/pages/auth/callback.astro
var callback_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Callback,
	file: () => $$file,
	url: () => $$url
});
var $$Callback = createComponent(($$result, $$props, $$slots) => {
	return renderTemplate`${renderComponent($$result, "Layout", $$Layout, {
		"locale": "en",
		"title": t("en", "callback.title"),
		"kind": "plain"
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t("en", "callback.title")} <span lang="es">/ ${t("es", "callback.title")}</span></h1><div data-callback><p data-callback-working>${t("en", "callback.working")} <span lang="es">${t("es", "callback.working")}</span></p><noscript><p>${t("en", "callback.noscript")} <span lang="es">${t("es", "callback.noscript")}</span></p></noscript><div class="usa-alert usa-alert--error" role="alert" data-callback-failed hidden><div class="usa-alert__body"><p class="usa-alert__text">${t("en", "callback.failed")} <span lang="es">${t("es", "callback.failed")}</span></p></div></div>${["account-disabled", "link-limit"].map((reason) => renderTemplate`<div class="usa-alert usa-alert--error" role="alert"${addAttribute(`refused:${reason}`, "data-callback-reason")} hidden><div class="usa-alert__body"><p class="usa-alert__text">${t("en", `callback.refused.${reason}`)} <span lang="es">${t("es", `callback.refused.${reason}`)}</span></p></div></div>`)}<p data-callback-back hidden><a class="usa-link" href="/account/">${t("en", "callback.back")}</a> ·<a class="usa-link" href="/es/account/" lang="es" hreflang="es">${t("es", "callback.back")}</a></p></div>${renderScript($$result, "/work/h-buildspeed/web/src/pages/auth/callback.astro?astro&type=script&index=0&lang.ts")}` })}`;
}, "/work/h-buildspeed/web/src/pages/auth/callback.astro", void 0);
var $$file = "/work/h-buildspeed/web/src/pages/auth/callback.astro";
var $$url = "/auth/callback/";
// \0virtual:astro:page:src/pages/auth/callback@_@astro
var page = () => callback_exports;
export { page };
