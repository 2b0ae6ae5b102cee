/**
 * Starting to pay through a hosted checkout, exactly once. A submission or bill has at most one payment that
 * may still take money: asking to pay again sends the person back to the same checkout, so two tabs or a
 * double click can never charge twice.
 */
import { translate } from '#catalog/i18n';
import type { Locale, Strings } from '#catalog/schema';
import { ConflictError } from '#shared/errors';
import { claimFor, fingerprintOf } from './idempotency.ts';
import { newPaymentId } from './payment-ids.ts';
import type { Payable } from './payment-payables.ts';
import type { PaymentProvider } from './payment-provider.ts';
import { type Payment, type PaymentStore, subjectKey } from './payment-records.ts';
import { holdsMoney, mayStillTakeMoney } from './payment-state.ts';
import { TRY_AGAIN, untilDecided } from './retry.ts';
import { paymentEntry } from './timeline.ts';

/** How long a checkout stays open. Stripe allows 30 minutes to 24 hours. */
export const CHECKOUT_LIFETIME_MS = 60 * 60 * 1000;
/** After its expiry time, how long a checkout whose "expired" event never came still counts as open. */
const CHECKOUT_GRACE_MS = 10 * 60 * 1000;

export interface ReturnUrls {
  successUrl: string;
  cancelUrl: string;
}

export interface StartDeps {
  store: PaymentStore;
  provider: PaymentProvider;
  strings: Strings;
  /**
   * Where the provider sends the person back, from the payment and the portal's configured origin alone (never
   * from the request), so a retried checkout is identical and a forged Host is never handed to the payer.
   */
  returnUrls: (payment: Payment) => ReturnUrls;
  now?: () => Date;
  newId?: () => string;
}

export interface StartInput {
  locale: Locale;
  idempotencyKey?: string | undefined;
}

export type StartResult =
  /** Send the person to the provider's page. */
  | { kind: 'checkout'; payment: Payment; url: string; created: boolean }
  /** Nothing to pay any more: show where the payment stands (paid, still processing, or closed). */
  | { kind: 'show'; payment: Payment };

function lapsed(payment: Payment, now: Date): boolean {
  const expiresAt = payment.checkout
    ? Date.parse(payment.checkout.expiresAt)
    : Date.parse(payment.createdAt) + CHECKOUT_LIFETIME_MS;
  return now.getTime() > expiresAt + CHECKOUT_GRACE_MS;
}

async function ensureCheckout(payment: Payment, deps: StartDeps): Promise<string> {
  if (payment.checkout) return payment.checkout.url;
  const { successUrl, cancelUrl } = deps.returnUrls(payment);
  const checkout = await deps.provider.createCheckout({
    paymentId: payment.id,
    amount: payment.amount,
    currency: payment.currency,
    description: payment.description[payment.locale],
    locale: payment.locale,
    successUrl,
    cancelUrl,
    expiresAt: new Date(Date.parse(payment.createdAt) + CHECKOUT_LIFETIME_MS),
    // Every request for this payment asks for the same checkout with the same key: the provider opens one.
    idempotencyKey: `checkout-${payment.id}`,
  });
  await deps.store.attachCheckout(payment, checkout);
  return checkout.url;
}

/** What a request to pay does with the payment already there: reuse its checkout, show it, or replace it. */
async function reuse(payment: Payment, deps: StartDeps, now: Date): Promise<StartResult | undefined> {
  if (holdsMoney(payment.state)) return { kind: 'show', payment };
  if (mayStillTakeMoney(payment.state) && !lapsed(payment, now))
    return { kind: 'checkout', payment, url: await ensureCheckout(payment, deps), created: false };
  return undefined;
}

/**
 * Starts paying for `payable`, or picks up the payment already started for it. Safe to call any number of
 * times at once with the same Idempotency-Key (one payment, one checkout) or with different keys for the
 * same submission or bill (still one live checkout).
 */
export async function startPayment(payable: Payable, input: StartInput, deps: StartDeps): Promise<StartResult> {
  const now = (deps.now ?? (() => new Date()))();
  const fingerprint = fingerprintOf(subjectKey(payable.subject));
  const claim = claimFor(input.idempotencyKey, fingerprint, now);
  let currentId = payable.current?.id;
  return untilDecided(`start a payment for ${subjectKey(payable.subject)}`, async () => {
    const current = currentId ? await deps.store.get(currentId) : undefined;
    const reused = current && (await reuse(current, deps, now));
    if (reused) return reused;

    const at = now.toISOString();
    const payment: Payment = {
      id: (deps.newId ?? newPaymentId)(),
      subject: payable.subject,
      agency: payable.agency,
      amount: payable.amount,
      currency: payable.currency,
      description: payable.description,
      refundable: payable.refundable,
      locale: input.locale,
      provider: deps.provider.name,
      state: 'pending',
      version: 1,
      createdAt: at,
      updatedAt: at,
      refunded: 0,
      ...(payable.ownerSubject && { ownerSubject: payable.ownerSubject }),
      ...(payable.serviceId && { serviceId: payable.serviceId }),
    };
    const started = paymentEntry('payment-started', payment, payment.amount, at, { now: () => now });
    const result = await deps.store.create(payment, {
      replaces: currentId,
      claim,
      ...(started && { timeline: [started] }),
    });
    if (result.kind === 'created') return { kind: 'checkout', payment, url: await ensureCheckout(payment, deps), created: true };
    if (result.kind === 'replay') {
      if (result.fingerprint !== fingerprint)
        throw new ConflictError(translate(deps.strings, 'error.idempotencyReused', input.locale));
      const first = await deps.store.get(result.paymentId);
      if (!first) throw new Error(`Idempotency claim names a payment that does not exist: ${result.paymentId}`);
      return (await reuse(first, deps, now)) ?? { kind: 'show', payment: first };
    }
    // Someone else started or replaced the payment meanwhile: look again.
    currentId = await deps.store.currentOf(payable.subject);
    return TRY_AGAIN;
  });
}
