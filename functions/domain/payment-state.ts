/**
 * The payment state machine. Providers deliver events late, twice and out of order; the state only ever
 * moves forward, so any order of the same events ends in the same state (test/unit/domain/payment-state.test.ts
 * checks every ordering). Money received is final: only a refund moves a paid payment on.
 *
 *   pending ──► declined ─┐            (a card was refused; the same checkout stays open for another try)
 *      │                  ▼
 *      └──────────► processing ──► failed | expired    (not paid, for good: a new checkout is needed)
 *                         │
 *                         └──────► paid ──► partially-refunded ──► refunded
 * Any state before paid goes straight to paid when the provider says the money arrived.
 */

export const PAYMENT_STATES = [
  'pending',
  'declined',
  'processing',
  'failed',
  'expired',
  'paid',
  'partially-refunded',
  'refunded',
] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

/** What a provider can tell us about a checkout, in the provider's neutral terms. */
export const PAYMENT_EVENT_KINDS = ['attempt-failed', 'processing', 'succeeded', 'failed', 'expired'] as const;
export type PaymentEventKind = (typeof PAYMENT_EVENT_KINDS)[number];

const TARGET: Record<PaymentEventKind, PaymentState> = {
  'attempt-failed': 'declined',
  processing: 'processing',
  succeeded: 'paid',
  failed: 'failed',
  expired: 'expired',
};

/** How far along a state is. An event only ever moves a payment to a state further along. */
const RANK: Record<PaymentState, number> = {
  pending: 0,
  declined: 0,
  processing: 1,
  failed: 2,
  expired: 2,
  paid: 3,
  'partially-refunded': 4,
  refunded: 5,
};

/** The state after a provider event, or undefined when the event changes nothing (late, repeated or stale). */
export function nextState(current: PaymentState, event: PaymentEventKind): PaymentState | undefined {
  const target = TARGET[event];
  if (target === current) return undefined;
  // A declined card leaves the checkout open: pending and declined are the same distance along.
  if (current === 'pending' && target === 'declined') return target;
  return RANK[target] > RANK[current] ? target : undefined;
}

/** A checkout that may still take money: a second checkout for the same thing could charge twice. */
export function isLive(state: PaymentState): boolean {
  return state === 'pending' || state === 'declined' || state === 'processing';
}

/** The money arrived (whatever was refunded since). */
export function isSettled(state: PaymentState): boolean {
  return RANK[state] >= RANK.paid;
}

/**
 * Where the payment for a submission or a bill stands, kept on the submission or bill itself so the status
 * page and "My account" show it without another read.
 */
export interface PaymentSummary {
  /** The payment (also its receipt number). */
  id: string;
  state: PaymentState;
  /** In cents. */
  amount: number;
  currency: string;
  /** In cents; 0 until a refund. */
  refunded: number;
  updatedAt: string;
}

/** After refunds totalling `refunded` of a payment of `amount`. */
export function stateAfterRefunds(amount: number, refunded: number): PaymentState {
  if (refunded <= 0) return 'paid';
  return refunded >= amount ? 'refunded' : 'partially-refunded';
}
