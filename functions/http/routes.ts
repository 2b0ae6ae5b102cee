/**
 * THE route table: every API route, once. The local runtime dispatches from it and infra/ builds one
 * Lambda function and one HTTP API route per entry from it; nothing else lists routes.
 */
import type { RouteAuth } from '#domain/authorization';

export type { RouteAuth };

/** Secrets a route's function may read (Secrets Manager on AWS, local configuration in `npm start`). */
export type SecretName = 'payment-provider' | 'staff-session' | 'feedback-key';

export interface Route {
  /** What links, redirects and tests call the route (ui/paths.ts builds its path from this entry). */
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API Gateway path syntax: `{name}` is a path parameter. */
  path: string;
  /** The module under functions/handlers/ (without extension) whose `handler` export serves it. */
  handler: string;
  /**
   * What the caller must be. Anything but 'public' gets API Gateway's JWT authorizer (`machine:x` also
   * requires the scope `frontdoor/x`); the group check itself is made by withHttp from this same field.
   */
  auth: RouteAuth;
  /** What the handler may do to the table: infra grants exactly this. */
  tableAccess: 'none' | 'read' | 'read-write';
  /** Secrets the function may read; infra grants exactly these. */
  secrets?: readonly SecretName[];
  /**
   * What the function may do in the uploads bucket (decision 0110); infra grants exactly this. 'drafts': sign
   * uploads and read, tag-read and delete files under drafts/; 'release': that, and copy clean files to files/;
   * 'open': read files under files/ (and their tags) to sign a staff member's short-lived link.
   */
  files?: 'drafts' | 'release' | 'open';
  /**
   * API Gateway's limit for this route when the default for its method does not fit (a route whose one request
   * reads thousands of items); agency.config.json's "throttling" still overrides it.
   */
  throttle?: { rateLimit: number; burstLimit: number };
  /**
   * How the caller's token arrives. Absent: `Authorization: Bearer …`, checked by API Gateway's JWT authorizer.
   * 'session': the staff sign-in's HttpOnly cookie, which a plain link or form post carries and no gateway
   * authorizer reads, so the route has none and withHttp makes the same checks (functions/http/session.ts) and,
   * on a POST, the CSRF checks (decision 60).
   */
  credentials?: 'session';
  /** One line, for docs and logs. */
  summary: string;
}

/** Where every route lives: CloudFront sends this prefix to the API, everything else to the site. */
export const API_PREFIX = '/api';

/** Where the staff pages (the `credentials: 'session'` routes) live: sign-in sends people back only under it. */
export const STAFF_PAGES_PREFIX = '/api/agency/desk/';

/**
 * The cookie the `credentials: 'session'` routes read (functions/http/session.ts). `__Host-`: the browser refuses
 * it unless Secure, Path=/ and no Domain, so no sibling host can set or read it.
 */
export const SESSION_COOKIE = '__Host-fd-staff';

export const routes = [
  {
    name: 'submitForm',
    method: 'POST',
    path: '/api/forms/{formId}/submissions',
    handler: 'submit-form',
    auth: 'public',
    tableAccess: 'read-write',
    files: 'release',
    summary: 'Send the answers to a form; answers JSON (201) or, for a plain HTML form post, a 303 to the confirmation',
  },
  {
    name: 'submitMyForm',
    method: 'POST',
    path: '/api/my/forms/{formId}/submissions',
    handler: 'submit-form',
    auth: 'citizen',
    tableAccess: 'read-write',
    files: 'release',
    summary: 'The same, signed in: the submission is linked to the person and shows under "My account"',
  },
  {
    name: 'startFormDraft',
    method: 'POST',
    path: '/api/forms/{formId}/drafts',
    handler: 'fill-form',
    auth: 'public',
    tableAccess: 'read-write',
    summary: "A multi-page form's first page: keeps the answers in a new draft and answers 303 to the next page",
  },
  {
    name: 'showFormPage',
    method: 'GET',
    path: '/api/forms/{formId}/drafts/{draftId}/pages/{pageId}',
    handler: 'fill-form',
    auth: 'public',
    tableAccess: 'read',
    files: 'drafts',
    summary: 'A page of a multi-page form with the answers kept in its draft, or "Check your answers" before sending',
  },
  {
    name: 'saveFormPage',
    method: 'POST',
    path: '/api/forms/{formId}/drafts/{draftId}/pages/{pageId}',
    handler: 'fill-form',
    auth: 'public',
    tableAccess: 'read-write',
    files: 'drafts',
    summary: "Saves one page's answers into the draft (mistakes: the page again, 422) and answers 303 to the next page",
  },
  {
    name: 'presignUpload',
    method: 'POST',
    path: '/api/forms/{formId}/drafts/{draftId}/uploads',
    handler: 'upload-file',
    auth: 'public',
    tableAccess: 'read',
    files: 'drafts',
    summary: "With JavaScript: a presigned POST for one file of a draft's file question (JSON {question, name, type})",
  },
  {
    name: 'releaseUpload',
    method: 'GET',
    path: '/api/forms/{formId}/drafts/{draftId}/uploads/{question}/{fileId}',
    handler: 'upload-file',
    auth: 'public',
    tableAccess: 'read-write',
    files: 'drafts',
    summary:
      'Where storage sends the browser after an upload: checks the file (kind by content, size, count), keeps it in the draft or removes it, and answers the page again (or JSON)',
  },
  {
    name: 'startMyFormDraft',
    method: 'POST',
    path: '/api/my/forms/{formId}/drafts',
    handler: 'fill-form',
    auth: 'citizen',
    tableAccess: 'read-write',
    summary:
      "The same first page, signed in: the draft is the person's own (only they open it), prefilled from their sign-in; sets the draft's key cookie",
  },
  {
    name: 'showSaveForLater',
    method: 'GET',
    path: '/api/forms/{formId}/drafts/{draftId}/save',
    handler: 'save-for-later',
    auth: 'public',
    tableAccess: 'read',
    summary: '"Save and come back later": asks for the date of birth (the check) and an e-mail address for the link',
  },
  {
    name: 'saveForLater',
    method: 'POST',
    path: '/api/forms/{formId}/drafts/{draftId}/save',
    handler: 'save-for-later',
    auth: 'public',
    tableAccess: 'read-write',
    summary: 'Gives the draft a resume code (and e-mails the link when an address is given); 303 to the saved page',
  },
  {
    name: 'showSavedDraft',
    method: 'GET',
    path: '/api/forms/{formId}/drafts/{draftId}/saved',
    handler: 'save-for-later',
    auth: 'public',
    tableAccess: 'read',
    summary: 'The saved page: the resume code, until when the answers are kept, and where the link was sent',
  },
  {
    name: 'showResumeForm',
    method: 'GET',
    path: '/api/resume',
    handler: 'resume-form',
    auth: 'public',
    tableAccess: 'none',
    summary: 'Come back to a saved form: the resume code (filled in from the e-mailed link) and the date of birth',
  },
  {
    name: 'resumeForm',
    method: 'POST',
    path: '/api/resume',
    handler: 'resume-form',
    auth: 'public',
    tableAccess: 'read-write',
    summary: 'Checks the resume code and date of birth (five wrong tries lock the code); 303 to the page the person left',
  },
  {
    name: 'listMyDrafts',
    method: 'GET',
    path: '/api/my/drafts',
    handler: 'list-my-drafts',
    auth: 'citizen',
    tableAccess: 'read',
    summary: "The signed-in person's own unfinished forms, newest first, with the date each is kept until",
  },
  {
    name: 'continueMyDraft',
    method: 'POST',
    path: '/api/my/drafts/{draftId}/continue',
    handler: 'list-my-drafts',
    auth: 'citizen',
    tableAccess: 'read-write',
    summary: "Continue one of the person's own drafts: a new draft key cookie, and the page they left (JSON)",
  },
  {
    name: 'listMySubmissions',
    method: 'GET',
    path: '/api/my/submissions',
    handler: 'list-my-submissions',
    auth: 'citizen',
    tableAccess: 'read',
    summary: "The signed-in person's own submissions, newest first, with status",
  },
  {
    name: 'withdrawMySubmission',
    method: 'POST',
    path: '/api/my/submissions/{code}/withdrawal',
    handler: 'withdraw-submission',
    auth: 'citizen',
    tableAccess: 'read-write',
    summary: 'The signed-in person withdraws their own application while the agency is still working on it',
  },
  {
    name: 'listMyActivity',
    method: 'GET',
    path: '/api/my/activity',
    handler: 'list-my-activity',
    auth: 'citizen',
    tableAccess: 'read',
    summary: "The signed-in person's own timeline, newest first, across every agency and channel; paged (?cursor=…)",
  },
  {
    name: 'downloadSubmissionPdf',
    method: 'POST',
    path: '/api/submissions/{code}/pdf',
    handler: 'download-submission-pdf',
    auth: 'public',
    tableAccess: 'read',
    // A guess at a code and an e-mail address together: a few a second is every honest person.
    throttle: { rateLimit: 5, burstLimit: 10 },
    summary:
      'A PDF of the answers sent, for whoever holds the confirmation code and the e-mail address given in them (a POST: the address stays out of URLs)',
  },
  {
    name: 'downloadMySubmissionPdf',
    method: 'GET',
    path: '/api/my/submissions/{code}/pdf',
    handler: 'download-submission-pdf',
    auth: 'citizen',
    tableAccess: 'read',
    summary: 'A PDF of the answers the signed-in person sent (their own submissions only)',
  },
  {
    name: 'showMyPreferences',
    method: 'GET',
    path: '/api/my/preferences',
    handler: 'manage-my-preferences',
    auth: 'citizen',
    tableAccess: 'read',
    summary:
      'How the signed-in person wants to hear from us (e-mail, text, both or none per kind; the language), and their addresses our last e-mail could not reach',
  },
  {
    name: 'saveMyPreferences',
    method: 'PUT',
    path: '/api/my/preferences',
    handler: 'manage-my-preferences',
    auth: 'citizen',
    tableAccess: 'read-write',
    summary: 'The signed-in person changes how they hear from us; receipts always go (never "none")',
  },
  {
    name: 'showStatus',
    method: 'GET',
    path: '/api/status/{code}',
    handler: 'check-status',
    auth: 'public',
    tableAccess: 'read',
    summary: 'Where a submission stands, by confirmation code (status and dates only, never answers)',
  },
  {
    name: 'findStatus',
    method: 'GET',
    path: '/api/status',
    handler: 'check-status',
    auth: 'public',
    tableAccess: 'read',
    summary: "The same, for the status page's plain GET form (?code=…)",
  },
  {
    name: 'requestMyCodes',
    method: 'POST',
    path: '/api/status/codes',
    handler: 'request-my-codes',
    auth: 'public',
    tableAccess: 'read-write',
    // Each request may send an e-mail: a few a second is every lost code in a state (the address has its own limit).
    throttle: { rateLimit: 10, burstLimit: 20 },
    summary:
      '"Send me my confirmation codes": e-mails the codes of the submissions made with an address to it; the answer never says whether there were any',
  },
  {
    name: 'showCodesRequested',
    method: 'GET',
    path: '/api/status/codes/sent',
    handler: 'request-my-codes',
    auth: 'public',
    tableAccess: 'none',
    summary: 'The page after "send me my codes": check your e-mail (the same words whatever the address)',
  },
  {
    name: 'startPayment',
    method: 'POST',
    path: '/api/payments',
    handler: 'start-payment',
    auth: 'public',
    tableAccess: 'read-write',
    secrets: ['payment-provider'],
    summary:
      "Pay an application's fee (confirmation code) or a bill (reference + plate/ZIP): opens the provider's hosted checkout; a 303 to it for a form post, JSON with its URL otherwise",
  },
  {
    name: 'showPayment',
    method: 'GET',
    path: '/api/payments/{paymentId}',
    handler: 'show-payment',
    auth: 'public',
    tableAccess: 'read-write',
    secrets: ['payment-provider'],
    summary:
      'Where a payment stands: the receipt once paid, "still processing", or "not paid, try again"; asks the provider if its notification is late',
  },
  {
    name: 'receivePaymentWebhook',
    method: 'POST',
    path: '/api/payments/webhook',
    handler: 'receive-payment-webhook',
    auth: 'public',
    tableAccess: 'read-write',
    secrets: ['payment-provider'],
    summary: "The payment provider's signed notifications: the source of truth for payments (signature checked, deduplicated)",
  },
  {
    name: 'refundPayment',
    method: 'POST',
    path: '/api/payments/{paymentId}/refunds',
    handler: 'refund-payment',
    auth: 'staff',
    tableAccess: 'read-write',
    secrets: ['payment-provider'],
    summary: 'Staff of the agency that was paid refund all or part of a refundable payment',
  },
  {
    name: 'findBill',
    method: 'POST',
    path: '/api/bills/lookup',
    handler: 'find-bill',
    auth: 'public',
    tableAccess: 'read',
    summary: 'Find a bill or fine by its reference and the plate or ZIP code printed on it (a POST: the plate stays out of URLs)',
  },
  {
    name: 'loadBill',
    method: 'PUT',
    path: '/api/bills/{reference}',
    handler: 'load-bill',
    auth: 'machine:bills',
    tableAccess: 'read-write',
    summary: "An agency's system loads or updates a bill people can pay by reference",
  },
  {
    name: 'recordInteraction',
    method: 'POST',
    path: '/api/interactions',
    handler: 'record-interaction',
    auth: 'machine:interactions',
    tableAccess: 'read-write',
    summary:
      "Another channel's system (contact centre, chat, e-mail, text, front desk) records a contact on the person's timeline; the same externalId twice is one entry",
  },
  {
    name: 'showAgencyQueue',
    method: 'GET',
    path: '/api/agency/{agency}/cases',
    handler: 'show-agency-queue',
    auth: 'staff',
    tableAccess: 'read',
    summary:
      "Staff: one page of their agency's queue (status, service, assigned to me; oldest or newest first), counts by status",
  },
  {
    name: 'exportAgencyQueue',
    method: 'GET',
    path: '/api/agency/{agency}/export',
    handler: 'export-agency-queue',
    auth: 'staff',
    tableAccess: 'read-write',
    // One request reads up to 5,000 cases (~600 read units): a handful a second is an agency's whole office.
    throttle: { rateLimit: 5, burstLimit: 10 },
    summary:
      "Staff: the queue's current filter as a CSV file, in parts of at most 5,000 rows (a Link header names the next part); the export is audited",
  },
  {
    name: 'showStaffActivity',
    method: 'GET',
    path: '/api/agency/{agency}/activity/{subject}',
    handler: 'show-staff-activity',
    auth: 'staff',
    tableAccess: 'read',
    summary:
      "The agency's administrators: what one staff member did for the agency (the audit trail by actor), newest first, 50 a page; JSON or an HTML page",
  },
  {
    name: 'findAgencyCases',
    method: 'GET',
    path: '/api/agency/{agency}/search',
    handler: 'find-agency-cases',
    auth: 'staff',
    tableAccess: 'read-write',
    summary: "Staff: a case by confirmation code, or their agency's cases by the applicant's e-mail (the search is audited)",
  },
  {
    name: 'showCase',
    method: 'GET',
    path: '/api/agency/cases/{code}',
    handler: 'show-case',
    auth: 'staff',
    tableAccess: 'read-write',
    summary:
      "Staff of the case's agency: answers, history, messages and notes (the read is audited); the audit trail for administrators",
  },
  {
    name: 'changeCaseStatus',
    method: 'POST',
    path: '/api/agency/cases/{code}/status',
    handler: 'change-case-status',
    auth: 'staff',
    tableAccess: 'read-write',
    summary: 'Staff move a case through the workflow; a change on an older version is refused (409) with the case as it stands',
  },
  {
    name: 'addCaseMessage',
    method: 'POST',
    path: '/api/agency/cases/{code}/messages',
    handler: 'add-case-message',
    auth: 'staff',
    tableAccess: 'read-write',
    summary: 'Staff write to the citizen (shown to them) or an internal note (never shown to them)',
  },
  {
    name: 'assignCase',
    method: 'POST',
    path: '/api/agency/cases/{code}/assignment',
    handler: 'assign-case',
    auth: 'staff',
    tableAccess: 'read-write',
    summary: 'Staff assign a case to themselves or unassign it',
  },
  {
    name: 'staffSignIn',
    method: 'GET',
    path: '/api/agency/sign-in',
    handler: 'staff-sign-in',
    auth: 'public',
    tableAccess: 'read-write',
    summary: "Staff sign-in for the workspace's pages: state, nonce and PKCE kept server-side (one use), then the user pool",
  },
  {
    name: 'staffSignInCallback',
    method: 'GET',
    path: '/api/agency/callback',
    handler: 'staff-sign-in-callback',
    auth: 'public',
    tableAccess: 'read-write',
    summary: "Back from the user pool: the code exchanged, the token checked, the workspace's HttpOnly cookie set",
  },
  {
    name: 'staffSignOut',
    method: 'POST',
    path: '/api/agency/sign-out',
    handler: 'staff-sign-out',
    auth: 'public',
    tableAccess: 'none',
    summary: "Staff sign out of the workspace's pages: the cookie cleared, then the user pool's sign-out",
  },
  {
    name: 'agencyQueuePage',
    method: 'GET',
    path: '/api/agency/desk/queue/{agency}',
    handler: 'show-agency-queue',
    auth: 'staff',
    credentials: 'session',
    tableAccess: 'read',
    secrets: ['staff-session'],
    summary: "The queue as a page, for staff signed in with the workspace's cookie",
  },
  {
    name: 'findAgencyCasesPage',
    method: 'GET',
    path: '/api/agency/desk/search/{agency}',
    handler: 'find-agency-cases',
    auth: 'staff',
    credentials: 'session',
    tableAccess: 'read-write',
    secrets: ['staff-session'],
    summary: 'Find a case by code (straight to it) or by e-mail (a list), as a page',
  },
  {
    name: 'casePage',
    method: 'GET',
    path: '/api/agency/desk/cases/{code}',
    handler: 'show-case',
    auth: 'staff',
    credentials: 'session',
    tableAccess: 'read-write',
    secrets: ['staff-session'],
    summary: 'A case as a page, with the forms that work it (status, message or note, assignment, refund)',
  },
  {
    name: 'casePdfPage',
    method: 'GET',
    path: '/api/agency/desk/cases/{code}/pdf',
    handler: 'download-submission-pdf',
    auth: 'staff',
    credentials: 'session',
    tableAccess: 'read-write',
    secrets: ['staff-session'],
    summary: "The case page's PDF of the answers (the agency's own paper form filled in, where it has one); audited",
  },
  {
    name: 'openCaseFile',
    method: 'GET',
    path: '/api/agency/desk/cases/{code}/files/{fileId}',
    handler: 'open-case-file',
    auth: 'staff',
    credentials: 'session',
    tableAccess: 'read-write',
    files: 'open',
    secrets: ['staff-session'],
    summary: "Opens a case's file: audits the open, then 303 to a link that works for a minute (a scanned, clean file only)",
  },
  {
    name: 'changeCaseStatusForm',
    method: 'POST',
    path: '/api/agency/desk/cases/{code}/status',
    handler: 'change-case-status',
    auth: 'staff',
    credentials: 'session',
    tableAccess: 'read-write',
    secrets: ['staff-session'],
    summary: "The case page's status form: 303 back to the case, or the page again with what to fix",
  },
  {
    name: 'addCaseMessageForm',
    method: 'POST',
    path: '/api/agency/desk/cases/{code}/messages',
    handler: 'add-case-message',
    auth: 'staff',
    credentials: 'session',
    tableAccess: 'read-write',
    secrets: ['staff-session'],
    summary: "The case page's message and note form: 303 back to the case",
  },
  {
    name: 'assignCaseForm',
    method: 'POST',
    path: '/api/agency/desk/cases/{code}/assignment',
    handler: 'assign-case',
    auth: 'staff',
    credentials: 'session',
    tableAccess: 'read-write',
    secrets: ['staff-session'],
    summary: "The case page's assign and unassign buttons: 303 back to the case",
  },
  {
    name: 'refundPaymentForm',
    method: 'POST',
    path: '/api/agency/desk/cases/{code}/payments/{paymentId}/refunds',
    handler: 'refund-payment',
    auth: 'staff',
    credentials: 'session',
    tableAccess: 'read-write',
    secrets: ['payment-provider', 'staff-session'],
    summary: "The case page's refund form: 303 back to the case, or the page again with what to fix",
  },
  {
    name: 'exportAgencyQueuePage',
    method: 'GET',
    path: '/api/agency/desk/export/{agency}',
    handler: 'export-agency-queue',
    auth: 'staff',
    credentials: 'session',
    tableAccess: 'read-write',
    secrets: ['staff-session'],
    throttle: { rateLimit: 5, burstLimit: 10 },
    summary: 'The queue page\'s "Download" link: the same CSV parts for staff signed in with the workspace\'s cookie',
  },
  {
    name: 'exportPartsPage',
    method: 'GET',
    path: '/api/agency/desk/export-parts/{agency}',
    handler: 'list-export-parts',
    auth: 'staff',
    credentials: 'session',
    tableAccess: 'read',
    secrets: ['staff-session'],
    // One request reads the keys of every case in the filter (up to 100,000): as rare as the export itself.
    throttle: { rateLimit: 5, burstLimit: 10 },
    summary:
      "The queue filter's CSV export as a list of its parts (part n of m, which cases, a download link each), for browsers, which follow no Link header",
  },
  {
    name: 'staffActivityPage',
    method: 'GET',
    path: '/api/agency/desk/activity/{agency}/{subject}',
    handler: 'show-staff-activity',
    auth: 'staff',
    credentials: 'session',
    tableAccess: 'read',
    secrets: ['staff-session'],
    summary: "A staff member's activity as a page, for the agency's administrators signed in with the workspace's cookie",
  },
  {
    name: 'cxDashboardPage',
    method: 'GET',
    path: '/api/agency/desk/cx/{agency}',
    handler: 'show-cx-dashboard',
    auth: 'staff',
    credentials: 'session',
    tableAccess: 'read',
    secrets: ['staff-session'],
    summary: "The CX dashboard as a page, for the agency's staff signed in with the workspace's cookie",
  },
  {
    name: 'personPage',
    method: 'GET',
    path: '/api/agency/desk/people/{agency}/{person}',
    handler: 'show-person-timeline',
    auth: 'staff',
    credentials: 'session',
    tableAccess: 'read-write',
    secrets: ['staff-session'],
    summary: "A person's timeline for the agency's staff (their agency's entries only; the read is audited), as a page",
  },
  {
    name: 'unlinkedContactsPage',
    method: 'GET',
    path: '/api/agency/desk/unlinked/{agency}',
    handler: 'show-unlinked-contacts',
    auth: 'staff',
    credentials: 'session',
    tableAccess: 'read',
    secrets: ['staff-session'],
    summary: "The agency's contacts from other channels nobody could match yet, newest first, each with its link form",
  },
  {
    name: 'linkContactForm',
    method: 'POST',
    path: '/api/agency/desk/unlinked/{agency}/{contact}/link',
    handler: 'link-contact',
    auth: 'staff',
    credentials: 'session',
    tableAccess: 'read-write',
    secrets: ['staff-session'],
    summary:
      'Links an unlinked contact to a case (by its code) or a person: 303 back to the list, or the list again with what to fix',
  },
  {
    name: 'submitFeedback',
    method: 'POST',
    path: '/api/feedback',
    handler: 'submit-feedback',
    auth: 'public',
    tableAccess: 'read-write',
    secrets: ['feedback-key'],
    summary:
      'Answer the A-11 survey after a task (anonymous; one response per transaction, answering again replaces it); a 303 to the thanks page for a form post, JSON otherwise',
  },
  {
    name: 'showFeedbackThanks',
    method: 'GET',
    path: '/api/feedback/thanks',
    handler: 'show-feedback-thanks',
    auth: 'public',
    tableAccess: 'none',
    summary: 'The thanks page after the survey, with a link back to where the person was',
  },
  {
    name: 'showCxDashboard',
    method: 'GET',
    path: '/api/agency/{agency}/cx',
    handler: 'show-cx-dashboard',
    auth: 'staff',
    tableAccess: 'read',
    summary:
      'Staff of the agency: survey scores per quarter, the funnel, time to decision, volume by channel (JSON, an HTML page, or ?format=a11-csv, the quarterly A-11 report); anyone else 404',
  },
  {
    name: 'getHealth',
    method: 'GET',
    path: '/api/health',
    handler: 'get-health',
    auth: 'public',
    tableAccess: 'read',
    summary: 'Whether the API and its table answer',
  },
  {
    name: 'searchSite',
    method: 'GET',
    path: '/api/search',
    handler: 'search-site',
    auth: 'public',
    tableAccess: 'none',
    summary: "Site search on a plain GET (?q=…&lang=…): the catalog's services, life events and tasks, no JavaScript needed",
  },
  {
    name: 'getOpenApi',
    method: 'GET',
    path: '/api/openapi.json',
    handler: 'show-openapi',
    auth: 'public',
    tableAccess: 'none',
    summary: 'This API described (OpenAPI 3.1): every route, its sign-in, its request and every answer',
  },
] as const satisfies readonly Route[];

export type HandlerName = (typeof routes)[number]['handler'];

/** The route API Gateway matched, by its route key (`POST /api/forms/{formId}/submissions`). */
export function routeByKey(routeKey: string): Route | undefined {
  return (routes as readonly Route[]).find((r) => `${r.method} ${r.path}` === routeKey);
}

/** Whether API Gateway's JWT authorizer guards the route (not public, and the token is not in the session cookie). */
export function gatewayAuthorizes(route: Pick<Route, 'auth' | 'credentials'>): boolean {
  return route.auth !== 'public' && route.credentials !== 'session';
}

/**
 * The OAuth scopes API Gateway's JWT authorizer requires on a route (a token must carry one of them).
 * People's routes require `openid`, which Cognito puts in access tokens and never in ID tokens, so an ID
 * token is refused at the gateway; machine routes require their own `frontdoor/<name>` scope.
 * Public routes have no authorizer at all. infra/ and the local runtime both use this.
 */
export function authorizationScopesFor(route: Pick<Route, 'auth'>): string[] | undefined {
  if (route.auth === 'public') return undefined;
  if (route.auth.startsWith('machine:')) return [`frontdoor/${route.auth.slice('machine:'.length)}`];
  return ['openid'];
}
