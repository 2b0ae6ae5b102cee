import { i as Label, n as FormGroup, o as inputState, r as Hint, t as ErrorMessage } from "./FormGroup_FC2mVmU5.mjs";
import { jsx, jsxs } from "preact/jsx-runtime";
// ui/form/TextInput.tsx
/** A one-line text answer (USWDS input). `width` picks USWDS's fixed widths for short answers. */
function TextInput(props) {
	const classes = [
		"usa-input",
		props.width && `usa-input--${props.width}`,
		props.error !== void 0 && "usa-input--error"
	];
	const input = /* @__PURE__ */ jsx("input", {
		class: classes.filter(Boolean).join(" "),
		id: props.id,
		name: props.name,
		type: props.type ?? "text",
		inputMode: props.inputMode,
		value: props.value ?? "",
		maxLength: props.maxLength,
		autocomplete: props.autocomplete,
		autocapitalize: props.code ? "characters" : void 0,
		spellcheck: props.code ? false : void 0,
		...inputState(props)
	});
	return /* @__PURE__ */ jsxs(FormGroup, {
		frame: props,
		children: [
			/* @__PURE__ */ jsx(Label, { frame: props }),
			/* @__PURE__ */ jsx(Hint, { frame: props }),
			/* @__PURE__ */ jsx(ErrorMessage, { frame: props }),
			props.prefix === void 0 ? input : /* @__PURE__ */ jsxs("div", {
				class: props.error === void 0 ? "usa-input-group" : "usa-input-group usa-input--error",
				children: [/* @__PURE__ */ jsx("div", {
					class: "usa-input-prefix",
					"aria-hidden": "true",
					children: props.prefix
				}), input]
			})
		]
	});
}
export { TextInput as t };
