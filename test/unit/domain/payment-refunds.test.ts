/** Refunds by staff of the agency paid: never more than was paid, once per Idempotency-Key. */
import { describe, expect, it } from 'vitest';
import type { Caller } from '#domain/authorization';
import { startPayment } from '#domain/payment-checkout';
import { NotPayableError, type Payable } from '#domain/payment-payables';
import { MAX_REFUND_REASON, parseRefundRequest, RefundRefusedError, refundPayment } from '#domain/payment-refunds';
import { BadRequestError, ForbiddenError, NotFoundError } from '#shared/errors';
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
