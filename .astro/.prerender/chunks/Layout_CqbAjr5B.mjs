import { C as unescapeHTML, P as InvalidComponentArgs, Q as AstroError, X as UnavailableAstroGlobal, _ as createRenderInstruction, g as addAttribute, h as renderHead, o as renderComponent, p as renderTemplate, s as Fragment$2, t as spreadAttributes, tt as ASTRO_GENERATOR, u as renderSlot } from "./server_bH4pjnoS.mjs";
import { Fragment, jsx, jsxs } from "preact/jsx-runtime";
import { Fragment as Fragment$1, h, h as h$1 } from "preact";
import path, { basename, dirname, join, relative, resolve } from "node:path";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { renderToString } from "preact-render-to-string";
// \0rolldown/runtime.js
var __defProp = Object.defineProperty;
var __exportAll = (all, no_symbols) => {
	let target = {};
	for (var name in all) __defProp(target, name, {
		get: all[name],
		enumerable: true
	});
	if (!no_symbols) __defProp(target, Symbol.toStringTag, { value: "Module" });
	return target;
};
// node_modules/astro/dist/runtime/server/astro-component.js
function validateArgs(args) {
	if (args.length !== 3) return false;
	if (!args[0] || typeof args[0] !== "object") return false;
	return true;
}
function baseCreateComponent(cb, moduleId, propagation) {
	const name = moduleId?.split("/").pop()?.replace(".astro", "") ?? "";
	const fn = (...args) => {
		if (!validateArgs(args)) throw new AstroError({
			...InvalidComponentArgs,
			message: InvalidComponentArgs.message(name)
		});
		return cb(...args);
	};
	Object.defineProperty(fn, "name", {
		value: name,
		writable: false
	});
	fn.isAstroComponentFactory = true;
	fn.moduleId = moduleId;
	fn.propagation = propagation;
	return fn;
}
function createComponentWithOptions(opts) {
	return baseCreateComponent(opts.factory, opts.moduleId, opts.propagation);
}
function createComponent(arg1, moduleId, propagation) {
	if (typeof arg1 === "function") return baseCreateComponent(arg1, moduleId, propagation);
	else return createComponentWithOptions(arg1);
}
// node_modules/astro/dist/runtime/server/astro-global.js
function createError(name) {
	return new AstroError({
		...UnavailableAstroGlobal,
		message: UnavailableAstroGlobal.message(name)
	});
}
function createAstro(site) {
	return {
		get site() {
			console.warn(`Astro.site inside getStaticPaths is deprecated and will be removed in a future major version of Astro. Use import.meta.env.SITE instead`);
			return site ? new URL(site) : void 0;
		},
		get generator() {
			console.warn(`Astro.generator inside getStaticPaths is deprecated and will be removed in a future major version of Astro.`);
			return ASTRO_GENERATOR;
		},
		get callAction() {
			throw createError("callAction");
		},
		get clientAddress() {
			throw createError("clientAddress");
		},
		get cookies() {
			throw createError("cookies");
		},
		get csp() {
			throw createError("csp");
		},
		get currentLocale() {
			throw createError("currentLocale");
		},
		get getActionResult() {
			throw createError("getActionResult");
		},
		get isPrerendered() {
			throw createError("isPrerendered");
		},
		get locals() {
			throw createError("locals");
		},
		get originPathname() {
			throw createError("originPathname");
		},
		get params() {
			throw createError("params");
		},
		get preferredLocale() {
			throw createError("preferredLocale");
		},
		get preferredLocaleList() {
			throw createError("preferredLocaleList");
		},
		get props() {
			throw createError("props");
		},
		get redirect() {
			throw createError("redirect");
		},
		get request() {
			throw createError("request");
		},
		get response() {
			throw createError("response");
		},
		get rewrite() {
			throw createError("rewrite");
		},
		get routePattern() {
			throw createError("routePattern");
		},
		get self() {
			throw createError("self");
		},
		get slots() {
			throw createError("slots");
		},
		get url() {
			throw createError("url");
		},
		get session() {
			throw createError("session");
		},
		get cache() {
			throw createError("cache");
		},
		get logger() {
			throw createError("logger");
		}
	};
}
// node_modules/astro/dist/runtime/server/render/script.js
async function renderScript(result, id) {
	const inlined = result.inlinedScripts.get(id);
	let content = "";
	if (inlined != null) {
		if (inlined) content = `<script type="module">${inlined}<\/script>`;
	} else {
		const resolved = await result.resolve(id);
		content = `<script type="module" src="${result.userAssetsBase ? (result.base === "/" ? "" : result.base) + result.userAssetsBase : ""}${resolved}"><\/script>`;
	}
	return createRenderInstruction({
		type: "script",
		id,
		content
	});
}
// catalog/src/locales.ts
/** The languages of the site. Kept free of dependencies: the functions import it at run time. */
var LOCALES = ["en", "es"];
// catalog/src/i18n.ts
/** Small helpers for text in several languages; shared by the site and the functions. */
/** A path in the given language: English lives at the root, other languages under /<locale>/. */
function localePath(locale, path) {
	const clean = path.startsWith("/") ? path : `/${path}`;
	return locale === "en" ? clean : `/${locale}${clean}`;
}
/** Fills `{name}` placeholders. */
function fill(template, params = {}) {
	return template.replace(/\{(\w+)\}/g, (whole, key) => key in params ? String(params[key]) : whole);
}
/**
* The site strings with what only the agency's config knows (agency.config.json): the government's name, the
* site's name and domain, and how to reach the government, shown in the header, the banner and the identifier.
* The build adds them; strings.json never types them. A contact detail the config leaves out is empty.
*/
function withAgency(strings, agency) {
	const both = (value) => ({
		en: value,
		es: value
	});
	return {
		...strings,
		"site.government": both(agency.name),
		"site.domain": both(agency.domain ?? agency.name),
		...agency.siteName && { "site.name": agency.siteName },
		"site.contactPhone": both(agency.contact?.phone ?? ""),
		"site.contactEmail": both(agency.contact?.email ?? ""),
		"site.contactHours": agency.contact?.hours ?? both("")
	};
}
/** A site string in the given language; a missing key is a build-time bug, so it throws. */
function translate(strings, key, locale, params) {
	const entry = strings[key];
	if (!entry) throw new Error(`catalog/strings.json has no "${key}". Add it with "en" and "es" texts.`);
	return fill(entry[locale], params);
}
/** "$25.00" / "25,00 US$"-style money in the reader's language, from cents. */
var moneyFormats = /* @__PURE__ */ new Map();
function formatMoney(cents, currency, locale) {
	const key = `${locale} ${currency}`;
	let format = moneyFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale === "es" ? "es-US" : "en-US", {
			style: "currency",
			currency
		});
		moneyFormats.set(key, format);
	}
	return format.format(cents / 100);
}
// functions/http/routes.ts
/**
* The cookie the `credentials: 'session'` routes read (functions/http/session.ts). `__Host-`: the browser refuses
* it unless Secure, Path=/ and no Domain, so no sibling host can set or read it.
*/
var SESSION_COOKIE = "__Host-fd-staff";
var routes = [
	{
		name: "submitForm",
		method: "POST",
		path: "/api/forms/{formId}/submissions",
		handler: "submit-form",
		auth: "public",
		tableAccess: "read-write",
		files: "release",
		summary: "Send the answers to a form; answers JSON (201) or, for a plain HTML form post, a 303 to the confirmation"
	},
	{
		name: "submitMyForm",
		method: "POST",
		path: "/api/my/forms/{formId}/submissions",
		handler: "submit-form",
		auth: "citizen",
		tableAccess: "read-write",
		files: "release",
		summary: "The same, signed in: the submission is linked to the person and shows under \"My account\""
	},
	{
		name: "startFormDraft",
		method: "POST",
		path: "/api/forms/{formId}/drafts",
		handler: "fill-form",
		auth: "public",
		tableAccess: "read-write",
		summary: "A multi-page form's first page: keeps the answers in a new draft and answers 303 to the next page"
	},
	{
		name: "showFormPage",
		method: "GET",
		path: "/api/forms/{formId}/drafts/{draftId}/pages/{pageId}",
		handler: "fill-form",
		auth: "public",
		tableAccess: "read",
		files: "drafts",
		summary: "A page of a multi-page form with the answers kept in its draft, or \"Check your answers\" before sending"
	},
	{
		name: "saveFormPage",
		method: "POST",
		path: "/api/forms/{formId}/drafts/{draftId}/pages/{pageId}",
		handler: "fill-form",
		auth: "public",
		tableAccess: "read-write",
		files: "drafts",
		summary: "Saves one page's answers into the draft (mistakes: the page again, 422) and answers 303 to the next page"
	},
	{
		name: "presignUpload",
		method: "POST",
		path: "/api/forms/{formId}/drafts/{draftId}/uploads",
		handler: "upload-file",
		auth: "public",
		tableAccess: "read",
		files: "drafts",
		summary: "With JavaScript: a presigned POST for one file of a draft's file question (JSON {question, name, type})"
	},
	{
		name: "releaseUpload",
		method: "GET",
		path: "/api/forms/{formId}/drafts/{draftId}/uploads/{question}/{fileId}",
		handler: "upload-file",
		auth: "public",
		tableAccess: "read-write",
		files: "drafts",
		summary: "Where storage sends the browser after an upload: checks the file (kind by content, size, count), keeps it in the draft or removes it, and answers the page again (or JSON)"
	},
	{
		name: "startMyFormDraft",
		method: "POST",
		path: "/api/my/forms/{formId}/drafts",
		handler: "fill-form",
		auth: "citizen",
		tableAccess: "read-write",
		summary: "The same first page, signed in: the draft is the person's own (only they open it), prefilled from their sign-in; sets the draft's key cookie"
	},
	{
		name: "showSaveForLater",
		method: "GET",
		path: "/api/forms/{formId}/drafts/{draftId}/save",
		handler: "save-for-later",
		auth: "public",
		tableAccess: "read",
		summary: "\"Save and come back later\": asks for the date of birth (the check) and an e-mail address for the link"
	},
	{
		name: "saveForLater",
		method: "POST",
		path: "/api/forms/{formId}/drafts/{draftId}/save",
		handler: "save-for-later",
		auth: "public",
		tableAccess: "read-write",
		summary: "Gives the draft a resume code (and e-mails the link when an address is given); 303 to the saved page"
	},
	{
		name: "showSavedDraft",
		method: "GET",
		path: "/api/forms/{formId}/drafts/{draftId}/saved",
		handler: "save-for-later",
		auth: "public",
		tableAccess: "read",
		summary: "The saved page: the resume code, until when the answers are kept, and where the link was sent"
	},
	{
		name: "showResumeForm",
		method: "GET",
		path: "/api/resume",
		handler: "resume-form",
		auth: "public",
		tableAccess: "none",
		summary: "Come back to a saved form: the resume code (filled in from the e-mailed link) and the date of birth"
	},
	{
		name: "resumeForm",
		method: "POST",
		path: "/api/resume",
		handler: "resume-form",
		auth: "public",
		tableAccess: "read-write",
		summary: "Checks the resume code and date of birth (five wrong tries lock the code); 303 to the page the person left"
	},
	{
		name: "listMyDrafts",
		method: "GET",
		path: "/api/my/drafts",
		handler: "list-my-drafts",
		auth: "citizen",
		tableAccess: "read",
		summary: "The signed-in person's own unfinished forms, newest first, with the date each is kept until"
	},
	{
		name: "continueMyDraft",
		method: "POST",
		path: "/api/my/drafts/{draftId}/continue",
		handler: "list-my-drafts",
		auth: "citizen",
		tableAccess: "read-write",
		summary: "Continue one of the person's own drafts: a new draft key cookie, and the page they left (JSON)"
	},
	{
		name: "listMySubmissions",
		method: "GET",
		path: "/api/my/submissions",
		handler: "list-my-submissions",
		auth: "citizen",
		tableAccess: "read",
		summary: "The signed-in person's own submissions, newest first, with status"
	},
	{
		name: "withdrawMySubmission",
		method: "POST",
		path: "/api/my/submissions/{code}/withdrawal",
		handler: "withdraw-submission",
		auth: "citizen",
		tableAccess: "read-write",
		summary: "The signed-in person withdraws their own application while the agency is still working on it"
	},
	{
		name: "listMyActivity",
		method: "GET",
		path: "/api/my/activity",
		handler: "list-my-activity",
		auth: "citizen",
		tableAccess: "read",
		summary: "The signed-in person's own timeline, newest first, across every agency and channel; paged (?cursor=…)"
	},
	{
		name: "downloadSubmissionPdf",
		method: "POST",
		path: "/api/submissions/{code}/pdf",
		handler: "download-submission-pdf",
		auth: "public",
		tableAccess: "read",
		throttle: {
			rateLimit: 5,
			burstLimit: 10
		},
		summary: "A PDF of the answers sent, for whoever holds the confirmation code and the e-mail address given in them (a POST: the address stays out of URLs)"
	},
	{
		name: "downloadMySubmissionPdf",
		method: "GET",
		path: "/api/my/submissions/{code}/pdf",
		handler: "download-submission-pdf",
		auth: "citizen",
		tableAccess: "read",
		summary: "A PDF of the answers the signed-in person sent (their own submissions only)"
	},
	{
		name: "showMyPreferences",
		method: "GET",
		path: "/api/my/preferences",
		handler: "manage-my-preferences",
		auth: "citizen",
		tableAccess: "read",
		summary: "How the signed-in person wants to hear from us (e-mail, text, both or none per kind; the language), and their addresses our last e-mail could not reach"
	},
	{
		name: "saveMyPreferences",
		method: "PUT",
		path: "/api/my/preferences",
		handler: "manage-my-preferences",
		auth: "citizen",
		tableAccess: "read-write",
		summary: "The signed-in person changes how they hear from us; receipts always go (never \"none\")"
	},
	{
		name: "showStatus",
		method: "GET",
		path: "/api/status/{code}",
		handler: "check-status",
		auth: "public",
		tableAccess: "read",
		summary: "Where a submission stands, by confirmation code (status and dates only, never answers)"
	},
	{
		name: "findStatus",
		method: "GET",
		path: "/api/status",
		handler: "check-status",
		auth: "public",
		tableAccess: "read",
		summary: "The same, for the status page's plain GET form (?code=…)"
	},
	{
		name: "requestMyCodes",
		method: "POST",
		path: "/api/status/codes",
		handler: "request-my-codes",
		auth: "public",
		tableAccess: "read-write",
		throttle: {
			rateLimit: 10,
			burstLimit: 20
		},
		summary: "\"Send me my confirmation codes\": e-mails the codes of the submissions made with an address to it; the answer never says whether there were any"
	},
	{
		name: "showCodesRequested",
		method: "GET",
		path: "/api/status/codes/sent",
		handler: "request-my-codes",
		auth: "public",
		tableAccess: "none",
		summary: "The page after \"send me my codes\": check your e-mail (the same words whatever the address)"
	},
	{
		name: "startPayment",
		method: "POST",
		path: "/api/payments",
		handler: "start-payment",
		auth: "public",
		tableAccess: "read-write",
		secrets: ["payment-provider"],
		summary: "Pay an application's fee (confirmation code) or a bill (reference + plate/ZIP): opens the provider's hosted checkout; a 303 to it for a form post, JSON with its URL otherwise"
	},
	{
		name: "showPayment",
		method: "GET",
		path: "/api/payments/{paymentId}",
		handler: "show-payment",
		auth: "public",
		tableAccess: "read-write",
		secrets: ["payment-provider"],
		summary: "Where a payment stands: the receipt once paid, \"still processing\", or \"not paid, try again\"; asks the provider if its notification is late"
	},
	{
		name: "receivePaymentWebhook",
		method: "POST",
		path: "/api/payments/webhook",
		handler: "receive-payment-webhook",
		auth: "public",
		tableAccess: "read-write",
		secrets: ["payment-provider"],
		summary: "The payment provider's signed notifications: the source of truth for payments (signature checked, deduplicated)"
	},
	{
		name: "refundPayment",
		method: "POST",
		path: "/api/payments/{paymentId}/refunds",
		handler: "refund-payment",
		auth: "staff",
		tableAccess: "read-write",
		secrets: ["payment-provider"],
		summary: "Staff of the agency that was paid refund all or part of a refundable payment"
	},
	{
		name: "findBill",
		method: "POST",
		path: "/api/bills/lookup",
		handler: "find-bill",
		auth: "public",
		tableAccess: "read",
		summary: "Find a bill or fine by its reference and the plate or ZIP code printed on it (a POST: the plate stays out of URLs)"
	},
	{
		name: "loadBill",
		method: "PUT",
		path: "/api/bills/{reference}",
		handler: "load-bill",
		auth: "machine:bills",
		tableAccess: "read-write",
		summary: "An agency's system loads or updates a bill people can pay by reference"
	},
	{
		name: "recordInteraction",
		method: "POST",
		path: "/api/interactions",
		handler: "record-interaction",
		auth: "machine:interactions",
		tableAccess: "read-write",
		summary: "Another channel's system (contact centre, chat, e-mail, text, front desk) records a contact on the person's timeline; the same externalId twice is one entry"
	},
	{
		name: "showAgencyQueue",
		method: "GET",
		path: "/api/agency/{agency}/cases",
		handler: "show-agency-queue",
		auth: "staff",
		tableAccess: "read",
		summary: "Staff: one page of their agency's queue (status, service, assigned to me; oldest or newest first), counts by status"
	},
	{
		name: "exportAgencyQueue",
		method: "GET",
		path: "/api/agency/{agency}/export",
		handler: "export-agency-queue",
		auth: "staff",
		tableAccess: "read-write",
		throttle: {
			rateLimit: 5,
			burstLimit: 10
		},
		summary: "Staff: the queue's current filter as a CSV file, in parts of at most 5,000 rows (a Link header names the next part); the export is audited"
	},
	{
		name: "showStaffActivity",
		method: "GET",
		path: "/api/agency/{agency}/activity/{subject}",
		handler: "show-staff-activity",
		auth: "staff",
		tableAccess: "read",
		summary: "The agency's administrators: what one staff member did for the agency (the audit trail by actor), newest first, 50 a page; JSON or an HTML page"
	},
	{
		name: "findAgencyCases",
		method: "GET",
		path: "/api/agency/{agency}/search",
		handler: "find-agency-cases",
		auth: "staff",
		tableAccess: "read-write",
		summary: "Staff: a case by confirmation code, or their agency's cases by the applicant's e-mail (the search is audited)"
	},
	{
		name: "showCase",
		method: "GET",
		path: "/api/agency/cases/{code}",
		handler: "show-case",
		auth: "staff",
		tableAccess: "read-write",
		summary: "Staff of the case's agency: answers, history, messages and notes (the read is audited); the audit trail for administrators"
	},
	{
		name: "changeCaseStatus",
		method: "POST",
		path: "/api/agency/cases/{code}/status",
		handler: "change-case-status",
		auth: "staff",
		tableAccess: "read-write",
		summary: "Staff move a case through the workflow; a change on an older version is refused (409) with the case as it stands"
	},
	{
		name: "addCaseMessage",
		method: "POST",
		path: "/api/agency/cases/{code}/messages",
		handler: "add-case-message",
		auth: "staff",
		tableAccess: "read-write",
		summary: "Staff write to the citizen (shown to them) or an internal note (never shown to them)"
	},
	{
		name: "assignCase",
		method: "POST",
		path: "/api/agency/cases/{code}/assignment",
		handler: "assign-case",
		auth: "staff",
		tableAccess: "read-write",
		summary: "Staff assign a case to themselves or unassign it"
	},
	{
		name: "staffSignIn",
		method: "GET",
		path: "/api/agency/sign-in",
		handler: "staff-sign-in",
		auth: "public",
		tableAccess: "read-write",
		summary: "Staff sign-in for the workspace's pages: state, nonce and PKCE kept server-side (one use), then the user pool"
	},
	{
		name: "staffSignInCallback",
		method: "GET",
		path: "/api/agency/callback",
		handler: "staff-sign-in-callback",
		auth: "public",
		tableAccess: "read-write",
		summary: "Back from the user pool: the code exchanged, the token checked, the workspace's HttpOnly cookie set"
	},
	{
		name: "staffSignOut",
		method: "POST",
		path: "/api/agency/sign-out",
		handler: "staff-sign-out",
		auth: "public",
		tableAccess: "none",
		summary: "Staff sign out of the workspace's pages: the cookie cleared, then the user pool's sign-out"
	},
	{
		name: "agencyQueuePage",
		method: "GET",
		path: "/api/agency/desk/queue/{agency}",
		handler: "show-agency-queue",
		auth: "staff",
		credentials: "session",
		tableAccess: "read",
		secrets: ["staff-session"],
		summary: "The queue as a page, for staff signed in with the workspace's cookie"
	},
	{
		name: "findAgencyCasesPage",
		method: "GET",
		path: "/api/agency/desk/search/{agency}",
		handler: "find-agency-cases",
		auth: "staff",
		credentials: "session",
		tableAccess: "read-write",
		secrets: ["staff-session"],
		summary: "Find a case by code (straight to it) or by e-mail (a list), as a page"
	},
	{
		name: "casePage",
		method: "GET",
		path: "/api/agency/desk/cases/{code}",
		handler: "show-case",
		auth: "staff",
		credentials: "session",
		tableAccess: "read-write",
		secrets: ["staff-session"],
		summary: "A case as a page, with the forms that work it (status, message or note, assignment, refund)"
	},
	{
		name: "casePdfPage",
		method: "GET",
		path: "/api/agency/desk/cases/{code}/pdf",
		handler: "download-submission-pdf",
		auth: "staff",
		credentials: "session",
		tableAccess: "read-write",
		secrets: ["staff-session"],
		summary: "The case page's PDF of the answers (the agency's own paper form filled in, where it has one); audited"
	},
	{
		name: "openCaseFile",
		method: "GET",
		path: "/api/agency/desk/cases/{code}/files/{fileId}",
		handler: "open-case-file",
		auth: "staff",
		credentials: "session",
		tableAccess: "read-write",
		files: "open",
		secrets: ["staff-session"],
		summary: "Opens a case's file: audits the open, then 303 to a link that works for a minute (a scanned, clean file only)"
	},
	{
		name: "changeCaseStatusForm",
		method: "POST",
		path: "/api/agency/desk/cases/{code}/status",
		handler: "change-case-status",
		auth: "staff",
		credentials: "session",
		tableAccess: "read-write",
		secrets: ["staff-session"],
		summary: "The case page's status form: 303 back to the case, or the page again with what to fix"
	},
	{
		name: "addCaseMessageForm",
		method: "POST",
		path: "/api/agency/desk/cases/{code}/messages",
		handler: "add-case-message",
		auth: "staff",
		credentials: "session",
		tableAccess: "read-write",
		secrets: ["staff-session"],
		summary: "The case page's message and note form: 303 back to the case"
	},
	{
		name: "assignCaseForm",
		method: "POST",
		path: "/api/agency/desk/cases/{code}/assignment",
		handler: "assign-case",
		auth: "staff",
		credentials: "session",
		tableAccess: "read-write",
		secrets: ["staff-session"],
		summary: "The case page's assign and unassign buttons: 303 back to the case"
	},
	{
		name: "refundPaymentForm",
		method: "POST",
		path: "/api/agency/desk/cases/{code}/payments/{paymentId}/refunds",
		handler: "refund-payment",
		auth: "staff",
		credentials: "session",
		tableAccess: "read-write",
		secrets: ["payment-provider", "staff-session"],
		summary: "The case page's refund form: 303 back to the case, or the page again with what to fix"
	},
	{
		name: "exportAgencyQueuePage",
		method: "GET",
		path: "/api/agency/desk/export/{agency}",
		handler: "export-agency-queue",
		auth: "staff",
		credentials: "session",
		tableAccess: "read-write",
		secrets: ["staff-session"],
		throttle: {
			rateLimit: 5,
			burstLimit: 10
		},
		summary: "The queue page's \"Download\" link: the same CSV parts for staff signed in with the workspace's cookie"
	},
	{
		name: "exportPartsPage",
		method: "GET",
		path: "/api/agency/desk/export-parts/{agency}",
		handler: "list-export-parts",
		auth: "staff",
		credentials: "session",
		tableAccess: "read",
		secrets: ["staff-session"],
		throttle: {
			rateLimit: 5,
			burstLimit: 10
		},
		summary: "The queue filter's CSV export as a list of its parts (part n of m, which cases, a download link each), for browsers, which follow no Link header"
	},
	{
		name: "staffActivityPage",
		method: "GET",
		path: "/api/agency/desk/activity/{agency}/{subject}",
		handler: "show-staff-activity",
		auth: "staff",
		credentials: "session",
		tableAccess: "read",
		secrets: ["staff-session"],
		summary: "A staff member's activity as a page, for the agency's administrators signed in with the workspace's cookie"
	},
	{
		name: "cxDashboardPage",
		method: "GET",
		path: "/api/agency/desk/cx/{agency}",
		handler: "show-cx-dashboard",
		auth: "staff",
		credentials: "session",
		tableAccess: "read",
		secrets: ["staff-session"],
		summary: "The CX dashboard as a page, for the agency's staff signed in with the workspace's cookie"
	},
	{
		name: "personPage",
		method: "GET",
		path: "/api/agency/desk/people/{agency}/{person}",
		handler: "show-person-timeline",
		auth: "staff",
		credentials: "session",
		tableAccess: "read-write",
		secrets: ["staff-session"],
		summary: "A person's timeline for the agency's staff (their agency's entries only; the read is audited), as a page"
	},
	{
		name: "unlinkedContactsPage",
		method: "GET",
		path: "/api/agency/desk/unlinked/{agency}",
		handler: "show-unlinked-contacts",
		auth: "staff",
		credentials: "session",
		tableAccess: "read",
		secrets: ["staff-session"],
		summary: "The agency's contacts from other channels nobody could match yet, newest first, each with its link form"
	},
	{
		name: "linkContactForm",
		method: "POST",
		path: "/api/agency/desk/unlinked/{agency}/{contact}/link",
		handler: "link-contact",
		auth: "staff",
		credentials: "session",
		tableAccess: "read-write",
		secrets: ["staff-session"],
		summary: "Links an unlinked contact to a case (by its code) or a person: 303 back to the list, or the list again with what to fix"
	},
	{
		name: "submitFeedback",
		method: "POST",
		path: "/api/feedback",
		handler: "submit-feedback",
		auth: "public",
		tableAccess: "read-write",
		secrets: ["feedback-key"],
		summary: "Answer the A-11 survey after a task (anonymous; one response per transaction, answering again replaces it); a 303 to the thanks page for a form post, JSON otherwise"
	},
	{
		name: "showFeedbackThanks",
		method: "GET",
		path: "/api/feedback/thanks",
		handler: "show-feedback-thanks",
		auth: "public",
		tableAccess: "none",
		summary: "The thanks page after the survey, with a link back to where the person was"
	},
	{
		name: "showCxDashboard",
		method: "GET",
		path: "/api/agency/{agency}/cx",
		handler: "show-cx-dashboard",
		auth: "staff",
		tableAccess: "read",
		summary: "Staff of the agency: survey scores per quarter, the funnel, time to decision, volume by channel (JSON, an HTML page, or ?format=a11-csv, the quarterly A-11 report); anyone else 404"
	},
	{
		name: "getHealth",
		method: "GET",
		path: "/api/health",
		handler: "get-health",
		auth: "public",
		tableAccess: "read",
		summary: "Whether the API and its table answer"
	},
	{
		name: "searchSite",
		method: "GET",
		path: "/api/search",
		handler: "search-site",
		auth: "public",
		tableAccess: "none",
		summary: "Site search on a plain GET (?q=…&lang=…): the catalog's services, life events and tasks, no JavaScript needed"
	},
	{
		name: "getOpenApi",
		method: "GET",
		path: "/api/openapi.json",
		handler: "show-openapi",
		auth: "public",
		tableAccess: "none",
		summary: "This API described (OpenAPI 3.1): every route, its sign-in, its request and every answer"
	}
];
/**
* The OAuth scopes API Gateway's JWT authorizer requires on a route (a token must carry one of them).
* People's routes require `openid`, which Cognito puts in access tokens and never in ID tokens, so an ID
* token is refused at the gateway; machine routes require their own `frontdoor/<name>` scope.
* Public routes have no authorizer at all. infra/ and the local runtime both use this.
*/
function authorizationScopesFor(route) {
	if (route.auth === "public") return void 0;
	if (route.auth.startsWith("machine:")) return [`frontdoor/${route.auth.slice(8)}`];
	return ["openid"];
}
// ui/paths.ts
/**
* Every path a page links to, a form posts to or a handler redirects to, from one place: the site's page map
* (web/src/pages is laid out to match it) and the API's route table. Nothing else types a path.
*/
/** The site's pages, without the language prefix (`pageHref` adds it). Every path ends with a slash. */
/** The pages every government site links from its identifier, in the order USWDS lists them. */
var POLICY_PAGES = [
	"about",
	"accessibility",
	"foia",
	"no-fear-act",
	"inspector-general",
	"performance",
	"privacy"
];
var pages = {
	home: () => "/",
	lifeEvent: (id) => `/life-events/${encodeURIComponent(id)}/`,
	service: (id) => `/services/${encodeURIComponent(id)}/`,
	apply: (serviceId) => `/services/${encodeURIComponent(serviceId)}/apply/`,
	pay: (serviceId) => `/services/${encodeURIComponent(serviceId)}/pay/`,
	serviceStatus: (serviceId) => `/services/${encodeURIComponent(serviceId)}/status/`,
	status: () => "/status/",
	payBill: () => "/pay/",
	allServices: () => "/services/",
	/** The identifier's required links (USWDS): about, accessibility, FOIA, No FEAR Act, Inspector General, … */
	policy: (id) => `/about/${id}/`,
	account: () => "/account/",
	/** The API reference for agencies' systems (the OpenAPI document as a page). */
	apiReference: () => "/developers/api/",
	signInCallback: () => "/auth/callback/",
	/** Built only so the functions can reuse the site's stylesheet and scripts (scripts/build-functions.ts). */
	shell: () => "/_shell/"
};
/** A page of the site in a language: English at the root, other languages under /<locale>/. */
function pageHref(locale, path) {
	return localePath(locale, path);
}
function routeNamed(name) {
	const route = routes.find((candidate) => candidate.name === name);
	if (!route) throw new Error(`The route table has no route named "${name}"`);
	return route;
}
/**
* The path of an API route by its name in the route table, with its `{parameters}` filled in (encoded) and
* an optional query, e.g. `apiPath('showStatus', { code }, { lang: 'es' })` → `/api/status/K7M2-9QXR?lang=es`.
*/
function apiPath(name, ...[params, query]) {
	return routeNamed(name).path.replace(/\{(\w+)\}/g, (_, key) => encodeURIComponent(params[key] ?? "")) + (query && Object.keys(query).length > 0 ? `?${new URLSearchParams(query)}` : "");
}
// ui/href.ts
/**
* The one rule for what a link may point at. Text and attributes are escaped by the renderer, but an
* escaped `javascript:` URL still runs when clicked, so every href a component prints passes through here.
*/
var ALLOWED_SCHEMES = /* @__PURE__ */ new Set([
	"https:",
	"http:",
	"mailto:",
	"tel:"
]);
/** The href as given when it is a same-site path, a fragment, a query or a web/mail/phone address; otherwise "#". */
function safeHref(href) {
	const value = href.trim();
	if (value.startsWith("#") || value.startsWith("?")) return value;
	if (value.startsWith("/")) return /^\/[/\\]/.test(value) ? "#" : value;
	const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(value)?.[1]?.toLowerCase();
	return scheme && ALLOWED_SCHEMES.has(scheme) ? value : "#";
}
// ui/chrome/SiteIdentifier.tsx
/** USWDS identifier: which agencies run the site, the required links, and USA.gov. */
/** How to reach the government about the site (agency.config.json's agency.contact), when the config says. */
function Contact({ lang }) {
	const phone = lang.t("site.contactPhone");
	if (!phone) return null;
	const email = lang.t("site.contactEmail");
	const hours = lang.t("site.contactHours");
	return /* @__PURE__ */ jsxs("p", {
		class: "usa-identifier__identity-disclaimer",
		children: [
			lang.t("identifier.contactCall"),
			" ",
			/* @__PURE__ */ jsx("a", {
				class: "usa-link",
				href: safeHref(`tel:${phone.replace(/[^\d+]/g, "")}`),
				children: phone
			}),
			hours && ` (${hours})`,
			email && /* @__PURE__ */ jsxs(Fragment, { children: [
				" ",
				lang.t("identifier.contactWrite"),
				" ",
				/* @__PURE__ */ jsx("a", {
					class: "usa-link",
					href: safeHref(`mailto:${email}`),
					children: email
				})
			] }),
			"."
		]
	});
}
var lists = /* @__PURE__ */ new Map();
var listOf$1 = (locale, items) => {
	let format = lists.get(locale);
	if (!format) {
		format = new Intl.ListFormat(locale, { type: "conjunction" });
		lists.set(locale, format);
	}
	return format.format(items);
};
function SiteIdentifier({ lang, agencies, seal }) {
	const names = listOf$1(lang.locale, agencies);
	return /* @__PURE__ */ jsxs("footer", {
		class: "usa-identifier",
		children: [
			/* @__PURE__ */ jsx("section", {
				class: "usa-identifier__section usa-identifier__section--masthead",
				"aria-label": lang.t("identifier.label"),
				children: /* @__PURE__ */ jsxs("div", {
					class: "usa-identifier__container",
					children: [seal && /* @__PURE__ */ jsx("div", {
						class: "usa-identifier__logos",
						children: /* @__PURE__ */ jsx("a", {
							href: pageHref(lang.locale, pages.home()),
							class: "usa-identifier__logo",
							children: /* @__PURE__ */ jsx("img", {
								class: "usa-identifier__logo-img",
								src: safeHref(seal),
								alt: lang.t("identifier.sealAlt", { government: lang.t("site.government") })
							})
						})
					}), /* @__PURE__ */ jsxs("section", {
						class: "usa-identifier__identity",
						"aria-label": lang.t("identifier.description"),
						children: [
							/* @__PURE__ */ jsx("p", {
								class: "usa-identifier__identity-domain",
								children: lang.t("site.domain")
							}),
							/* @__PURE__ */ jsx("p", {
								class: "usa-identifier__identity-disclaimer",
								children: lang.t("identifier.content", { agencies: names })
							}),
							/* @__PURE__ */ jsx(Contact, { lang })
						]
					})]
				})
			}),
			/* @__PURE__ */ jsx("nav", {
				class: "usa-identifier__section usa-identifier__section--required-links",
				"aria-label": lang.t("identifier.requiredLinks"),
				children: /* @__PURE__ */ jsx("div", {
					class: "usa-identifier__container",
					children: /* @__PURE__ */ jsx("ul", {
						class: "usa-identifier__required-links-list",
						children: POLICY_PAGES.map((id) => /* @__PURE__ */ jsx("li", {
							class: "usa-identifier__required-links-item",
							children: /* @__PURE__ */ jsx("a", {
								href: pageHref(lang.locale, pages.policy(id)),
								class: "usa-identifier__required-link usa-link",
								children: lang.t(`policy.${id}.link`, { government: lang.t("site.government") })
							})
						}, id))
					})
				})
			}),
			/* @__PURE__ */ jsx("section", {
				class: "usa-identifier__section usa-identifier__section--usagov",
				"aria-label": lang.t("identifier.usagovLabel"),
				children: /* @__PURE__ */ jsxs("div", {
					class: "usa-identifier__container",
					children: [
						/* @__PURE__ */ jsx("div", {
							class: "usa-identifier__usagov-description",
							children: lang.t("identifier.usagovDescription")
						}),
						" ",
						/* @__PURE__ */ jsx("a", {
							href: safeHref(lang.t("identifier.usagovUrl")),
							class: "usa-link",
							children: lang.t("identifier.usagovLink")
						})
					]
				})
			})
		]
	});
}
// ui/interpolate.ts
/** Site strings with markup in their placeholders (kept apart from ui/lang.ts, which functions load at start-up). */
/**
* A string whose `{name}` placeholders stand for markup ("A {gov} website belongs to…" with gov = <strong>):
* the text around them stays text, so it is escaped like any other.
*/
function interpolate(template, parts) {
	const pieces = template.split(/\{(\w+)\}/);
	return h(Fragment$1, null, pieces.map((piece, index) => {
		if (index % 2 === 0) return piece;
		return piece in parts ? h(Fragment$1, { key: index }, parts[piece]) : `{${piece}}`;
	}));
}
// ui/chrome/GovBanner.tsx
var CONTENT_ID = "gov-banner";
function Lock({ lang }) {
	return /* @__PURE__ */ jsx("span", {
		class: "icon-lock",
		children: /* @__PURE__ */ jsxs("svg", {
			xmlns: "http://www.w3.org/2000/svg",
			width: "52",
			height: "64",
			viewBox: "0 0 52 64",
			class: "usa-banner__lock-image",
			role: "img",
			"aria-labelledby": "banner-lock-description",
			focusable: "false",
			children: [
				/* @__PURE__ */ jsx("title", {
					id: "banner-lock-title",
					children: lang.t("banner.lockTitle")
				}),
				/* @__PURE__ */ jsx("desc", {
					id: "banner-lock-description",
					children: lang.t("banner.lockDescription")
				}),
				/* @__PURE__ */ jsx("path", {
					fill: "#000000",
					"fill-rule": "evenodd",
					d: "M26 0c10.493 0 19 8.507 19 19v9h3a4 4 0 0 1 4 4v28a4 4 0 0 1-4 4H4a4 4 0 0 1-4-4V32a4 4 0 0 1 4-4h3v-9C7 8.507 15.507 0 26 0zm0 8c-5.979 0-10.843 4.77-10.996 10.712L15 19v9h22v-9c0-6.075-4.925-11-11-11z"
				})
			]
		})
	});
}
/** One of the banner's two explanations: an icon, a heading and what it means. */
function Guidance({ icon, heading, children }) {
	return /* @__PURE__ */ jsxs("div", {
		class: "usa-banner__guidance tablet:grid-col-6",
		children: [/* @__PURE__ */ jsx("img", {
			class: "usa-banner__icon usa-media-block__img",
			src: icon,
			role: "img",
			alt: "",
			"aria-hidden": "true",
			width: 40,
			height: 40
		}), /* @__PURE__ */ jsx("div", {
			class: "usa-media-block__body",
			children: /* @__PURE__ */ jsxs("p", { children: [
				/* @__PURE__ */ jsx("strong", { children: heading }),
				/* @__PURE__ */ jsx("br", {}),
				children
			] })
		})]
	});
}
function GovBanner({ lang, images }) {
	return /* @__PURE__ */ jsx("section", {
		class: "usa-banner",
		"aria-label": lang.t("banner.label", { government: lang.t("site.government") }),
		children: /* @__PURE__ */ jsxs("div", {
			class: "usa-accordion",
			children: [/* @__PURE__ */ jsx("header", {
				class: "usa-banner__header",
				"data-gov-banner-header": true,
				children: /* @__PURE__ */ jsxs("div", {
					class: "usa-banner__inner",
					children: [
						/* @__PURE__ */ jsx("div", {
							class: "grid-col-auto",
							children: /* @__PURE__ */ jsx("img", {
								"aria-hidden": "true",
								class: "usa-banner__header-flag",
								src: images.flag,
								alt: "",
								width: 16,
								height: 11
							})
						}),
						/* @__PURE__ */ jsxs("div", {
							class: "grid-col-fill tablet:grid-col-auto",
							"aria-hidden": "true",
							children: [/* @__PURE__ */ jsx("p", {
								class: "usa-banner__header-text",
								children: lang.t("banner.text", { government: lang.t("site.government") })
							}), /* @__PURE__ */ jsx("p", {
								class: "usa-banner__header-action",
								children: lang.t("banner.action")
							})]
						}),
						/* @__PURE__ */ jsx("button", {
							type: "button",
							class: "usa-accordion__button usa-banner__button",
							"aria-expanded": "false",
							"aria-controls": CONTENT_ID,
							"data-gov-banner-button": true,
							children: /* @__PURE__ */ jsx("span", {
								class: "usa-banner__button-text",
								children: lang.t("banner.action")
							})
						})
					]
				})
			}), /* @__PURE__ */ jsx("div", {
				class: "usa-banner__content usa-accordion__content",
				id: CONTENT_ID,
				hidden: true,
				children: /* @__PURE__ */ jsxs("div", {
					class: "grid-row grid-gap-lg",
					children: [/* @__PURE__ */ jsx(Guidance, {
						icon: images.dotGov,
						heading: lang.t("banner.domainHeading"),
						children: interpolate(lang.t("banner.domainText"), { gov: /* @__PURE__ */ jsx("strong", { children: ".gov" }) })
					}), /* @__PURE__ */ jsx(Guidance, {
						icon: images.https,
						heading: lang.t("banner.httpsHeading"),
						children: interpolate(lang.t("banner.httpsText"), {
							lock: /* @__PURE__ */ jsx("strong", { children: lang.t("banner.lock") }),
							icon: /* @__PURE__ */ jsx(Lock, { lang }),
							https: /* @__PURE__ */ jsx("strong", { children: "https://" })
						})
					})]
				})
			})]
		})
	});
}
// ui/form/HiddenFields.tsx
/** Hidden inputs that travel with a form: what a "Pay" button pays for, the Idempotency-Key of a retry. */
function HiddenFields({ fields }) {
	return /* @__PURE__ */ jsx(Fragment, { children: Object.entries(fields).map(([name, value]) => /* @__PURE__ */ jsx("input", {
		type: "hidden",
		name,
		value
	}, name)) });
}
// ui/form/SearchForm.tsx
function SearchForm({ lang, id, images, value, size = "small" }) {
	const label = lang.t("layout.searchLabel");
	return /* @__PURE__ */ jsxs("form", {
		class: `usa-search usa-search--${size}`,
		role: "search",
		"aria-label": lang.t(size === "big" ? "search.again" : "layout.searchSection"),
		action: apiPath("searchSite"),
		method: "get",
		children: [
			/* @__PURE__ */ jsx(HiddenFields, { fields: { lang: lang.locale } }),
			/* @__PURE__ */ jsx("label", {
				class: "usa-sr-only",
				for: id,
				children: label
			}),
			/* @__PURE__ */ jsx("input", {
				class: "usa-input",
				id,
				type: "search",
				name: "q",
				value,
				maxLength: 200,
				"data-site-search": true
			}),
			/* @__PURE__ */ jsx("button", {
				class: "usa-button",
				type: "submit",
				children: size === "big" ? label : /* @__PURE__ */ jsx("img", {
					src: images.search,
					class: "usa-search__submit-icon",
					alt: label,
					width: 24,
					height: 24
				})
			})
		]
	});
}
// ui/chrome/SiteHeader.tsx
function SiteHeader({ lang, switchTo, images }) {
	return /* @__PURE__ */ jsx("header", {
		class: "usa-header usa-header--basic",
		children: /* @__PURE__ */ jsxs("div", {
			class: "usa-nav-container",
			children: [/* @__PURE__ */ jsx("div", {
				class: "usa-navbar",
				children: /* @__PURE__ */ jsx("div", {
					class: "usa-logo",
					children: /* @__PURE__ */ jsx("em", {
						class: "usa-logo__text",
						children: /* @__PURE__ */ jsxs("a", {
							href: pageHref(lang.locale, pages.home()),
							children: [images.seal && /* @__PURE__ */ jsx("img", {
								class: "portal-logo__seal",
								src: safeHref(images.seal),
								alt: "",
								width: 40,
								height: 40
							}), lang.t("site.name")]
						})
					})
				})
			}), /* @__PURE__ */ jsxs("div", {
				class: "portal-header__tools",
				children: [
					/* @__PURE__ */ jsx("a", {
						class: "usa-link",
						href: pageHref(lang.locale, pages.account()),
						"data-account-link": true,
						"data-signed-out": lang.t("account.link"),
						"data-signed-in": lang.t("account.linkSignedIn"),
						children: lang.t("account.link")
					}),
					/* @__PURE__ */ jsx("a", {
						class: "usa-link",
						href: safeHref(switchTo.href),
						lang: switchTo.locale,
						hreflang: switchTo.locale,
						children: switchTo.label
					}),
					/* @__PURE__ */ jsx(SearchForm, {
						lang,
						id: "site-search",
						images
					})
				]
			})]
		})
	});
}
// ui/chrome/SiteTop.tsx
/** The id of <main>, where the skip link and error summaries without a field lead. */
var MAIN_ID = "main-content";
function SiteTop({ lang, switchTo, images }) {
	return /* @__PURE__ */ jsxs(Fragment, { children: [
		/* @__PURE__ */ jsx("a", {
			class: "usa-skipnav",
			href: `#${MAIN_ID}`,
			children: lang.t("layout.skipLink")
		}),
		/* @__PURE__ */ jsx(GovBanner, {
			lang,
			images
		}),
		/* @__PURE__ */ jsx(SiteHeader, {
			lang,
			switchTo,
			images
		})
	] });
}
// catalog/src/conditions.ts
/** Whether the condition holds for these answers. Answers to questions that are hidden must already be absent. */
function holds(condition, answers) {
	if ("all" in condition) return condition.all.every((part) => holds(part, answers));
	if ("any" in condition) return condition.any.some((part) => holds(part, answers));
	if ("not" in condition) return !holds(condition.not, answers);
	const present = Object.hasOwn(answers, condition.question) && answers[condition.question] !== void 0;
	const value = answers[condition.question];
	if ("answered" in condition) return present === condition.answered;
	if (!present) return false;
	if ("equals" in condition) return value === condition.equals;
	if ("oneOf" in condition) return condition.oneOf.some((candidate) => candidate === value);
	if (typeof value !== "number") return false;
	if ("greaterThan" in condition) return value > condition.greaterThan;
	if ("lessThan" in condition) return value < condition.lessThan;
	if ("atLeast" in condition) return value >= condition.atLeast;
	return value <= condition.atMost;
}
/** Every question a condition names, in the order written. */
function questionsNamed(condition) {
	if ("all" in condition) return condition.all.flatMap(questionsNamed);
	if ("any" in condition) return condition.any.flatMap(questionsNamed);
	if ("not" in condition) return questionsNamed(condition.not);
	return [condition.question];
}
/** The same condition as a JSON Schema (draft 2020-12) about the answers object, for `if`. */
function conditionSchema(condition) {
	if ("all" in condition) return { allOf: condition.all.map(conditionSchema) };
	if ("any" in condition) return { anyOf: condition.any.map(conditionSchema) };
	if ("not" in condition) return { not: conditionSchema(condition.not) };
	const name = condition.question;
	if ("answered" in condition) return condition.answered ? { required: [name] } : { not: { required: [name] } };
	const about = (schema) => ({
		type: "object",
		required: [name],
		properties: { [name]: schema }
	});
	if ("equals" in condition) return about({ const: condition.equals });
	if ("oneOf" in condition) return about({ enum: condition.oneOf });
	if ("greaterThan" in condition) return about({
		type: "number",
		exclusiveMinimum: condition.greaterThan
	});
	if ("lessThan" in condition) return about({
		type: "number",
		exclusiveMaximum: condition.lessThan
	});
	if ("atLeast" in condition) return about({
		type: "number",
		minimum: condition.atLeast
	});
	return about({
		type: "number",
		maximum: condition.atMost
	});
}
/**
* The questions shown for these answers, in form order. Conditions only name earlier questions (the build checks
* this), so each is evaluated on the answers kept so far: a question that depends on a hidden one sees it unanswered.
*/
function shownQuestions(form, answers) {
	const shown = /* @__PURE__ */ new Set();
	const kept = {};
	for (const page of form.pages) {
		if (page.when && !holds(page.when, kept)) continue;
		for (const question of page.questions) {
			if (question.when && !holds(question.when, kept)) continue;
			shown.add(question.name);
			if (Object.hasOwn(answers, question.name) && answers[question.name] !== void 0) kept[question.name] = answers[question.name];
		}
	}
	return shown;
}
/** The pages shown for these answers (by index), in order. */
function shownPages(form, answers) {
	const shown = shownQuestions(form, answers);
	const kept = Object.fromEntries(Object.entries(answers).filter(([name]) => shown.has(name)));
	return form.pages.flatMap((page, index) => page.when && !holds(page.when, kept) ? [] : [index]);
}
// catalog/src/file-kinds.ts
/**
* The kinds of file a file question may accept, and how to tell a file's kind from its first bytes (its "magic
* number"), never from its name or the type a browser claims: a renamed program is still a program. A small
* table rather than a library (decision 0111): the portal takes documents and photos only, and the table adds
* nothing to a function's start-up. No imports: the build, the functions and the browser script read it.
*/
var FILE_KINDS = [
	"pdf",
	"jpeg",
	"png",
	"heic",
	"tiff"
];
// catalog/src/form-messages.ts
/**
* The plain-language message for each way an answer can be wrong. One source for the server's checks
* and the browser's inline checks (the renderer puts them on each input as data-msg-* attributes).
*/
function lowerFirst(label) {
	return /^[A-ZÁÉÍÓÚÑ]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}
/** The label without a trailing "(optional)" note, for use inside a sentence. */
function bareLabel(field, locale) {
	return field.label[locale].replace(/\s*\((optional|opcional)\)\s*$/i, "");
}
function messageFor(field, kind, locale, strings, part) {
	const label = lowerFirst(bareLabel(field, locale));
	if (part !== void 0 && (field.type === "address" || field.type === "name")) {
		const what = kind === "tooLong" ? translate(strings, "validation.partTooLong", locale, { part: translate(strings, `form.part.${part}`, locale) }) : translate(strings, `validation.part.${part}.fix`, locale);
		return `${bareLabel(field, locale)}: ${what}`;
	}
	if (field.type === "declaration") {
		if (part === "agreed" || part === "name") return translate(strings, `validation.declaration.${part}`, locale);
		if (kind === "required" || part === "signedAt") return translate(strings, "validation.declaration.sign", locale);
	}
	if (field.type === "ssn" && kind === "invalid" && !field.errors?.invalid) return translate(strings, "validation.ssn", locale);
	const Label = bareLabel(field, locale);
	if (kind === "future") return translate(strings, "validation.dateNotInFuture", locale, { Label });
	if (kind === "past") return translate(strings, "validation.dateNotInPast", locale, { Label });
	if (kind === "tooFar") {
		const years = field.dateRange?.withinYears ?? 0;
		return translate(strings, years === 1 ? "validation.dateWithinYear" : "validation.dateWithinYears", locale, {
			Label,
			years
		});
	}
	if (kind === "required") {
		if (field.errors?.required) return field.errors.required[locale];
		if (field.type === "checkbox") return translate(strings, "validation.checkbox", locale, { label });
		if (field.type === "checkboxes") return translate(strings, "validation.chooseSome", locale, { label });
		if (field.type === "file") return translate(strings, "validation.upload", locale, { label });
		if (field.type === "radio" || field.type === "select" || field.type === "yesNo") return translate(strings, "validation.choose", locale, { label });
		return translate(strings, "validation.required", locale, { label });
	}
	if (kind === "tooLong") return translate(strings, "validation.tooLong", locale, {
		label,
		max: field.maxLength ?? defaultMaxLength(field)
	});
	if (field.errors?.invalid) return field.errors.invalid[locale];
	switch (field.type) {
		case "email": return translate(strings, "validation.email", locale);
		case "tel": return translate(strings, "validation.tel", locale);
		case "date": return translate(strings, "validation.date", locale);
		case "memorableDate": return translate(strings, "validation.memorableDate", locale, { label });
		case "money":
			if (field.minimum !== void 0 || field.maximum !== void 0) {
				const dollars = (cents) => new Intl.NumberFormat(locale === "es" ? "es-US" : "en-US", {
					style: "currency",
					currency: "USD"
				}).format(cents / 100);
				return translate(strings, "validation.moneyRange", locale, {
					label,
					min: dollars(field.minimum ?? 0),
					max: dollars(field.maximum ?? 1e9)
				});
			}
			return translate(strings, "validation.money", locale, { label });
		case "integer":
			if (field.minimum !== void 0 && field.maximum !== void 0) return translate(strings, "validation.integerRange", locale, {
				label,
				min: field.minimum,
				max: field.maximum
			});
			return translate(strings, "validation.integer", locale, { label });
		case "radio":
		case "select":
		case "yesNo":
		case "checkboxes": return translate(strings, "validation.choose", locale, { label });
		case "file": return translate(strings, "validation.fileCount", locale, {
			Label,
			max: field.upload?.maxFiles ?? 1
		});
		default: return translate(strings, "validation.invalid", locale, { label });
	}
}
/** Answers longer than this are refused even where the form sets no limit. */
function defaultMaxLength(field) {
	if (field.maxLength) return field.maxLength;
	return field.type === "textarea" ? 4e3 : 200;
}
// catalog/src/form-pages.ts
/**
* A form as pages: a one-page form (the catalog's "fields") is one page without a title; a multi-page form lists
* its pages. What comes next, what came before and which questions a page shows, from the answers so far — with
* the one condition evaluator (./conditions.ts). No zod, no DOM: the functions and the build read it.
*/
/** The reserved page id of "Check your answers"; no page of a form may use it. */
var CHECK_ANSWERS_PAGE = "check-your-answers";
/** True when the form is answered page by page (a draft kept on the server between pages). */
function isMultiPage(form) {
	return form.pages !== void 0;
}
/** The form's pages; a one-page form is one page with the form's title. */
function pagesOf(form) {
	return form.pages ?? [{
		id: "form",
		title: form.title,
		questions: form.fields.map((field) => field.name)
	}];
}
/** The shape the evaluator reads, built once per form. */
var shapes = /* @__PURE__ */ new WeakMap();
function conditionalForm(form) {
	let shape = shapes.get(form);
	if (!shape) {
		const byName = new Map(form.fields.map((field) => [field.name, field]));
		shape = { pages: pagesOf(form).map((page) => ({
			when: page.when,
			questions: page.questions.map((name) => ({
				name,
				when: byName.get(name)?.when
			}))
		})) };
		shapes.set(form, shape);
	}
	return shape;
}
/** The questions of a page, as fields. */
function fieldsOfPage(form, page) {
	return page.questions.flatMap((name) => form.fields.filter((field) => field.name === name));
}
/** The pages a person goes through with these answers, in order. */
function visiblePages(form, answers) {
	const pages = pagesOf(form);
	return shownPages(conditionalForm(form), answers).flatMap((index) => pages[index] ?? []);
}
/**
* How each question of a page is shown, given the answers to earlier pages: `shown` (its condition holds),
* `hidden` (it does not: not rendered at all), or `live` (its condition names a question on the same page, so the
* browser decides as the person answers, and without JavaScript it is shown and the server drops it if needed).
*/
function questionStates(form, page, earlier) {
	const onPage = new Set(page.questions);
	const states = /* @__PURE__ */ new Map();
	const kept = Object.fromEntries(Object.entries(earlier).filter(([name]) => !onPage.has(name) && shownQuestions(conditionalForm(form), earlier).has(name)));
	for (const field of fieldsOfPage(form, page)) if (!field.when) states.set(field.name, "shown");
	else if (questionsNamed(field.when).some((name) => onPage.has(name))) states.set(field.name, "live");
	else states.set(field.name, holds(field.when, kept) ? "shown" : "hidden");
	return states;
}
// catalog/src/question-parts.ts
var QUESTION_PARTS = {
	address: [
		{
			part: "street1",
			required: true,
			maxLength: 120,
			autocomplete: "address-line1"
		},
		{
			part: "street2",
			required: false,
			maxLength: 120,
			autocomplete: "address-line2"
		},
		{
			part: "city",
			required: true,
			maxLength: 80,
			autocomplete: "address-level2"
		},
		{
			part: "state",
			required: true,
			maxLength: 2,
			autocomplete: "address-level1"
		},
		{
			part: "zip",
			required: true,
			maxLength: 10,
			pattern: "[0-9]{5}(-[0-9]{4})?",
			autocomplete: "postal-code"
		}
	],
	name: [
		{
			part: "given",
			required: true,
			maxLength: 80,
			autocomplete: "given-name"
		},
		{
			part: "middle",
			required: false,
			maxLength: 80,
			autocomplete: "additional-name"
		},
		{
			part: "family",
			required: true,
			maxLength: 80,
			autocomplete: "family-name"
		}
	]
};
function isPartsType(type) {
	return type === "address" || type === "name";
}
var partName = (name, part) => `${name}-${part}`;
/** The states, the District of Columbia and the territories, by USPS code (the address's `state` part). */
var US_STATES = {
	AL: "Alabama",
	AK: "Alaska",
	AZ: "Arizona",
	AR: "Arkansas",
	CA: "California",
	CO: "Colorado",
	CT: "Connecticut",
	DE: "Delaware",
	DC: "District of Columbia",
	FL: "Florida",
	GA: "Georgia",
	HI: "Hawaii",
	ID: "Idaho",
	IL: "Illinois",
	IN: "Indiana",
	IA: "Iowa",
	KS: "Kansas",
	KY: "Kentucky",
	LA: "Louisiana",
	ME: "Maine",
	MD: "Maryland",
	MA: "Massachusetts",
	MI: "Michigan",
	MN: "Minnesota",
	MS: "Mississippi",
	MO: "Missouri",
	MT: "Montana",
	NE: "Nebraska",
	NV: "Nevada",
	NH: "New Hampshire",
	NJ: "New Jersey",
	NM: "New Mexico",
	NY: "New York",
	NC: "North Carolina",
	ND: "North Dakota",
	OH: "Ohio",
	OK: "Oklahoma",
	OR: "Oregon",
	PA: "Pennsylvania",
	RI: "Rhode Island",
	SC: "South Carolina",
	SD: "South Dakota",
	TN: "Tennessee",
	TX: "Texas",
	UT: "Utah",
	VT: "Vermont",
	VA: "Virginia",
	WA: "Washington",
	WV: "West Virginia",
	WI: "Wisconsin",
	WY: "Wyoming",
	AS: "American Samoa",
	GU: "Guam",
	MP: "Northern Mariana Islands",
	PR: "Puerto Rico",
	VI: "U.S. Virgin Islands"
};
// catalog/src/sensitive.ts
/**
* Two question types with rules of their own (decisions 0083, 0084). No imports: the functions, the build and the
* browser script read the same rules.
*
* A Social Security number: SSA never issues area 000, 666 or 900–999, group 00 or serial 0000 (ITINs start with
* 9: they are not SSNs). Kept as 123-45-6789; shown to anyone, anywhere, only as ***-**-6789.
*
* A declaration signed electronically: the person ticks that they agree to sign electronically, then types their
* full name; the server adds the time signed. Posted as `<name>-agree` ("yes") and `<name>-signature`.
*/
var SSN_PATTERN = "^(00[1-9]|0[1-9][0-9]|[1-5][0-9]{2}|6[0-5][0-9]|66[0-5]|66[7-9]|6[7-9][0-9]|[78][0-9]{2})-(0[1-9]|[1-9][0-9])-(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})$";
function isValidSsn(value) {
	return new RegExp(SSN_PATTERN).test(value);
}
/** ***-**-6789: the only way an SSN is ever shown after it is saved. */
function maskSsn(value) {
	return `***-**-${value.replace(/[^0-9]/g, "").slice(-4).padStart(4, "*")}`;
}
var declarationPartName = (name, part) => `${name}-${part}`;
// catalog/src/form-schema.ts
/**
* A form's answers as JSON Schema (draft 2020-12), derived from the form's fields. The build compiles
* one standalone validator per form from this; the functions never compile schemas at run time.
*/
/** When a declaration was signed: an ISO time, as the server writes it. */
var SIGNED_AT_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,3})?Z$";
var EMAIL_PATTERN = "^[^\\s@]+@[^\\s@]+\\.[^\\s@]{2,}$";
var TEL_PATTERN = "^[+]?[0-9 ()\\-.]{7,20}$";
var DATE_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
/** An address's or a name's parts, as one shared definition of the form's schema. */
function partsSchema(type) {
	return {
		type: "object",
		properties: Object.fromEntries(QUESTION_PARTS[type].map((part) => [part.part, {
			type: "string",
			minLength: 1,
			maxLength: part.maxLength,
			...part.pattern !== void 0 && { pattern: `^(?:${part.pattern})$` },
			...part.part === "state" && type === "address" && { enum: Object.keys(US_STATES) }
		}])),
		required: QUESTION_PARTS[type].filter((part) => part.required).map((part) => part.part),
		additionalProperties: false
	};
}
function fieldSchema(field) {
	switch (field.type) {
		case "integer": return {
			type: "integer",
			...field.minimum !== void 0 && { minimum: field.minimum },
			...field.maximum !== void 0 && { maximum: field.maximum }
		};
		case "money": return {
			type: "integer",
			minimum: field.minimum ?? 0,
			maximum: field.maximum ?? 1e9
		};
		case "checkbox": return field.required ? {
			type: "boolean",
			const: true
		} : { type: "boolean" };
		case "address":
		case "name": return { $ref: `#/$defs/${field.type}` };
		case "yesNo": return {
			type: "string",
			enum: ["yes", "no"]
		};
		case "file": {
			const upload = field.upload ?? {
				accept: [],
				maxMegabytes: 0,
				maxFiles: 0
			};
			return {
				type: "array",
				minItems: 1,
				maxItems: upload.maxFiles,
				items: {
					type: "object",
					properties: {
						id: {
							type: "string",
							pattern: "^[A-Za-z0-9_-]{22}$"
						},
						name: {
							type: "string",
							minLength: 1,
							maxLength: 200
						},
						size: {
							type: "integer",
							minimum: 1,
							maximum: Math.floor(upload.maxMegabytes * 1024 * 1024)
						},
						kind: {
							type: "string",
							enum: upload.accept
						},
						key: {
							type: "string",
							pattern: "^(drafts|files)/[A-Za-z0-9_/-]{1,200}"
						}
					},
					required: [
						"id",
						"name",
						"size",
						"kind",
						"key"
					],
					additionalProperties: false
				}
			};
		}
		case "ssn": return {
			type: "string",
			pattern: SSN_PATTERN
		};
		case "declaration": return {
			type: "object",
			properties: {
				agreed: { const: "yes" },
				name: {
					type: "string",
					minLength: 1,
					maxLength: 200
				},
				signedAt: {
					type: "string",
					pattern: SIGNED_AT_PATTERN
				}
			},
			required: [
				"agreed",
				"name",
				"signedAt"
			],
			additionalProperties: false
		};
		case "checkboxes": return {
			type: "array",
			items: {
				type: "string",
				enum: (field.options ?? []).map((option) => option.value)
			},
			uniqueItems: true,
			minItems: 1
		};
		case "radio":
		case "select": return {
			type: "string",
			enum: (field.options ?? []).map((option) => option.value)
		};
		default: {
			const pattern = (field.pattern !== void 0 ? `^(?:${field.pattern})$` : void 0) ?? (field.type === "email" ? "^[^\\s@]+@[^\\s@]+\\.[^\\s@]{2,}$" : field.type === "tel" ? "^[+]?[0-9 ()\\-.]{7,20}$" : field.type === "date" || field.type === "memorableDate" ? "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" : void 0);
			return {
				type: "string",
				minLength: 1,
				maxLength: defaultMaxLength(field),
				...pattern !== void 0 && { pattern }
			};
		}
	}
}
/** When each question is asked: its page's condition and its own (absent: always). */
function conditionsOf(form) {
	const byName = new Map(form.fields.map((field) => [field.name, field]));
	const conditions = /* @__PURE__ */ new Map();
	for (const page of pagesOf(form)) for (const name of page.questions) {
		const parts = [page.when, byName.get(name)?.when].filter((part) => part !== void 0);
		if (parts.length > 0) conditions.set(name, parts.length === 1 ? parts[0] : { all: parts });
	}
	return conditions;
}
/**
* The answers' schema. A question asked only sometimes is required (when it is) only while its condition holds,
* and must be absent while it does not: answers to hidden questions are dropped before validation and never
* stored, so an answer set that keeps one is not one the portal would store.
*/
function jsonSchemaFor(form) {
	const conditions = conditionsOf(form);
	const groups = pagesOf(form).flatMap((page) => page.group ? [[page.id, page.group]] : []);
	const requiredNames = /* @__PURE__ */ new Set([...form.fields.filter((field) => field.required).map((field) => field.name), ...groups.filter(([, group]) => group.min > 0).map(([id]) => id)]);
	const asked = [...form.fields, ...groups.flatMap(([, group]) => group.fields)];
	const usedParts = ["address", "name"].filter((type) => asked.some((field) => field.type === type));
	const rules = [...conditions].map(([name, condition]) => ({
		if: conditionSchema(condition),
		then: requiredNames.has(name) ? { required: [name] } : true,
		else: { not: { required: [name] } }
	}));
	return {
		$schema: "https://json-schema.org/draft/2020-12/schema",
		$id: `https://frontdoor.example/forms/${form.id}.json`,
		title: form.title.en,
		type: "object",
		properties: Object.fromEntries([...form.fields.map((field) => [field.name, fieldSchema(field)]), ...groups.map(([id, group]) => [id, groupSchema(group)])]),
		required: [...requiredNames].filter((name) => !conditions.has(name)),
		additionalProperties: false,
		...rules.length > 0 && { allOf: rules },
		...usedParts.length > 0 && { $defs: Object.fromEntries(usedParts.map((type) => [type, partsSchema(type)])) }
	};
}
/** A repeating page's answer: its items, each an object of the item's questions. */
function groupSchema(group) {
	return {
		type: "array",
		...group.min > 0 && { minItems: group.min },
		maxItems: group.max,
		items: {
			type: "object",
			properties: Object.fromEntries(group.fields.map((field) => [field.name, fieldSchema(field)])),
			required: group.fields.filter((field) => field.required).map((field) => field.name),
			additionalProperties: false
		}
	};
}
// ui/form/form-checks.ts
/**
* What the inline form checks (web/src/scripts/form-enhance.ts) read from the element around a form: the
* schema's default patterns for typed fields (a field's own pattern goes on the field) and the error
* summary's title. On apply pages, and on <main> of every page the functions render.
*/
function formCheckAttributes(lang) {
	return {
		"data-form-checks": "",
		"data-patterns": JSON.stringify({
			email: EMAIL_PATTERN,
			tel: TEL_PATTERN,
			date: DATE_PATTERN,
			ssn: SSN_PATTERN
		}),
		"data-summary-title": lang.t("form.errorSummaryTitle"),
		"data-prefill-note": lang.t("form.prefilled")
	};
}
// web/src/components/FormEnhanceScript.astro
var $$FormEnhanceScript = createComponent(($$result, $$props, $$slots) => {
	return renderTemplate`${renderScript($$result, "/work/h-buildspeed/web/src/components/FormEnhanceScript.astro?astro&type=script&index=0&lang.ts")}${renderScript($$result, "/work/h-buildspeed/web/src/components/FormEnhanceScript.astro?astro&type=script&index=1&lang.ts")}`;
}, "/work/h-buildspeed/web/src/components/FormEnhanceScript.astro", void 0);
// web/src/lib/assets.ts
/**
* The images the page chrome (ui/chrome/) shows, with the hashed URLs Vite gives them. The shell page hands
* them to the functions (scripts/build-functions.ts), so pages they render point at the same files.
*/
var images = {
	favicon: "/_astro/favicon-40.CXBd5I6h.png",
	flag: "/_astro/us_flag_small.NpELm1F7.png",
	dotGov: "/_astro/icon-dot-gov.BYgKzl_4.svg",
	https: "/_astro/icon-https.vV82jI7o.svg",
	search: "/_astro/search--white.C0kgpAvv.svg",
	seal: "/_astro/seal.C-hrM2r_.svg"
};
// catalog/src/pdf-map.ts
/**
* A form imported from an agency's fillable PDF keeps the PDF (catalog/pdf-forms/<form-id>.pdf) and this
* mapping (catalog/pdf-forms/<form-id>.json): which question fills which PDF field. `npm run import-pdf` writes
* both; the function that makes "a PDF of what was sent" fills the agency's own PDF with it.
*/
var PdfFieldMapSchema = z.strictObject({
	/** The question (a field name of the form). */
	question: z.string().min(1),
	/** The PDF fields it fills: usually one; a question the paper asks twice (a name in the caption and the body) fills each. */
	pdfFields: z.array(z.string().min(1)).min(1),
	kind: z.enum([
		"text",
		"checkbox",
		"radio",
		"select"
	]),
	/** Radio and drop-down answers: the form's option value → the PDF's own export value or choice. */
	options: z.record(z.string(), z.string()).optional()
});
var PdfMapSchema = z.strictObject({
	/** The form it belongs to (its file is catalog/forms/<form>.json). */
	form: z.string().min(1),
	/** The PDF's file name beside this mapping. */
	pdf: z.string().regex(/^[a-z0-9-]+\.pdf$/, "Name the PDF like \"name-change-petition.pdf\""),
	fields: z.array(PdfFieldMapSchema).min(1)
});
/**
* Marks a Spanish text the import wrote in English for a person to translate. The catalog check refuses it
* (a form is published in both languages or not at all), naming each text still to translate.
*/
var TRANSLATE_MARK = "[translate] ";
// catalog/src/schema.ts
/**
* The catalog's contract: one schema per concept, types inferred from the schemas.
* Agencies edit the JSON files under catalog/; `loadCatalog` checks them against these schemas
* and checks every cross-reference, naming the file and the fix when something is wrong.
*/
var id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lowercase letters, numbers and single hyphens (like \"birth-certificate\")");
/** Text in every supported language. */
var LocalizedSchema = z.strictObject({
	en: z.string({ error: "Write the English text" }).trim().min(1, "Write the English text"),
	es: z.string({ error: "Write the Spanish text" }).trim().min(1, "Write the Spanish text")
});
var AgencySchema = z.strictObject({
	id,
	name: LocalizedSchema,
	/** Short name shown on cards, like "DMV". */
	shortName: LocalizedSchema,
	phone: z.string().regex(/^[0-9()+\- ]{7,20}$/, "Write a phone number like \"(555) 010-2000\""),
	hours: LocalizedSchema
});
var LifeEventSchema = z.strictObject({
	id,
	/** Position on the home page, smallest first. */
	order: z.number().int().min(1),
	title: LocalizedSchema,
	summary: LocalizedSchema,
	/** Service ids, in the order a person most likely needs them. */
	services: z.array(id).min(1, "List at least one service")
});
var FeeSchema = z.strictObject({
	/** In the smallest unit of the currency (cents), so no rounding ever happens. With `per`: the unit fee. */
	amount: z.number().int().positive(),
	/**
	* A fee that depends on an answer (docs/decisions/0087): `amount` for each unit the named whole-number question
	* answers (copies, vehicles, years). Computed on the server (functions/domain/fees.ts), never from the browser.
	*/
	per: z.strictObject({
		question: z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/),
		unit: LocalizedSchema
	}).optional(),
	currency: z.literal("USD"),
	description: LocalizedSchema,
	refundable: z.boolean()
});
var ServiceSchema = z.strictObject({
	id,
	agency: id,
	title: LocalizedSchema,
	summary: LocalizedSchema,
	/** Who can use it and what they need; one short sentence per item. */
	eligibility: z.strictObject({
		en: z.array(z.string().min(1)).min(1),
		es: z.array(z.string().min(1)).min(1)
	}),
	/** How long it usually takes, in plain words ("About 2 weeks"). */
	processingTime: LocalizedSchema,
	/** The form a person fills in to apply. Each form belongs to exactly one service. */
	form: id,
	fee: FeeSchema.optional()
});
var FIELD_TYPES = [
	"text",
	"textarea",
	"email",
	"tel",
	"date",
	"integer",
	"radio",
	"select",
	"checkbox",
	"memorableDate",
	"yesNo",
	"checkboxes",
	"money",
	"address",
	"name",
	"file",
	"ssn",
	"declaration"
];
var OptionSchema = z.strictObject({
	value: z.string().regex(/^[a-z0-9-]+$/, "Use lowercase letters, numbers and hyphens for option values"),
	label: LocalizedSchema
});
var questionName = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, "Start field names with a lowercase letter, then letters or numbers (like \"dateOfBirth\")");
var CONDITION_HINT = "Write a condition like {\"question\": \"relationship\", \"equals\": \"child\"}: \"equals\", \"oneOf\", \"greaterThan\", \"lessThan\", \"atLeast\", \"atMost\" or \"answered\" about one earlier question, or \"all\", \"any\" or \"not\" around others";
/** When a question or page is shown (catalog/src/conditions.ts evaluates it everywhere). */
var ConditionSchema = z.lazy(() => z.union([
	z.strictObject({
		question: questionName,
		equals: z.union([
			z.string(),
			z.number(),
			z.boolean()
		])
	}),
	z.strictObject({
		question: questionName,
		oneOf: z.array(z.union([
			z.string(),
			z.number(),
			z.boolean()
		])).min(1)
	}),
	z.strictObject({
		question: questionName,
		greaterThan: z.number()
	}),
	z.strictObject({
		question: questionName,
		lessThan: z.number()
	}),
	z.strictObject({
		question: questionName,
		atLeast: z.number()
	}),
	z.strictObject({
		question: questionName,
		atMost: z.number()
	}),
	z.strictObject({
		question: questionName,
		answered: z.boolean()
	}),
	z.strictObject({ all: z.array(ConditionSchema).min(1) }),
	z.strictObject({ any: z.array(ConditionSchema).min(1) }),
	z.strictObject({ not: ConditionSchema })
], { error: CONDITION_HINT }));
var FieldSchema = z.strictObject({
	name: questionName,
	type: z.enum(FIELD_TYPES),
	label: LocalizedSchema,
	hint: LocalizedSchema.optional(),
	required: z.boolean().default(true),
	maxLength: z.number().int().positive().max(4e3).optional(),
	minimum: z.number().int().optional(),
	maximum: z.number().int().optional(),
	/** A regular expression (JavaScript syntax, matched against the whole answer). */
	pattern: z.string().optional(),
	/** An HTML autocomplete token, like "given-name" or "postal-code". */
	autocomplete: z.string().optional(),
	options: z.array(OptionSchema).min(2).optional(),
	/** Plain-language messages that replace the defaults for this field. */
	errors: z.strictObject({
		required: LocalizedSchema.optional(),
		invalid: LocalizedSchema.optional()
	}).optional(),
	/** Ask this question only when earlier answers say so; otherwise it is not shown and its answer is dropped. */
	when: ConditionSchema.optional(),
	/**
	* A checkbox that records consent the portal acts on: "text-messages" = the person agrees to texts about this
	* application at the form's phone number (off by default; decision 71). Word its label with the standard
	* disclosure: what is sent, "Message and data rates may apply", "Reply HELP for help, STOP to cancel".
	*/
	consent: z.enum(["text-messages"]).optional(),
	/** File questions only: which kinds of file, how large, and how many (decision 0110). */
	upload: z.strictObject({
		/** Kinds accepted, checked by the file's content: "pdf", "jpeg", "png", "heic", "tiff". */
		accept: z.array(z.enum(FILE_KINDS, { error: `Use kinds of file from: ${FILE_KINDS.join(", ")}` })).min(1, "List at least one kind of file in \"accept\", like [\"pdf\", \"jpeg\", \"png\"]"),
		/** The largest file, in megabytes (at most 25). */
		maxMegabytes: z.number({ error: "Write the largest file size in megabytes, like 10" }).positive().max(25, "A file can be at most 25 MB: ask for smaller files or a scan at a lower resolution"),
		/** How many files a person may attach to this question (1 to 10). */
		maxFiles: z.number({ error: "Write how many files a person may attach, like 3" }).int().min(1).max(10, "A question can take at most 10 files: split it into several questions")
	}).optional(),
	/**
	* Filled in from the person's sign-in when they are signed in (they can still change it): their e-mail
	* address, whole name, first name or last name (docs/decisions/0086).
	*/
	prefill: z.enum([
		"email",
		"name",
		"givenName",
		"familyName"
	]).optional(),
	/** Dates only: which dates make sense, counted from the day the answer is checked. */
	dateRange: z.strictObject({
		/** Today or earlier (a date of birth, of death). */
		notInFuture: z.boolean().optional(),
		/** Today or later (a start date). */
		notInPast: z.boolean().optional(),
		/** At most this many years before or after today. */
		withinYears: z.number().int().positive().max(200).optional()
	}).optional()
}).superRefine((field, ctx) => {
	const needsOptions = field.type === "radio" || field.type === "select" || field.type === "checkboxes";
	if (needsOptions && !field.options) ctx.addIssue({
		code: "custom",
		path: ["options"],
		message: `A ${field.type} field needs "options"`
	});
	if (!needsOptions && field.options) ctx.addIssue({
		code: "custom",
		path: ["options"],
		message: `Only radio, select and checkboxes fields take "options"`
	});
	if (field.consent && (field.type !== "checkbox" || field.required)) ctx.addIssue({
		code: "custom",
		path: ["consent"],
		message: "Only an optional checkbox (\"required\": false) records consent"
	});
	if (field.type === "file" && !field.upload) ctx.addIssue({
		code: "custom",
		path: ["upload"],
		message: "A file question needs \"upload\", like {\"accept\": [\"pdf\", \"jpeg\", \"png\"], \"maxMegabytes\": 10, \"maxFiles\": 3}"
	});
	if (field.type !== "file" && field.upload) ctx.addIssue({
		code: "custom",
		path: ["upload"],
		message: "Only file questions take \"upload\""
	});
	if (field.prefill && ![
		"text",
		"email",
		"name"
	].includes(field.type)) ctx.addIssue({
		code: "custom",
		path: ["prefill"],
		message: "Only text, email and name questions take \"prefill\""
	});
	if (field.prefill === "email" && field.type !== "email") ctx.addIssue({
		code: "custom",
		path: ["prefill"],
		message: "\"prefill\": \"email\" goes on an email question"
	});
	if (field.dateRange && field.type !== "date" && field.type !== "memorableDate") ctx.addIssue({
		code: "custom",
		path: ["dateRange"],
		message: "Only date and memorableDate fields take \"dateRange\""
	});
	if (field.dateRange?.notInFuture && field.dateRange.notInPast) ctx.addIssue({
		code: "custom",
		path: ["dateRange"],
		message: "A date cannot be both not in the future and not in the past"
	});
	if (field.pattern !== void 0) try {
		new RegExp(field.pattern, "u");
	} catch {
		ctx.addIssue({
			code: "custom",
			path: ["pattern"],
			message: "This is not a valid regular expression"
		});
	}
});
var PageSchema = z.strictObject({
	id: id.refine((value) => value !== CHECK_ANSWERS_PAGE, `"${CHECK_ANSWERS_PAGE}" is the summary page's id: choose another`),
	/** The page's heading (also its step in the step indicator). */
	title: LocalizedSchema,
	/** Show this whole page only when earlier answers say so. */
	when: ConditionSchema.optional(),
	/**
	* "Add another": the page's questions are asked once per item (a household member, an earlier address), from
	* `min` to `max` items; the answer, named by the page's id, is the list of items.
	*/
	repeat: z.strictObject({
		min: z.number().int().min(0).max(50),
		max: z.number().int().min(1).max(50),
		/** What one item is called, in a sentence: "person", "address" ("Person 2"). */
		itemName: LocalizedSchema,
		/** The button that adds one: "Add a person" (Spanish needs its own article and gender). */
		addLabel: LocalizedSchema,
		/** The question whose answer is each item's summary line. */
		summary: questionName
	}).optional(),
	fields: z.array(FieldSchema).min(1).max(40)
});
function leavesOf(condition) {
	if ("all" in condition) return condition.all.flatMap(leavesOf);
	if ("any" in condition) return condition.any.flatMap(leavesOf);
	if ("not" in condition) return leavesOf(condition.not);
	return [condition];
}
var COMPARES = [
	"greaterThan",
	"lessThan",
	"atLeast",
	"atMost"
];
/**
* Every question a condition names must be asked earlier in the form (a page's: on an earlier page), and what it
* compares must be something the question can answer: a condition that could never hold is a mistake.
*/
function checkConditions(pages, ctx, pathOf) {
	const all = new Map(pages.flatMap((page) => page.fields.map((field) => [field.name, field])));
	const check = (condition, path, earlier, where) => {
		for (const leaf of leavesOf(condition)) {
			const name = leaf.question;
			const field = earlier.get(name);
			if (!field) {
				const message = all.has(name) ? `the condition names "${name}", which is asked ${where}. A condition can only use answers to questions asked before it: move "${name}" earlier or the condition later` : `the condition names "${name}", but this form has no question "${name}". Use one of: ${[...all.keys()].join(", ")}`;
				ctx.addIssue({
					code: "custom",
					path,
					message
				});
				continue;
			}
			if ((field.type === "checkboxes" || field.type === "address" || field.type === "name" || field.type === "file") && !("answered" in leaf)) {
				ctx.addIssue({
					code: "custom",
					path,
					message: `"${name}" has several answers: a condition can only ask whether it is answered`
				});
				continue;
			}
			if (COMPARES.some((key) => key in leaf) && field.type !== "integer" && field.type !== "money") ctx.addIssue({
				code: "custom",
				path,
				message: `"${name}" is not a number question, so it cannot be compared with a number`
			});
			const values = "equals" in leaf ? [leaf.equals] : "oneOf" in leaf ? leaf.oneOf : [];
			const options = field.type === "yesNo" ? ["yes", "no"] : field.options?.map((option) => option.value);
			for (const value of values) if (options && !options.includes(String(value))) ctx.addIssue({
				code: "custom",
				path,
				message: `"${name}" has no option "${String(value)}". Use one of: ${options.join(", ")}`
			});
		}
	};
	const before = /* @__PURE__ */ new Map();
	pages.forEach((page, pageIndex) => {
		if (page.when) check(page.when, [...pathOf(pageIndex), "when"], before, "on this page or later");
		if (page.repeat) {
			page.fields.forEach((field, fieldIndex) => {
				all.delete(field.name);
				if (field.when) ctx.addIssue({
					code: "custom",
					path: [...pathOf(pageIndex, fieldIndex), "when"],
					message: "The questions of a repeating page cannot have conditions"
				});
			});
			return;
		}
		const onPage = new Map(before);
		page.fields.forEach((field, fieldIndex) => {
			if (field.when) check(field.when, [...pathOf(pageIndex, fieldIndex), "when"], onPage, "here or later");
			onPage.set(field.name, field);
		});
		for (const field of page.fields) before.set(field.name, field);
	});
}
/**
* A file goes to storage by its own form post (to the bucket, decision 0110), so a file question sits on a page of
* its own: the page's other answers would be lost when the person uploads. And not on the first page, which the
* site prints ahead of time and so cannot carry the upload's short-lived signature.
*/
function checkFilePlacement(pages, fields, ctx) {
	if (!pages) {
		(fields ?? []).forEach((field, index) => {
			if (field.type === "file") ctx.addIssue({
				code: "custom",
				path: [
					"fields",
					index,
					"type"
				],
				message: `"${field.name}" is a file question: list the form's questions in "pages" and give it a page of its own after the first`
			});
		});
		return;
	}
	pages.forEach((page, pageIndex) => {
		page.fields.forEach((field, fieldIndex) => {
			if (field.type !== "file") return;
			const path = [
				"pages",
				pageIndex,
				"fields",
				fieldIndex,
				"type"
			];
			const where = page.repeat ? "a repeating page: files are asked once, on a page of their own" : pageIndex === 0 ? "the first page: move it to a page of its own after the first" : page.fields.length > 1 ? "a page with other questions: give it a page of its own" : void 0;
			if (where) ctx.addIssue({
				code: "custom",
				path,
				message: `"${field.name}" is a file question on ${where}`
			});
		});
	});
}
var FormSchema = z.strictObject({
	id,
	/**
	* The form's version (docs/decisions/0085). A version once published (catalog/published/) never changes: any
	* change to the definition needs the next number. Drafts and submissions record the version they answer.
	*/
	version: z.number().int().min(1).max(1e4).default(1),
	title: LocalizedSchema,
	intro: LocalizedSchema,
	/** A one-page form: its questions. */
	fields: z.array(FieldSchema).min(1).max(100).optional(),
	/** A multi-page form: its pages in order (instead of "fields"), with a "Check your answers" page at the end. */
	pages: z.array(PageSchema).min(1).max(30).optional()
}).superRefine((form, ctx) => {
	if (form.fields === void 0 === (form.pages === void 0)) {
		ctx.addIssue({
			code: "custom",
			path: [],
			message: "A form lists its questions in \"fields\" (one page) or in \"pages\" (several pages), not both and not neither"
		});
		return;
	}
	const pages = form.pages ?? [{ fields: form.fields ?? [] }];
	const seen = /* @__PURE__ */ new Set();
	pages.forEach((page, pageIndex) => {
		page.fields.forEach((field, index) => {
			const path = form.pages ? [
				"pages",
				pageIndex,
				"fields",
				index,
				"name"
			] : [
				"fields",
				index,
				"name"
			];
			if (seen.has(field.name)) ctx.addIssue({
				code: "custom",
				path,
				message: `"${field.name}" is used twice`
			});
			seen.add(field.name);
		});
	});
	if (seen.size > 200) ctx.addIssue({
		code: "custom",
		path: ["pages"],
		message: "A form can ask at most 200 questions"
	});
	const pageIds = /* @__PURE__ */ new Set();
	form.pages?.forEach((page, index) => {
		if (pageIds.has(page.id)) ctx.addIssue({
			code: "custom",
			path: [
				"pages",
				index,
				"id"
			],
			message: `"${page.id}" is used twice`
		});
		pageIds.add(page.id);
	});
	checkFilePlacement(form.pages, form.fields, ctx);
	checkConditions(pages, ctx, (pageIndex, fieldIndex) => form.pages ? [
		"pages",
		pageIndex,
		...fieldIndex === void 0 ? [] : ["fields", fieldIndex]
	] : fieldIndex === void 0 ? [] : ["fields", fieldIndex]);
}).transform(({ pages, fields, ...form }) => ({
	...form,
	/** Every question of the form, in order (on a multi-page form, page after page), but those asked per item. */
	fields: pages ? pages.flatMap((page) => page.repeat ? [] : page.fields) : fields ?? [],
	...pages && { pages: pages.map(({ fields: questions, repeat, ...page }) => repeat ? {
		...page,
		questions: [page.id],
		group: {
			...repeat,
			fields: questions
		}
	} : {
		...page,
		questions: questions.map((field) => field.name)
	}) }
}));
/** Words of the site itself (buttons, headings, messages), in every language. */
var StringsSchema = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9.-]*$/, "Use letters, numbers, dots and hyphens in string keys"), LocalizedSchema);
// catalog/src/load.ts
/**
* Reads catalog/ from disk and checks it. Every problem names the file, the place in it and the fix;
* all problems are reported at once so an editor can mend them in one pass.
*/
/** Where published form versions are kept (docs/decisions/0085): `<form id>/v<version>.json`, never edited. */
var PUBLISHED_DIR = "published";
/** JSON with its keys in order: the same definition whatever order its keys were written in. */
function canonicalJson(value) {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
	if (typeof value === "object" && value !== null) return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(",")}}`;
	return JSON.stringify(value);
}
var CATALOG_DIR = fileURLToPath(new URL("..", import.meta.url));
/**
* The one knob for which catalog folder the build, its checks and the importer read: CATALOG_DIR (a path,
* relative to the working folder), else `fallback` (the repository's catalog/). The 1,000-form bench points it at
* a generated catalog in a temporary folder.
*/
function catalogDir(fallback = CATALOG_DIR) {
	const chosen = process.env.CATALOG_DIR;
	return chosen ? resolve(chosen) : fallback;
}
var CatalogError = class extends Error {
	name = "CatalogError";
	problems;
	constructor(problems) {
		super(`The catalog has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n- ${problems.join("\n- ")}`);
		this.problems = problems;
	}
};
function readJsonFiles(dir) {
	return readdirSync(dir).filter((name) => name.endsWith(".json")).sort().map((name) => {
		const file = join(dir, name);
		const text = readFileSync(file, "utf8");
		try {
			return {
				file,
				data: JSON.parse(text)
			};
		} catch (error) {
			return {
				file,
				data: new SyntaxError(error.message)
			};
		}
	});
}
function where(path) {
	return path.length === 0 ? "" : ` at ${path.map((part) => typeof part === "number" ? `[${part}]` : `.${String(part)}`).join("").replace(/^\./, "")}`;
}
/** Every Spanish text that import-pdf left in English ("[translate] …"), with where it is. */
function untranslated(data, path = []) {
	if (Array.isArray(data)) return data.flatMap((item, index) => untranslated(item, [...path, index]));
	if (data === null || typeof data !== "object") return [];
	return Object.entries(data).flatMap(([key, value]) => key === "es" && typeof value === "string" && value.startsWith("[translate] ".trim()) ? [[...path, key]] : untranslated(value, [...path, key]));
}
function listOf(ids) {
	return [...ids].sort().join(", ");
}
function loadCatalog(dir = catalogDir()) {
	const problems = [];
	const show = (file) => relative(join(dir, ".."), file);
	function parseAll(folder, schema) {
		const items = [];
		for (const { file, data } of readJsonFiles(join(dir, folder))) {
			if (data instanceof SyntaxError) {
				problems.push(`${show(file)}: this is not valid JSON (${data.message}). Check for a missing comma or quote.`);
				continue;
			}
			for (const path of untranslated(data)) problems.push(`${show(file)}${where(path)}: still in English, marked "${TRANSLATE_MARK.trim()}" by import-pdf. Write the Spanish text (and drop the mark).`);
			const result = schema.safeParse(data);
			if (!result.success) {
				for (const issue of result.error.issues) problems.push(`${show(file)}${where(issue.path)}: ${issue.message}`);
				continue;
			}
			const expected = basename(file, ".json");
			if (result.data.id !== expected) {
				problems.push(`${show(file)}: its id is "${result.data.id}" but the file is named "${expected}.json". Make them the same.`);
				continue;
			}
			items.push(result.data);
		}
		return items;
	}
	const agencies = new Map(parseAll("agencies", AgencySchema).map((a) => [a.id, a]));
	const lifeEvents = parseAll("life-events", LifeEventSchema).sort((a, b) => a.order - b.order);
	const services = new Map(parseAll("services", ServiceSchema).map((s) => [s.id, s]));
	const forms = new Map(parseAll("forms", FormSchema).map((f) => [f.id, f]));
	const olderVersions = checkPublished(dir, forms, problems, show);
	let strings = {};
	const stringsFile = join(dir, "strings.json");
	const parsedStrings = StringsSchema.safeParse(JSON.parse(readFileSync(stringsFile, "utf8")));
	if (parsedStrings.success) strings = parsedStrings.data;
	else for (const issue of parsedStrings.error.issues) problems.push(`${show(stringsFile)}${where(issue.path)}: ${issue.message}`);
	for (const event of lifeEvents) event.services.forEach((serviceId, index) => {
		if (!services.has(serviceId)) problems.push(`catalog/life-events/${event.id}.json at services[${index}]: there is no service "${serviceId}". Use one of: ${listOf(services.keys())} — or add catalog/services/${serviceId}.json.`);
	});
	const formOwner = /* @__PURE__ */ new Map();
	for (const service of services.values()) {
		const file = `catalog/services/${service.id}.json`;
		if (!agencies.has(service.agency)) problems.push(`${file} at agency: there is no agency "${service.agency}". Use one of: ${listOf(agencies.keys())} — or add catalog/agencies/${service.agency}.json.`);
		if (!forms.has(service.form)) problems.push(`${file} at form: there is no form "${service.form}". Add catalog/forms/${service.form}.json or use an existing form id.`);
		const owner = formOwner.get(service.form);
		if (owner) problems.push(`${file} at form: the form "${service.form}" already belongs to the service "${owner}". Give each service its own form.`);
		formOwner.set(service.form, service.id);
		if (!lifeEvents.some((event) => event.services.includes(service.id))) problems.push(`${file}: no life event lists this service, so nobody can find it. Add "${service.id}" to a life event's "services".`);
	}
	for (const service of services.values()) {
		const per = service.fee?.per;
		const form = forms.get(service.form);
		if (!per || !form) continue;
		const field = form.fields.find((candidate) => candidate.name === per.question);
		if (field?.type !== "integer" || !field.required || (field.minimum ?? 0) < 1) problems.push(`catalog/services/${service.id}.json at fee.per.question: the fee is per answer to "${per.question}", which must be a required whole-number question of the form "${form.id}" asked once, with "minimum" of 1 or more`);
	}
	for (const form of forms.values()) if (!formOwner.has(form.id)) problems.push(`catalog/forms/${form.id}.json: no service uses this form. Set "form": "${form.id}" in a service, or delete the file.`);
	const pdfForms = /* @__PURE__ */ new Map();
	const pdfDir = join(dir, "pdf-forms");
	for (const { file, data } of existsSync(pdfDir) ? readJsonFiles(pdfDir) : []) {
		const mapping = PdfMapSchema.safeParse(data);
		if (!mapping.success) {
			for (const issue of mapping.error.issues) problems.push(`${show(file)}${where(issue.path)}: ${issue.message}`);
			continue;
		}
		problems.push(...pdfMapProblems(mapping.data, forms.get(mapping.data.form), show(file), basename(file, ".json"), pdfDir));
		pdfForms.set(mapping.data.form, mapping.data);
	}
	if (problems.length > 0) throw new CatalogError(problems);
	return {
		agencies,
		lifeEvents,
		services,
		forms,
		olderVersions,
		strings,
		pdfForms
	};
}
/** A mapping must name its own form, a PDF beside it, and questions that form asks with answers the PDF can take. */
function pdfMapProblems(mapping, form, file, name, pdfDir) {
	if (mapping.form !== name) return [`${file} at form: it says "${mapping.form}" but the file is named "${name}.json". Make them the same.`];
	if (!form) return [`${file} at form: there is no form "${mapping.form}". Add catalog/forms/${mapping.form}.json or delete this mapping.`];
	const problems = [];
	if (!existsSync(join(pdfDir, mapping.pdf))) problems.push(`${file} at pdf: there is no catalog/pdf-forms/${mapping.pdf}. Put the agency's PDF there.`);
	const fields = new Map(form.fields.map((field) => [field.name, field]));
	mapping.fields.forEach((entry, index) => {
		const field = fields.get(entry.question);
		if (!field) {
			problems.push(`${file} at fields[${index}].question: the form "${form.id}" asks no question "${entry.question}". Use one of: ${listOf(fields.keys())}`);
			return;
		}
		for (const value of Object.keys(entry.options ?? {})) if (!(field.type === "yesNo" ? ["yes", "no"] : (field.options ?? []).map((o) => o.value)).includes(value)) problems.push(`${file} at fields[${index}].options: "${entry.question}" has no option "${value}".`);
	});
	return problems;
}
/**
* Published versions never change (decision 0085). For each form, catalog/published/<id>/v<N>.json is the
* definition of version N as it was published. The version a form file says must be published, with the same
* definition: a change needs the next version (and `npm run publish-forms`). Older versions are returned: the
* build keeps their validators, so a draft started on one still validates against it. A catalog without a
* published folder (a new agency's) has nothing published yet.
*/
function checkPublished(dir, forms, problems, show) {
	const older = /* @__PURE__ */ new Map();
	const root = join(dir, PUBLISHED_DIR);
	if (!existsSync(root)) return older;
	for (const form of forms.values()) {
		const file = join(dir, "forms", `${form.id}.json`);
		const folder = join(root, form.id);
		const published = existsSync(folder) ? readdirSync(folder).flatMap((name) => {
			const match = /^v(\d+)\.json$/.exec(name);
			return match ? [{
				version: Number(match[1]),
				file: join(folder, name)
			}] : [];
		}) : [];
		const current = published.find((entry) => entry.version === form.version);
		if (!current) problems.push(`${show(file)} at version: version ${form.version} of this form is not published. Run \`npm run publish-forms\` to publish it (then it can never change).`);
		else if (canonicalJson(JSON.parse(readFileSync(current.file, "utf8"))) !== canonicalJson(JSON.parse(readFileSync(file, "utf8")))) problems.push(`${show(file)}: version ${form.version} is published (${show(current.file)}) and a published version never changes, but this definition differs from it. Set "version": ${form.version + 1} for the change, then run \`npm run publish-forms\`.`);
		const versions = [];
		for (const entry of published.sort((a, b) => a.version - b.version)) {
			if (entry.version > form.version) {
				problems.push(`${show(file)} at version: version ${entry.version} is already published (${show(entry.file)}), so this form cannot go back to version ${form.version}. Use ${Math.max(...published.map((p) => p.version)) + 1}.`);
				continue;
			}
			if (entry.version === form.version) continue;
			const parsed = FormSchema.safeParse(JSON.parse(readFileSync(entry.file, "utf8")));
			if (!parsed.success) {
				for (const issue of parsed.error.issues) problems.push(`${show(entry.file)}${where(issue.path)}: ${issue.message}`);
				continue;
			}
			if (parsed.data.version !== entry.version) problems.push(`${show(entry.file)}: it says version ${parsed.data.version}; a published file keeps its own version.`);
			else versions.push(parsed.data);
		}
		if (versions.length > 0) older.set(form.id, versions);
	}
	return older;
}
var CHECKED = Symbol.for("front-door:checked-catalog");
/** The catalog of `dir`: the one handed over in this process for that folder if any, else loaded and checked. */
function checkedCatalog(dir = catalogDir()) {
	const held = globalThis[CHECKED];
	return held && held.dir === resolve(dir) ? held.catalog : loadCatalog(dir);
}
// ui/lang.ts
/**
* The words a component prints, in the reader's language: components take a `Lang` rather than a locale and
* the whole strings file, so they read like the text they show.
*/
function langFor(strings, locale) {
	return {
		locale,
		t: (key, params) => translate(strings, key, locale, params)
	};
}
// functions/domain/audit.ts
/** Seven years, what most records schedules ask of case files; agency.config.json may set another. */
var DEFAULT_AUDIT_RETENTION_DAYS = 2555;
// infra/config.ts
/**
* The one file an agency edits to deploy Front Door: agency.config.json at the repository root. Read once
* (infra/app.ts, and the local runtime for the sign-in choices it offers) and passed down as props;
* constructs never read process.env. Every problem is reported at once, naming the field and the fix.
*/
var AGENCY_CONFIG_PATH = fileURLToPath(new URL("../agency.config.json", import.meta.url));
var https = z.url({
	protocol: /^https$/,
	error: "must be an https:// address"
});
var AGENCIES_HINT = "list the agencies whose staff sign in through this IdP, e.g. [\"revenue\"] (ids are the file names in catalog/agencies/)";
var OidcProvider = z.strictObject({
	issuer: https,
	clientId: z.string().min(1, "is empty: the client id the identity provider gave you")
});
/** Rules that involve more than one field. */
var AgencyConfigSchema = z.strictObject({
	$comment: z.string().optional(),
	agency: z.strictObject({
		name: z.string().min(1, "is empty: the government name people see, e.g. \"State of Example\""),
		shortName: z.string().min(1).max(30, "is too long: 30 characters at most (it names AWS resources)").regex(/^[A-Za-z][A-Za-z0-9-]*$/, "must be letters, digits or \"-\", starting with a letter (it names AWS stacks)"),
		/** The site's own domain, e.g. portal.example.gov; optional until a certificate exists (docs/deploying.md). */
		domain: z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/, "must be a lower-case host name like portal.example.gov").optional(),
		/** The site's name in its header and in every page's title, per language ("Front Door" when not set). */
		siteName: z.strictObject({
			en: z.string().min(1, "is empty: the name people see at the top of every page").max(60, "is too long: 60 characters at most"),
			es: z.string().min(1, "is empty: the name people see at the top of every page").max(60, "is too long: 60 characters at most")
		}).optional(),
		/**
		* The government's seal or logo, shown beside the site name and in the footer's identifier: an .svg or .png
		* file, as a path from the repository root (e.g. "branding/seal.svg"). Without it the header shows the name only.
		*/
		seal: z.string().regex(/^(?!\/)(?!.*\.\.)[\w./-]+\.(svg|png)$/, "must be a path from the repository root to an .svg or .png file, e.g. \"branding/seal.svg\"").optional(),
		/** How people reach the government about the site itself (each agency's own phone is in catalog/agencies/). */
		contact: z.strictObject({
			phone: z.string().regex(/^\+?[0-9][0-9 ().-]{6,19}$/, "must be a phone number people can dial, e.g. \"1-800-555-0100\""),
			email: z.email("must be an e-mail address, e.g. help@example.gov").optional(),
			hours: z.strictObject({
				en: z.string().min(1).max(80),
				es: z.string().min(1).max(80)
			}).optional()
		}).optional(),
		/**
		* The ACM certificate for `domain`, issued in us-east-1 (CloudFront reads certificates only there):
		* arn:aws:acm:us-east-1:<account>:certificate/<id>. Needed exactly when `domain` is set.
		*/
		certificateArn: z.string().regex(/^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/, "must be the ARN of an ACM certificate in us-east-1 (CloudFront reads certificates only there)").optional()
	}),
	aws: z.strictObject({
		account: z.string().regex(/^\d{12}$/, "must be the 12-digit AWS account id"),
		region: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, "must be an AWS region such as us-east-1 or us-gov-west-1")
	}),
	locales: z.array(z.enum(LOCALES, { error: `must be one of: ${LOCALES.join(", ")}` })).min(1, "needs at least one language").refine((l) => l[0] === "en", "must start with \"en\" (the default language)"),
	alarmEmail: z.email("must be an e-mail address that receives alarms"),
	identityProviders: z.strictObject({
		/** Login.gov (OIDC, private_key_jwt through the token proxy). */
		loginGov: OidcProvider.extend({ acrValues: z.string().min(1) }).optional(),
		/** ID.me (OIDC). */
		idMe: OidcProvider.optional(),
		/** Google (its client secret goes into Secrets Manager, never this file). */
		google: z.strictObject({ clientId: z.string().min(1) }).optional(),
		/** Staff identity providers (SAML 2.0), e.g. the agency's Entra ID or Okta. */
		saml: z.array(z.strictObject({
			name: z.string().regex(/^[A-Za-z0-9-]{3,32}$/, "must be 3-32 letters, digits or - (Cognito refuses _ in provider names)"),
			label: z.string().min(1),
			metadataUrl: https,
			/**
			* The agencies whose staff this IdP may make staff (`staff:<agency>`): what it asserts for any other
			* agency grants nothing, so one agency's directory cannot hand out another agency's records.
			*/
			agencies: z.array(z.string(), { error: (issue) => issue.input === void 0 ? `is missing: ${AGENCIES_HINT}` : "must be a list of agency ids, e.g. [\"revenue\", \"motor-vehicles\"]" }).min(1, `is empty: ${AGENCIES_HINT}`)
		})).default([])
	}).default({ saml: [] }),
	payments: z.strictObject({ provider: z.enum(["stripe", "sandbox"], { error: "must be \"stripe\" or \"sandbox\"" }) }),
	/**
	* E-mail to citizens (submission received, status changed, messages, receipts). `fromAddress` defaults to
	* no-reply@<agency.domain>; SES must verify it (its domain's DKIM records, or the address) before it sends.
	*/
	notifications: z.strictObject({
		fromAddress: z.email("must be the e-mail address notifications come from").optional(),
		/**
		* Texts through AWS End User Messaging SMS (decision 71): the ARN of the phone number or pool that sends and
		* answers them (registered for two-way SMS, self-managed opt-outs on). Absent: no texts.
		*/
		sms: z.strictObject({ originationIdentity: z.string().regex(/^arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:\d{12}:(phone-number|pool)\/[A-Za-z0-9_-]+$/, "must be the ARN of an End User Messaging phone number or pool, like arn:aws:sms-voice:us-east-1:111111111111:phone-number/phone-0123456789abcdef") }).optional()
	}).optional(),
	/**
	* Contact centres whose ended contacts go on the timeline (decision 75): Amazon Connect instances by ARN, and Genesys
	* Cloud's EventBridge integration (its partner event bus and organizations), each mapped to the agency it serves.
	*/
	contactCentres: z.strictObject({
		amazonConnect: z.record(z.string().regex(/^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:instance\/[0-9a-f-]{36}$/, "must be an Amazon Connect instance ARN"), z.string().min(1, "must be an agency id")).optional(),
		genesysCloud: z.strictObject({
			eventBusName: z.string().regex(/^aws\.partner\/genesys\.com\/cloud\/[^/]+\/[^/]+$/, "must be the partner event bus, aws.partner/genesys.com/cloud/<org id>/<suffix>"),
			organizations: z.record(z.string().min(1), z.string().min(1, "must be an agency id"))
		}).optional()
	}).optional(),
	/** How long the workspace's audit entries are kept (DynamoDB TTL removes them after). */
	audit: z.strictObject({ retentionDays: z.int("must be a whole number of days").min(30, "must be at least 30 days").max(36500, "must be at most 36500 days (100 years)") }).default({ retentionDays: DEFAULT_AUDIT_RETENTION_DAYS }),
	/** The web application firewall in front of the site and the API. */
	waf: z.strictObject({ 
	/**
	* Requests one IP address may make in any 5 minutes before the firewall blocks it for a while. Raise it
	* when many people share one address (libraries, offices behind one NAT).
	*/
requestsPer5MinutesPerIp: z.int().min(10, "must be at least 10 (the lowest limit AWS WAF accepts)").max(2e9) }).default({ requestsPer5MinutesPerIp: 2e3 }),
	/**
	* Per-route API throttling, keyed by route ("POST /api/forms/{formId}/submissions"): raise a route's limit
	* for a deadline day. Routes not listed get the defaults in infra/constructs/route-throttling.ts.
	*/
	throttling: z.record(z.string(), z.strictObject({
		rateLimit: z.number().positive("must be more than 0 (requests per second, steady)"),
		burstLimit: z.int().positive("must be more than 0 (requests at once)")
	})).default({})
}).superRefine((config, context) => {
	const { domain, certificateArn } = config.agency;
	if (domain && !certificateArn) context.addIssue({
		code: "custom",
		path: ["agency", "certificateArn"],
		message: `is missing: "${domain}" needs an ACM certificate in us-east-1 (docs/deploying.md, "Pointing a domain"); or remove agency.domain to use the CloudFront address`
	});
	if (certificateArn && !domain) context.addIssue({
		code: "custom",
		path: ["agency", "domain"],
		message: "is missing: certificateArn is set, so name the domain it is for"
	});
	const keys = routes.map((route) => `${route.method} ${route.path}`);
	for (const key of Object.keys(config.throttling)) if (!keys.includes(key)) context.addIssue({
		code: "custom",
		path: ["throttling", key],
		message: `is not a route. Use one of: ${keys.join(", ")}`
	});
});
var AgencyConfigError = class extends Error {
	name = "AgencyConfigError";
	problems;
	constructor(file, problems) {
		super(`${file} has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n- ${problems.join("\n- ")}`);
		this.problems = problems;
	}
};
/** A staff IdP's agency that the catalog does not have would grant nothing, silently: name it instead. */
function unknownAgencies(config, agencyIds) {
	return config.identityProviders.saml.flatMap((idp, i) => idp.agencies.map((agency, j) => [agency, j]).filter(([agency]) => !agencyIds.includes(agency)).map(([agency, j]) => `identityProviders.saml.${i}.agencies.${j} "${agency}" is not an agency in the catalog. Use one of: ${agencyIds.join(", ")}`));
}
/**
* The config, checked. With `agencyIds` (the catalog's agencies), each staff IdP's agencies are checked against
* them too, once the rest of the file is valid.
*/
function parseAgencyConfig(data, file = "agency.config.json", agencyIds) {
	const result = AgencyConfigSchema.safeParse(data);
	const problems = result.success ? agencyIds ? unknownAgencies(result.data, agencyIds) : [] : result.error.issues.map((issue) => `${issue.path.map(String).join(".") || "(the file)"} ${issue.message}`);
	if (result.success && problems.length === 0) return result.data;
	throw new AgencyConfigError(file, problems);
}
function loadAgencyConfig(path = AGENCY_CONFIG_PATH, agencyIds) {
	let text;
	try {
		text = readFileSync(path, "utf8");
	} catch (error) {
		throw new AgencyConfigError(path, [error.code === "ENOENT" ? "does not exist: copy agency.config.json and edit it" : `cannot be read: ${error.message}`]);
	}
	let data;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw new AgencyConfigError(path, [`cannot be read as JSON: ${error.message}`]);
	}
	const config = parseAgencyConfig(data, path, agencyIds);
	const seal = sealFile(config, path);
	if (seal && !existsSync(seal)) throw new AgencyConfigError(path, [`agency.seal "${config.agency.seal}" is not a file: put the seal there or fix the path`]);
	return config;
}
/** Where the seal is on disk (agency.seal is a path from the folder agency.config.json is in). */
function sealFile(config, path = AGENCY_CONFIG_PATH) {
	return config.agency.seal && resolve(dirname(path), config.agency.seal);
}
// web/src/lib/catalog.ts
/**
* The catalog, loaded once per build. The build always runs from the repository root; inside Vite's bundle
* import.meta.url points at the bundle, so the folder comes from the working directory instead.
*/
var catalog = checkedCatalog(catalogDir(path.resolve(process.cwd(), "catalog")));
var agency = loadAgencyConfig(path.resolve(process.cwd(), "agency.config.json")).agency;
var strings = withAgency(catalog.strings, agency);
var plain = /* @__PURE__ */ new Map();
/** A site string from catalog/strings.json. */
function t(locale, key, params) {
	if (params !== void 0) return translate(strings, key, locale, params);
	const id = `${locale}\u0000${key}`;
	let found = plain.get(id);
	if (found === void 0) {
		found = translate(strings, key, locale);
		plain.set(id, found);
	}
	return found;
}
var langs = /* @__PURE__ */ new Map();
/** The words of ui/ components in a language (one object a language, its plain strings looked up once). */
function langOf(locale) {
	let lang = langs.get(locale);
	if (lang === void 0) {
		lang = {
			...langFor(strings, locale),
			t: (key, params) => t(locale, key, params)
		};
		langs.set(locale, lang);
	}
	return lang;
}
/** The agencies that run the site, by name, for the identifier. */
function agencyNames(locale) {
	return [...catalog.agencies.values()].map((agency) => agency.name[locale]);
}
/** The [...lang] route segment: empty for English at the root, the locale for the others. */
function langParam(locale) {
	return locale === "en" ? void 0 : locale;
}
/** One static path per language, for pages that exist once per language. */
function localePaths() {
	return LOCALES.map((locale) => ({
		params: { lang: langParam(locale) },
		props: { locale }
	}));
}
/** The other language(s), for the language switch and hreflang links. */
function otherLocales(locale) {
	return LOCALES.filter((candidate) => candidate !== locale);
}
function agencyOf(service) {
	const agency = catalog.agencies.get(service.agency);
	if (!agency) throw new Error(`The service "${service.id}" names an unknown agency "${service.agency}"`);
	return agency;
}
function servicesOf(event) {
	return event.services.map((id) => {
		const service = catalog.services.get(id);
		if (!service) throw new Error(`The life event "${event.id}" lists an unknown service "${id}"`);
		return service;
	});
}
/** The life event a service is filed under first: its breadcrumb parent. */
function homeEventOf(service) {
	const event = catalog.lifeEvents.find((candidate) => candidate.services.includes(service.id));
	if (!event) throw new Error(`No life event lists the service "${service.id}"`);
	return event;
}
// web/src/lib/render.ts
/**
* ui/ components to HTML inside .astro pages: `<Fragment set:html={html(Breadcrumbs, { … })} />`. The same
* preact-render-to-string the functions use (ui/render.ts): escaping by default, the same bytes Astro's Preact
* renderer writes. Written as a component in the template instead, each one goes through Astro's framework-component
* path (renderer lookup, props serialisation, slot clean-up over its whole HTML, an async render), which on a
* 1,000-form site (~7,000 pages, 3–5 components each) cost more than the rendering itself (decision 0135).
*/
/** One component's HTML. */
function html(component, props) {
	return renderToString(h$1(component, props));
}
/** Several components' HTML, one after the other (the cards of a list). */
function htmlOf(children) {
	return renderToString(h$1(Fragment$1, null, children));
}
var kept = /* @__PURE__ */ new Map();
/**
* HTML that is the same on every page of a language (the identifier, the status form): rendered on the first page
* that shows it, then reused. `key` must name everything the HTML depends on (the component and the language).
*/
function htmlOnce(key, component, props) {
	let found = kept.get(key);
	if (found === void 0) {
		found = html(component, props);
		kept.set(key, found);
	}
	return found;
}
var $$Layout = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Layout;
	const { locale, title, path, kind, description } = Astro.props;
	const lang = langOf(locale);
	const shell = kind === "shell";
	const siteName = t(locale, "site.name");
	const fullTitle = title ? `${title} | ${siteName}` : siteName;
	const [other] = otherLocales(locale);
	if (!other) throw new Error("The site needs at least two languages for its language switch");
	const absolute = (href) => Astro.site ? new URL(href, Astro.site).href : href;
	const alternates = path === void 0 ? [] : [locale, ...otherLocales(locale)].map((code) => ({
		code,
		href: absolute(localePath(code, path))
	}));
	const switchTo = {
		locale: other,
		href: `${localePath(other, path ?? "/")}?lang=${other}`,
		label: t(other, "layout.otherLanguage")
	};
	return renderTemplate`<html${addAttribute(locale, "lang")}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${fullTitle}</title><meta name="description"${addAttribute(description ?? t(locale, "home.intro"), "content")}><link rel="icon" type="image/png"${addAttribute(images.favicon, "href")}>${kind === "task" && renderTemplate`<meta name="portal:page" content="task">`}${shell && renderTemplate`<meta name="robots" content="noindex">`}${path !== void 0 && !shell && renderTemplate`<link rel="canonical"${addAttribute(absolute(localePath(locale, path)), "href")}>`}${alternates.map((alternate) => renderTemplate`<link rel="alternate"${addAttribute(alternate.code, "hreflang")}${addAttribute(alternate.href, "href")}>`)}${renderSlot($$result, $$slots["head"])}${renderHead($$result)}</head><body${addAttribute(shell ? JSON.stringify(images) : void 0, "data-site-images")}>${renderComponent($$result, "Fragment", Fragment$2, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(html(SiteTop, {
		lang,
		switchTo,
		images
	}))}` })}${shell ? renderTemplate`<main${addAttribute(MAIN_ID, "id")}${spreadAttributes(formCheckAttributes(lang))}></main>` : renderTemplate`<main${addAttribute(MAIN_ID, "id")}><div class="grid-container portal-page">${renderSlot($$result, $$slots["default"])}</div></main>`}${renderComponent($$result, "Fragment", Fragment$2, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(htmlOnce(`identifier:${locale}`, SiteIdentifier, {
		lang,
		agencies: agencyNames(locale),
		seal: images.seal
	}))}` })}${renderScript($$result, "/work/h-buildspeed/web/src/layouts/Layout.astro?astro&type=script&index=0&lang.ts")}${renderScript($$result, "/work/h-buildspeed/web/src/layouts/Layout.astro?astro&type=script&index=1&lang.ts")}${shell && renderTemplate`${renderComponent($$result, "FormEnhanceScript", $$FormEnhanceScript, {})}`}</body></html>`;
}, "/work/h-buildspeed/web/src/layouts/Layout.astro", void 0);
export { defaultMaxLength as A, authorizationScopesFor as B, isPartsType as C, pagesOf as D, isMultiPage as E, safeHref as F, renderScript as G, formatMoney as H, POLICY_PAGES as I, __exportAll as J, createAstro as K, apiPath as L, questionsNamed as M, MAIN_ID as N, questionStates as O, HiddenFields as P, pages as R, US_STATES as S, fieldsOfPage as T, localePath as U, routes as V, LOCALES as W, jsonSchemaFor as _, htmlOnce as a, maskSsn as b, homeEventOf as c, localePaths as d, otherLocales as f, formCheckAttributes as g, $$FormEnhanceScript as h, htmlOf as i, messageFor as j, visiblePages as k, langOf as l, t as m, h$1 as n, agencyOf as o, servicesOf as p, createComponent as q, html as r, catalog as s, $$Layout as t, langParam as u, declarationPartName as v, partName as w, QUESTION_PARTS as x, isValidSsn as y, SESSION_COOKIE as z };
