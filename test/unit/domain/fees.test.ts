/** Fees that depend on answers: the catalog's unit fee times the answer, on the server. */
import { describe, expect, it } from 'vitest';
import type { Fee } from '#catalog/schema';
import { feeFor, feeOfSubmission, MAX_FEE_UNITS } from '#domain/fees';

const flat: Fee = { amount: 2500, currency: 'USD', description: { en: 'Fee', es: 'Tarifa' }, refundable: false };
const perCopy: Fee = { ...flat, per: { question: 'copies', unit: { en: 'copy', es: 'copia' } } };

describe('a fee', () => {
  it('is the catalog amount when it does not depend on an answer', () => {
    expect(feeFor(flat, { copies: 10 })).toEqual({ amount: 2500, currency: 'USD' });
  });

  it('is the unit fee times the answer: 10 copies cost ten times one', () => {
    expect(feeFor(perCopy, { copies: 10 })).toEqual({ amount: 25_000, currency: 'USD', quantity: 10, unitAmount: 2500 });
    expect(feeFor(perCopy, { copies: 1 }).amount).toBe(2500);
  });

  it('counts one unit while the question is unanswered or not a whole number', () => {
    expect(feeFor(perCopy, {}).amount).toBe(2500);
    expect(feeFor(perCopy, { copies: '10' }).amount).toBe(2500);
    expect(feeFor(perCopy, { copies: 2.5 }).amount).toBe(2500);
  });

  it('never counts fewer than one unit or more than the most allowed', () => {
    expect(feeFor(perCopy, { copies: 0 }).amount).toBe(2500);
    expect(feeFor(perCopy, { copies: -3 }).amount).toBe(2500);
    expect(feeFor(perCopy, { copies: 1_000_000 }).amount).toBe(2500 * MAX_FEE_UNITS);
  });

  it('of a sent submission is the amount fixed when it was sent, even if the catalog changed', () => {
    const fixed = { amount: 7500, currency: 'USD', quantity: 3, unitAmount: 2500 };
    expect(feeOfSubmission({ fee: fixed, answers: { copies: 3 } }, { ...perCopy, amount: 3000 })).toBe(fixed);
    expect(feeOfSubmission({ answers: { copies: 2 } }, perCopy)?.amount).toBe(5000);
    expect(feeOfSubmission({ answers: {} }, undefined)).toBeUndefined();
  });
});
