import { jsx } from "preact/jsx-runtime";
// ui/components/Button.tsx
var VARIANT_CLASS = {
	default: "usa-button",
	outline: "usa-button usa-button--outline",
	big: "usa-button usa-button--big",
	unstyled: "usa-button usa-button--unstyled"
};
function Button({ variant = "default", type = "submit", extraClass, name, value, children, ...data }) {
	return /* @__PURE__ */ jsx("button", {
		class: extraClass ? `${VARIANT_CLASS[variant]} ${extraClass}` : VARIANT_CLASS[variant],
		type,
		name,
		value,
		...data,
		children
	});
}
// ui/form/FormGroup.tsx
var hintId = (frame) => `${frame.id}-hint`;
var errorId = (frame) => `${frame.id}-error`;
/** aria-describedby: the hint, and the error while there is one. */
function describedBy(frame) {
	const ids = [frame.hint !== void 0 && hintId(frame), frame.error !== void 0 && errorId(frame)].filter(Boolean);
	return ids.length > 0 ? ids.join(" ") : void 0;
}
function Hint({ frame }) {
	if (frame.hint === void 0) return null;
	return /* @__PURE__ */ jsx("div", {
		class: "usa-hint",
		id: hintId(frame),
		children: frame.hint
	});
}
function ErrorMessage({ frame }) {
	if (frame.error === void 0 && !frame.errorSlot) return null;
	return /* @__PURE__ */ jsx("span", {
		class: "usa-error-message",
		id: errorId(frame),
		"data-error-for": frame.errorSlot ? frame.name : void 0,
		hidden: frame.error === void 0,
		children: frame.error ?? ""
	});
}
function FormGroup({ frame, children }) {
	return /* @__PURE__ */ jsx("div", {
		class: frame.error === void 0 ? "usa-form-group" : "usa-form-group usa-form-group--error",
		...frame.data,
		children
	});
}
function Label({ frame }) {
	return /* @__PURE__ */ jsx("label", {
		class: frame.error === void 0 ? "usa-label" : "usa-label usa-label--error",
		for: frame.id,
		children: frame.label
	});
}
/** What every input of a field carries: required, described by its hint and error, invalid while wrong. */
function inputState(frame) {
	return {
		required: frame.required || void 0,
		"aria-describedby": describedBy(frame),
		"aria-invalid": frame.error === void 0 ? void 0 : "true"
	};
}
export { describedBy as a, Label as i, FormGroup as n, inputState as o, Hint as r, Button as s, ErrorMessage as t };
