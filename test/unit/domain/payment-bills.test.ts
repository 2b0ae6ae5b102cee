import { describe, expect, it } from 'vitest';
import { type Bill, type BillStore, findBill, InvalidBillError, loadBill, parseBill } from '#domain/payment-bills';
import { payableBill } from '#domain/payment-payables';
import { BadRequestError, ConflictError, NotFoundError } from '#shared/errors';
import { strings } from '../../support/forms.ts';

const NOW = new Date('2026-11-22T15:00:00.000Z');
const ticket = {
  agency: 'motor-vehicles',
  description: { en: 'Parking ticket', es: 'Multa de estacionamiento' },
  amount: 4500,
  currency: 'USD',
  check: 'abc 1234',
  refundable: true,
  dueOn: '2026-12-31',
};

function inMemoryBills(...bills: Bill[]) {
  const saved = new Map(bills.map((bill) => [bill.reference, bill]));
  const store: BillStore = {
    get: async (reference) => saved.get(reference),
    async put(bill) {
      const existing = saved.get(bill.reference);
      if (existing?.payment && !['failed', 'expired'].includes(existing.payment.state)) return 'has-payment';
      saved.set(bill.reference, bill);
      return 'saved';
    },
  };
  return { store, saved };
}

describe('loading a bill from an agency', () => {
  it('normalises the reference and the check value as people type them', () => {
    expect(parseBill('pt-2026-0001', ticket, NOW)).toMatchObject({ reference: 'PT20260001', check: 'ABC1234', amount: 4500 });
  });

  it('names every problem at once', () => {
    const bad = { ...ticket, amount: 12.5, currency: 'EUR', description: { en: 'x' }, extra: 1 };
    expect(() => parseBill('x', bad, NOW)).toThrow(InvalidBillError);
    try {
      parseBill('x', bad, NOW);
    } catch (error) {
      expect((error as Error).message).toMatch(/5 problem/);
      for (const field of ['reference', 'amount', 'currency', 'description', 'extra'])
        expect((error as Error).message).toContain(`${field}:`);
    }
  });

  it('refuses to change a bill someone may have paid (409)', async () => {
    const bill = parseBill('PT-0001', ticket, NOW);
    const { store } = inMemoryBills({
      ...bill,
      payment: { id: 'P', state: 'pending', amount: 4500, currency: 'USD', refunded: 0, updatedAt: '' },
    });
    await expect(loadBill({ ...bill, amount: 1 }, { store })).rejects.toThrow(ConflictError);
  });
});

describe('finding a bill to pay', () => {
  const bill = parseBill('PT-2026-0001', ticket, NOW);

  it('finds it by reference and plate, in any case and spacing', async () => {
    const { store } = inMemoryBills(bill);
    const found = await findBill({ reference: 'pt 2026 0001', check: 'Abc-1234', locale: 'en' }, { store, strings });
    expect(payableBill(found)).toMatchObject({
      subject: { kind: 'bill', reference: 'PT20260001' },
      amount: 4500,
      agency: 'motor-vehicles',
    });
  });

  it('says the same thing for a wrong plate and a wrong reference, so references cannot be guessed', async () => {
    const { store } = inMemoryBills(bill);
    const wrongPlate = findBill({ reference: 'PT-2026-0001', check: 'ABC1235', locale: 'en' }, { store, strings });
    const wrongReference = findBill({ reference: 'PT-2026-0002', check: 'ABC1234', locale: 'en' }, { store, strings });
    const [a, b] = await Promise.allSettled([wrongPlate, wrongReference]);
    expect(a.status === 'rejected' && a.reason).toBeInstanceOf(NotFoundError);
    expect(a.status === 'rejected' && b.status === 'rejected' && a.reason.message === b.reason.message).toBe(true);
  });

  it('asks for both answers, and for a reference that looks like one (400)', async () => {
    const { store } = inMemoryBills(bill);
    await expect(findBill({ reference: '', check: 'ABC1234', locale: 'es' }, { store, strings })).rejects.toThrow(
      BadRequestError,
    );
    await expect(findBill({ reference: 'P!', check: 'ABC1234', locale: 'en' }, { store, strings })).rejects.toThrow(
      BadRequestError,
    );
  });

  it('has nothing to pay on a cancelled bill', async () => {
    const { store } = inMemoryBills({ ...bill, cancelled: true });
    await expect(findBill({ reference: 'PT-2026-0001', check: 'ABC1234', locale: 'en' }, { store, strings })).rejects.toThrow(
      ConflictError,
    );
  });
});
