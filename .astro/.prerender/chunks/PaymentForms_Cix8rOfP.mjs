import { L as apiPath } from "./Layout_CqbAjr5B.mjs";
import { s as Button } from "./FormGroup_FC2mVmU5.mjs";
import { t as ErrorSummary } from "./ErrorSummary_BKMRQI5n.mjs";
import { t as TextInput } from "./TextInput_Cjqj0M8l.mjs";
import { jsx, jsxs } from "preact/jsx-runtime";
// ui/form/PaymentForms.tsx
/**
* The payment forms, for the static site's pay pages and for the pages the API renders (the same form again
* with a mistake marked; "Pay" and "Try again" buttons). Plain POSTs: they work without JavaScript.
*/
var fieldId = (name) => `pay-${name}`;
/** A form of one or two short answers (a confirmation code; a bill's reference and plate). */
function ShortAnswerForm({ lang, action, fields, submit, problem }) {
	return /* @__PURE__ */ jsxs("form", {
		class: "usa-form portal-form",
		method: "post",
		action,
		noValidate: true,
		children: [
			problem && /* @__PURE__ */ jsx(ErrorSummary, {
				title: lang.t("form.errorSummaryTitle"),
				problems: [{
					message: problem.message,
					href: `#${problem.field ? fieldId(problem.field) : "main-content"}`
				}]
			}),
			fields.map((field) => /* @__PURE__ */ jsx(TextInput, {
				id: fieldId(field.name),
				name: field.name,
				label: field.label,
				hint: field.hint,
				value: field.value,
				error: problem?.field === field.name ? problem.message : void 0,
				width: "medium",
				maxLength: 40,
				required: true,
				autocomplete: "off",
				code: true
			}, field.name)),
			/* @__PURE__ */ jsx(Button, { children: submit })
		]
	});
}
/** "Pay the fee" on a service's pay page: the confirmation code of the application. */
function PayByCodeForm({ lang, code = "", problem }) {
	return /* @__PURE__ */ jsx(ShortAnswerForm, {
		lang,
		action: apiPath("startPayment", {}, { lang: lang.locale }),
		fields: [{
			name: "code",
			label: lang.t("status.codeLabel"),
			hint: lang.t("status.codeHint"),
			value: code
		}],
		submit: lang.t("pay.submit"),
		problem
	});
}
/** "Pay a ticket or bill": its reference number and the plate or ZIP code printed beside it. */
function BillLookupForm({ lang, bill = "", check = "", problem }) {
	return /* @__PURE__ */ jsx(ShortAnswerForm, {
		lang,
		action: apiPath("findBill", {}, { lang: lang.locale }),
		fields: [{
			name: "bill",
			label: lang.t("bill.referenceLabel"),
			hint: lang.t("bill.referenceHint"),
			value: bill
		}, {
			name: "check",
			label: lang.t("bill.checkLabel"),
			hint: lang.t("bill.checkHint"),
			value: check
		}],
		submit: lang.t("bill.find"),
		problem
	});
}
export { PayByCodeForm as n, BillLookupForm as t };
