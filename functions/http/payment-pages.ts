/**
 * What payment routes answer besides pages (those are ui/pages/PaymentPages.tsx): where the provider sends
 * the person back, and what anyone holding a payment's id may see as JSON.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type Payment, type PaymentHistoryEntry, type Refund, type ReturnUrls, summaryOf } from '#domain/payments';
import { apiPath } from '#ui/paths.ts';
import { header } from './request.ts';

const HOST = /^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/;

/**
 * The portal's origin as the person sees it, for the provider's return addresses: CloudFront forwards the
 * viewer's Host as x-forwarded-host (a CloudFront Function; the local server does the same) and API Gateway
 * says the scheme in x-forwarded-proto. Never from the request body.
 */
export function originOf(event: APIGatewayProxyEventV2): string {
  const host = header(event, 'x-forwarded-host') ?? '';
  if (!HOST.test(host)) throw new Error('x-forwarded-host is missing or malformed: the viewer request function must set it');
  return `${header(event, 'x-forwarded-proto') === 'http' ? 'http' : 'https'}://${host}`;
}

/** Where the provider sends the person back: the payment's page, which shows what happened. */
export function returnUrlsFor(payment: Payment): ReturnUrls {
  const page = (from: string) =>
    `${payment.returnOrigin}${apiPath('showPayment', { paymentId: payment.id }, { lang: payment.locale, from })}`;
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
