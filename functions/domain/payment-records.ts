/**
 * What the portal keeps about a payment, and the store port that keeps it (DynamoDB in
 * functions/adapters/dynamodb-payment-store.ts, an in-memory fake in unit tests).
 * - A submission or bill has at most one payment that may still take money; its summary sits on the
 *   submission or bill, so pages show it without another read.
 * - A payment's change and its submission's or bill's summary are written in one transaction by the store.
 */
import type { Locale, Localized } from '#catalog/schema';
import type { AuditEntry } from './audit.ts';
import type { IdempotencyClaim } from './idempotency.ts';
import type { Checkout } from './payment-provider.ts';
import type { PaymentState, PaymentSummary } from './payment-state.ts';
import type { TimelineEntry } from './timeline.ts';

export type PaymentSubject = { kind: 'submission'; code: string } | { kind: 'bill'; reference: string };

export interface Payment {
  id: string;
  subject: PaymentSubject;
  agency: string;
  amount: number;
  currency: string;
  description: Localized;
  refundable: boolean;
  locale: Locale;
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
  /** The signed-in person whose submission it pays for: its timeline entries go on their timeline too. */
  ownerSubject?: string | undefined;
  /** The service of the submission it pays for (its timeline entries count for it, decision 0126). */
  serviceId?: string | undefined;
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
  /** The timeline entries the change writes (paid), in the same transaction; none when the event changes nothing. */
  timeline?: TimelineEntry[] | undefined;
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
    options: {
      replaces: string | undefined;
      claim?: IdempotencyClaim | undefined;
      timeline?: readonly TimelineEntry[] | undefined;
    },
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
  /**
   * One transaction: the refund requested, its amount reserved on the payment, the Idempotency-Key claimed, and
   * the audit entry saying who asked for it from where (audit.ts): no refund is ever recorded without its entry.
   */
  reserveRefund(
    before: Payment,
    after: Payment,
    refund: Refund,
    claim: IdempotencyClaim | undefined,
    audit: AuditEntry,
  ): Promise<{ kind: 'reserved' } | { kind: 'replay'; refundId: string; fingerprint: string } | { kind: 'stale' }>;
  /** One transaction: the refund's outcome, the payment's state, a history entry and the subject's summary. */
  finishRefund(
    before: Payment,
    after: Payment,
    refund: Refund,
    entry?: PaymentHistoryEntry,
    timeline?: readonly TimelineEntry[],
  ): Promise<{ kind: 'done' } | { kind: 'stale' }>;
  getRefund(paymentId: string, refundId: string): Promise<Refund | undefined>;
}

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
