import { describe, expect, it } from 'vitest';
import {
  canStartPaying,
  endedUnpaid,
  holdsMoney,
  isSettled,
  mayStillTakeMoney,
  nextState,
  PAYMENT_EVENT_KINDS,
  PAYMENT_STATES,
  type PaymentEventKind,
  type PaymentState,
  stateAfterRefunds,
} from '#domain/payment-state';

function replay(events: PaymentEventKind[], from: PaymentState = 'pending'): PaymentState {
  return events.reduce<PaymentState>((state, event) => nextState(state, event) ?? state, from);
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

/** What really happens to a checkout, as sets of provider events, and the state each must end in. */
const STORIES: { story: string; events: PaymentEventKind[]; ends: PaymentState }[] = [
  { story: 'a card pays', events: ['succeeded'], ends: 'paid' },
  { story: 'a card is declined, the next one pays', events: ['attempt-failed', 'succeeded'], ends: 'paid' },
  { story: 'two cards are declined, the third pays', events: ['attempt-failed', 'attempt-failed', 'succeeded'], ends: 'paid' },
  { story: 'a delayed payment clears', events: ['processing', 'succeeded'], ends: 'paid' },
  { story: 'a delayed payment fails', events: ['processing', 'failed'], ends: 'failed' },
  {
    story: 'a declined card, then a delayed payment that clears',
    events: ['attempt-failed', 'processing', 'succeeded'],
    ends: 'paid',
  },
  {
    story: 'a declined card, then a delayed payment that fails',
    events: ['attempt-failed', 'processing', 'failed'],
    ends: 'failed',
  },
  { story: 'a declined card, then the page expires', events: ['attempt-failed', 'expired'], ends: 'expired' },
  { story: 'the page expires unused', events: ['expired'], ends: 'expired' },
  { story: 'a card pays and a late "failed" arrives', events: ['succeeded', 'failed'], ends: 'paid' },
];

describe('the payment state machine', () => {
  for (const { story, events, ends } of STORIES) {
    it(`ends "${ends}" in every order of events when ${story}`, () => {
      for (const order of permutations(events)) expect(replay(order), order.join(' → ')).toBe(ends);
    });

    it(`ends "${ends}" when every event of "${story}" arrives twice`, () => {
      for (const order of permutations(events)) expect(replay(order.flatMap((event) => [event, event]))).toBe(ends);
    });
  }

  it('never moves a paid payment back, whatever arrives', () => {
    for (const event of PAYMENT_EVENT_KINDS) expect(nextState('paid', event)).toBeUndefined();
  });

  it('lets nothing from the provider undo a refund', () => {
    for (const state of ['partially-refunded', 'refunded'] as const)
      for (const event of PAYMENT_EVENT_KINDS) expect(nextState(state, event)).toBeUndefined();
  });

  it('answers "no change" for a repeat of the event that made the state', () => {
    expect(nextState('declined', 'attempt-failed')).toBeUndefined();
    expect(nextState('processing', 'processing')).toBeUndefined();
    expect(nextState('failed', 'failed')).toBeUndefined();
  });

  it('keeps a final "failed" when the earlier "processing" arrives late', () => {
    expect(nextState('failed', 'processing')).toBeUndefined();
  });

  it('moves a declined checkout on when the person pays with another card', () => {
    expect(nextState('declined', 'succeeded')).toBe('paid');
    expect(nextState('declined', 'processing')).toBe('processing');
  });

  it('knows which states may still take money and which took it', () => {
    expect(PAYMENT_STATES.filter(mayStillTakeMoney)).toEqual(['pending', 'declined', 'processing']);
    expect(PAYMENT_STATES.filter(isSettled)).toEqual(['paid', 'partially-refunded', 'refunded']);
  });

  it('counts money on its way as held, so a newer checkout never replaces it', () => {
    expect(PAYMENT_STATES.filter(holdsMoney)).toEqual(['processing', 'paid', 'partially-refunded', 'refunded']);
  });

  it('lets only a payment that ended unpaid free its bill for changes', () => {
    expect(PAYMENT_STATES.filter(endedUnpaid)).toEqual(['failed', 'expired']);
  });

  it('offers "Pay" with nothing started, an open checkout, or one that ended unpaid', () => {
    expect(canStartPaying(undefined)).toBe(true);
    expect(PAYMENT_STATES.filter(canStartPaying)).toEqual(['pending', 'declined', 'failed', 'expired']);
  });

  it('says partly or fully refunded from the amounts', () => {
    expect(stateAfterRefunds(2500, 0)).toBe('paid');
    expect(stateAfterRefunds(2500, 1000)).toBe('partially-refunded');
    expect(stateAfterRefunds(2500, 2500)).toBe('refunded');
  });
});

describe('events that would move a payment sideways or back', () => {
  it('a declined attempt after the money moved, or after the checkout closed, changes nothing', () => {
    for (const from of ['processing', 'paid', 'partially-refunded', 'refunded', 'failed', 'expired'] as const)
      expect(nextState(from, 'attempt-failed'), from).toBeUndefined();
  });

  it('a checkout that failed does not become expired, nor the other way round', () => {
    expect(nextState('failed', 'expired')).toBeUndefined();
    expect(nextState('expired', 'failed')).toBeUndefined();
  });

  it('the same news twice changes nothing', () => {
    expect(nextState('declined', 'attempt-failed')).toBeUndefined();
    expect(nextState('processing', 'processing')).toBeUndefined();
    expect(nextState('paid', 'succeeded')).toBeUndefined();
  });
});
