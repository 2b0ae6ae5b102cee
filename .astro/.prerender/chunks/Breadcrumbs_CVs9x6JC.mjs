import { F as safeHref } from "./Layout_CqbAjr5B.mjs";
import { jsx, jsxs } from "preact/jsx-runtime";
// ui/components/Breadcrumbs.tsx
/** USWDS breadcrumb; the last crumb is the current page. Kept out of search excerpts. */
function Breadcrumbs({ label, trail, current }) {
	return /* @__PURE__ */ jsx("nav", {
		class: "usa-breadcrumb",
		"aria-label": label,
		children: /* @__PURE__ */ jsxs("ol", {
			class: "usa-breadcrumb__list",
			children: [trail.map((crumb) => /* @__PURE__ */ jsx("li", {
				class: "usa-breadcrumb__list-item",
				children: /* @__PURE__ */ jsx("a", {
					href: safeHref(crumb.href),
					class: "usa-breadcrumb__link",
					children: /* @__PURE__ */ jsx("span", { children: crumb.label })
				})
			}, crumb.href)), /* @__PURE__ */ jsx("li", {
				class: "usa-breadcrumb__list-item usa-current",
				"aria-current": "page",
				children: /* @__PURE__ */ jsx("span", { children: current })
			})]
		})
	});
}
export { Breadcrumbs as t };
