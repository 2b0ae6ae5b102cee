/**
 * Paying a fee or a bill through a hosted checkout, exactly once, and refunding it.
 *
 * - The amount always comes from what is being paid for (the catalog's fee, the agency's bill), never from
 *   the browser.
 * - A submission or bill has at most one payment that may still take money ("live"): asking to pay again
 *   sends the person back to the same checkout, so two tabs or a double click can never charge twice.
 * - The provider's events are the source of truth; they are deduplicated by id, checked against the amount
 *   asked for, and move the payment through the state machine in payment-state.ts.
 * - A payment's change and its submission's or bill's summary are written in one transaction by the store.
 */
import { createHash } from 'node:crypto';
import { formatMoney, translate } from '#catalog/i18n';
import type { Fee, Locale, Localized, Strings } from '#catalog/schema';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError, PortalError } from '#shared/errors';
import { type Caller, canActForAgency } from './authorization.ts';
import { newConfirmationCode, parseConfirmationCode } from './confirmation-code.ts';
import {
  type Checkout,
  type PaymentProvider,
  type ProviderEvent,
  ProviderRefusedError,
  type RefundResult,
} from './payment-provider.ts';
import { isLive, isSettled, nextState, type PaymentState, type PaymentSummary, stateAfterRefunds } from './payment-state.ts';
import { IDEMPOTENCY_TTL_SECONDS, type IdempotencyClaim, type SubmissionStore } from './submissions.ts';

export type PaymentSubject = { kind: 'submission'; code: string } | { kind: 'bill'; reference: string };

/** Something a person can pay for, with the amount its owner set. */
export interface Payable {
  subject: PaymentSubject;
  agency: string;
  amount: number;
  currency: string;
  /** What the payment is for, as the receipt and the provider's page say it. */
  description: Localized;
  refundable: boolean;
  /** The payment already started for it, if any. */
  current?: PaymentSummary | undefined;
}

export interface Payment {
  id: string;
  subject: PaymentSubject;
  agency: string;
  amount: number;
  currency: string;
  description: Localized;
  refundable: boolean;
  locale: Locale;
  /** The portal's own origin when the person started paying: where the provider sends them back. */
  returnOrigin: string;
  /** Which provider took it (payment-provider.ts), so refunds go through the same one. */
  provider: string;
  state: PaymentState;
  /** Counts changes: every write is conditional on the version read, so concurrent writers never lose one. */
  version: number;
  createdAt: string;
  updatedAt: string;
  paidAt?: string | undefined;
  checkout?: Checkout | undefined;
  /** The provider's id for the money (needed to refund). */
  paymentReference?: string | undefined;
  /** Refunded, or being refunded, in cents: the ceiling for the next refund. */
  refunded: number;
}

export type PaymentHistoryKind = 'started' | 'declined' | 'processing' | 'paid' | 'failed' | 'expired' | 'refunded';

export interface PaymentHistoryEntry {
  at: string;
  kind: PaymentHistoryKind;
  /** For refunds: how much. */
  amount?: number | undefined;
}

export interface Refund {
  id: string;
  paymentId: string;
  amount: number;
  state: 'requested' | 'succeeded' | 'pending' | 'failed';
  /** The provider's refund id, once it accepted. */
  reference?: string | undefined;
  /** The staff member's subject. */
  requestedBy: string;
  reason?: string | undefined;
  requestedAt: string;
  updatedAt: string;
}

export type CreatePaymentResult =
  | { kind: 'created' }
  | { kind: 'replay'; paymentId: string; fingerprint: string }
  /** The submission or bill no longer points at the payment this request expected to replace. */
  | { kind: 'subject-changed' };

export interface EventChange {
  provider: string;
  eventId: string;
  /** Epoch seconds after which the record of having seen the event may expire. */
  eventExpiresAt: number;
  before: Payment;
  /** Undefined when the event changes nothing: it is only recorded as seen. */
  after?: Payment | undefined;
  entry?: PaymentHistoryEntry | undefined;
}

export type RecordEventResult =
  | { kind: 'recorded'; subjectUpdated: boolean }
  | { kind: 'duplicate' }
  /** The payment changed since it was read: read it again and decide again. */
  | { kind: 'stale' };

export interface PaymentStore {
  /**
   * One transaction: the new payment; its submission or bill now pointing at it (only while that still
   * points at `replaces`); the Idempotency-Key claim.
   */
  create(
    payment: Payment,
    options: { replaces: string | undefined; claim?: IdempotencyClaim | undefined },
  ): Promise<CreatePaymentResult>;
  /** Records the provider's checkout on the payment (the same checkout again is a no-op). */
  attachCheckout(payment: Payment, checkout: Checkout): Promise<void>;
  get(paymentId: string): Promise<Payment | undefined>;
  /** The payment with its history and refunds (one Query). */
  details(paymentId: string): Promise<{ payment: Payment; history: PaymentHistoryEntry[]; refunds: Refund[] } | undefined>;
  findByCheckoutReference(provider: string, reference: string): Promise<Payment | undefined>;
  /** Which payment a submission or bill points at now. */
  currentOf(subject: PaymentSubject): Promise<string | undefined>;
  /**
   * One transaction: the event marked as seen (refused if it was), and when it changes the payment, the
   * payment, a history entry and the summary on its submission or bill.
   */
  recordEvent(change: EventChange): Promise<RecordEventResult>;
  /** One transaction: the refund requested, its amount reserved on the payment, the Idempotency-Key claimed. */
  reserveRefund(
    before: Payment,
    after: Payment,
    refund: Refund,
    claim?: IdempotencyClaim,
  ): Promise<{ kind: 'reserved' } | { kind: 'replay'; refundId: string; fingerprint: string } | { kind: 'stale' }>;
  /** One transaction: the refund's outcome, the payment's state, a history entry and the subject's summary. */
  finishRefund(
    before: Payment,
    after: Payment,
    refund: Refund,
    entry?: PaymentHistoryEntry,
  ): Promise<{ kind: 'done' } | { kind: 'stale' }>;
  getRefund(paymentId: string, refundId: string): Promise<Refund | undefined>;
}

/** Something worth waking a person for (an infra alarm watches the metric of that name). */
/**
 * What the payment rules raise for a person to look at (CloudWatch metrics in namespace FrontDoor; infra
 * alarms on each at the first occurrence): a provider reporting another amount or currency than the catalog's,
 * and money taken by a checkout that a newer one had replaced (one of the two must be refunded).
 */
export const PAYMENT_ALARMS = {
  PaymentAmountMismatch:
    'The payment provider reported an amount or currency other than the catalog fee; nothing was credited. Check the provider dashboard and the webhook log.',
  PaymentAfterReplacement: 'Two checkouts for one application or bill both took money. Refund one of them (docs/payments.md).',
} as const;

export type Alarm = (name: keyof typeof PAYMENT_ALARMS, details: Record<string, unknown>) => void;

export class AmountMismatchError extends PortalError {
  override name = 'AmountMismatchError';
  override readonly statusCode = 422;
  override readonly code = 'amount_mismatch';
}

export class NotPayableError extends PortalError {
  override name = 'NotPayableError';
  override readonly statusCode = 409;
  override readonly code = 'not_payable';
}

/** The provider did not accept a refund; nothing was refunded. */
export class RefundRefusedError extends PortalError {
  override name = 'RefundRefusedError';
  override readonly statusCode = 409;
  override readonly code = 'refund_refused';
}

export const PAYMENT_EVENT_TTL_SECONDS = 30 * 24 * 60 * 60;
/** How long a checkout stays open. Stripe allows 30 minutes to 24 hours. */
export const CHECKOUT_LIFETIME_MS = 60 * 60 * 1000;
/** After its expiry time, how long a checkout whose "expired" event never came still counts as open. */
const CHECKOUT_GRACE_MS = 10 * 60 * 1000;
const MAX_ATTEMPTS = 8;

export function subjectKey(subject: PaymentSubject): string {
  return subject.kind === 'submission' ? `SUB#${subject.code}` : `BILL#${subject.reference}`;
}

export function summaryOf(payment: Payment): PaymentSummary {
  return {
    id: payment.id,
    state: payment.state,
    amount: payment.amount,
    currency: payment.currency,
    refunded: payment.refunded,
    updatedAt: payment.updatedAt,
  };
}

/** Payment ids are read aloud like confirmation codes (they are the receipt number), and as hard to guess. */
export function parsePaymentId(raw: string): string | undefined {
  const parsed = parseConfirmationCode(raw);
  return parsed.ok ? parsed.code : undefined;
}

/** What a payment for a submission needs to know of its service: the catalog's fee. */
export interface FeeService {
  title: Localized;
  agency: string;
  fee?: Fee | undefined;
}

/** The submission with that confirmation code, as something to pay: its service's fee, from the catalog. */
export async function findPayableSubmission(
  rawCode: string,
  locale: Locale,
  deps: { submissions: SubmissionStore; serviceOf: (formId: string) => Promise<FeeService | undefined>; strings: Strings },
): Promise<Payable> {
  const t = (key: string) => translate(deps.strings, key, locale);
  const parsed = parseConfirmationCode(rawCode);
  if (!parsed.ok) throw new BadRequestError(t(parsed.reason === 'check' ? 'status.codeMistyped' : 'status.codeShape'));
  const found = await deps.submissions.findByCode(parsed.code);
  if (!found) throw new NotFoundError(t('status.notFound'));
  const { submission } = found;
  const service = await deps.serviceOf(submission.formId);
  if (!service?.fee) throw new NotPayableError(t('payment.noFee'));
  const { fee } = service;
  return {
    subject: { kind: 'submission', code: submission.code },
    agency: submission.agency,
    amount: fee.amount,
    currency: fee.currency,
    description: { en: `${service.title.en}: ${fee.description.en}`, es: `${service.title.es}: ${fee.description.es}` },
    refundable: fee.refundable,
    current: submission.payment,
  };
}

export interface ReturnUrls {
  successUrl: string;
  cancelUrl: string;
}

export interface StartDeps {
  store: PaymentStore;
  provider: PaymentProvider;
  strings: Strings;
  /** Where the provider sends the person back, from the payment alone (so a retried checkout is identical). */
  returnUrls: (payment: Payment) => ReturnUrls;
  now?: () => Date;
  newId?: () => string;
}

export interface StartInput {
  locale: Locale;
  /** The portal's origin the person is using, e.g. https://portal.example.gov. */
  origin: string;
  idempotencyKey?: string | undefined;
}

export type StartResult =
  /** Send the person to the provider's page. */
  | { kind: 'checkout'; payment: Payment; url: string; created: boolean }
  /** Nothing to pay any more: show where the payment stands (paid, still processing, or closed). */
  | { kind: 'show'; payment: Payment };

function fingerprintOfSubject(subject: PaymentSubject): string {
  return createHash('sha256').update(subjectKey(subject)).digest('base64url');
}

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
  if (isSettled(payment.state) || payment.state === 'processing') return { kind: 'show', payment };
  if (isLive(payment.state) && !lapsed(payment, now))
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
  const fingerprint = fingerprintOfSubject(payable.subject);
  const claim: IdempotencyClaim | undefined = input.idempotencyKey
    ? { key: input.idempotencyKey, fingerprint, expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS }
    : undefined;
  let currentId = payable.current?.id;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = currentId ? await deps.store.get(currentId) : undefined;
    const reused = current && (await reuse(current, deps, now));
    if (reused) return reused;

    const at = now.toISOString();
    const payment: Payment = {
      id: (deps.newId ?? newConfirmationCode)(),
      subject: payable.subject,
      agency: payable.agency,
      amount: payable.amount,
      currency: payable.currency,
      description: payable.description,
      refundable: payable.refundable,
      locale: input.locale,
      returnOrigin: input.origin,
      provider: deps.provider.name,
      state: 'pending',
      version: 1,
      createdAt: at,
      updatedAt: at,
      refunded: 0,
    };
    const result = await deps.store.create(payment, { replaces: currentId, claim });
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
  }
  throw new Error(`Could not start a payment for ${subjectKey(payable.subject)} after ${MAX_ATTEMPTS} tries`);
}

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
  deps: { store: PaymentStore; provider: string; strings: Strings; alarm: Alarm; now?: () => Date },
): Promise<ApplyOutcome> {
  const now = (deps.now ?? (() => new Date()))();
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const payment = event.paymentId
      ? await deps.store.get(event.paymentId)
      : event.checkoutReference
        ? await deps.store.findByCheckoutReference(deps.provider, event.checkoutReference)
        : undefined;
    if (!payment) return 'unknown-payment';
    // The provider's checkout must be the one this payment opened; anything else is not ours to apply.
    if (event.checkoutReference && payment.checkout && payment.checkout.reference !== event.checkoutReference)
      return 'unknown-payment';
    if (event.kind === 'succeeded') {
      const sameCurrency = (event.currency ?? '').toUpperCase() === payment.currency.toUpperCase();
      if (event.amount !== payment.amount || !sameCurrency) {
        deps.alarm('PaymentAmountMismatch', {
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
    const result = await deps.store.recordEvent({
      provider: deps.provider,
      eventId: event.id,
      eventExpiresAt: Math.floor(now.getTime() / 1000) + PAYMENT_EVENT_TTL_SECONDS,
      before: payment,
      after,
      entry: kind && { at, kind },
    });
    if (result.kind === 'duplicate') return 'duplicate';
    if (result.kind === 'stale') continue;
    if (after?.state === 'paid' && !result.subjectUpdated)
      deps.alarm('PaymentAfterReplacement', { paymentId: payment.id, subject: subjectKey(payment.subject) });
    return after ? 'applied' : 'unchanged';
  }
  throw new Error(`Could not apply event ${event.id} after ${MAX_ATTEMPTS} tries`);
}

/**
 * When the person comes back from the provider before its notification arrived, ask the provider directly
 * (a provider without notifications, such as a hosted collection page, relies on this alone).
 */
export async function refreshFromProvider(
  payment: Payment,
  deps: { store: PaymentStore; provider: PaymentProvider; strings: Strings; alarm: Alarm; now?: () => Date },
): Promise<Payment> {
  if (!isLive(payment.state) || !payment.checkout || payment.provider !== deps.provider.name) return payment;
  const event = await deps.provider.checkoutStatus(payment.checkout.reference);
  if (!event) return payment;
  await applyProviderEvent({ ...event, paymentId: event.paymentId ?? payment.id }, { ...deps, provider: deps.provider.name });
  return (await deps.store.get(payment.id)) ?? payment;
}

export interface RefundInput {
  paymentId: string;
  /** In cents; the whole amount not yet refunded when absent. */
  amount?: number | undefined;
  reason?: string | undefined;
  caller: Caller;
  locale: Locale;
  idempotencyKey?: string | undefined;
}

/**
 * A refund by staff of the agency the payment went to: only where the fee is refundable, never more than
 * was paid (counting refunds already made or in flight). The amount is reserved before the provider is
 * asked, so two refunds at once can never exceed the payment; if the provider refuses, it is released.
 */
export async function refundPayment(
  input: RefundInput,
  deps: { store: PaymentStore; provider: PaymentProvider; strings: Strings; now?: () => Date; newId?: () => string },
): Promise<{ refund: Refund; payment: Payment; replayed: boolean }> {
  const t = (key: string, params?: Record<string, string | number>) => translate(deps.strings, key, input.locale, params);
  const clock = deps.now ?? (() => new Date());
  let payment = await deps.store.get(input.paymentId);
  if (!payment) throw new NotFoundError(t('payment.notFound'));
  if (input.caller.kind !== 'person' || !canActForAgency(input.caller, payment.agency))
    throw new ForbiddenError(t('refund.notYourAgency'));
  const requestedBy = input.caller.subject;
  if (!payment.refundable) throw new NotPayableError(t('refund.notRefundable'));
  if (payment.provider !== deps.provider.name) throw new NotPayableError(t('refund.otherProvider'));
  if (input.amount !== undefined && (!Number.isSafeInteger(input.amount) || input.amount <= 0))
    throw new BadRequestError(t('refund.amountShape'));
  const fingerprint = createHash('sha256')
    .update(`${payment.id}\u0000${input.amount ?? 'all'}`)
    .digest('base64url');
  const claim: IdempotencyClaim | undefined = input.idempotencyKey
    ? { key: input.idempotencyKey, fingerprint, expiresAt: Math.floor(clock().getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS }
    : undefined;

  let refund: Refund | undefined;
  let replayed = false;
  for (let attempt = 0; attempt < MAX_ATTEMPTS && !refund; attempt++) {
    if (attempt > 0) payment = (await deps.store.get(input.paymentId)) ?? payment;
    if (!isSettled(payment.state) || !payment.paymentReference) throw new NotPayableError(t('refund.notPaid'));
    const remaining = payment.amount - payment.refunded;
    const amount = input.amount ?? remaining;
    if (amount > remaining || amount <= 0)
      throw new NotPayableError(t('refund.tooMuch', { most: formatMoney(remaining, payment.currency, input.locale) }));
    const at = clock().toISOString();
    const requested: Refund = {
      id: (deps.newId ?? newConfirmationCode)(),
      paymentId: payment.id,
      amount,
      state: 'requested',
      requestedBy,
      ...(input.reason && { reason: input.reason }),
      requestedAt: at,
      updatedAt: at,
    };
    const reserved: Payment = { ...payment, refunded: payment.refunded + amount, version: payment.version + 1, updatedAt: at };
    const result = await deps.store.reserveRefund(payment, reserved, requested, claim);
    if (result.kind === 'reserved') {
      refund = requested;
      payment = reserved;
    } else if (result.kind === 'replay') {
      if (result.fingerprint !== fingerprint) throw new ConflictError(t('error.idempotencyReused'));
      const first = await deps.store.getRefund(input.paymentId, result.refundId);
      if (!first) throw new Error(`Idempotency claim names a refund that does not exist: ${result.refundId}`);
      // Finished already: answer as the first time. Still "requested": the first attempt stopped midway, finish it.
      if (first.state !== 'requested') return { refund: first, payment, replayed: true };
      refund = first;
      replayed = true;
    }
  }
  if (!refund) throw new Error(`Could not reserve a refund on ${input.paymentId} after ${MAX_ATTEMPTS} tries`);

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
  return finishRefund(refund, outcome, { ...deps, now: clock, t, replayed });
}

async function finishRefund(
  refund: Refund,
  outcome: RefundResult | undefined,
  deps: {
    store: PaymentStore;
    now: () => Date;
    t: (key: string, params?: Record<string, string | number>) => string;
    replayed: boolean;
  },
): Promise<{ refund: Refund; payment: Payment; replayed: boolean }> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
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
    const result = await deps.store.finishRefund(before, after, finished, entry);
    if (result.kind === 'stale') continue;
    if (!outcome) throw new RefundRefusedError(deps.t('refund.refused'));
    return { refund: finished, payment: after, replayed: deps.replayed };
  }
  throw new Error(`Could not record the outcome of refund ${refund.id} after ${MAX_ATTEMPTS} tries`);
}
