/**
 * Everything an HTML answer needs — the site's chrome, preact, the page views — in one module that
 * ./pages.ts's `htmlPage` imports on first use, so a function that answers JSON never reads it at start-up
 * (decision 17). The local runtime and tests that render pages directly import `renderView` from here.
 */
import { h } from 'preact';
import { translate } from '#catalog/i18n';
import type { Locale } from '#catalog/schema';
import { Document } from '#ui/chrome/Document.tsx';
import type { PageView } from '#ui/pages/view.ts';
import { renderDocument } from '#ui/render.ts';
import { langOf, OTHER_LOCALE, otherLanguageHref } from './pages.ts';
import { agencies, assets, strings } from './site.ts';

export { auditPage } from '#ui/pages/agency/AuditPage.tsx';
export { casePage } from '#ui/pages/agency/CasePage.tsx';
export { cxDashboardPage } from '#ui/pages/agency/CxDashboard.tsx';
export { exportPartsPage } from '#ui/pages/agency/ExportPartsPage.tsx';
export { personPage, unlinkedPage } from '#ui/pages/agency/PeoplePages.tsx';
export { caseSearchPage, queuePage } from '#ui/pages/agency/QueuePage.tsx';
export { signedInPage } from '#ui/pages/agency/SignedInPage.tsx';
export { codesFormPage, codesRequestedPage } from '#ui/pages/CodesPages.tsx';
export { errorPage } from '#ui/pages/ErrorPage.tsx';
export { feedbackThanksPage } from '#ui/pages/FeedbackPages.tsx';
export { formWithProblemsPage } from '#ui/pages/FormPage.tsx';
export { checkAnswersPage, formStepPage, groupPage } from '#ui/pages/FormStepPage.tsx';
export { billLookupPage, billPage, payByCodePage, paymentPage } from '#ui/pages/PaymentPages.tsx';
export { resumePage, savedDraftPage, saveForLaterPage } from '#ui/pages/SaveForLaterPages.tsx';
export { searchPage } from '#ui/pages/SearchPage.tsx';
export { statusPage } from '#ui/pages/StatusPage.tsx';
export { uploadPage } from '#ui/pages/UploadPage.tsx';
export { langOf, otherLanguageHref };

/** A view from ui/pages inside the site's chrome (ui/chrome/Document.tsx), as a whole HTML document. */
export function renderView(locale: Locale, view: PageView): string {
  const other = OTHER_LOCALE[locale];
  return renderDocument(
    h(Document, {
      lang: langOf(locale),
      title: view.title,
      switchTo: { locale: other, href: view.altHref, label: translate(strings, 'layout.otherLanguage', other) },
      assets,
      agencies: agencies[locale],
      children: view.content,
    }),
  );
}
