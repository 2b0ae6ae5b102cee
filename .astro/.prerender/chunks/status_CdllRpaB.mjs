import { J as __exportAll, K as createAstro, L as apiPath, P as HiddenFields, R as pages, U as localePath, d as localePaths, l as langOf, m as t, q as createComponent, r as html, t as $$Layout } from "./Layout_CqbAjr5B.mjs";
import { C as unescapeHTML, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment$1 } from "./server_bH4pjnoS.mjs";
/* empty css                */
import { t as Breadcrumbs } from "./Breadcrumbs_CVs9x6JC.mjs";
import { s as Button } from "./FormGroup_FC2mVmU5.mjs";
import { t as TextInput } from "./TextInput_Cjqj0M8l.mjs";
import { t as StatusForm } from "./StatusForm_B535xvBG.mjs";
import { jsx, jsxs } from "preact/jsx-runtime";
// ui/form/CodesForm.tsx
/**
* "Lost your confirmation code?": the e-mail address the person applied with, posted without JavaScript; the codes
* go to that address (domain/code-requests.ts). On the status page and on the page the function answers.
*/
var CODES_EMAIL_ID = "codes-email";
function CodesForm({ lang, value, error }) {
	return /* @__PURE__ */ jsxs("form", {
		class: "usa-form portal-codes-form",
		action: apiPath("requestMyCodes"),
		method: "post",
		"data-codes-form": true,
		children: [
			/* @__PURE__ */ jsx(HiddenFields, { fields: { lang: lang.locale } }),
			/* @__PURE__ */ jsx(TextInput, {
				id: CODES_EMAIL_ID,
				name: "email",
				type: "email",
				inputMode: "email",
				label: lang.t("codes.emailLabel"),
				hint: lang.t("codes.emailHint"),
				autocomplete: "email",
				...value !== void 0 && { value },
				...error !== void 0 && { error }
			}),
			/* @__PURE__ */ jsx(Button, {
				variant: "outline",
				children: lang.t("codes.submit")
			})
		]
	});
}
// web/src/pages/[...lang]/status.astro
var status_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Status,
	file: () => $$file,
	getStaticPaths: () => getStaticPaths,
	url: () => $$url
});
createAstro("https://portal.example.gov");
var getStaticPaths = () => localePaths();
var $$Status = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Status;
	const { locale } = Astro.props;
	const title = t(locale, "status.title");
	return renderTemplate`${renderComponent($$result, "Layout", $$Layout, {
		"locale": locale,
		"title": title,
		"description": t(locale, "status.intro"),
		"path": pages.status(),
		"kind": "task"
	}, { "default": ($$result) => renderTemplate`${renderComponent($$result, "Fragment", Fragment$1, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(html(Breadcrumbs, {
		label: t(locale, "layout.breadcrumbs"),
		trail: [{
			label: t(locale, "layout.home"),
			href: localePath(locale, pages.home())
		}],
		current: title
	}))}` })}${maybeRenderHead($$result)}<h1>${title}</h1><p class="usa-intro">${t(locale, "status.intro")}</p>${renderComponent($$result, "Fragment", Fragment$1, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(html(StatusForm, { lang: langOf(locale) }))}` })}<section class="portal-section" data-lost-codes><h2 id="codes-heading">${t(locale, "codes.title")}</h2><p>${t(locale, "codes.intro")}</p>${renderComponent($$result, "Fragment", Fragment$1, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(html(CodesForm, { lang: langOf(locale) }))}` })}</section>` })}`;
}, "/work/h-buildspeed/web/src/pages/[...lang]/status.astro", void 0);
var $$file = "/work/h-buildspeed/web/src/pages/[...lang]/status.astro";
var $$url = "/[...lang]/status/";
// \0virtual:astro:page:src/pages/[...lang]/status@_@astro
var page = () => status_exports;
export { page };
