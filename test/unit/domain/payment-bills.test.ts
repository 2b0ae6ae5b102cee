import { describe, expect, it } from 'vitest';
import { translate } from '#catalog/i18n';
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

describe("checking an agency's bill, field by field", () => {
  const problemsOf = (reference: string, body: unknown): string[] => {
    try {
      parseBill(reference, body, NOW);
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidBillError);
      expect(error).toMatchObject({ name: 'InvalidBillError', code: 'invalid_bill', statusCode: 422 });
      const message = (error as Error).message;
      const listed = message.slice(message.indexOf(': ') + 2).split('; ');
      expect(message).toMatch(new RegExp(`^The bill has ${listed.length} problem\\(s\\): `));
      return listed.map((problem) => problem.slice(0, problem.indexOf(':')));
    }
  };
  const without = (field: string) => Object.fromEntries(Object.entries(ticket).filter(([key]) => key !== field));

  it('accepts the smallest and the largest of everything', () => {
    expect(problemsOf('ABCD', { ...ticket, amount: 1, check: 'AB', agency: 'a' })).toEqual([]);
    expect(
      problemsOf('A'.repeat(32), { ...ticket, amount: 10_000_000, check: 'A'.repeat(16), agency: `a-b-${'c'.repeat(60)}` }),
    ).toEqual([]);
  });

  const refused: [string, string, unknown][] = [
    ['reference', 'reference', 'ABC'],
    ['reference', 'reference', 'A'.repeat(33)],
    ['reference', 'reference', 'ABC!D'],
    ['agency', 'agency', 'Motor-Vehicles'],
    ['agency', 'agency', 'motor--vehicles'],
    ['agency', 'agency', '-motor'],
    ['agency', 'agency', 'motor-'],
    ['agency', 'agency', 42],
    ['agency', 'agency', 'a'.repeat(65)],
    ['description', 'description', { en: 'Parking ticket', es: '  ' }],
    ['description', 'description', { en: '', es: 'Multa' }],
    ['description', 'description', { en: 1, es: 'Multa' }],
    ['description', 'description', 'Parking ticket'],
    ['description', 'description', null],
    ['amount', 'amount', 0],
    ['amount', 'amount', -100],
    ['amount', 'amount', 10_000_001],
    ['amount', 'amount', 12.5],
    ['amount', 'amount', '4500'],
    ['currency', 'currency', 'usd'],
    ['check', 'check', 'A'],
    ['check', 'check', 'A'.repeat(17)],
    ['check', 'check', 'ABC!'],
    ['check', 'check', 1234],
    ['refundable', 'refundable', 'yes'],
    ['dueOn', 'dueOn', '31/12/2026'],
    ['dueOn', 'dueOn', '2026-13-45'],
    ['dueOn', 'dueOn', 'x2026-12-31'],
    ['dueOn', 'dueOn', '2026-12-31x'],
    ['dueOn', 'dueOn', 20261231],
    ['cancelled', 'cancelled', 'no'],
  ];

  it.each(refused)('names %s when %s is %j', (problem, field, value) => {
    const reference = field === 'reference' ? (value as string) : 'PT20260001';
    const body = field === 'reference' ? ticket : { ...ticket, [field]: value };
    expect(problemsOf(reference, body)).toEqual([problem]);
  });

  it('names each required field that is missing', () => {
    for (const field of ['agency', 'description', 'amount', 'currency', 'check', 'refundable'])
      expect(problemsOf('PT20260001', without(field)), field).toEqual([field]);
  });

  it('names a field it does not know, with the ones it does', () => {
    const message = (() => {
      try {
        parseBill('PT20260001', { ...ticket, colour: 'red' }, NOW);
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain(
      'colour: not a bill field (use agency, description, amount, currency, check, refundable, dueOn, cancelled)',
    );
  });

  it('reads a body that is not an object as empty', () => {
    expect(problemsOf('PT20260001', null)).toEqual(['agency', 'description', 'amount', 'currency', 'check', 'refundable']);
    expect(problemsOf('PT20260001', 'a bill')).toEqual(['agency', 'description', 'amount', 'currency', 'check', 'refundable']);
  });

  it('keeps the due date and the cancellation only when given, and stamps when it was loaded', () => {
    const plain = parseBill('PT20260001', without('dueOn'), NOW);
    expect('dueOn' in plain).toBe(false);
    expect('cancelled' in plain).toBe(false);
    expect(plain.loadedAt).toBe(NOW.toISOString());
    expect(parseBill('PT20260001', { ...ticket, cancelled: false }, NOW)).toMatchObject({
      dueOn: '2026-12-31',
      cancelled: false,
    });
    expect(parseBill('PT20260001', { ...ticket, cancelled: true }, NOW).cancelled).toBe(true);
  });

  it('saves a bill nobody paid, and says which bill cannot change', async () => {
    const bill = parseBill('PT-0002', ticket, NOW);
    const { store, saved } = inMemoryBills();
    await loadBill(bill, { store });
    expect(saved.get('PT0002')).toEqual(bill);
    saved.set('PT0002', {
      ...bill,
      payment: { id: 'P', state: 'paid', amount: 4500, currency: 'USD', refunded: 0, updatedAt: '' },
    });
    await expect(loadBill(bill, { store })).rejects.toThrow(/^Bill PT0002 already has a payment/);
  });
});

describe('finding a bill, the details', () => {
  const bill = parseBill('PT-2026-0001', ticket, NOW);
  const find = (reference: string, check: string, locale: 'en' | 'es' = 'en') =>
    findBill({ reference, check, locale }, { store: inMemoryBills(bill).store, strings });

  it('asks for both answers when the check value is missing', async () => {
    await expect(find('PT-2026-0001', ' - ')).rejects.toThrow(BadRequestError);
  });

  it('refuses a reference too short or too long to be one, before looking it up', async () => {
    for (const reference of ['ABC', 'A'.repeat(33)]) await expect(find(reference, 'ABC1234')).rejects.toThrow(BadRequestError);
    await expect(find('ABCD', 'ABC1234')).rejects.toThrow(NotFoundError);
  });

  it('answers in the language asked', async () => {
    const en = await find('PT-2026-0009', 'ABC1234').catch((e: Error) => e.message);
    const es = await find('PT-2026-0009', 'ABC1234', 'es').catch((e: Error) => e.message);
    expect(en).not.toBe(es);
  });
});

describe("an agency's bill, the last details", () => {
  const problems = (body: unknown) => {
    try {
      parseBill('PT20260001', body, NOW);
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('refuses a description that is only spaces in English', () => {
    expect(problems({ ...ticket, description: { en: '   ', es: 'Multa' } })).toContain('description:');
  });

  it('refuses due dates that are dates, but not written as yyyy-mm-dd', () => {
    for (const dueOn of ['December 31, 2026', ' 2026-12-31', '2026-12-31T10:00', '2026-12-31 '])
      expect(problems({ ...ticket, dueOn }), dueOn).toContain('dueOn:');
  });

  it('is kept in US dollars', () => {
    expect(parseBill('PT20260001', ticket, NOW).currency).toBe('USD');
  });

  it('asks for both answers when the reference is missing, not for a better reference', async () => {
    const { store } = inMemoryBills();
    await expect(findBill({ reference: ' - ', check: 'ABC1234', locale: 'en' }, { store, strings })).rejects.toThrow(
      translate(strings, 'bill.bothNeeded', 'en'),
    );
  });
});
