/**
 * What payment routes answer besides pages (those are ui/pages/PaymentPages.tsx): where the provider sends
 * the person back, and what anyone holding a payment's id may see as JSON.
 */
import type { ReturnUrls } from '#domain/payment-checkout';
import { type Payment, type PaymentHistoryEntry, type Refund, summaryOf } from '#domain/payment-records';
import { apiPath } from '#ui/paths.ts';

/** Where the provider sends the person back: the payment's page on the portal's configured origin. */
export function returnUrlsFor(portalOrigin: string, payment: Payment): ReturnUrls {
  const page = (from: string) =>
    `${portalOrigin}${apiPath('showPayment', { paymentId: payment.id }, { lang: payment.locale, from })}`;
  return { successUrl: page('checkout'), cancelUrl: page('cancel') };
}

/** What anyone holding the payment's id may see: no personal data, no card data (the portal has none). */
export function publicPayment(details: { payment: Payment; history: PaymentHistoryEntry[]; refunds?: Refund[] }) {
  const { payment, history } = details;
  return {
    ...summaryOf(payment),
    description: payment.description,
    subject: payment.subject,
    createdAt: payment.createdAt,
    ...(payment.paidAt && { paidAt: payment.paidAt }),
    history,
  };
}
