/** Reading a plain form post as typed answers: the same function on the server and in the browser. */
import { describe, expect, it } from 'vitest';
import { answersFromEntries, centsFrom, isRealDate } from '#catalog/form-values';

const questions = [
  { name: 'born', type: 'memorableDate' },
  { name: 'income', type: 'money' },
  { name: 'sources', type: 'checkboxes' },
  { name: 'agree', type: 'checkbox' },
  { name: 'count', type: 'integer' },
  { name: 'moved', type: 'yesNo' },
];

const read = (entries: [string, string][]) => answersFromEntries(questions, entries, true);

describe('a memorable date', () => {
  it('reads the three boxes as the hint shows them (4 28 1986), with or without leading zeros', () => {
    expect(
      read([
        ['born-month', '4'],
        ['born-day', '28'],
        ['born-year', '1986'],
      ]).born,
    ).toBe('1986-04-28');
    expect(
      read([
        ['born-month', '04'],
        ['born-day', '08'],
        ['born-year', '1986'],
      ]).born,
    ).toBe('1986-04-08');
    expect(
      read([
        ['born-month', ' 3 '],
        ['born-day', '15'],
        ['born-year', '2024 '],
      ]).born,
    ).toBe('2024-03-15');
  });

  it('is no answer when all three boxes are empty', () => {
    expect(
      read([
        ['born-month', ''],
        ['born-day', ''],
        ['born-year', ''],
      ]),
    ).not.toHaveProperty('born');
  });

  it('keeps a half-typed or misspelt date as typed, so the schema refuses it', () => {
    expect(
      read([
        ['born-month', 'March'],
        ['born-day', '15'],
        ['born-year', '2024'],
      ]).born,
    ).toBe('2024-March-15');
    expect(
      read([
        ['born-month', '3'],
        ['born-day', ''],
        ['born-year', '24'],
      ]).born,
    ).toBe('24-3-');
  });

  it('knows the calendar: February 29 only in leap years', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2024-04-31')).toBe(false);
  });
});

describe('money', () => {
  it('is read in cents, with or without a dollar sign, commas and cents', () => {
    expect(centsFrom('1800')).toBe(180000);
    expect(centsFrom('$1,234.5')).toBe(123450);
    expect(centsFrom(' 0.07 ')).toBe(7);
    expect(read([['income', '$12.34']]).income).toBe(1234);
  });

  it('keeps anything that is not an amount as typed, for the schema to refuse', () => {
    expect(centsFrom('12.345')).toBe('12.345');
    expect(centsFrom('-5')).toBe('-5');
    expect(centsFrom('about 300')).toBe('about 300');
  });
});

describe('boxes and choices', () => {
  it('reads several boxes as the list of values ticked, each once', () => {
    expect(
      read([
        ['sources', 'pay'],
        ['sources', 'benefits'],
        ['sources', 'pay'],
      ]).sources,
    ).toEqual(['pay', 'benefits']);
    expect(read([])).not.toHaveProperty('sources');
  });

  it('reads one box as true or false, and yes/no as the choice', () => {
    expect(
      read([
        ['agree', 'yes'],
        ['moved', 'no'],
      ]),
    ).toMatchObject({ agree: true, moved: 'no' });
    expect(read([]).agree).toBe(false);
  });

  it('ignores names that are not questions of the page, and control fields', () => {
    expect(
      read([
        ['count', '3'],
        ['other', 'x'],
        ['_draft', 'y'],
      ]),
    ).toEqual({ count: 3, agree: false });
  });
});

describe('an address or a name', () => {
  const parts = [
    { name: 'home', type: 'address' },
    { name: 'who', type: 'name' },
  ];

  it('reads the boxes as one answer of the parts given, the state in capitals', () => {
    const answers = answersFromEntries(parts, [
      ['home-street1', ' 1 Main St '],
      ['home-street2', ''],
      ['home-city', 'Springfield'],
      ['home-state', 'il'],
      ['home-zip', '55501'],
      ['who-given', 'Ana'],
      ['who-family', 'Díaz'],
    ]);
    expect(answers).toEqual({
      home: { street1: '1 Main St', city: 'Springfield', state: 'IL', zip: '55501' },
      who: { given: 'Ana', family: 'Díaz' },
    });
  });

  it('is no answer when every box is empty, and its boxes are never answers of their own', () => {
    expect(
      answersFromEntries(parts, [
        ['home-city', ' '],
        ['who-given', ''],
      ]),
    ).toEqual({});
  });
});
