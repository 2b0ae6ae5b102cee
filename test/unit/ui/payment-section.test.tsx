/** The payment part of an application's status page offers "Pay" exactly when paying may start. */

import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { PaymentSummary } from '#domain/payment-state';
import { PAYMENT_STATES, type PaymentState } from '#domain/payment-state';
import { PaymentSection } from '#ui/pages/PaymentPages.tsx';
import { lang } from '../../fixtures/ui/components.tsx';

const FEE = { amount: 2500, currency: 'USD' };
const section = (payment: PaymentSummary | undefined) =>
  renderToString(<PaymentSection lang={lang} code="ABCD-EFGH-JKMN" fee={FEE} payment={payment} idempotencyKey="k" />);
const summary = (state: PaymentState) => ({
  id: 'PAY1-PAY1-PAY1',
  state,
  amount: 2500,
  currency: 'USD',
  refunded: 0,
  updatedAt: '2026-11-30T10:00:00.000Z',
});
/** A "Pay" button is a form posting to the payments route. */
const offersPay = (html: string) => /<form[^>]*method="post"[^>]*action="\/api\/payments/.test(html);

describe('the payment section of the status page', () => {
  it('offers "Pay" when nobody started paying', () => {
    expect(offersPay(section(undefined))).toBe(true);
  });

  // The payment's state → whether the page offers "Pay" (written out: this is the rule).
  const offered: Record<PaymentState, boolean> = {
    pending: true,
    declined: true,
    failed: true,
    expired: true,
    processing: false,
    paid: false,
    'partially-refunded': false,
    refunded: false,
  };

  it.each(PAYMENT_STATES.map((state) => [state, offered[state]] as const))('payment %s: offers "Pay" → %s', (state, pay) => {
    expect(offersPay(section(summary(state)))).toBe(pay);
  });
});
