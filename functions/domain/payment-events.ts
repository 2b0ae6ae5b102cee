/**
 * Applying what the payment provider says happened. The provider's events are the source of truth; they are
 * deduplicated by id, checked against the amount asked for, and move the payment through the state machine in
 * payment-state.ts. A payment's change and its submission's or bill's summary are written in one transaction.
 */
import { translate } from '#catalog/i18n';
import type { Strings } from '#catalog/schema';
import { PortalError } from '#shared/errors';
import type { Alarm } from './payment-alarms.ts';
import type { PaymentProvider, ProviderEvent } from './payment-provider.ts';
import { type Payment, type PaymentHistoryKind, type PaymentStore, subjectKey } from './payment-records.ts';
import { mayStillTakeMoney, nextState, type PaymentState } from './payment-state.ts';
import { TRY_AGAIN, untilDecided } from './retry.ts';
import { paymentEntry } from './timeline.ts';

export class AmountMismatchError extends PortalError {
  override name = 'AmountMismatchError';
  override readonly statusCode = 422;
  override readonly code = 'amount_mismatch';
}

/** How long the record of having seen a provider's event is kept (providers retry for up to 3 days). */
export const PAYMENT_EVENT_TTL_SECONDS = 30 * 24 * 60 * 60;

export type ApplyOutcome = 'applied' | 'unchanged' | 'duplicate' | 'unknown-payment';

const HISTORY_KIND: Partial<Record<PaymentState, PaymentHistoryKind>> = {
  declined: 'declined',
  processing: 'processing',
  paid: 'paid',
  failed: 'failed',
  expired: 'expired',
};

/**
 * Applies what the provider says happened. Repeats change nothing (deduplicated by event id, and the state
 * machine ignores anything that would move a payment backwards); a paid amount that differs from the amount
 * asked for is refused and alarmed, and nothing is written.
 */
export async function applyProviderEvent(
  event: ProviderEvent,
  deps: {
    store: PaymentStore;
    provider: string;
    strings: Strings;
    alarm: Alarm;
    now?: () => Date;
    /** Told once, when this event is what made the payment paid (the CX funnel counts it: decision 0101). */
    onPaid?: (payment: Payment) => Promise<void>;
  },
): Promise<ApplyOutcome> {
  const now = (deps.now ?? (() => new Date()))();
  return untilDecided(`apply event ${event.id}`, async () => {
    const payment = event.paymentId
      ? await deps.store.get(event.paymentId)
      : event.checkoutReference
        ? await deps.store.findByCheckoutReference(deps.provider, event.checkoutReference)
        : undefined;
    if (!payment) return 'unknown-payment' as const;
    // The provider's checkout must be the one this payment opened; anything else is not ours to apply.
    if (event.checkoutReference && payment.checkout && payment.checkout.reference !== event.checkoutReference)
      return 'unknown-payment' as const;
    if (event.kind === 'succeeded') {
      const sameCurrency = (event.currency ?? '').toUpperCase() === payment.currency.toUpperCase();
      if (event.amount !== payment.amount || !sameCurrency) {
        await deps.alarm('PaymentAmountMismatch', {
          paymentId: payment.id,
          eventId: event.id,
          expected: `${payment.amount} ${payment.currency}`,
          received: `${event.amount ?? '?'} ${event.currency ?? '?'}`,
        });
        throw new AmountMismatchError(translate(deps.strings, 'payment.amountMismatch', 'en'));
      }
    }
    const state = nextState(payment.state, event.kind);
    const at = now.toISOString();
    const after: Payment | undefined = state && {
      ...payment,
      state,
      version: payment.version + 1,
      updatedAt: at,
      ...(state === 'paid' && { paidAt: event.occurredAt }),
      paymentReference: event.paymentReference ?? payment.paymentReference,
    };
    const kind = state && HISTORY_KIND[state];
    const paid = state === 'paid' && after ? paymentEntry('paid', after, after.amount, at, { now: () => now }) : undefined;
    const result = await deps.store.recordEvent({
      provider: deps.provider,
      eventId: event.id,
      eventExpiresAt: Math.floor(now.getTime() / 1000) + PAYMENT_EVENT_TTL_SECONDS,
      before: payment,
      after,
      entry: kind && { at, kind },
      ...(paid && { timeline: [paid] }),
    });
    if (result.kind === 'duplicate') return 'duplicate' as const;
    if (result.kind === 'stale') return TRY_AGAIN;
    if (after?.state === 'paid' && !result.subjectUpdated)
      await deps.alarm('PaymentAfterReplacement', { paymentId: payment.id, subject: subjectKey(payment.subject) });
    if (after?.state === 'paid' && payment.state !== 'paid') await deps.onPaid?.(after);
    return after ? ('applied' as const) : ('unchanged' as const);
  });
}

/**
 * When the person comes back from the provider before its notification arrived, ask the provider directly
 * (a provider without notifications, such as a hosted collection page, relies on this alone).
 */
export async function refreshFromProvider(
  payment: Payment,
  deps: {
    store: PaymentStore;
    provider: PaymentProvider;
    strings: Strings;
    alarm: Alarm;
    now?: () => Date;
    onPaid?: (payment: Payment) => Promise<void>;
  },
): Promise<Payment> {
  if (!mayStillTakeMoney(payment.state) || !payment.checkout || payment.provider !== deps.provider.name) return payment;
  const event = await deps.provider.checkoutStatus(payment.checkout.reference);
  if (!event) return payment;
  await applyProviderEvent({ ...event, paymentId: event.paymentId ?? payment.id }, { ...deps, provider: deps.provider.name });
  return (await deps.store.get(payment.id)) ?? payment;
}
