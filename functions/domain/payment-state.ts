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
  // A declined card leaves the checkout open: pending and declined are the same distance along.
  if (current === 'pending' && target === 'declined') return target;
  return RANK[target] > RANK[current] ? target : undefined;
}

/**
 * Where the money stands in each state. Every rule about which payment may still take money reads this one
 * table: the payment store (which payment a submission or bill follows), the bill store (when a bill may still
 * be changed), the status page (whether to offer "Pay") and starting a checkout (whether to reuse one).
 * - `may-take`: a checkout is open and nothing is paid yet (a declined card leaves it open);
 * - `in-flight`: the person paid and the provider is still moving the money (a bank debit);
 * - `taken`: the money arrived (whatever was refunded since);
 * - `none`: closed without money, for good.
 */
export const MONEY_IN_STATE: Readonly<Record<PaymentState, 'may-take' | 'in-flight' | 'taken' | 'none'>> = {
  pending: 'may-take',
  declined: 'may-take',
  processing: 'in-flight',
  failed: 'none',
  expired: 'none',
  paid: 'taken',
  'partially-refunded': 'taken',
  refunded: 'taken',
};

/** A payment that may still take money: a second checkout for the same thing could charge twice. */
export function mayStillTakeMoney(state: PaymentState): boolean {
  return MONEY_IN_STATE[state] === 'may-take' || MONEY_IN_STATE[state] === 'in-flight';
}

/** The money arrived (whatever was refunded since). */
export function isSettled(state: PaymentState): boolean {
  return MONEY_IN_STATE[state] === 'taken';
}

/**
 * The money arrived or is on its way: such a payment takes the place of one that holds none on its submission
 * or bill (someone paid an older checkout after starting a newer one), and is never replaced by a new checkout.
 */
export function holdsMoney(state: PaymentState): boolean {
  return MONEY_IN_STATE[state] === 'taken' || MONEY_IN_STATE[state] === 'in-flight';
}

/** Closed without money, for good: what it was for may be changed or paid afresh. */
export function endedUnpaid(state: PaymentState): boolean {
  return MONEY_IN_STATE[state] === 'none';
}

/**
 * Whether a person looking at a submission or bill should be offered "Pay": nothing started yet, an open
 * checkout (which paying again reuses), or one that ended unpaid.
 */
export function canStartPaying(current: PaymentState | undefined): boolean {
  return current === undefined || !holdsMoney(current);
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
