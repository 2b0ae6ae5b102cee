import { F as safeHref } from "./Layout_CqbAjr5B.mjs";
import { jsx, jsxs } from "preact/jsx-runtime";
// ui/components/ErrorSummary.tsx
/**
* The list of mistakes at the top of a form, each linking to its field. Focusable (tabindex -1) so the
* inline checks can move focus to it, as GOV.UK's error summary does.
*/
function ErrorSummary({ title, problems }) {
	return /* @__PURE__ */ jsx("div", {
		class: "usa-alert usa-alert--error portal-error-summary",
		role: "alert",
		tabindex: -1,
		"data-error-summary": true,
		children: /* @__PURE__ */ jsxs("div", {
			class: "usa-alert__body",
			children: [/* @__PURE__ */ jsx("h2", {
				class: "usa-alert__heading",
				children: title
			}), /* @__PURE__ */ jsx("ul", {
				class: "usa-list usa-list--unstyled",
				children: problems.map((problem) => /* @__PURE__ */ jsx("li", {
					class: "usa-error-summary__item",
					children: /* @__PURE__ */ jsx("a", {
						class: "usa-link",
						href: safeHref(problem.href),
						children: problem.message
					})
				}, problem.href + problem.message))
			})]
		})
	});
}
export { ErrorSummary as t };
