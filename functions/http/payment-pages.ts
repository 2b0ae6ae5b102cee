/**
 * What payment routes answer: the page after the provider (paid / still processing / not paid, try again),
 * the receipt, a found bill with its "Pay" button, the payment part of the status page, and the public JSON
 * views. Pages use the site's shell (pages.ts), so they look like the static site.
 */
import { escapeHtml as e, formatDate, formatMoney, localePath, translate } from '#catalog/i18n';
import { BILL_LOOKUP_PATH, renderBillLookupForm, renderPayButton, renderPayByCodeForm } from '#catalog/payment-html';
import type { Locale } from '#catalog/schema';
import type { Bill } from '#domain/payment-bills';
import type { ReturnUrls } from '#domain/payment-checkout';
import { type Payment, type PaymentHistoryEntry, type PaymentSubject, type Refund, summaryOf } from '#domain/payment-records';
import { canStartPaying, isSettled, mayStillTakeMoney, type PaymentState, type PaymentSummary } from '#domain/payment-state';
import { freshIdempotencyKey } from './idempotency.ts';
import { otherLanguageHref, renderPage } from './pages.ts';
import { strings } from './site.ts';

export const paymentPath = (paymentId: string) => `/api/payments/${paymentId}`;
const statusPath = (code: string) => `/api/status/${code}`;

/** Where the provider sends the person back: the payment's page on the portal's configured origin. */
export function returnUrlsFor(portalOrigin: string, payment: Payment): ReturnUrls {
  const page = `${portalOrigin}${paymentPath(payment.id)}?lang=${payment.locale}`;
  return { successUrl: `${page}&from=checkout`, cancelUrl: `${page}&from=cancel` };
}

const t = (locale: Locale, key: string, params?: Record<string, string | number>) => e(translate(strings, key, locale, params));
const money = (cents: number, currency: string, locale: Locale) => formatMoney(cents, currency, locale);

function alert(kind: 'success' | 'info' | 'warning' | 'error', text: string): string {
  return `<div class="usa-alert usa-alert--${kind}"${kind === 'error' ? ' role="alert"' : ''}><div class="usa-alert__body"><p class="usa-alert__text">${text}</p></div></div>`;
}

function stateTag(state: PaymentState, locale: Locale): string {
  return `<span class="usa-tag" data-payment-state="${e(state)}">${t(locale, `payment.state.${state}`)}</span>`;
}

/** The hidden fields that say what a "Pay" or "Try again" button pays for. */
function subjectFields(subject: PaymentSubject | { kind: 'payment'; id: string }): Record<string, string> {
  if (subject.kind === 'submission') return { code: subject.code };
  if (subject.kind === 'payment') return { payment: subject.id };
  return { bill: subject.reference };
}

function subjectFact(subject: PaymentSubject, locale: Locale): string {
  return subject.kind === 'submission'
    ? `<dt>${t(locale, 'payment.application')}</dt><dd><a class="usa-link" href="${statusPath(subject.code)}?lang=${locale}">${e(subject.code)}</a></dd>`
    : `<dt>${t(locale, 'payment.bill')}</dt><dd>${e(subject.reference)}</dd>`;
}

function historyList(history: PaymentHistoryEntry[], payment: Payment, locale: Locale): string {
  if (history.length === 0) return '';
  const items = history
    .map((entry) => {
      const label =
        entry.kind === 'refunded'
          ? t(locale, 'payment.history.refunded', { amount: money(entry.amount ?? 0, payment.currency, locale) })
          : t(locale, `payment.history.${entry.kind}`);
      return `<li>${label}: <time datetime="${e(entry.at)}">${e(formatDate(entry.at, locale))}</time></li>`;
    })
    .join('');
  return `<h2>${t(locale, 'payment.historyHeading')}</h2><ol class="usa-list" data-payment-history>${items}</ol>`;
}

function receipt(payment: Payment, history: PaymentHistoryEntry[], locale: Locale): string {
  const refunded =
    payment.refunded > 0
      ? `<dt>${t(locale, 'payment.refunded')}</dt><dd data-refunded>${e(money(payment.refunded, payment.currency, locale))}</dd>`
      : '';
  return (
    `<h2>${t(locale, 'payment.receiptHeading')}</h2><dl class="portal-facts" data-receipt>` +
    `<dt>${t(locale, 'payment.receiptNumber')}</dt><dd class="portal-code" data-receipt-number>${e(payment.id)}</dd>` +
    `<dt>${t(locale, 'payment.paidFor')}</dt><dd>${e(payment.description[locale])}</dd>` +
    `<dt>${t(locale, 'payment.amount')}</dt><dd data-amount>${e(money(payment.amount, payment.currency, locale))}</dd>` +
    (payment.paidAt
      ? `<dt>${t(locale, 'payment.paidOn')}</dt><dd><time datetime="${e(payment.paidAt)}">${e(formatDate(payment.paidAt, locale))}</time></dd>`
      : '') +
    subjectFact(payment.subject, locale) +
    `<dt>${t(locale, 'payment.status')}</dt><dd>${stateTag(payment.state, locale)}</dd>` +
    refunded +
    `</dl>${historyList(history, payment, locale)}<p class="usa-hint">${t(locale, 'payment.keep')}</p>`
  );
}

export type ReturnedFrom = 'checkout' | 'cancel' | undefined;

/** The heading and message for a payment's state, as the person should read it. */
function outcome(payment: Payment, from: ReturnedFrom, locale: Locale): { title: string; message: string; retry: boolean } {
  const amount = money(payment.amount, payment.currency, locale);
  if (isSettled(payment.state))
    return { title: 'payment.title.paid', message: alert('success', t(locale, 'payment.paidText', { amount })), retry: false };
  if (payment.state === 'processing' || (payment.state === 'pending' && from === 'checkout'))
    return { title: 'payment.title.processing', message: alert('info', t(locale, 'payment.processingText')), retry: false };
  if (payment.state === 'declined')
    return { title: 'payment.title.declined', message: alert('error', t(locale, 'payment.declinedText')), retry: true };
  if (payment.state === 'pending')
    return { title: 'payment.title.notPaid', message: alert('warning', t(locale, 'payment.notPaidText')), retry: true };
  const key = payment.state === 'expired' ? 'payment.expiredText' : 'payment.failedText';
  return { title: 'payment.title.declined', message: alert('error', t(locale, key)), retry: true };
}

export function renderPaymentPage(
  details: { payment: Payment; history: PaymentHistoryEntry[] },
  locale: Locale,
  options: { from: ReturnedFrom; path: string },
): string {
  const { payment, history } = details;
  const { title, message, retry } = outcome(payment, options.from, locale);
  const heading = translate(strings, title, locale);
  const amount = money(payment.amount, payment.currency, locale);
  const actions: string[] = [];
  if (retry)
    actions.push(
      renderPayButton({
        locale,
        label: translate(strings, 'payment.tryAgain', locale, { amount }),
        hidden: subjectFields({ kind: 'payment', id: payment.id }),
        idempotencyKey: freshIdempotencyKey(),
      }),
    );
  if (!retry && !isSettled(payment.state))
    actions.push(
      `<p><a class="usa-button usa-button--outline" href="${e(options.path)}">${t(locale, 'payment.checkAgain')}</a></p>`,
    );
  if (payment.subject.kind === 'submission')
    actions.push(
      `<p><a class="usa-link" href="${statusPath(payment.subject.code)}?lang=${locale}">${t(locale, 'payment.statusLink')}</a></p>`,
    );
  const main =
    `<div class="grid-container portal-page" data-payment-page data-payment-state="${e(payment.state)}">` +
    `<h1>${e(heading)}</h1>${message}` +
    (isSettled(payment.state)
      ? receipt(payment, history, locale)
      : `<dl class="portal-facts"><dt>${t(locale, 'payment.paidFor')}</dt><dd>${e(payment.description[locale])}</dd>` +
        `<dt>${t(locale, 'payment.amount')}</dt><dd data-amount>${e(amount)}</dd>${subjectFact(payment.subject, locale)}</dl>`) +
    `<div class="portal-section">${actions.join('')}</div></div>`;
  return renderPage(locale, heading, main, otherLanguageHref(options.path, locale));
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

/** The "Payment" part of the status page of a submission whose service has a fee. */
export function renderPaymentSection(
  code: string,
  fee: { amount: number; currency: string },
  payment: PaymentSummary | undefined,
  locale: Locale,
): string {
  const state: PaymentState | 'unpaid' =
    payment && (isSettled(payment.state) || mayStillTakeMoney(payment.state)) ? payment.state : 'unpaid';
  const amount = money(payment?.amount ?? fee.amount, payment?.currency ?? fee.currency, locale);
  const canPay = canStartPaying(payment?.state);
  const action = canPay
    ? renderPayButton({
        locale,
        label: translate(strings, 'payment.payButton', locale, { amount }),
        hidden: subjectFields({ kind: 'submission', code }),
        idempotencyKey: freshIdempotencyKey(),
      })
    : `<p><a class="usa-link" href="${paymentPath(payment!.id)}?lang=${locale}">${t(locale, isSettled(state as PaymentState) ? 'payment.viewReceipt' : 'payment.viewPayment')}</a></p>`;
  const tag =
    state === 'unpaid'
      ? `<span class="usa-tag" data-payment-state="unpaid">${t(locale, 'payment.state.unpaid')}</span>`
      : stateTag(state, locale);
  return (
    `<section class="portal-section" aria-labelledby="payment-heading" data-payment-section>` +
    `<h2 id="payment-heading">${t(locale, 'payment.heading')}</h2>` +
    `<dl class="portal-facts"><dt>${t(locale, 'payment.amount')}</dt><dd>${e(amount)}</dd>` +
    `<dt>${t(locale, 'payment.status')}</dt><dd>${tag}</dd></dl>${action}</section>`
  );
}

/** A bill found by reference and check value, with its "Pay" button (or its receipt link once paid). */
export function renderBillPage(bill: Bill, check: string, locale: Locale): string {
  const heading = translate(strings, 'bill.title', locale);
  const amount = money(bill.amount, bill.currency, locale);
  const payment = bill.payment;
  let action: string;
  if (payment && (isSettled(payment.state) || payment.state === 'processing')) {
    action =
      alert(
        isSettled(payment.state) ? 'success' : 'info',
        t(locale, isSettled(payment.state) ? 'bill.paid' : 'payment.processingText'),
      ) +
      `<p><a class="usa-link" href="${paymentPath(payment.id)}?lang=${locale}">${t(locale, isSettled(payment.state) ? 'payment.viewReceipt' : 'payment.viewPayment')}</a></p>`;
  } else {
    action =
      `<p>${t(locale, 'pay.secureNote')}</p>` +
      renderPayButton({
        locale,
        label: translate(strings, 'payment.payButton', locale, { amount }),
        hidden: { bill: bill.reference, check },
        idempotencyKey: freshIdempotencyKey(),
      });
  }
  const main =
    `<div class="grid-container portal-page" data-bill-page>` +
    `<h1>${e(heading)}</h1><dl class="portal-facts">` +
    `<dt>${t(locale, 'payment.bill')}</dt><dd data-bill-reference>${e(bill.reference)}</dd>` +
    `<dt>${t(locale, 'payment.paidFor')}</dt><dd>${e(bill.description[locale])}</dd>` +
    `<dt>${t(locale, 'payment.amount')}</dt><dd data-amount>${e(amount)}</dd>` +
    (bill.dueOn ? `<dt>${t(locale, 'bill.dueOn')}</dt><dd>${e(bill.dueOn)}</dd>` : '') +
    (payment ? `<dt>${t(locale, 'payment.status')}</dt><dd>${stateTag(payment.state, locale)}</dd>` : '') +
    `</dl><div class="portal-section">${action}</div></div>`;
  return renderPage(locale, heading, main, localePath(locale === 'en' ? 'es' : 'en', '/pay/'));
}

/** The bill page again, with the mistake marked and the answers kept (a plain post without JavaScript). */
export function renderBillLookupPage(
  locale: Locale,
  values: { bill: string; check: string },
  problem: { field?: string; message: string },
): string {
  const heading = translate(strings, 'bill.pageTitle', locale);
  const main =
    `<div class="grid-container portal-page"><h1>${e(heading)}</h1><p class="usa-intro">${t(locale, 'bill.intro')}</p>` +
    renderBillLookupForm(locale, strings, values, problem) +
    `</div>`;
  return renderPage(
    locale,
    `${translate(strings, 'error.titlePrefix', locale)} ${heading}`,
    main,
    localePath(locale === 'en' ? 'es' : 'en', '/pay/'),
  );
}

/** The "pay by confirmation code" form again, with the mistake marked. */
export function renderPayByCodePage(locale: Locale, code: string, problem: { field?: string; message: string }): string {
  const heading = translate(strings, 'pay.byCodeTitle', locale);
  const main =
    `<div class="grid-container portal-page"><h1>${e(heading)}</h1>` +
    renderPayByCodeForm(locale, strings, { code }, problem) +
    `</div>`;
  return renderPage(
    locale,
    `${translate(strings, 'error.titlePrefix', locale)} ${heading}`,
    main,
    localePath(locale === 'en' ? 'es' : 'en', '/status/'),
  );
}

export { BILL_LOOKUP_PATH };
