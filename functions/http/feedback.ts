/** Where the survey's thanks page sends a person back to: carried in its query, rebuilt from parsed values only. */
import type { Locale } from '#catalog/schema';
import { parseConfirmationCode } from '#domain/confirmation-code';
import type { FeedbackBack } from '#domain/feedback-target';
import { parsePaymentId } from '#domain/payment-ids';
import { apiPath, pageHref, pages } from '#ui/paths.ts';

export function feedbackBackQuery(back: FeedbackBack, locale: Locale, saved: boolean): Record<string, string> {
  return {
    lang: locale,
    ...(back.kind === 'status' ? { code: back.code } : { payment: back.paymentId }),
    ...(!saved && { nothing: '1' }),
  };
}

/**
 * The page to go back to, from the thanks page's query. Only a well-formed code or payment id becomes a link
 * (a path built here, never a URL from the query), so the page cannot be made to send anyone elsewhere.
 */
export function feedbackBackHref(query: Record<string, string | undefined>, locale: Locale): string {
  const code = parseConfirmationCode(query.code ?? '');
  if (code.ok) return apiPath('showStatus', { code: code.code }, { lang: locale });
  const paymentId = parsePaymentId(query.payment ?? '');
  if (paymentId) return apiPath('showPayment', { paymentId }, { lang: locale });
  return pageHref(locale, pages.home());
}
