/** Starting a payment: one live checkout per application or bill, however often and however many at once. */
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '#domain/idempotency';
import { startPayment } from '#domain/payment-checkout';
import { subjectKey } from '#domain/payment-records';
import { ConflictError } from '#shared/errors';
import { later, NOW, payable, setup } from '../../support/payment-fakes.ts';

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
        { locale: 'en', idempotencyKey: 'same-key-1' },
        deps,
      ),
    ).rejects.toThrow(ConflictError);
  });
});

describe('how long a checkout stays open', () => {
  it('asks the provider for a checkout that closes an hour after the payment started', async () => {
    const { start, checkouts } = setup();
    await start();
    const [request] = [...checkouts.values()];
    expect(request?.expiresAt.toISOString()).toBe(new Date(NOW.getTime() + 60 * 60 * 1000).toISOString());
  });

  it('still reuses it ten minutes after it closed (its "expired" event may be late), and not a moment longer', async () => {
    const { start } = setup();
    const first = await start();
    const grace = 70 * 60 * 1000;
    expect((await start(undefined, () => new Date(NOW.getTime() + grace))).payment.id).toBe(first.payment.id);
    expect((await start(undefined, () => new Date(NOW.getTime() + grace + 1))).payment.id).not.toBe(first.payment.id);
  });

  it('counts from the start of the payment when the provider never opened its checkout', async () => {
    const s = setup({ failCheckouts: 1 });
    await expect(s.start()).rejects.toThrow('provider unreachable');
    const [stranded] = [...s.payments.values()];
    expect(stranded?.checkout).toBeUndefined();
    // Within the hour and its grace: the same payment, its checkout opened now.
    const again = await s.start(undefined, later(30));
    expect(again).toMatchObject({ kind: 'checkout', created: false, payment: { id: stranded?.id } });
    expect(s.calls.createCheckout).toBe(2);
    // Past them: a new payment.
    const s2 = setup({ failCheckouts: 1 });
    await expect(s2.start()).rejects.toThrow();
    const [old] = [...s2.payments.values()];
    expect((await s2.start(undefined, () => new Date(NOW.getTime() + 70 * 60 * 1000 + 1))).payment.id).not.toBe(old?.id);
  });
});

describe('the checkout itself', () => {
  it('is asked for once per payment, however often the person comes back', async () => {
    const { start, calls } = setup();
    await start();
    await start();
    await start('key-three-3');
    expect(calls.createCheckout).toBe(1);
  });

  it('describes the payment in its language, with the addresses to come back to', async () => {
    const { start, checkouts } = setup();
    const { payment } = await start();
    expect([...checkouts.values()][0]).toMatchObject({
      paymentId: payment.id,
      description: 'Birth certificate: one copy',
      locale: 'en',
      successUrl: `https://portal.example/p/${payment.id}`,
      cancelUrl: `https://portal.example/p/${payment.id}?x`,
    });
  });

  it('uses the ids it is given', async () => {
    const { start } = setup();
    expect((await start()).payment.id).toMatch(/^PAY\d{9}$/);
  });
});

describe('a repeated Idempotency-Key after the first checkout closed', () => {
  it('shows the first payment instead of opening another', async () => {
    const { start, event, checkouts } = setup();
    const first = await start('same-key-2');
    await event('evt_1', 'expired', first.payment.id);
    const repeat = await start('same-key-2');
    expect(repeat).toMatchObject({ kind: 'show', payment: { id: first.payment.id, state: 'expired' } });
    expect(checkouts.size).toBe(1);
  });

  it('sends the person to the first checkout while that one is still open', async () => {
    const s = setup();
    const first = await s.start('same-key-3');
    // The application now points elsewhere (say a support agent's correction), yet the key names the first payment.
    const elsewhere = { ...payable, current: undefined };
    const repeat = await startPayment(elsewhere, { locale: 'en', idempotencyKey: 'same-key-3' }, s.deps);
    expect(repeat).toMatchObject({ kind: 'checkout', created: false, payment: { id: first.payment.id } });
  });
});

describe('racing requests', () => {
  it('looks again when another request replaced the payment meanwhile, and gives up after 8 tries', async () => {
    const s = setup();
    s.store.create = async () => ({ kind: 'subject-changed' });
    let looked = 0;
    s.store.currentOf = async () => {
      looked++;
      return undefined;
    };
    await expect(s.start()).rejects.toThrow(`Could not start a payment for ${subjectKey(payable.subject)} after 8 tries`);
    expect(looked).toBe(8);
  });

  it('says so when a claimed key names a payment that does not exist', async () => {
    const s = setup();
    const fingerprint = fingerprintOf(subjectKey(payable.subject));
    s.store.create = async () => ({ kind: 'replay', paymentId: 'GONE-GONE-GONE', fingerprint });
    await expect(s.start('key-gone-1')).rejects.toThrow('Idempotency claim names a payment that does not exist: GONE-GONE-GONE');
    s.store.create = async () => ({ kind: 'replay', paymentId: 'GONE-GONE-GONE', fingerprint: 'another request' });
    await expect(s.start('key-gone-1')).rejects.toThrow(ConflictError);
  });
});
