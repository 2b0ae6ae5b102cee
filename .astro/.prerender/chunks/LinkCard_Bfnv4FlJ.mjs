import { F as safeHref } from "./Layout_CqbAjr5B.mjs";
import { jsx, jsxs } from "preact/jsx-runtime";
// ui/components/LinkCard.tsx
/** A USWDS card whose heading is the link (one link per card, named by its title). */
function LinkCard({ title, href, summary, meta = [] }) {
	return /* @__PURE__ */ jsx("li", {
		class: "usa-card tablet:grid-col-6 desktop:grid-col-4",
		children: /* @__PURE__ */ jsxs("div", {
			class: "usa-card__container",
			children: [/* @__PURE__ */ jsx("div", {
				class: "usa-card__header",
				children: /* @__PURE__ */ jsx("h3", {
					class: "usa-card__heading",
					children: /* @__PURE__ */ jsx("a", {
						class: "usa-link",
						href: safeHref(href),
						children: title
					})
				})
			}), /* @__PURE__ */ jsxs("div", {
				class: "usa-card__body",
				children: [/* @__PURE__ */ jsx("p", { children: summary }), meta.length > 0 && /* @__PURE__ */ jsx("p", {
					class: "portal-card__meta",
					children: meta.join(" · ")
				})]
			})]
		})
	});
}
export { LinkCard as t };
