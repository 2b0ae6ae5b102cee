import { s as Button } from "./FormGroup_FC2mVmU5.mjs";
import { L as apiPath, P as HiddenFields } from "./Layout_CqbAjr5B.mjs";
import { t as TextInput } from "./TextInput_Cjqj0M8l.mjs";
import { jsx, jsxs } from "preact/jsx-runtime";
// ui/form/StatusForm.tsx
/** "Check where it stands": a plain GET form, so it works without JavaScript (the status function answers a page). */
function StatusForm({ lang }) {
	return /* @__PURE__ */ jsxs("form", {
		class: "usa-form portal-status-form",
		action: apiPath("findStatus"),
		method: "get",
		children: [
			/* @__PURE__ */ jsx(HiddenFields, { fields: { lang: lang.locale } }),
			/* @__PURE__ */ jsx(TextInput, {
				id: "status-code",
				name: "code",
				label: lang.t("status.codeLabel"),
				hint: lang.t("status.codeHint"),
				width: "medium",
				autocomplete: "off",
				code: true
			}),
			/* @__PURE__ */ jsx(Button, { children: lang.t("status.submit") })
		]
	});
}
export { StatusForm as t };
