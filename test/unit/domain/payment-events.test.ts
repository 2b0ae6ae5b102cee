/** Applying what the provider says happened: once, in any order, and only for the amount asked for. */
import { describe, expect, it } from 'vitest';
import { startPayment } from '#domain/payment-checkout';
import { AmountMismatchError, applyProviderEvent, refreshFromProvider } from '#domain/payment-events';
import { ProviderRefusedError, WebhookSignatureError } from '#domain/payment-provider';
import { type Payment, subjectKey } from '#domain/payment-records';
import { strings } from '../../support/forms.ts';
import { later, NOW, payable, setup } from '../../support/payment-fakes.ts';

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
      alarm: async () => undefined,
      now: () => NOW,
    });
    expect(fresh.state).toBe('paid');
  });
});

describe('what applying an event writes', () => {
  it("keeps the provider's time of payment and its reference for the money, one version on", async () => {
    const { start, event, payments } = setup();
    const { payment } = await start();
    await event('evt_paid', 'succeeded', payment.id, { occurredAt: '2026-11-22T14:59:30.000Z', paymentReference: 'pi_42' });
    expect(payments.get(payment.id)).toMatchObject({
      state: 'paid',
      paidAt: '2026-11-22T14:59:30.000Z',
      paymentReference: 'pi_42',
      version: payment.version + 1,
      updatedAt: NOW.toISOString(),
    });
  });

  it('sets no paid date on a payment that is not paid, and keeps a reference it already had', async () => {
    const { start, event, payments } = setup();
    const { payment } = await start();
    await event('evt_1', 'attempt-failed', payment.id, { paymentReference: 'pi_7', occurredAt: '2026-11-22T14:00:00.000Z' });
    await event('evt_2', 'processing', payment.id);
    expect(payments.get(payment.id)).toMatchObject({ state: 'processing', paymentReference: 'pi_7' });
    expect(payments.get(payment.id)?.paidAt).toBeUndefined();
  });

  it("adds each step to the payment's history, at the time it was applied", async () => {
    const steps = [
      ['attempt-failed', 'declined'],
      ['processing', 'processing'],
      ['failed', 'failed'],
    ] as const;
    const { start, event, history } = setup();
    const { payment } = await start();
    for (const [index, [kind]] of steps.entries()) await event(`evt_${index}`, kind, payment.id);
    expect(history.get(payment.id)).toEqual(steps.map(([, kind]) => ({ at: NOW.toISOString(), kind })));
    const other = setup();
    const second = await other.start();
    await other.event('evt_x', 'expired', second.payment.id);
    await other.event('evt_y', 'succeeded', second.payment.id);
    expect(other.history.get(second.payment.id)?.map((h) => h.kind)).toEqual(['expired', 'paid']);
  });

  it('records a late event as seen without changing anything ("unchanged")', async () => {
    const { start, event, payments, history, seen } = setup();
    const { payment } = await start();
    await event('evt_paid', 'succeeded', payment.id);
    const before = payments.get(payment.id);
    expect(await event('evt_late', 'processing', payment.id)).toBe('unchanged');
    expect(seen.has('evt_late')).toBe(true);
    expect(payments.get(payment.id)).toEqual(before);
    expect(history.get(payment.id)?.map((h) => h.kind)).toEqual(['paid']);
  });

  it("remembers each event id for 30 days, under the provider's name", async () => {
    const { start, event, changes } = setup();
    const { payment } = await start();
    await event('evt_1', 'processing', payment.id);
    expect(changes.at(-1)).toMatchObject({
      provider: 'fake',
      eventId: 'evt_1',
      eventExpiresAt: NOW.getTime() / 1000 + 30 * 24 * 60 * 60,
    });
  });

  it('reads the payment again and decides again when it changed meanwhile', async () => {
    const s = setup();
    const { payment } = await s.start();
    const record = s.store.recordEvent;
    let raced = false;
    s.store.recordEvent = async (change) => {
      if (!raced) {
        raced = true;
        // Someone else's event moved the payment on between the read and the write.
        await record({ ...change, eventId: 'evt_other', after: { ...change.before, state: 'declined', version: 2 } });
        return { kind: 'stale' };
      }
      return record(change);
    };
    expect(await s.event('evt_paid', 'succeeded', payment.id)).toBe('applied');
    expect(s.payments.get(payment.id)).toMatchObject({ state: 'paid', version: 3 });
  });
});

describe('alarms', () => {
  it('name the payment, the event, and the amounts expected and received', async () => {
    const { start, event, alarmDetails } = setup();
    const { payment } = await start();
    await expect(event('evt_1', 'succeeded', payment.id, { amount: 100, currency: 'usd' })).rejects.toThrow();
    await expect(event('evt_2', 'succeeded', payment.id, { amount: undefined, currency: undefined })).rejects.toThrow();
    expect(alarmDetails).toEqual([
      {
        name: 'PaymentAmountMismatch',
        details: { paymentId: payment.id, eventId: 'evt_1', expected: '2500 USD', received: '100 usd' },
      },
      {
        name: 'PaymentAmountMismatch',
        details: { paymentId: payment.id, eventId: 'evt_2', expected: '2500 USD', received: '? ?' },
      },
    ]);
  });

  it('accept the currency in any case', async () => {
    const { start, event, alarms } = setup();
    const { payment } = await start();
    expect(await event('evt_1', 'succeeded', payment.id, { currency: 'usd' })).toBe('applied');
    expect(alarms).toEqual([]);
  });

  it('name the checkout that took money after another one already had', async () => {
    const { start, event, alarmDetails } = setup();
    const old = await start();
    await event('evt_1', 'expired', old.payment.id);
    const newer = await start();
    await event('evt_2', 'succeeded', old.payment.id);
    expect(alarmDetails).toEqual([]);
    await event('evt_3', 'succeeded', newer.payment.id);
    expect(alarmDetails).toEqual([
      { name: 'PaymentAfterReplacement', details: { paymentId: newer.payment.id, subject: subjectKey(payable.subject) } },
    ]);
  });

  it('stay quiet when a replaced checkout merely had a card declined', async () => {
    const { start, event, alarms, pointers } = setup();
    const old = await start();
    const newer = await start(undefined, later(90));
    expect(newer.payment.id).not.toBe(old.payment.id);
    expect(await event('evt_1', 'attempt-failed', old.payment.id)).toBe('applied');
    expect(pointers.get(subjectKey(payable.subject))?.id).toBe(newer.payment.id);
    expect(alarms).toEqual([]);
  });
});

describe('asking the provider when the person comes back', () => {
  const succeeded = (reference: string) => ({
    id: `status:${reference}`,
    kind: 'succeeded' as const,
    amount: 2500,
    currency: 'USD',
    occurredAt: NOW.toISOString(),
  });
  const refresh = (s: ReturnType<typeof setup>, payment: Payment, provider = s.provider) =>
    refreshFromProvider(payment, { store: s.store, provider, strings, alarm: s.alarm, now: () => NOW });

  it('does not ask about a payment that can no longer take money', async () => {
    const s = setup({ status: succeeded });
    const { payment } = await s.start();
    await s.event('evt_1', 'expired', payment.id);
    const expired = (await s.store.get(payment.id))!;
    expect(await refresh(s, expired)).toEqual(expired);
    expect(s.calls.checkoutStatus).toBe(0);
  });

  it('does not ask before a checkout exists, nor another provider than the one that took it', async () => {
    const s = setup({ status: succeeded });
    const { payment } = await s.start();
    const stored = (await s.store.get(payment.id))!;
    expect(await refresh(s, { ...stored, checkout: undefined })).toMatchObject({ state: 'pending' });
    expect(await refresh(s, stored, { ...s.provider, name: 'other' })).toMatchObject({ state: 'pending' });
    expect(s.calls.checkoutStatus).toBe(0);
  });

  it('leaves the payment as it is when the provider has nothing to say yet', async () => {
    const s = setup({ status: () => undefined });
    const { payment } = await s.start();
    const stored = (await s.store.get(payment.id))!;
    expect(await refresh(s, stored)).toEqual(stored);
    expect(s.calls.checkoutStatus).toBe(1);
    expect(s.seen.size).toBe(0);
  });

  it('applies what the provider says to this payment, and answers the payment as stored', async () => {
    const s = setup({ status: succeeded });
    const { payment } = await s.start();
    const stored = (await s.store.get(payment.id))!;
    const fresh = await refresh(s, stored);
    expect(fresh).toMatchObject({ id: payment.id, state: 'paid', version: payment.version + 1 });
    expect(s.seen.has(`status:${stored.checkout?.reference}`)).toBe(true);
  });
});

describe('names for the logs', () => {
  it('of the errors a provider event can raise', () => {
    expect(new AmountMismatchError('x')).toMatchObject({ name: 'AmountMismatchError', code: 'amount_mismatch', statusCode: 422 });
    expect(new WebhookSignatureError('x').name).toBe('WebhookSignatureError');
    expect(new ProviderRefusedError('x').name).toBe('ProviderRefusedError');
  });

  it('of the records of a bill and of an application', () => {
    expect(subjectKey({ kind: 'bill', reference: 'PT20260001' })).toBe('BILL#PT20260001');
    expect(subjectKey({ kind: 'submission', code: 'ABCD-EFGH-JKMN' })).toBe('SUB#ABCD-EFGH-JKMN');
  });
});

describe('without a clock given', () => {
  it('stamps events and checkouts with the time now', async () => {
    const s = setup();
    const before = Date.now();
    const { payment } = await startPayment(payable, { locale: 'en' }, { ...s.deps, now: undefined });
    expect(Date.parse(payment.createdAt)).toBeGreaterThanOrEqual(before);
    await applyProviderEvent(
      { id: 'evt_now', kind: 'processing', paymentId: payment.id, occurredAt: NOW.toISOString() },
      { store: s.store, provider: 'fake', strings, alarm: s.alarm },
    );
    expect(Date.parse(s.payments.get(payment.id)?.updatedAt ?? '')).toBeGreaterThanOrEqual(before);
  });

  it('gives up on an event after 8 lost races, naming it', async () => {
    const s = setup();
    const { payment } = await s.start();
    s.store.recordEvent = async () => ({ kind: 'stale' });
    await expect(s.event('evt_busy', 'processing', payment.id)).rejects.toThrow('Could not apply event evt_busy after 8 tries');
  });
});

describe('telling the CX funnel a payment was made', () => {
  it('calls onPaid once, for the event that made the payment paid, never for repeats or later events', async () => {
    const s = setup();
    const { payment } = await s.start();
    const paid: string[] = [];
    const onPaid = async (p: Payment) => {
      paid.push(`${p.id}:${p.state}`);
    };
    const apply = (id: string, kind: 'processing' | 'succeeded') =>
      applyProviderEvent(
        {
          id,
          kind,
          paymentId: payment.id,
          occurredAt: NOW.toISOString(),
          ...(kind === 'succeeded' && { amount: 2500, currency: 'USD' }),
        },
        { store: s.store, provider: 'fake', strings, alarm: s.alarm, now: () => NOW, onPaid },
      );
    await apply('evt_a', 'processing');
    expect(paid).toEqual([]);
    await apply('evt_b', 'succeeded');
    await apply('evt_b', 'succeeded');
    await apply('evt_c', 'succeeded');
    expect(paid).toEqual([`${payment.id}:paid`]);
  });
});
