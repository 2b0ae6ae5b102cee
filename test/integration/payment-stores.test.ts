/**
 * The money rules the DynamoDB stores enforce in their conditions, against AWS's DynamoDB Local: which
 * payment a bill or application follows when two of its checkouts move, and when a bill may still change.
 * The expected tables are written out here on purpose: they are the rule, and the stores must keep to them.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dynamoDbBillStore } from '#adapters/dynamodb-payment-bill-store';
import { dynamoDbPaymentStore } from '#adapters/dynamodb-payment-store';
import type { Bill } from '#domain/payment-bills';
import type { Payment, PaymentSubject } from '#domain/payment-records';
import { PAYMENT_STATES, type PaymentState } from '#domain/payment-state';
import { ensureTable, localDynamoDbClient } from '../../local/dynamodb-local.ts';

const tableName = `test-${randomUUID()}`;
const client = localDynamoDbClient(inject('dynamoDbEndpoint'));
const payments = dynamoDbPaymentStore(client, tableName);
const bills = dynamoDbBillStore(client, tableName);

beforeAll(async () => {
  await ensureTable(client, tableName);
});
afterAll(() => client.destroy());

let counter = 0;
const unique = () => `${Date.now().toString(36).toUpperCase()}${++counter}`.replace(/[^A-Z0-9]/g, '');

function bill(reference: string, amount = 4500): Bill {
  return {
    reference,
    agency: 'motor-vehicles',
    description: { en: 'Parking ticket', es: 'Multa de estacionamiento' },
    amount,
    currency: 'USD',
    check: 'ABC123',
    refundable: true,
    loadedAt: '2026-11-30T10:00:00.000Z',
  };
}

function payment(subject: PaymentSubject): Payment {
  const at = new Date().toISOString();
  return {
    id: `P${unique()}`,
    subject,
    agency: 'motor-vehicles',
    amount: 4500,
    currency: 'USD',
    description: { en: 'Parking ticket', es: 'Multa' },
    refundable: true,
    locale: 'en',
    provider: 'sandbox',
    state: 'pending',
    version: 1,
    createdAt: at,
    updatedAt: at,
    refunded: 0,
  };
}

/** Moves a stored payment to `state` the way a provider event does; answers whether its subject followed. */
async function moveTo(before: Payment, state: PaymentState): Promise<{ after: Payment; subjectUpdated: boolean }> {
  const after = { ...before, state, version: before.version + 1, updatedAt: new Date().toISOString() };
  const result = await payments.recordEvent({
    provider: 'sandbox',
    eventId: `evt_${unique()}`,
    eventExpiresAt: Math.floor(Date.now() / 1000) + 3600,
    before,
    after,
  });
  expect(result.kind).toBe('recorded');
  return { after, subjectUpdated: result.kind === 'recorded' && result.subjectUpdated };
}

/** A bill whose first payment (older) was replaced by a second (newer) one, now in `newerState`. */
async function billWithTwoCheckouts(newerState: PaymentState) {
  const reference = `B${unique()}`;
  expect(await bills.put(bill(reference))).toBe('saved');
  const subject: PaymentSubject = { kind: 'bill', reference };
  const older = payment(subject);
  expect(await payments.create(older, { replaces: undefined })).toEqual({ kind: 'created' });
  const newer = payment(subject);
  expect(await payments.create(newer, { replaces: older.id })).toEqual({ kind: 'created' });
  if (newerState !== 'pending') await moveTo(newer, newerState);
  return { subject, older, newer };
}

describe('which payment a bill follows when an older checkout takes money', () => {
  // The newer checkout's state → whether the older one, now paid, takes the bill's place.
  const paidOlderTakesPlace: Record<PaymentState, boolean> = {
    pending: true,
    declined: true,
    failed: true,
    expired: true,
    processing: false,
    paid: false,
    'partially-refunded': false,
    refunded: false,
  };

  it.each(PAYMENT_STATES.map((state) => [state, paidOlderTakesPlace[state]] as const))(
    'newer checkout %s: the paid older one takes its place → %s',
    async (newerState, takesPlace) => {
      const { subject, older, newer } = await billWithTwoCheckouts(newerState);
      const { subjectUpdated } = await moveTo(older, 'paid');
      expect(subjectUpdated).toBe(takesPlace);
      expect(await payments.currentOf(subject)).toBe(takesPlace ? older.id : newer.id);
    },
  );

  // The older checkout's new state → whether it takes the place of a newer checkout still open.
  const olderTakesPlaceOfOpen: [PaymentState, boolean][] = [
    ['declined', false],
    ['failed', false],
    ['expired', false],
    ['processing', true],
    ['paid', true],
  ];

  it.each(olderTakesPlaceOfOpen)(
    'older checkout now %s: takes the place of an open newer one → %s',
    async (state, takesPlace) => {
      const { subject, older, newer } = await billWithTwoCheckouts('pending');
      const { subjectUpdated } = await moveTo(older, state);
      expect(subjectUpdated).toBe(takesPlace);
      expect(await payments.currentOf(subject)).toBe(takesPlace ? older.id : newer.id);
    },
  );
});

describe('when an agency may still change a bill', () => {
  it('changes a bill nobody started paying', async () => {
    const reference = `B${unique()}`;
    expect(await bills.put(bill(reference))).toBe('saved');
    expect(await bills.put(bill(reference, 5000))).toBe('saved');
    expect((await bills.get(reference))?.amount).toBe(5000);
  });

  // The bill's payment state → whether the agency may change the bill.
  const mayChange: Record<PaymentState, boolean> = {
    pending: false,
    declined: false,
    processing: false,
    paid: false,
    'partially-refunded': false,
    refunded: false,
    failed: true,
    expired: true,
  };

  it.each(PAYMENT_STATES.map((state) => [state, mayChange[state]] as const))(
    'payment %s: the bill may change → %s',
    async (state, changes) => {
      const reference = `B${unique()}`;
      expect(await bills.put(bill(reference))).toBe('saved');
      const started = payment({ kind: 'bill', reference });
      await payments.create(started, { replaces: undefined });
      if (state !== 'pending') await moveTo(started, state);
      expect((await bills.get(reference))?.payment?.state).toBe(state);

      expect(await bills.put(bill(reference, 5000))).toBe(changes ? 'saved' : 'has-payment');
      expect((await bills.get(reference))?.amount).toBe(changes ? 5000 : 4500);
    },
  );
});
