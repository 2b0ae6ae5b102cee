/** Starting a payment: one live checkout per application or bill, however often and however many at once. */
import { describe, expect, it } from 'vitest';
import { startPayment } from '#domain/payment-checkout';
import { ConflictError } from '#shared/errors';
import { later, payable, setup } from '../../support/payment-fakes.ts';

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
