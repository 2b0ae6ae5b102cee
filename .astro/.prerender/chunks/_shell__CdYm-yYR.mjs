import { J as __exportAll, q as createComponent, t as $$Layout } from "./Layout_CqbAjr5B.mjs";
import { o as renderComponent, p as renderTemplate } from "./server_bH4pjnoS.mjs";
/* empty css                */
// web/src/pages/[...lang]/[shell].astro
var _shell__exports = /* @__PURE__ */ __exportAll({
	default: () => $$Shell,
	file: () => $$file,
	getStaticPaths: () => getStaticPaths,
	url: () => $$url
});
var getStaticPaths = () => [{ params: {
	lang: void 0,
	shell: "_shell"
} }];
var $$Shell = createComponent(($$result, $$props, $$slots) => {
	return renderTemplate`${renderComponent($$result, "Layout", $$Layout, {
		"locale": "en",
		"kind": "shell"
	})}`;
}, "/work/h-buildspeed/web/src/pages/[...lang]/[shell].astro", void 0);
var $$file = "/work/h-buildspeed/web/src/pages/[...lang]/[shell].astro";
var $$url = "/[...lang]/[shell]/";
// \0virtual:astro:page:src/pages/[...lang]/[shell]@_@astro
var page = () => _shell__exports;
export { page };
