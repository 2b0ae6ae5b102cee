/**
 * The payment rules with an in-memory store and a fake provider (the real ones are tested against DynamoDB
 * Local and the sandbox in test/integration/payments.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Caller } from '#domain/authorization';
import { newConfirmationCode } from '#domain/confirmation-code';
import type { CheckoutRequest, PaymentProvider, ProviderEvent, RefundRequest } from '#domain/payment-provider';
import { ProviderRefusedError } from '#domain/payment-provider';
import type { PaymentSummary } from '#domain/payment-state';
import {
  AmountMismatchError,
  applyProviderEvent,
  findPayableSubmission,
  NotPayableError,
  type Payable,
  type Payment,
  type PaymentHistoryEntry,
  type PaymentStore,
  type Refund,
  RefundRefusedError,
  refreshFromProvider,
  refundPayment,
  startPayment,
  subjectKey,
  summaryOf,
} from '#domain/payments';
import type { Submission, SubmissionStore } from '#domain/submissions';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '#shared/errors';
import { strings } from '../../support/forms.ts';

/** PaymentStore in memory, with the same conditions the DynamoDB store puts on its transactions. */
function inMemoryStore(subjects: string[]) {
  const payments = new Map<string, Payment>();
  const pointers = new Map<string, PaymentSummary | undefined>(subjects.map((key) => [key, undefined]));
  const seen = new Set<string>();
  const claims = new Map<string, { id: string; fingerprint: string }>();
  const history = new Map<string, PaymentHistoryEntry[]>();
  const refunds = new Map<string, Refund>();
  const copy = <T>(value: T): T => structuredClone(value);
  const takesPlace = (p: Payment) => ['paid', 'partially-refunded', 'refunded', 'processing'].includes(p.state);
  const moveSubject = (after: Payment): boolean => {
    const key = subjectKey(after.subject);
    const current = pointers.get(key);
    const free = !current || ['pending', 'declined', 'failed', 'expired'].includes(current.state);
    if (current?.id === after.id || (takesPlace(after) && free)) {
      pointers.set(key, summaryOf(after));
      return true;
    }
    return false;
  };
  const store: PaymentStore = {
    async create(payment, { replaces, claim }) {
      const claimed = claim && claims.get(`PAY#${claim.key}`);
      if (claimed) return { kind: 'replay', paymentId: claimed.id, fingerprint: claimed.fingerprint };
      const key = subjectKey(payment.subject);
      if (!pointers.has(key) || (pointers.get(key)?.id ?? undefined) !== replaces) return { kind: 'subject-changed' };
      payments.set(payment.id, copy(payment));
      pointers.set(key, summaryOf(payment));
      if (claim) claims.set(`PAY#${claim.key}`, { id: payment.id, fingerprint: claim.fingerprint });
      return { kind: 'created' };
    },
    async attachCheckout(payment, checkout) {
      const stored = payments.get(payment.id)!;
      if (stored.checkout && stored.checkout.reference !== checkout.reference) throw new Error('another checkout');
      stored.checkout = checkout;
    },
    get: async (id) => copy(payments.get(id)),
    async details(id) {
      const payment = payments.get(id);
      return (
        payment && {
          payment: copy(payment),
          history: history.get(id) ?? [],
          refunds: [...refunds.values()].filter((r) => r.paymentId === id),
        }
      );
    },
    findByCheckoutReference: async (_provider, reference) =>
      copy([...payments.values()].find((p) => p.checkout?.reference === reference)),
    currentOf: async (subject) => pointers.get(subjectKey(subject))?.id,
    async recordEvent({ eventId, before, after, entry }) {
      if (seen.has(eventId)) return { kind: 'duplicate' };
      if (after && payments.get(before.id)?.version !== before.version) return { kind: 'stale' };
      seen.add(eventId);
      if (!after) return { kind: 'recorded', subjectUpdated: false };
      payments.set(after.id, { ...copy(after), checkout: payments.get(after.id)?.checkout });
      if (entry) history.set(after.id, [...(history.get(after.id) ?? []), entry]);
      return { kind: 'recorded', subjectUpdated: moveSubject(after) };
    },
    async reserveRefund(before, after, refund, claim) {
      const claimed = claim && claims.get(`REFUND#${before.id}#${claim.key}`);
      if (claimed) return { kind: 'replay', refundId: claimed.id, fingerprint: claimed.fingerprint };
      if (payments.get(before.id)?.version !== before.version) return { kind: 'stale' };
      payments.set(after.id, { ...copy(after), checkout: payments.get(after.id)?.checkout });
      refunds.set(refund.id, copy(refund));
      if (claim) claims.set(`REFUND#${before.id}#${claim.key}`, { id: refund.id, fingerprint: claim.fingerprint });
      return { kind: 'reserved' };
    },
    async finishRefund(before, after, refund, entry) {
      if (refunds.get(refund.id)?.state !== 'requested') return { kind: 'done' };
      if (payments.get(before.id)?.version !== before.version) return { kind: 'stale' };
      payments.set(after.id, { ...copy(after), checkout: payments.get(after.id)?.checkout });
      refunds.set(refund.id, copy(refund));
      if (entry) history.set(after.id, [...(history.get(after.id) ?? []), entry]);
      moveSubject(after);
      return { kind: 'done' };
    },
    getRefund: async (_paymentId, refundId) => copy(refunds.get(refundId)),
  };
  return { store, payments, pointers, seen, history, refunds };
}

/** A provider that records what it was asked; one checkout per idempotency key, like Stripe. */
function fakeProvider(options: { refuseRefunds?: boolean; status?: (reference: string) => ProviderEvent | undefined } = {}) {
  const checkouts = new Map<string, CheckoutRequest & { reference: string }>();
  const refunds: RefundRequest[] = [];
  const provider: PaymentProvider = {
    name: 'fake',
    async createCheckout(request) {
      const existing = checkouts.get(request.idempotencyKey);
      const reference = existing?.reference ?? `cs_${checkouts.size + 1}`;
      checkouts.set(request.idempotencyKey, { ...request, reference });
      return { reference, url: `https://pay.example/${reference}`, expiresAt: request.expiresAt.toISOString() };
    },
    verifyWebhook: async () => {
      throw new Error('not used');
    },
    checkoutStatus: async (reference) => options.status?.(reference),
    async refund(request) {
      if (options.refuseRefunds) throw new ProviderRefusedError('no');
      refunds.push(request);
      return { reference: `re_${refunds.length}`, state: 'succeeded' };
    },
  };
  return { provider, checkouts, refunds };
}

const NOW = new Date('2026-11-22T15:00:00.000Z');
const later = (minutes: number) => () => new Date(NOW.getTime() + minutes * 60_000);
let ids = 0;
const newId = () => `PAY${String(++ids).padStart(9, '0')}`;

const payable: Payable = {
  subject: { kind: 'submission', code: 'ABCD-EFGH-JKMN' },
  agency: 'vital-records',
  amount: 2500,
  currency: 'USD',
  description: { en: 'Birth certificate: one copy', es: 'Acta de nacimiento: una copia' },
  refundable: true,
};

function setup(options: Parameters<typeof fakeProvider>[0] = {}) {
  const memory = inMemoryStore([subjectKey(payable.subject)]);
  const fake = fakeProvider(options);
  const deps = {
    store: memory.store,
    provider: fake.provider,
    strings,
    now: () => NOW,
    newId,
    returnUrls: (p: Payment) => ({
      successUrl: `https://portal.example/p/${p.id}`,
      cancelUrl: `https://portal.example/p/${p.id}?x`,
    }),
  };
  const alarms: string[] = [];
  const alarm = (name: string) => {
    alarms.push(name);
  };
  const start = async (key?: string, at = deps.now) =>
    startPayment(
      { ...payable, current: memory.pointers.get(subjectKey(payable.subject)) },
      { locale: 'en', origin: 'https://portal.example', idempotencyKey: key },
      { ...deps, now: at },
    );
  const event = (id: string, kind: ProviderEvent['kind'], paymentId: string, extra: Partial<ProviderEvent> = {}) =>
    applyProviderEvent(
      {
        id,
        kind,
        paymentId,
        occurredAt: NOW.toISOString(),
        ...(kind === 'succeeded' && { amount: 2500, currency: 'USD' }),
        ...extra,
      },
      { store: memory.store, provider: 'fake', strings, alarm, now: () => NOW },
    );
  return { ...memory, ...fake, deps, alarms, start, event };
}

const staff = (agency: string): Caller => ({ kind: 'person', subject: 'staff-1', groups: [`staff:${agency}`] });

describe('starting a payment', () => {
  it('opens a checkout for the amount of the fee, with a key tied to the payment', async () => {
    const { start, checkouts } = setup();
    const result = await start();
    expect(result).toMatchObject({
      kind: 'checkout',
      created: true,
      payment: { amount: 2500, currency: 'USD', state: 'pending' },
    });
    const [request] = [...checkouts.values()];
    expect(request).toMatchObject({ amount: 2500, currency: 'USD', idempotencyKey: `checkout-${result.payment.id}` });
  });

  it('sends the person back to the same checkout while it is open, with or without a key', async () => {
    const { start, checkouts } = setup();
    const first = await start('key-one-1');
    const second = await start('key-two-2');
    const third = await start();
    expect([second, third].map((r) => r.kind === 'checkout' && r.url)).toEqual([
      first.kind === 'checkout' && first.url,
      first.kind === 'checkout' && first.url,
    ]);
    expect(checkouts.size).toBe(1);
  });

  it('opens the same checkout again when the declined card was the last thing that happened', async () => {
    const { start, event } = setup();
    const first = await start();
    await event('evt_1', 'attempt-failed', first.payment.id);
    const again = await start();
    expect(again).toMatchObject({ kind: 'checkout', created: false, payment: { id: first.payment.id, state: 'declined' } });
  });

  it('shows a paid or processing payment instead of opening another checkout', async () => {
    const { start, event } = setup();
    const first = await start();
    await event('evt_1', 'processing', first.payment.id);
    expect(await start()).toMatchObject({ kind: 'show', payment: { state: 'processing' } });
    await event('evt_2', 'succeeded', first.payment.id);
    expect(await start()).toMatchObject({ kind: 'show', payment: { state: 'paid' } });
  });

  it('starts a new payment once the old checkout failed or expired for good', async () => {
    const { start, event, checkouts } = setup();
    const first = await start();
    await event('evt_1', 'expired', first.payment.id);
    const second = await start();
    expect(second).toMatchObject({ kind: 'checkout', created: true });
    expect(second.payment.id).not.toBe(first.payment.id);
    expect(checkouts.size).toBe(2);
  });

  it('starts a new payment when the open checkout lapsed and its "expired" event never came', async () => {
    const { start } = setup();
    const first = await start();
    const second = await start(undefined, later(90));
    expect(second.payment.id).not.toBe(first.payment.id);
  });

  it('answers a repeated key with the first payment, and refuses the key for another application (409)', async () => {
    const { start, deps } = setup();
    const first = await start('same-key-1');
    expect((await start('same-key-1')).payment.id).toBe(first.payment.id);
    await expect(
      startPayment(
        { ...payable, subject: { kind: 'submission', code: 'ZZZZ-ZZZZ-ZZZZ' } },
        { locale: 'en', origin: 'https://portal.example', idempotencyKey: 'same-key-1' },
        deps,
      ),
    ).rejects.toThrow(ConflictError);
  });
});

describe('applying what the provider says', () => {
  it('credits once, whatever the number of deliveries', async () => {
    const { start, event, history } = setup();
    const { payment } = await start();
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await event('evt_paid', 'succeeded', payment.id));
    expect(outcomes).toEqual(['applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(history.get(payment.id)?.filter((h) => h.kind === 'paid')).toHaveLength(1);
  });

  it('refuses and alarms on an amount or currency other than the one asked for, recording nothing', async () => {
    const { start, event, alarms, seen, payments } = setup();
    const { payment } = await start();
    await expect(event('evt_1', 'succeeded', payment.id, { amount: 100 })).rejects.toThrow(AmountMismatchError);
    await expect(event('evt_2', 'succeeded', payment.id, { currency: 'EUR' })).rejects.toThrow(AmountMismatchError);
    expect(alarms).toEqual(['PaymentAmountMismatch', 'PaymentAmountMismatch']);
    expect(seen.size).toBe(0);
    expect(payments.get(payment.id)?.state).toBe('pending');
  });

  it('ignores events about a checkout this payment did not open', async () => {
    const { start, event } = setup();
    const { payment } = await start();
    expect(await event('evt_1', 'succeeded', payment.id, { checkoutReference: 'cs_someone_else' })).toBe('unknown-payment');
    expect(await event('evt_2', 'succeeded', 'NOPE-NOPE-NOPE')).toBe('unknown-payment');
  });

  it('finds the payment by the checkout reference when the event does not name it', async () => {
    const { start, event } = setup();
    const { payment } = await start();
    expect(
      await event('evt_1', 'succeeded', '', { paymentId: undefined, checkoutReference: payment.checkout?.reference ?? 'cs_1' }),
    ).toBe('applied');
  });

  it('moves the application to a payment that took money after a newer checkout was opened, and alarms if both did', async () => {
    const { start, event, pointers, alarms } = setup();
    const old = await start();
    await event('evt_1', 'expired', old.payment.id);
    const newer = await start();
    // The old checkout's money arrives after all (a provider's late success): it wins over the open one.
    await event('evt_2', 'succeeded', old.payment.id);
    expect(pointers.get(subjectKey(payable.subject))?.id).toBe(old.payment.id);
    await event('evt_3', 'succeeded', newer.payment.id);
    expect(alarms).toEqual(['PaymentAfterReplacement']);
  });

  it('asks a provider without notifications where the checkout stands (a hosted collection page)', async () => {
    const s = setup({
      status: (reference) => ({
        id: `status:${reference}`,
        kind: 'succeeded',
        amount: 2500,
        currency: 'USD',
        occurredAt: NOW.toISOString(),
      }),
    });
    const { payment } = await s.start();
    const fresh = await refreshFromProvider((await s.store.get(payment.id))!, {
      store: s.store,
      provider: s.provider,
      strings,
      alarm: () => undefined,
      now: () => NOW,
    });
    expect(fresh.state).toBe('paid');
  });
});

describe('refunds', () => {
  async function paid(options: Parameters<typeof fakeProvider>[0] = {}, overrides: Partial<Payable> = {}) {
    const s = setup(options);
    const { payment } = await startPayment(
      { ...payable, ...overrides },
      { locale: 'en', origin: 'https://portal.example' },
      s.deps,
    );
    await s.event(`evt_${payment.id}`, 'succeeded', payment.id, { paymentReference: 'pi_1' });
    const refund = (amount: number | undefined, caller: Caller = staff('vital-records'), key?: string) =>
      refundPayment(
        { paymentId: payment.id, amount, caller, locale: 'en', idempotencyKey: key },
        { store: s.store, provider: s.provider, strings, now: () => NOW, newId },
      );
    return { ...s, payment, refund };
  }

  it('refunds part, then the rest, and never more than was paid', async () => {
    const { refund, refunds, history, payment } = await paid();
    expect((await refund(1000)).payment).toMatchObject({ state: 'partially-refunded', refunded: 1000 });
    await expect(refund(2000)).rejects.toThrow('You can refund at most $15.00.');
    expect((await refund(undefined)).payment).toMatchObject({ state: 'refunded', refunded: 2500 });
    await expect(refund(1)).rejects.toThrow(NotPayableError);
    expect(refunds.map((r) => r.amount)).toEqual([1000, 1500]);
    expect(history.get(payment.id)?.map((h) => [h.kind, h.amount])).toEqual([
      ['paid', undefined],
      ['refunded', 1000],
      ['refunded', 1500],
    ]);
  });

  it('lets only staff of the agency that was paid refund', async () => {
    const { refund } = await paid();
    await expect(refund(100, staff('revenue'))).rejects.toThrow(ForbiddenError);
    await expect(refund(100, { kind: 'person', subject: 'ana', groups: ['citizen'] })).rejects.toThrow(ForbiddenError);
    await expect(refund(100, { kind: 'machine', clientId: 'c', scopes: ['frontdoor/bills'] })).rejects.toThrow(ForbiddenError);
  });

  it('refuses a fee that is not refundable, and a payment not made', async () => {
    const { refund } = await paid({}, { refundable: false });
    await expect(refund(100)).rejects.toThrow('This fee cannot be refunded.');
    const s = setup();
    const { payment } = await s.start();
    await expect(
      refundPayment(
        { paymentId: payment.id, caller: staff('vital-records'), locale: 'en' },
        { store: s.store, provider: s.provider, strings },
      ),
    ).rejects.toThrow(NotPayableError);
  });

  it('refuses amounts that are not whole cents above zero', async () => {
    const { refund } = await paid();
    for (const amount of [0, -5, 1.5]) await expect(refund(amount)).rejects.toThrow(BadRequestError);
  });

  it('releases the amount when the provider refuses, so nothing is counted as refunded', async () => {
    const { refund, store, payment } = await paid({ refuseRefunds: true });
    await expect(refund(1000)).rejects.toThrow(RefundRefusedError);
    expect(await store.get(payment.id)).toMatchObject({ state: 'paid', refunded: 0 });
  });

  it('answers a repeated Idempotency-Key with the first refund, refunding once', async () => {
    const { refund, refunds } = await paid();
    const first = await refund(500, staff('vital-records'), 'refund-key-1');
    const again = await refund(500, staff('vital-records'), 'refund-key-1');
    expect(again).toMatchObject({ replayed: true, refund: { id: first.refund.id } });
    expect(refunds).toHaveLength(1);
  });

  it('says which payment is missing (404)', async () => {
    const s = setup();
    await expect(
      refundPayment(
        { paymentId: 'NONE-NONE-NONE', caller: staff('vital-records'), locale: 'es' },
        { store: s.store, provider: s.provider, strings },
      ),
    ).rejects.toThrow(NotFoundError);
  });
});

describe('paying for an application', () => {
  const code = newConfirmationCode(() => 7);
  const mistyped = `${code.slice(0, -1)}${code.endsWith('2') ? '3' : '2'}`;
  const submission = { code, formId: 'f', agency: 'vital-records' } as Submission;
  const submissions = (found?: Submission) =>
    ({ findByCode: async () => found && { submission: found, history: [] } }) as unknown as SubmissionStore;
  const service = { title: { en: 'Birth certificate', es: 'Acta' }, agency: 'vital-records' };
  const fee = { amount: 2500, currency: 'USD' as const, description: { en: 'One copy', es: 'Una copia' }, refundable: false };

  it("takes the amount from the service's fee in the catalog", async () => {
    const found = await findPayableSubmission(code.toLowerCase().replaceAll('-', ' '), 'en', {
      submissions: submissions(submission),
      serviceOf: async () => ({ ...service, fee }),
      strings,
    });
    expect(found).toMatchObject({
      amount: 2500,
      currency: 'USD',
      refundable: false,
      description: { en: 'Birth certificate: One copy' },
    });
  });

  it('refuses a service with no fee (409), a mistyped code (400) and an unknown one (404)', async () => {
    const deps = { submissions: submissions(submission), serviceOf: async () => service, strings };
    await expect(findPayableSubmission(code, 'en', deps)).rejects.toThrow(NotPayableError);
    await expect(findPayableSubmission(mistyped, 'en', deps)).rejects.toThrow(BadRequestError);
    await expect(findPayableSubmission(code, 'en', { ...deps, submissions: submissions(undefined) })).rejects.toThrow(
      NotFoundError,
    );
  });
});
