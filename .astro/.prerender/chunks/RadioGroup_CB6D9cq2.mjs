import { a as describedBy, n as FormGroup, r as Hint, t as ErrorMessage } from "./FormGroup_FC2mVmU5.mjs";
import { jsx, jsxs } from "preact/jsx-runtime";
// ui/form/RadioGroup.tsx
/**
* One choice shown as radio buttons in a fieldset; the legend is the question. The first radio's id is where
* an error summary link lands (`radioId(frame, first value)`).
*/
var radioId = (frame, value) => `${frame.id}-${value}`;
function RadioGroup(props) {
	return /* @__PURE__ */ jsx(FormGroup, {
		frame: props,
		children: /* @__PURE__ */ jsxs("fieldset", {
			class: "usa-fieldset",
			"aria-describedby": describedBy(props),
			children: [
				/* @__PURE__ */ jsx("legend", {
					class: "usa-legend",
					children: props.label
				}),
				/* @__PURE__ */ jsx(Hint, { frame: props }),
				/* @__PURE__ */ jsx(ErrorMessage, { frame: props }),
				props.choices.map((choice) => /* @__PURE__ */ jsxs("div", {
					class: "usa-radio",
					children: [/* @__PURE__ */ jsx("input", {
						class: "usa-radio__input",
						id: radioId(props, choice.value),
						type: "radio",
						name: props.name,
						value: choice.value,
						checked: props.value === choice.value,
						required: props.required || void 0
					}), /* @__PURE__ */ jsx("label", {
						class: "usa-radio__label",
						for: radioId(props, choice.value),
						children: choice.label
					})]
				}, choice.value))
			]
		})
	});
}
export { radioId as n, RadioGroup as t };
