/** Applying what the provider says happened: once, in any order, and only for the amount asked for. */
import { describe, expect, it } from 'vitest';
import { AmountMismatchError, refreshFromProvider } from '#domain/payment-events';
import { subjectKey } from '#domain/payment-records';
import { strings } from '../../support/forms.ts';
import { NOW, payable, setup } from '../../support/payment-fakes.ts';

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
