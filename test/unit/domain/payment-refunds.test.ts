/** Refunds by staff of the agency paid: never more than was paid, once per Idempotency-Key. */
import { describe, expect, it } from 'vitest';
import { translate } from '#catalog/i18n';
import type { Caller } from '#domain/authorization';
import { fingerprintOf } from '#domain/idempotency';
import { startPayment } from '#domain/payment-checkout';
import { NotPayableError, type Payable } from '#domain/payment-payables';
import type { ProviderEvent } from '#domain/payment-provider';
import {
  MAX_REFUND_REASON,
  parseRefundRequest,
  type RefundInput,
  RefundRefusedError,
  refundPayment,
} from '#domain/payment-refunds';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '#shared/errors';
import { strings } from '../../support/forms.ts';
import { type fakeProvider, NOW, newId, payable, setup, staff } from '../../support/payment-fakes.ts';

describe('refunds', () => {
  async function paid(options: Parameters<typeof fakeProvider>[0] = {}, overrides: Partial<Payable> = {}) {
    const s = setup(options);
    const { payment } = await startPayment({ ...payable, ...overrides }, { locale: 'en' }, s.deps);
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

  it('writes an audit entry with the refund, in the same step: who, which case, how much, from where', async () => {
    const s = setup();
    const { payment } = await startPayment(payable, { locale: 'en' }, s.deps);
    await s.event(`evt_${payment.id}`, 'succeeded', payment.id, { paymentReference: 'pi_1' });
    const from = { address: '203.0.113.9', userAgent: 'Mozilla/5.0 refund' };
    const { refund } = await refundPayment(
      { paymentId: payment.id, amount: 700, caller: staff('vital-records'), locale: 'en', from },
      { store: s.store, provider: s.provider, strings, now: () => NOW, newId, retentionDays: 10 },
    );
    expect(s.audits).toEqual([
      {
        id: expect.any(String),
        at: NOW.toISOString(),
        actor: { subject: 'staff-1', name: 'staff-1', agency: 'vital-records' },
        action: 'payment.refund',
        record: 'ABCD-EFGH-JKMN',
        detail: { payment: payment.id, refund: refund.id, amount: '700', currency: 'USD' },
        from,
        expiresAt: Math.floor(NOW.getTime() / 1000) + 10 * 86_400,
      },
    ]);
  });

  it('writes no audit entry for a refund refused or answered again from its Idempotency-Key', async () => {
    const { refund, audits } = await paid();
    await expect(refund(100, staff('revenue'))).rejects.toThrow(ForbiddenError);
    await expect(refund(999_999)).rejects.toThrow(NotPayableError);
    expect(audits).toEqual([]);
    await refund(100, staff('vital-records'), 'refund-key-audit');
    await refund(100, staff('vital-records'), 'refund-key-audit');
    expect(audits).toHaveLength(1);
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

describe('a refund request as sent', () => {
  const parse = (raw: unknown) => parseRefundRequest(raw, 'en', strings);

  it('takes whole cents, as a number or as form text, and nothing for "all that is left"', () => {
    expect(parse({ amount: 1500 })).toEqual({ amount: 1500, reason: undefined });
    expect(parse({ amount: '1500' })).toEqual({ amount: 1500, reason: undefined });
    expect(parse({ amount: '' })).toEqual({ amount: undefined, reason: undefined });
    expect(parse({})).toEqual({ amount: undefined, reason: undefined });
    expect(parse({ amount: '999999999' }).amount).toBe(999_999_999);
  });

  it('refuses amounts that are not 1 to 9 digits (400)', () => {
    for (const amount of ['12.50', '-5', '1e3', '1000000000', ' 12', 'abc', 12.5, true])
      expect(() => parse({ amount }), String(amount)).toThrow(BadRequestError);
  });

  it('refuses a body that is not an object (400)', () => {
    for (const raw of [null, 'amount=5', 5, [1500]]) expect(() => parse(raw), JSON.stringify(raw)).toThrow(BadRequestError);
  });

  it('keeps the reason trimmed and cut to 500 characters, and drops a blank one', () => {
    expect(parse({ reason: '  Duplicate payment  ' }).reason).toBe('Duplicate payment');
    expect(parse({ reason: 'x'.repeat(MAX_REFUND_REASON + 20) }).reason).toHaveLength(500);
    expect(MAX_REFUND_REASON).toBe(500);
    expect(parse({ reason: '   ' }).reason).toBeUndefined();
    expect(parse({ reason: 42 }).reason).toBeUndefined();
  });
});

describe('refunds, in detail', () => {
  async function paid(
    options: Parameters<typeof fakeProvider>[0] = {},
    event: Partial<ProviderEvent> = { paymentReference: 'pi_1' },
  ) {
    const s = setup(options);
    const { payment } = await startPayment(payable, { locale: 'en' }, s.deps);
    await s.event(`evt_${payment.id}`, 'succeeded', payment.id, event);
    const refund = (input: Partial<RefundInput> = {}, deps: Partial<Parameters<typeof refundPayment>[1]> = {}) =>
      refundPayment(
        { paymentId: payment.id, caller: staff('vital-records'), locale: 'en', ...input },
        { store: s.store, provider: s.provider, strings, now: () => NOW, newId, ...deps },
      );
    return { ...s, payment: (await s.store.get(payment.id))!, refund };
  }

  it('records who asked, why, when, and the ids the provider gave, one version per change', async () => {
    const { refund, payment, storedRefunds } = await paid();
    const done = await refund({ amount: 500, reason: 'Paid twice' });
    expect(done).toMatchObject({
      replayed: false,
      refund: { amount: 500, state: 'succeeded', reference: 're_1', requestedBy: 'staff-1', reason: 'Paid twice' },
      payment: { refunded: 500, state: 'partially-refunded', version: payment.version + 2 },
    });
    expect(done.refund).toMatchObject({ requestedAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
    expect(done.refund.id).toMatch(/^PAY\d{9}$/);
    expect(storedRefunds.get(done.refund.id)).toEqual(done.refund);
  });

  it('keeps no reason when none was given', async () => {
    const { refund } = await paid();
    expect('reason' in (await refund({ amount: 500 })).refund).toBe(false);
  });

  it('asks the provider with a key of its own per refund, for the money of this payment', async () => {
    const { refund, payment, refunds } = await paid();
    const done = await refund({ amount: 700 });
    expect(refunds).toEqual([
      {
        paymentId: payment.id,
        paymentReference: 'pi_1',
        amount: 700,
        currency: 'USD',
        idempotencyKey: `refund-${done.refund.id}`,
      },
    ]);
  });

  it('uses the clock when none is given', async () => {
    const { refund } = await paid();
    const before = Date.now();
    const done = await refund({ amount: 100 }, { now: undefined });
    expect(Date.parse(done.refund.requestedAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(done.refund.requestedAt)).toBeLessThanOrEqual(Date.now());
  });

  it('refuses "all that is left" once nothing is left', async () => {
    const { refund } = await paid();
    await refund({});
    await expect(refund({})).rejects.toThrow(NotPayableError);
  });

  it('refuses a payment that took money but has no reference to refund it by, and one with a reference but no money', async () => {
    const noReference = await paid({}, {});
    await expect(noReference.refund({ amount: 100 })).rejects.toThrow(translate(strings, 'refund.notPaid', 'en'));
    const s = setup();
    const { payment } = await startPayment(payable, { locale: 'en' }, s.deps);
    await s.event('evt_1', 'attempt-failed', payment.id, { paymentReference: 'pi_9' });
    await expect(
      refundPayment(
        { paymentId: payment.id, caller: staff('vital-records'), locale: 'en' },
        { store: s.store, provider: s.provider, strings },
      ),
    ).rejects.toThrow(NotPayableError);
  });

  it('refuses a payment another provider took', async () => {
    const { refund, provider } = await paid();
    await expect(refund({ amount: 100 }, { provider: { ...provider, name: 'other' } })).rejects.toThrow(NotPayableError);
  });

  it('refuses the same Idempotency-Key for another amount (409), refunding nothing more', async () => {
    const { refund, calls } = await paid();
    await refund({ amount: 500, idempotencyKey: 'refund-key-2' });
    await expect(refund({ amount: 600, idempotencyKey: 'refund-key-2' })).rejects.toThrow(ConflictError);
    await expect(refund({ idempotencyKey: 'refund-key-2' })).rejects.toThrow(ConflictError);
    expect(calls.refund).toBe(1);
  });

  it('claims the key with a fingerprint of the payment and the amount ("all" when none)', async () => {
    const { refund, claims, payment } = await paid();
    await refund({ idempotencyKey: 'refund-key-3' });
    expect(claims.get(`REFUND#${payment.id}#refund-key-3`)?.fingerprint).toBe(fingerprintOf(payment.id, 'all'));
  });

  it('decides again on the amount when another refund got in first', async () => {
    const s = await paid();
    const reserve = s.store.reserveRefund;
    let raced = false;
    s.store.reserveRefund = async (before, after, refund, claim, audit) => {
      if (!raced) {
        raced = true;
        // A colleague's refund of $20.00 lands between the read and the write.
        const other = { ...before, refunded: 2000, version: before.version + 1 };
        s.payments.set(before.id, { ...other, checkout: s.payments.get(before.id)?.checkout });
        return { kind: 'stale' };
      }
      return reserve(before, after, refund, claim, audit);
    };
    await expect(s.refund({ amount: 1000 })).rejects.toThrow('You can refund at most $5.00.');
  });

  it('gives up after 8 lost races, saying on which payment', async () => {
    const s = await paid();
    s.store.reserveRefund = async () => ({ kind: 'stale' });
    await expect(s.refund({ amount: 100 })).rejects.toThrow(`Could not reserve a refund on ${s.payment.id} after 8 tries`);
  });

  it('says so when a claimed key names a refund that does not exist', async () => {
    const s = await paid();
    s.store.reserveRefund = async () => ({ kind: 'replay', refundId: 'GONE', fingerprint: fingerprintOf(s.payment.id, '100') });
    await expect(s.refund({ amount: 100, idempotencyKey: 'refund-key-4' })).rejects.toThrow(
      'Idempotency claim names a refund that does not exist: GONE',
    );
  });

  it('keeps a refund whose outcome is unknown as requested, and finishes it when the same key comes again', async () => {
    const s = await paid({ crashRefunds: 1 });
    await expect(s.refund({ amount: 800, idempotencyKey: 'refund-key-5' })).rejects.toThrow('provider timed out');
    const [pending] = [...s.storedRefunds.values()];
    expect(pending).toMatchObject({ state: 'requested', amount: 800 });
    expect(await s.store.get(s.payment.id)).toMatchObject({ refunded: 800 });
    const again = await s.refund({ amount: 800, idempotencyKey: 'refund-key-5' });
    expect(again).toMatchObject({ replayed: true, refund: { id: pending?.id, state: 'succeeded' }, payment: { refunded: 800 } });
    expect(s.calls.refund).toBe(2);
  });

  it('marks a refused refund failed and answers in plain words', async () => {
    const s = await paid({ refuseRefunds: true });
    const error = await s.refund({ amount: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefundRefusedError);
    expect(error).toMatchObject({ name: 'RefundRefusedError', code: 'refund_refused', statusCode: 409 });
    expect([...s.storedRefunds.values()]).toMatchObject([{ state: 'failed', amount: 300 }]);
    expect(s.history.get(s.payment.id)?.map((h) => h.kind)).toEqual(['paid']);
  });

  it('records the outcome again after a lost race, and gives up after 8', async () => {
    const s = await paid();
    const finish = s.store.finishRefund;
    let raced = false;
    s.store.finishRefund = async (...args) => {
      if (!raced) {
        raced = true;
        return { kind: 'stale' };
      }
      return finish(...args);
    };
    expect((await s.refund({ amount: 100 })).payment).toMatchObject({ refunded: 100 });
    s.store.finishRefund = async () => ({ kind: 'stale' });
    await expect(s.refund({ amount: 100 })).rejects.toThrow(/Could not record the outcome of refund PAY\d+ after 8 tries/);
  });

  it('says so when the payment vanished while being refunded', async () => {
    const s = await paid();
    const get = s.store.get;
    let reads = 0;
    s.store.get = async (id) => (++reads > 1 ? undefined : get(id));
    await expect(s.refund({ amount: 100 })).rejects.toThrow(`Payment ${s.payment.id} vanished during a refund`);
  });
});
