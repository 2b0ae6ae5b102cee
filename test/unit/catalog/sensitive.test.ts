/** Social Security numbers: SSA's rules, typed any common way, and only ever shown masked. */
import { describe, expect, it } from 'vitest';
import { answerRows, answerText } from '#catalog/answer-text';
import type { Field } from '#catalog/schema';
import { declarationFrom, isValidSsn, maskSsn, ssnFrom } from '#catalog/sensitive';
import { compiledForm } from '../../support/forms.ts';

describe('a Social Security number', () => {
  it('is read as 123-45-6789 however it is typed', () => {
    for (const typed of ['123-45-6789', '123456789', '123 45 6789', ' 123.45.6789 ']) expect(ssnFrom(typed)).toBe('123-45-6789');
  });

  it('follows SSA’s rules: no area 000, 666 or 9xx, no group 00, no serial 0000', () => {
    expect(isValidSsn('123-45-6789')).toBe(true);
    expect(isValidSsn('665-45-6789')).toBe(true);
    expect(isValidSsn('899-99-9999')).toBe(true);
    for (const wrong of [
      '000-45-6789',
      '666-45-6789',
      '900-45-6789',
      '999-45-6789',
      '123-00-6789',
      '123-45-0000',
      '12-345-6789',
      '123-45-678',
    ])
      expect(isValidSsn(wrong), wrong).toBe(false);
  });

  it('is shown only as its last four digits', () => {
    expect(maskSsn('123-45-6789')).toBe('***-**-6789');
    const field = { name: 'ssn', type: 'ssn', label: { en: 'SSN', es: 'SSN' }, required: true } as Field;
    expect(answerText(field, '123-45-6789', { locale: 'en', t: (k) => k })).toBe('***-**-6789');
  });
});

describe('a declaration', () => {
  it('reads the consent box and the typed name', () => {
    expect(declarationFrom('yes', 'Ana Ruiz')).toEqual({ agreed: 'yes', name: 'Ana Ruiz' });
    expect(declarationFrom(undefined, 'Ana Ruiz')).toEqual({ name: 'Ana Ruiz' });
    expect(declarationFrom(undefined, '  ')).toBeUndefined();
  });
});

describe('what staff and the spreadsheet see of a sent claim', () => {
  it('shows the SSN masked and the signature with its time, in the rows the case page and the CSV export print', async () => {
    const { form } = await compiledForm('unemployment-benefits-application');
    const rows = answerRows(
      form,
      { ssn: '401-23-4567', declaration: { agreed: 'yes', name: 'Ana Díaz', signedAt: '2026-12-01T15:04:05.000Z' } },
      { locale: 'en', t: (key) => key },
    );
    expect(rows.find((row) => row.name === 'ssn')?.value).toBe('***-**-4567');
    expect(rows.find((row) => row.name === 'declaration')?.value).toBe('Ana Díaz, December 1, 2026 at 3:04 PM UTC');
    expect(JSON.stringify(rows)).not.toContain('401-23');
  });
});
