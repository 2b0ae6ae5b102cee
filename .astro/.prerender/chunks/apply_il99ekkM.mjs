import { A as defaultMaxLength, C as isPartsType, D as pagesOf, E as isMultiPage, F as safeHref, J as __exportAll, K as createAstro, L as apiPath, M as questionsNamed, O as questionStates, R as pages, S as US_STATES, T as fieldsOfPage, b as maskSsn, g as formCheckAttributes, h as $$FormEnhanceScript, j as messageFor, k as visiblePages, l as langOf, m as t, q as createComponent, r as html, s as catalog, t as $$Layout, v as declarationPartName, w as partName, x as QUESTION_PARTS, y as isValidSsn } from "./Layout_CqbAjr5B.mjs";
import { C as unescapeHTML, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment$1, t as spreadAttributes } from "./server_bH4pjnoS.mjs";
/* empty css                */
import { a as describedBy, i as Label, n as FormGroup, o as inputState, r as Hint, s as Button, t as ErrorMessage } from "./FormGroup_FC2mVmU5.mjs";
import { t as ErrorSummary } from "./ErrorSummary_BKMRQI5n.mjs";
import { n as radioId, t as RadioGroup } from "./RadioGroup_CB6D9cq2.mjs";
import { t as TextInput } from "./TextInput_Cjqj0M8l.mjs";
import { t as $$TaskPageHeader } from "./TaskPageHeader_T6hc2SyX.mjs";
import { t as servicePaths } from "./service-pages_CCQFdhvI.mjs";
import { jsx, jsxs } from "preact/jsx-runtime";
// catalog/src/form-values.ts
/** The three boxes of a memorable date are posted as `<name>-month`, `<name>-day` and `<name>-year`. */
var DATE_PARTS = [
	"month",
	"day",
	"year"
];
var datePartName = (name, part) => `${name}-${part}`;
// ui/components/StepIndicator.tsx
function StepIndicator({ lang, steps, current }) {
	return /* @__PURE__ */ jsxs("div", {
		class: "usa-step-indicator",
		children: [/* @__PURE__ */ jsx("ol", {
			class: "usa-step-indicator__segments",
			children: steps.map((label, index) => /* @__PURE__ */ jsx("li", {
				class: [
					"usa-step-indicator__segment",
					index < current && "usa-step-indicator__segment--complete",
					index === current && "usa-step-indicator__segment--current"
				].filter(Boolean).join(" "),
				"aria-current": index === current ? "true" : void 0,
				children: /* @__PURE__ */ jsxs("span", {
					class: "usa-step-indicator__segment-label",
					children: [
						label,
						index < current && /* @__PURE__ */ jsx("span", {
							class: "usa-sr-only",
							children: lang.t("apply.completed")
						}),
						index > current && /* @__PURE__ */ jsx("span", {
							class: "usa-sr-only",
							children: lang.t("apply.notCompleted")
						})
					]
				})
			}, label))
		}), /* @__PURE__ */ jsx("div", {
			class: "usa-step-indicator__header",
			children: /* @__PURE__ */ jsxs("h2", {
				class: "usa-step-indicator__heading",
				children: [/* @__PURE__ */ jsxs("span", {
					class: "usa-step-indicator__heading-counter",
					children: [
						/* @__PURE__ */ jsx("span", {
							class: "usa-sr-only",
							children: lang.t("apply.step")
						}),
						/* @__PURE__ */ jsx("span", {
							class: "usa-step-indicator__current-step",
							children: current + 1
						}),
						/* @__PURE__ */ jsx("span", {
							class: "usa-step-indicator__total-steps",
							children: lang.t("apply.stepOf", { total: steps.length })
						})
					]
				}), /* @__PURE__ */ jsx("span", {
					class: "usa-step-indicator__heading-text",
					children: steps[current]
				})]
			})
		})]
	});
}
// ui/form/Checkbox.tsx
/** One yes-or-no box to tick ("I confirm…"); the label says what ticking it means. Posts "yes" when ticked. */
function Checkbox(props) {
	return /* @__PURE__ */ jsxs(FormGroup, {
		frame: props,
		children: [
			/* @__PURE__ */ jsx(Hint, { frame: props }),
			/* @__PURE__ */ jsx(ErrorMessage, { frame: props }),
			/* @__PURE__ */ jsxs("div", {
				class: "usa-checkbox",
				children: [/* @__PURE__ */ jsx("input", {
					class: "usa-checkbox__input",
					id: props.id,
					type: "checkbox",
					name: props.name,
					value: "yes",
					checked: props.checked,
					...inputState(props)
				}), /* @__PURE__ */ jsx("label", {
					class: "usa-checkbox__label",
					for: props.id,
					children: props.label
				})]
			})
		]
	});
}
// ui/form/CheckboxGroup.tsx
/** Several boxes to tick in one fieldset whose legend is the question ("Select all that apply"). */
var checkboxId = (frame, value) => `${frame.id}-${value}`;
function CheckboxGroup(props) {
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
					class: "usa-checkbox",
					children: [/* @__PURE__ */ jsx("input", {
						class: "usa-checkbox__input",
						id: checkboxId(props, choice.value),
						type: "checkbox",
						name: props.name,
						value: choice.value,
						checked: props.values.includes(choice.value)
					}), /* @__PURE__ */ jsx("label", {
						class: "usa-checkbox__label",
						for: checkboxId(props, choice.value),
						children: choice.label
					})]
				}, choice.value))
			]
		})
	});
}
// ui/form/Declaration.tsx
/**
* A declaration signed electronically (decision 0084): the statement, then the consent to sign electronically (a
* box ticked first), then the typed full name that is the signature. The time signed is the server's; once signed,
* the page says when.
*/
var declarationId = (frame, part) => `${frame.id}-${part}`;
function Declaration(props) {
	const { lang } = props;
	const invalid = props.error === void 0 ? void 0 : "true";
	const when = props.signedAt && new Intl.DateTimeFormat(lang.locale === "es" ? "es-US" : "en-US", {
		dateStyle: "long",
		timeStyle: "short",
		timeZone: "UTC"
	}).format(new Date(props.signedAt));
	return /* @__PURE__ */ jsx(FormGroup, {
		frame: props,
		children: /* @__PURE__ */ jsxs("fieldset", {
			class: "usa-fieldset portal-declaration",
			"aria-describedby": describedBy(props),
			children: [
				/* @__PURE__ */ jsx("legend", {
					class: "usa-legend usa-legend--large",
					children: props.label
				}),
				/* @__PURE__ */ jsx(Hint, { frame: props }),
				/* @__PURE__ */ jsx(ErrorMessage, { frame: props }),
				/* @__PURE__ */ jsxs("div", {
					class: "usa-checkbox",
					children: [/* @__PURE__ */ jsx("input", {
						class: "usa-checkbox__input",
						id: declarationId(props, "agree"),
						type: "checkbox",
						name: declarationPartName(props.name, "agree"),
						value: "yes",
						checked: props.agreed,
						required: props.required || void 0,
						"aria-invalid": invalid
					}), /* @__PURE__ */ jsx("label", {
						class: "usa-checkbox__label",
						for: declarationId(props, "agree"),
						children: lang.t("form.declaration.agree")
					})]
				}),
				/* @__PURE__ */ jsx("label", {
					class: "usa-label",
					for: declarationId(props, "signature"),
					children: lang.t("form.declaration.signature")
				}),
				/* @__PURE__ */ jsx("input", {
					class: "usa-input",
					id: declarationId(props, "signature"),
					name: declarationPartName(props.name, "signature"),
					value: props.signature,
					maxLength: 200,
					autocomplete: "name",
					required: props.required || void 0,
					"aria-invalid": invalid
				}),
				when && /* @__PURE__ */ jsxs("p", {
					class: "usa-hint",
					"data-signed-at": true,
					children: [
						lang.t("form.declaration.signedAt"),
						" ",
						when,
						" (UTC)"
					]
				})
			]
		})
	});
}
// ui/form/MemorableDate.tsx
/**
* A date people know by heart (a birthday), as USWDS's memorable date: three boxes, month, day and year, in one
* fieldset whose legend is the question. Posted as `<name>-month`, `<name>-day` and `<name>-year`; the server reads
* "3", "15", "2024" (what the hint shows) as 2024-03-15.
*/
var datePartId = (frame, part) => `${frame.id}-${part}`;
var WIDTH$1 = {
	month: {
		group: "usa-form-group--month",
		maxLength: 2,
		autocomplete: "bday-month"
	},
	day: {
		group: "usa-form-group--day",
		maxLength: 2,
		autocomplete: "bday-day"
	},
	year: {
		group: "usa-form-group--year",
		maxLength: 4,
		autocomplete: "bday-year"
	}
};
function MemorableDate(props) {
	const label = {
		month: props.lang.t("form.month"),
		day: props.lang.t("form.day"),
		year: props.lang.t("form.year")
	};
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
				/* @__PURE__ */ jsx("div", {
					class: "usa-memorable-date",
					children: DATE_PARTS.map((part) => /* @__PURE__ */ jsxs("div", {
						class: `usa-form-group ${WIDTH$1[part].group}`,
						children: [/* @__PURE__ */ jsx("label", {
							class: "usa-label",
							for: datePartId(props, part),
							children: label[part]
						}), /* @__PURE__ */ jsx("input", {
							class: props.error === void 0 ? "usa-input" : "usa-input usa-input--error",
							id: datePartId(props, part),
							name: datePartName(props.name, part),
							inputMode: "numeric",
							maxLength: WIDTH$1[part].maxLength,
							value: props.parts[part],
							autocomplete: props.autocomplete === "bday" ? WIDTH$1[part].autocomplete : void 0,
							required: props.required || void 0,
							"aria-invalid": props.error === void 0 ? void 0 : "true"
						})]
					}, part))
				})
			]
		})
	});
}
// ui/form/PartsFieldset.tsx
/**
* A question answered in several boxes, in one fieldset whose legend is the question: a US address (street,
* apartment, city, state, ZIP code) or a name (first, middle, last). Each box is posted as `<name>-<part>`; the
* parts come from catalog/src/question-parts.ts, the same list the schema and the server's reader use.
*/
var partId = (frame, part) => `${frame.id}-${part}`;
var WIDTH = {
	zip: "usa-input--medium",
	middle: void 0
};
function PartsFieldset(props) {
	const { lang } = props;
	const invalid = props.error === void 0 ? void 0 : "true";
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
				QUESTION_PARTS[props.type].map((part) => {
					const id = partId(props, part.part);
					const value = props.parts[part.part] ?? "";
					const required = props.required && part.required || void 0;
					return /* @__PURE__ */ jsxs("div", {
						class: "portal-form-part",
						children: [/* @__PURE__ */ jsx("label", {
							class: "usa-label",
							for: id,
							children: lang.t(`form.part.${part.part}`)
						}), part.part === "state" ? /* @__PURE__ */ jsxs("select", {
							class: "usa-select",
							id,
							name: partName(props.name, part.part),
							autocomplete: part.autocomplete,
							required,
							"aria-invalid": invalid,
							children: [/* @__PURE__ */ jsx("option", {
								value: "",
								children: lang.t("form.selectPlaceholder")
							}), Object.entries(US_STATES).map(([code, state]) => /* @__PURE__ */ jsx("option", {
								value: code,
								selected: value.toUpperCase() === code,
								children: state
							}, code))]
						}) : /* @__PURE__ */ jsx("input", {
							class: ["usa-input", WIDTH[part.part]].filter(Boolean).join(" "),
							id,
							name: partName(props.name, part.part),
							value,
							maxLength: part.maxLength,
							inputMode: part.part === "zip" ? "numeric" : void 0,
							autocomplete: part.autocomplete,
							required,
							"aria-invalid": invalid
						})]
					}, part.part);
				})
			]
		})
	});
}
// ui/form/Select.tsx
/** One choice from a list (USWDS select), with an empty first option that says what to do. */
function Select(props) {
	return /* @__PURE__ */ jsxs(FormGroup, {
		frame: props,
		children: [
			/* @__PURE__ */ jsx(Label, { frame: props }),
			/* @__PURE__ */ jsx(Hint, { frame: props }),
			/* @__PURE__ */ jsx(ErrorMessage, { frame: props }),
			/* @__PURE__ */ jsxs("select", {
				class: props.error === void 0 ? "usa-select" : "usa-select usa-input--error",
				id: props.id,
				name: props.name,
				autocomplete: props.autocomplete,
				...inputState(props),
				children: [/* @__PURE__ */ jsx("option", {
					value: "",
					children: props.placeholder
				}), props.choices.map((choice) => /* @__PURE__ */ jsx("option", {
					value: choice.value,
					selected: props.value === choice.value,
					children: choice.label
				}, choice.value))]
			})
		]
	});
}
// ui/form/Textarea.tsx
/** A longer text answer (USWDS textarea). */
function Textarea(props) {
	return /* @__PURE__ */ jsxs(FormGroup, {
		frame: props,
		children: [
			/* @__PURE__ */ jsx(Label, { frame: props }),
			/* @__PURE__ */ jsx(Hint, { frame: props }),
			/* @__PURE__ */ jsx(ErrorMessage, { frame: props }),
			/* @__PURE__ */ jsx("textarea", {
				class: props.error === void 0 ? "usa-textarea" : "usa-textarea usa-input--error",
				id: props.id,
				name: props.name,
				maxLength: props.maxLength,
				autocomplete: props.autocomplete,
				...inputState(props),
				value: props.value ?? ""
			})
		]
	});
}
// ui/form/CatalogForm.tsx
/**
* The one renderer of a catalog form: the static site prints it on each apply page, and the submit handler
* prints it again, with the person's answers and the error summary, when a plain HTML post has mistakes.
* Works with no JavaScript (a plain POST); data-* attributes let a small script add inline checks.
*/
var frameId = (field) => `field-${field.name}`;
/** The id of the element an error-summary link jumps to (the first input of the field). */
function inputId(field) {
	const frame = { id: frameId(field) };
	if (field.type === "radio") return radioId(frame, field.options?.[0]?.value ?? "");
	if (field.type === "yesNo") return radioId(frame, "yes");
	if (field.type === "checkboxes") return checkboxId(frame, field.options?.[0]?.value ?? "");
	if (field.type === "memorableDate") return datePartId(frame, "month");
	if (field.type === "declaration") return declarationId(frame, "agree");
	if (isPartsType(field.type)) return partId(frame, QUESTION_PARTS[field.type][0]?.part ?? "");
	return frame.id;
}
/** A memorable date's three boxes: as posted after a mistake, or split from the answer kept. */
function dateParts(field, values) {
	const posted = (part) => values?.[datePartName(field.name, part)];
	if (DATE_PARTS.some((part) => posted(part) !== void 0)) return {
		month: String(posted("month") ?? ""),
		day: String(posted("day") ?? ""),
		year: String(posted("year") ?? "")
	};
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(values?.[field.name] ?? ""));
	if (!match) return {
		month: "",
		day: "",
		year: ""
	};
	return {
		year: match[1],
		month: String(Number(match[2])),
		day: String(Number(match[3]))
	};
}
/** An address's or a name's boxes: as posted after a mistake, or from the answer kept. */
function partsOf(field, values) {
	if (!isPartsType(field.type)) return {};
	const kept = values?.[field.name];
	const answer = typeof kept === "object" && kept !== null ? kept : {};
	return Object.fromEntries(QUESTION_PARTS[field.type].map(({ part }) => [part, String(values?.[partName(field.name, part)] ?? answer[part] ?? "")]));
}
/** Money kept in cents shows as dollars and cents; as typed after a mistake. */
function moneyText(raw) {
	return typeof raw === "number" ? (raw / 100).toFixed(2) : raw === void 0 || raw === null ? "" : String(raw);
}
var CHECKS_INVALID = /* @__PURE__ */ new Set([
	"text",
	"textarea",
	"email",
	"tel",
	"date",
	"integer",
	"memorableDate",
	"money",
	"ssn"
]);
var CHECKS_LENGTH = /* @__PURE__ */ new Set([
	"text",
	"textarea",
	"email",
	"tel"
]);
/** What the inline checks need to know about a field, and the server's words for each mistake. */
function checkData(field, props) {
	const { locale } = props.lang;
	const data = {
		"data-field": field.name,
		"data-type": field.type
	};
	if (field.pattern) data["data-pattern"] = field.pattern;
	if (field.prefill) data["data-prefill"] = field.prefill;
	if (field.minimum !== void 0) data["data-min"] = String(field.minimum);
	if (field.maximum !== void 0) data["data-max"] = String(field.maximum);
	if (field.when && liveOn(props).has(field.name)) data["data-when"] = JSON.stringify(field.when);
	if (field.type === "checkboxes" && field.required) data["data-required"] = "true";
	if (field.dateRange) {
		data["data-date-range"] = JSON.stringify(field.dateRange);
		for (const kind of [
			"future",
			"past",
			"tooFar"
		]) data[`data-msg-${kind === "tooFar" ? "too-far" : kind}`] = messageFor(field, kind, locale, props.strings);
	}
	data["data-msg-required"] = messageFor(field, "required", locale, props.strings);
	if (CHECKS_INVALID.has(field.type)) data["data-msg-invalid"] = messageFor(field, "invalid", locale, props.strings);
	if (CHECKS_LENGTH.has(field.type)) data["data-msg-too-long"] = messageFor(field, "tooLong", locale, props.strings);
	return data;
}
function CatalogField({ field, props }) {
	const { locale } = props.lang;
	const raw = props.values?.[field.name];
	const value = raw === void 0 || raw === null ? "" : String(raw);
	const prefilled = props.prefilled?.includes(field.name) ? props.lang.t("form.prefilled") : void 0;
	const frame = {
		id: frameId(field),
		name: field.name,
		label: field.label[locale],
		hint: [field.hint?.[locale], prefilled].filter(Boolean).join(" ") || void 0,
		error: props.problems?.find((problem) => problem.field === field.name)?.message,
		errorSlot: true,
		required: field.required,
		data: checkData(field, props)
	};
	const choices = (field.options ?? []).map((option) => ({
		value: option.value,
		label: option.label[locale]
	}));
	switch (field.type) {
		case "radio": return /* @__PURE__ */ jsx(RadioGroup, {
			...frame,
			choices,
			value
		});
		case "yesNo": {
			const yesNo = [{
				value: "yes",
				label: props.lang.t("form.yes")
			}, {
				value: "no",
				label: props.lang.t("form.no")
			}];
			return /* @__PURE__ */ jsx(RadioGroup, {
				...frame,
				choices: yesNo,
				value
			});
		}
		case "checkboxes": {
			const ticked = Array.isArray(raw) ? raw.map(String) : value === "" ? [] : [value];
			return /* @__PURE__ */ jsx(CheckboxGroup, {
				...frame,
				choices,
				values: ticked
			});
		}
		case "memorableDate": return /* @__PURE__ */ jsx(MemorableDate, {
			...frame,
			hint: frame.hint ?? props.lang.t("form.memorableDateHint"),
			lang: props.lang,
			parts: dateParts(field, props.values),
			autocomplete: field.autocomplete
		});
		case "address":
		case "name": return /* @__PURE__ */ jsx(PartsFieldset, {
			...frame,
			lang: props.lang,
			type: field.type,
			parts: partsOf(field, props.values)
		});
		case "money": return /* @__PURE__ */ jsx(TextInput, {
			...frame,
			value: moneyText(raw),
			inputMode: "text",
			width: "medium",
			prefix: "$",
			autocomplete: field.autocomplete
		});
		case "checkbox": return /* @__PURE__ */ jsx(Checkbox, {
			...frame,
			checked: raw === true || [
				"true",
				"yes",
				"on"
			].includes(value)
		});
		case "ssn": {
			const saved = typeof raw === "string" && isValidSsn(raw) ? maskSsn(raw) : void 0;
			const hint = saved ? props.lang.t("form.ssnSaved", { masked: saved }) : frame.hint ?? props.lang.t("form.ssnHint");
			return /* @__PURE__ */ jsx(TextInput, {
				...frame,
				hint,
				required: frame.required && !saved,
				value: "",
				inputMode: "numeric",
				width: "medium",
				maxLength: 11,
				autocomplete: "off"
			});
		}
		case "declaration": {
			const answer = typeof raw === "object" && raw !== null ? raw : {};
			const posted = (part) => props.values?.[declarationPartName(field.name, part)];
			const agreed = posted("agree") !== void 0 ? posted("agree") === "yes" : answer.agreed === "yes";
			return /* @__PURE__ */ jsx(Declaration, {
				...frame,
				lang: props.lang,
				agreed,
				signature: String(posted("signature") ?? answer.name ?? ""),
				signedAt: answer.signedAt
			});
		}
		case "select": return /* @__PURE__ */ jsx(Select, {
			...frame,
			choices,
			value,
			placeholder: props.lang.t("form.selectPlaceholder"),
			autocomplete: field.autocomplete
		});
		case "textarea": return /* @__PURE__ */ jsx(Textarea, {
			...frame,
			value,
			maxLength: defaultMaxLength(field),
			autocomplete: field.autocomplete
		});
		case "integer": return /* @__PURE__ */ jsx(TextInput, {
			...frame,
			value,
			inputMode: "numeric",
			width: "small",
			autocomplete: field.autocomplete
		});
		case "file": return null;
		case "date": return /* @__PURE__ */ jsx(TextInput, {
			...frame,
			type: "date",
			value,
			width: "medium",
			autocomplete: field.autocomplete
		});
		default: return /* @__PURE__ */ jsx(TextInput, {
			...frame,
			type: field.type === "email" || field.type === "tel" ? field.type : "text",
			value,
			width: field.type === "tel" ? "medium" : void 0,
			maxLength: defaultMaxLength(field),
			autocomplete: field.autocomplete
		});
	}
}
/** The page shown and how each of its questions is shown (a one-page form is one page). */
function pageOf(props) {
	const page = props.page?.page ?? pagesOf(props.form)[0];
	return {
		page,
		states: questionStates(props.form, page, props.page?.earlier ?? {})
	};
}
var live = /* @__PURE__ */ new WeakMap();
function liveOn(props) {
	let names = live.get(props);
	if (!names) {
		names = new Set([...pageOf(props).states].flatMap(([name, state]) => state === "live" ? [name] : []));
		live.set(props, names);
	}
	return names;
}
function CatalogForm(props) {
	const { form, lang, problems = [] } = props;
	const { page, states } = pageOf(props);
	const fields = fieldsOfPage(form, page).filter((field) => states.get(field.name) !== "hidden");
	const multiPage = isMultiPage(form);
	const named = new Set(fields.flatMap((field) => field.when && liveOn(props).has(field.name) ? questionsNamed(field.when) : []));
	const earlier = Object.fromEntries(Object.entries(props.page?.earlier ?? {}).filter(([name]) => named.has(name)));
	return /* @__PURE__ */ jsxs("form", {
		class: "usa-form usa-form--large portal-form",
		method: "post",
		action: safeHref(props.page?.action ?? (multiPage ? apiPath("startFormDraft", { formId: form.id }, { lang: lang.locale }) : apiPath("submitForm", { formId: form.id }, { lang: lang.locale }))),
		noValidate: true,
		"data-portal-form": form.id,
		"data-signed-in-action": multiPage ? void 0 : apiPath("submitMyForm", { formId: form.id }, { lang: lang.locale }),
		"data-signed-in-start": multiPage && !props.page ? apiPath("startMyFormDraft", { formId: form.id }, { lang: lang.locale }) : void 0,
		"data-earlier-answers": liveOn(props).size > 0 ? JSON.stringify(earlier) : void 0,
		children: [
			problems.length > 0 && /* @__PURE__ */ jsx(ErrorSummary, {
				title: lang.t("form.errorSummaryTitle"),
				problems: problems.map((problem) => {
					const field = form.fields.find((candidate) => candidate.name === problem.field);
					return {
						message: problem.message,
						href: `#${field ? inputId(field) : "main-content"}`
					};
				})
			}),
			!multiPage && /* @__PURE__ */ jsx("input", {
				type: "hidden",
				name: "_idempotency",
				value: props.idempotencyKey ?? "",
				"data-idempotency-key": true
			}),
			Object.entries(props.page?.hidden ?? {}).map(([name, value]) => /* @__PURE__ */ jsx("input", {
				type: "hidden",
				name,
				value
			}, name)),
			/* @__PURE__ */ jsx("p", {
				class: "usa-hint",
				children: lang.t("form.requiredNote")
			}),
			fields.map((field) => /* @__PURE__ */ jsx(CatalogField, {
				field,
				props
			}, field.name)),
			/* @__PURE__ */ jsx(Button, {
				variant: "big",
				extraClass: "portal-submit",
				children: lang.t(multiPage ? "form.continue" : "form.submit")
			}),
			multiPage && /* @__PURE__ */ jsx("p", { children: /* @__PURE__ */ jsx(Button, {
				variant: "unstyled",
				name: "_save",
				value: "later",
				extraClass: "portal-save-later",
				"data-save-later": true,
				children: lang.t("form.saveLater")
			}) })
		]
	});
}
// web/src/components/ApplyForm.astro
createAstro("https://portal.example.gov");
var $$ApplyForm = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$ApplyForm;
	const { form, locale } = Astro.props;
	const lang = langOf(locale);
	return renderTemplate`${maybeRenderHead($$result)}<div${spreadAttributes(formCheckAttributes(lang))}>${renderComponent($$result, "Fragment", Fragment$1, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(html(CatalogForm, {
		form,
		lang,
		strings: catalog.strings
	}))}` })}</div>${renderComponent($$result, "FormEnhanceScript", $$FormEnhanceScript, {})}`;
}, "/work/h-buildspeed/web/src/components/ApplyForm.astro", void 0);
// web/src/pages/[...lang]/services/[service]/apply.astro
var apply_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Apply,
	file: () => $$file,
	getStaticPaths: () => getStaticPaths,
	url: () => $$url
});
createAstro("https://portal.example.gov");
var getStaticPaths = () => servicePaths();
var $$Apply = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Apply;
	const { locale, service } = Astro.props;
	const form = catalog.forms.get(service.form);
	if (!form) throw new Error(`The service "${service.id}" names an unknown form "${service.form}"`);
	const title = t(locale, "apply.title", { service: service.title[locale] });
	const steps = isMultiPage(form) ? [...visiblePages(form, {}).map((page) => page.title[locale]), t(locale, "form.checkAnswers")] : [
		t(locale, "apply.stepForm"),
		t(locale, "apply.stepConfirm"),
		...service.fee ? [t(locale, "apply.stepPay")] : []
	];
	return renderTemplate`${renderComponent($$result, "Layout", $$Layout, {
		"locale": locale,
		"title": title,
		"description": service.summary[locale],
		"path": pages.apply(service.id),
		"kind": "task"
	}, { "default": ($$result) => renderTemplate`${renderComponent($$result, "TaskPageHeader", $$TaskPageHeader, {
		"locale": locale,
		"service": service,
		"current": t(locale, "service.apply"),
		"title": title
	})}${renderComponent($$result, "Fragment", Fragment$1, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(html(StepIndicator, {
		lang: langOf(locale),
		steps,
		current: 0
	}))}` })}${maybeRenderHead($$result)}<p class="usa-intro portal-form-intro">${form.intro[locale]}</p>${renderComponent($$result, "ApplyForm", $$ApplyForm, {
		"form": form,
		"locale": locale
	})}` })}`;
}, "/work/h-buildspeed/web/src/pages/[...lang]/services/[service]/apply.astro", void 0);
var $$file = "/work/h-buildspeed/web/src/pages/[...lang]/services/[service]/apply.astro";
var $$url = "/[...lang]/services/[service]/apply/";
// \0virtual:astro:page:src/pages/[...lang]/services/[service]/apply@_@astro
var page = () => apply_exports;
export { page };
