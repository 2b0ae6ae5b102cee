/**
 * Refunds by staff of the agency a payment went to: only where the fee is refundable, never more than was
 * paid (counting refunds already made or in flight). The amount is reserved on the payment before the
 * provider is asked, so two refunds at once can never exceed it; if the provider refuses, it is released.
 */
import { formatMoney, translate } from '#catalog/i18n';
import type { Locale, Strings } from '#catalog/schema';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError, PortalError } from '#shared/errors';
import { type AuditOrigin, auditEntry, DEFAULT_AUDIT_RETENTION_DAYS } from './audit.ts';
import { type Caller, canActForAgency } from './authorization.ts';
import { claimFor, fingerprintOf } from './idempotency.ts';
import { newPaymentId } from './payment-ids.ts';
import { NotPayableError } from './payment-payables.ts';
import { type PaymentProvider, ProviderRefusedError, type RefundResult } from './payment-provider.ts';
import type { Payment, PaymentHistoryEntry, PaymentStore, Refund } from './payment-records.ts';
import { isSettled, stateAfterRefunds } from './payment-state.ts';
import { TRY_AGAIN, untilDecided } from './retry.ts';
import { paymentEntry } from './timeline.ts';

/** The provider did not accept a refund; nothing was refunded. */
export class RefundRefusedError extends PortalError {
  override name = 'RefundRefusedError';
  override readonly statusCode = 409;
  override readonly code = 'refund_refused';
}

/** The longest reason kept with a refund (longer ones are cut): a note for the audit trail, not a letter. */
export const MAX_REFUND_REASON = 500;

/** What staff ask for: how much (in cents; all that is left when absent) and why. */
export interface RefundRequest {
  amount?: number | undefined;
  reason?: string | undefined;
}

/**
 * A refund request as sent (form fields or JSON): `amount` whole cents, 1 to 9 digits, or absent/empty for
 * all that is left; `reason` trimmed and cut to MAX_REFUND_REASON, absent when blank.
 */
export function parseRefundRequest(raw: unknown, locale: Locale, strings: Strings): RefundRequest {
  const shapeError = () => new BadRequestError(translate(strings, 'refund.amountShape', locale));
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw shapeError();
  const { amount, reason } = raw as Record<string, unknown>;
  const amountText = amount === undefined || amount === '' ? undefined : String(amount);
  if (amountText !== undefined && !/^\d{1,9}$/.test(amountText)) throw shapeError();
  const kept = typeof reason === 'string' ? reason.trim().slice(0, MAX_REFUND_REASON) : '';
  return {
    amount: amountText === undefined ? undefined : Number(amountText),
    reason: kept === '' ? undefined : kept,
  };
}

export interface RefundInput {
  paymentId: string;
  /** In cents; the whole amount not yet refunded when absent. */
  amount?: number | undefined;
  reason?: string | undefined;
  caller: Caller;
  locale: Locale;
  idempotencyKey?: string | undefined;
  /** Where the request came from, for the audit entry. */
  from?: AuditOrigin | undefined;
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Refunds all or part of a payment (see the module comment for the rules). */
export async function refundPayment(
  input: RefundInput,
  deps: {
    store: PaymentStore;
    provider: PaymentProvider;
    strings: Strings;
    now?: () => Date;
    newId?: () => string;
    /** How long the refund's audit entry is kept (agency.config.json's audit.retentionDays). */
    retentionDays?: number;
  },
): Promise<{ refund: Refund; payment: Payment; replayed: boolean }> {
  const t: Translate = (key, params) => translate(deps.strings, key, input.locale, params);
  const clock = deps.now ?? (() => new Date());
  const found = await deps.store.get(input.paymentId);
  if (!found) throw new NotFoundError(t('payment.notFound'));
  if (!canActForAgency(input.caller, found.agency)) throw new ForbiddenError(t('refund.notYourAgency'));
  const actor = input.caller;
  const requestedBy = actor.subject;
  if (!found.refundable) throw new NotPayableError(t('refund.notRefundable'));
  if (found.provider !== deps.provider.name) throw new NotPayableError(t('refund.otherProvider'));
  if (input.amount !== undefined && (!Number.isSafeInteger(input.amount) || input.amount <= 0))
    throw new BadRequestError(t('refund.amountShape'));
  const fingerprint = fingerprintOf(found.id, String(input.amount ?? 'all'));
  const claim = claimFor(input.idempotencyKey, fingerprint, clock());

  let payment = found;
  const reserved = await untilDecided(`reserve a refund on ${input.paymentId}`, async (attempt) => {
    if (attempt > 0) payment = (await deps.store.get(input.paymentId)) ?? payment;
    if (!isSettled(payment.state) || !payment.paymentReference) throw new NotPayableError(t('refund.notPaid'));
    const remaining = payment.amount - payment.refunded;
    const amount = input.amount ?? remaining;
    if (amount > remaining || amount <= 0)
      throw new NotPayableError(t('refund.tooMuch', { most: formatMoney(remaining, payment.currency, input.locale) }));
    const at = clock().toISOString();
    const requested: Refund = {
      id: (deps.newId ?? newPaymentId)(),
      paymentId: payment.id,
      amount,
      state: 'requested',
      requestedBy,
      ...(input.reason && { reason: input.reason }),
      requestedAt: at,
      updatedAt: at,
    };
    const after: Payment = { ...payment, refunded: payment.refunded + amount, version: payment.version + 1, updatedAt: at };
    const audit = auditEntry(
      {
        actor,
        agency: payment.agency,
        action: 'payment.refund',
        // The case (or bill) paid for, so the refund shows in that record's audit trail.
        record: payment.subject.kind === 'submission' ? payment.subject.code : `BILL#${payment.subject.reference}`,
        detail: { payment: payment.id, refund: requested.id, amount: String(amount), currency: payment.currency },
        from: input.from ?? {},
      },
      { now: clock, retentionDays: deps.retentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS },
    );
    const result = await deps.store.reserveRefund(payment, after, requested, claim, audit);
    if (result.kind === 'reserved') {
      payment = after;
      return { refund: requested, replayed: false, finished: false };
    }
    if (result.kind === 'stale') return TRY_AGAIN;
    if (result.fingerprint !== fingerprint) throw new ConflictError(t('error.idempotencyReused'));
    const first = await deps.store.getRefund(input.paymentId, result.refundId);
    if (!first) throw new Error(`Idempotency claim names a refund that does not exist: ${result.refundId}`);
    // Finished already: answer as the first time. Still "requested": the first attempt stopped midway, finish it.
    return { refund: first, replayed: true, finished: first.state !== 'requested' };
  });
  if (reserved.finished) return { refund: reserved.refund, payment, replayed: true };
  const { refund } = reserved;

  let outcome: RefundResult | undefined;
  try {
    outcome = await deps.provider.refund({
      paymentId: payment.id,
      paymentReference: payment.paymentReference!,
      amount: refund.amount,
      currency: payment.currency,
      idempotencyKey: `refund-${refund.id}`,
    });
  } catch (error) {
    if (!(error instanceof ProviderRefusedError)) throw error; // Unknown outcome: the refund stays requested; retry with the same key.
  }
  return finishRefund(refund, outcome, { store: deps.store, now: clock, t, replayed: reserved.replayed });
}

/** Records the provider's answer: the refund done (or refused, and its amount released), in one transaction. */
async function finishRefund(
  refund: Refund,
  outcome: RefundResult | undefined,
  deps: { store: PaymentStore; now: () => Date; t: Translate; replayed: boolean },
): Promise<{ refund: Refund; payment: Payment; replayed: boolean }> {
  return untilDecided(`record the outcome of refund ${refund.id}`, async () => {
    const before = await deps.store.get(refund.paymentId);
    if (!before) throw new Error(`Payment ${refund.paymentId} vanished during a refund`);
    const at = deps.now().toISOString();
    const finished: Refund = outcome
      ? { ...refund, state: outcome.state, reference: outcome.reference, updatedAt: at }
      : { ...refund, state: 'failed', updatedAt: at };
    const refunded = outcome ? before.refunded : before.refunded - refund.amount;
    const after: Payment = {
      ...before,
      refunded,
      state: stateAfterRefunds(before.amount, refunded),
      version: before.version + 1,
      updatedAt: at,
    };
    const entry: PaymentHistoryEntry | undefined = outcome ? { at, kind: 'refunded', amount: refund.amount } : undefined;
    const told = outcome ? paymentEntry('refunded', after, refund.amount, at, deps) : undefined;
    const result = await deps.store.finishRefund(before, after, finished, entry, told ? [told] : []);
    if (result.kind === 'stale') return TRY_AGAIN;
    if (!outcome) throw new RefundRefusedError(deps.t('refund.refused'));
    return { refund: finished, payment: after, replayed: deps.replayed };
  });
}
