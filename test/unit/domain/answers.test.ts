import { describe, expect, it } from 'vitest';
import { jsonSchemaFor } from '#catalog/form-schema';
import { translate } from '#catalog/i18n';
import { FormSchema } from '#catalog/schema';
import { answersFromFormPost, type CompiledValidator, checkAnswers, MAX_FIELDS } from '#domain/answers';
import { validatorAjv } from '../../../scripts/build-functions.ts';
import { birthCertificateAnswers, formFieldsOf } from '../../support/form-answers.ts';
import { compiledForm, strings } from '../../support/forms.ts';

const { form, validate } = await compiledForm('birth-certificate-request');
// A form with a required box to tick (the birth certificate's confirmation box became a signed declaration).
const voter = await compiledForm('voter-registration-update-request');
const business = await compiledForm('business-registration-application');
// A parent's request for their child's certificate: the branch asks whether they are named on it.
const valid = birthCertificateAnswers({
  relationship: 'child',
  parentOnCertificate: 'yes',
  fullName: { given: 'Ana María', family: 'Núñez' },
  dateOfBirth: '2020-02-29',
  copies: 2,
  applicantName: { given: 'Luis', family: 'Núñez' },
  // As the server signs it before checking (decision 0084): the time is the server's.
  declaration: { agreed: 'yes', name: 'Luis Núñez', signedAt: '2026-11-22T15:00:00.000Z' },
});

function check(answers: unknown, locale: 'en' | 'es' = 'en') {
  return checkAnswers(form, validate, answers, locale, strings);
}

describe('checking answers against a form', () => {
  it('accepts a complete, correct set of answers', () => {
    expect(check(valid)).toEqual({ answers: valid, problems: [] });
  });

  it('names every missing required question, in the order of the form', () => {
    const { problems } = check({ email: 'ana@example.com' });
    expect(problems.map((problem) => problem.field)).toEqual([
      'relationship',
      'fullName',
      'dateOfBirth',
      'placeOfBirth',
      'parentOneName',
      'copies',
      'mailingAddress',
      'declaration',
    ]);
    expect(problems[0]?.message).toBe('Choose whose certificate it is');
    expect(problems.find((problem) => problem.field === 'parentOneName')?.message).toBe('Enter full name of a parent');
  });

  it('says what a good answer looks like, in Spanish too', () => {
    const { problems } = check({ ...valid, email: 'ana-at-example', copies: 40 }, 'es');
    expect(problems).toEqual([
      { field: 'copies', message: 'Escriba número de copias como un número entero del 1 al 10' },
      { field: 'email', message: 'Escriba un correo electrónico como nombre@ejemplo.com' },
    ]);
  });

  it('refuses a date that does not exist, like February 30', () => {
    expect(check({ ...valid, dateOfBirth: '2023-02-30' }).problems.map((problem) => problem.field)).toEqual(['dateOfBirth']);
  });

  it('refuses a choice that is not one of the options', () => {
    expect(check({ ...valid, relationship: 'neighbour' }).problems.map((problem) => problem.field)).toEqual(['relationship']);
  });

  it('refuses questions the form does not ask', () => {
    expect(check({ ...valid, favouriteColour: 'blue' }).problems).toEqual([
      { field: 'favouriteColour', message: 'This form has no question called "favouriteColour"' },
    ]);
  });

  it('refuses answers that are not text, numbers or yes/no', () => {
    expect(check({ ...valid, parentOneName: ['Ana'] }).problems.map((problem) => problem.field)).toEqual(['parentOneName']);
    expect(check([valid]).problems).toHaveLength(1);
    expect(check(null).problems).toHaveLength(1);
  });

  it('keeps accents, emoji and right-to-left scripts, normalised to one Unicode form', () => {
    const decomposed = 'Nu\u0301n\u0303ez 😀 مريم';
    const { answers, problems } = check({ ...valid, parentOneName: decomposed });
    expect(problems).toEqual([]);
    expect(answers.parentOneName).toBe(decomposed.normalize('NFC'));
  });

  it('refuses broken characters and control characters, naming the question', () => {
    for (const bad of ['Ana\uD800', 'Ana\u0000Díaz', 'Ana\u001bDíaz', 'Ana\nDíaz']) {
      const { problems } = check({ ...valid, parentOneName: bad });
      expect(problems).toEqual([
        { field: 'parentOneName', message: "Full name of a parent has characters we can't read. Type it again." },
      ]);
    }
  });

  it('refuses an answer longer than the question allows', () => {
    expect(check({ ...valid, parentOneName: 'A'.repeat(121) }).problems[0]?.message).toBe(
      'Your answer for full name of a parent must be 120 characters or fewer',
    );
  });

  it('treats a blank optional answer as no answer', () => {
    expect(check({ ...valid, phone: '   ' })).toEqual({ answers: valid, problems: [] });
  });
});

describe('reading a plain HTML form post', () => {
  it('turns whole numbers into numbers and skips control fields and blanks', () => {
    const params = new URLSearchParams({ ...formFieldsOf(valid), phone: '', _idempotency: 'x' });
    // An unticked box is an answer (false): the text-message consent was not given.
    // The signature as posted (agreed and the typed name); the server adds the time when it signs.
    const declaration = { agreed: 'yes', name: 'Luis Núñez' };
    expect(answersFromFormPost(form, params)).toEqual({ ...valid, copies: 2, declaration, textMessages: false });
  });

  it('keeps a number that is not whole as text, so the check can explain the problem', () => {
    const params = new URLSearchParams({ copies: 'two' });
    expect(answersFromFormPost(form, params).copies).toBe('two');
  });
});

describe('checking answers, the details', () => {
  const checkWith = (compiled: typeof voter, answers: unknown) =>
    checkAnswers(compiled.form, compiled.validate, answers, 'en', strings);

  it('says "enter" for a required answer that is only spaces', () => {
    expect(check({ ...valid, parentOneName: '   ' }).problems).toEqual([
      { field: 'parentOneName', message: 'Enter full name of a parent' },
    ]);
  });

  it('treats an unticked confirmation box as a missing answer', () => {
    const { problems } = checkWith(voter, { citizen: false });
    const confirm = problems.find((problem) => problem.field === 'citizen');
    const missing = checkWith(voter, {}).problems.find((problem) => problem.field === 'citizen');
    expect(confirm?.message).toBeDefined();
    expect(confirm?.message).toBe(missing?.message);
  });

  it('keeps line breaks and tabs in long answers only, with Windows line ends made plain', () => {
    const purpose = 'Line one\r\nLine two\rLine three\tindented';
    const { answers } = checkWith(business, { purpose });
    expect(answers.purpose).toBe('Line one\nLine two\nLine three\tindented');
    expect(check({ ...valid, parentOneName: 'Ana\tDíaz' }).problems.map((problem) => problem.field)).toEqual(['parentOneName']);
  });

  it('drops an answer sent as null or missing, as if not sent', () => {
    expect(check({ ...valid, phone: null })).toEqual({ answers: valid, problems: [] });
  });

  it('keeps numbers and yes/no answers as they came', () => {
    expect(checkWith(voter, { citizen: true }).answers.citizen).toBe(true);
    expect(check({ ...valid, copies: 3 }).answers.copies).toBe(3);
  });

  it('refuses a body that is not an object, in plain words', () => {
    expect(check('answers').problems).toEqual([{ field: '', message: translate(strings, 'validation.notAnObject', 'en') }]);
  });

  it('refuses more than 200 answers at once without checking them', () => {
    const many = Object.fromEntries(Array.from({ length: MAX_FIELDS + 1 }, (_, i) => [`q${i}`, 'x']));
    expect(check(many)).toEqual({
      answers: {},
      problems: [{ field: '', message: translate(strings, 'validation.tooManyFields', 'en') }],
    });
    const most = Object.fromEntries(Array.from({ length: MAX_FIELDS }, (_, i) => [`q${i}`, 'x']));
    expect(check(most).problems[0]?.message).not.toBe(translate(strings, 'validation.tooManyFields', 'en'));
    expect(MAX_FIELDS).toBe(200);
  });

  it('names an unknown question with broken characters by its name', () => {
    expect(check({ ...valid, extra: 'x\u0000' }).problems).toEqual([
      { field: 'extra', message: translate(strings, 'validation.characters', 'en', { label: 'extra' }) },
    ]);
  });

  it('lists questions the form does not ask after the ones it does', () => {
    const { problems } = check({ favouriteColour: 'blue', email: 'ana@example.com', fullName: { given: 'Ana', family: 'Díaz' } });
    expect(problems.map((problem) => problem.field)).toEqual([
      'relationship',
      'dateOfBirth',
      'placeOfBirth',
      'parentOneName',
      'copies',
      'mailingAddress',
      'declaration',
      'favouriteColour',
    ]);
  });

  it('refuses a year before 100, which dates cannot hold as written', () => {
    expect(check({ ...valid, dateOfBirth: '0050-01-01' }).problems.map((problem) => problem.field)).toEqual(['dateOfBirth']);
    expect(check({ ...valid, dateOfBirth: '2023-04-31' }).problems.map((problem) => problem.field)).toEqual(['dateOfBirth']);
  });

  it('says one thing per question even when the schema finds several', () => {
    const { problems } = check({ ...valid, email: 'x'.repeat(300) });
    expect(problems.filter((problem) => problem.field === 'email')).toHaveLength(1);
  });
});

describe('reading a plain HTML form post, the details', () => {
  it('takes the last value of a field sent twice, and keeps fields the form does not ask as sent', () => {
    const params = new URLSearchParams([
      ['parentOneName', 'First'],
      ['parentOneName', 'Second'],
      ['extra', '  x  '],
    ]);
    expect(answersFromFormPost(form, params)).toMatchObject({ parentOneName: 'Second', extra: '  x  ' });
  });

  it('reads whole numbers with spaces or a sign, and leaves anything else as text', () => {
    const copies = (value: string) => answersFromFormPost(form, new URLSearchParams({ copies: value })).copies;
    expect(copies(' 3 ')).toBe(3);
    expect(copies('-2')).toBe(-2);
    expect(copies('12')).toBe(12);
    for (const text of ['3x', 'x3', '3 3', '1234567890123456', '+3']) expect(copies(text), text).toBe(text);
  });

  it('reads a ticked box as yes whatever the browser sends for it, and an unticked one as no', () => {
    const confirm = (params: Record<string, string>) => answersFromFormPost(voter.form, new URLSearchParams(params)).citizen;
    for (const ticked of ['yes', 'on', 'true']) expect(confirm({ citizen: ticked }), ticked).toBe(true);
    expect(confirm({})).toBe(false);
    expect(confirm({ citizen: 'no' })).toBe(false);
  });
});

const snap = await compiledForm('snap-application');

describe('the newer question types, checked by the server in plain words', () => {
  const renewal2 = { form, validate };
  const now = new Date('2026-12-01T12:00:00Z');
  const base = {
    applicantName: { given: 'Ana', family: 'Díaz' },
    email: 'ana@example.com',
    homeAddress: { street1: '1 Main St', city: 'Springfield', state: 'IL', zip: '55501' },
    householdSize: 1,
    hasIncome: 'yes',
    monthlyIncome: 150000,
  };
  const snapCheck = (answers: Record<string, unknown>, locale: 'en' | 'es' = 'en') =>
    checkAnswers(snap.form, snap.validate, answers, locale, strings, now);

  it('refuses money that is not an amount, naming the field, in English and Spanish', () => {
    expect(snapCheck({ ...base, monthlyIncome: 'lots' }).problems).toEqual([
      { field: 'monthlyIncome', message: 'Enter an amount in dollars and cents, like 1800.00' },
    ]);
    expect(snapCheck({ ...base, monthlyIncome: 'lots' }, 'es').problems[0]?.message).toBe(
      'Escriba una cantidad en dólares y centavos, como 1800.00',
    );
  });

  it('refuses a yes/no answer that is neither, and a box value the question does not offer', () => {
    const { problems } = snapCheck({ ...base, hasIncome: 'maybe', incomeSources: ['pay', 'lottery'] });
    expect(problems.map((problem) => problem.field)).toEqual(['hasIncome']);
    expect(problems[0]?.message).toBe('Choose an answer: does anyone in your household get money each month?');
    expect(snapCheck({ ...base, incomeSources: ['pay', 'lottery'] }).problems).toEqual([
      { field: 'incomeSources', message: 'Choose an answer: where does the money come from?' },
    ]);
  });

  it('refuses a move date in the future or more than a year ago (the change of address form)', async () => {
    const address = await compiledForm('change-of-address-request');
    const field = address.form.fields.find((candidate) => candidate.name === 'moveDate');
    expect(field?.dateRange).toEqual({ notInFuture: true, withinYears: 1 });
    const problemsFor = (moveDate: string) =>
      checkAnswers(address.form, address.validate, { moveDate }, 'en', strings, now).problems.filter(
        (p) => p.field === 'moveDate',
      );
    expect(problemsFor('2026-11-15')).toEqual([]);
    expect(problemsFor('2027-02-01')).toEqual([{ field: 'moveDate', message: 'Date you moved must be today or in the past' }]);
    expect(problemsFor('2024-06-01').map((p) => p.message)).toEqual(['Date you moved must be within a year of today']);
  });

  it('refuses a date of birth in the future, naming the field, in English and Spanish', () => {
    const answers = { ...valid, dateOfBirth: '2027-01-01' };
    expect(checkAnswers(renewal2.form, renewal2.validate, answers, 'en', strings, now).problems).toEqual([
      { field: 'dateOfBirth', message: 'Date of birth must be today or in the past' },
    ]);
    expect(checkAnswers(renewal2.form, renewal2.validate, answers, 'es', strings, now).problems[0]?.message).toBe(
      'Fecha de nacimiento debe ser hoy o una fecha pasada',
    );
    expect(
      checkAnswers(renewal2.form, renewal2.validate, { ...valid, dateOfBirth: '2026-12-01' }, 'en', strings, now).problems,
    ).toEqual([]);
  });

  it('says what a memorable date looks like when it is not a real one', () => {
    const { problems } = checkAnswers(
      renewal2.form,
      renewal2.validate,
      { ...valid, dateOfBirth: '2020-2-30' },
      'en',
      strings,
      now,
    );
    expect(problems).toEqual([
      { field: 'dateOfBirth', message: 'Enter date of birth as a real date with month, day and year, like 4 28 1986' },
    ]);
  });

  it('names the part of an address or a name that is missing or wrong, in English and Spanish', () => {
    const answers = { ...base, homeAddress: { street1: '1 Main St', city: 'Springfield', state: 'IL', zip: '555' } };
    expect(snapCheck(answers).problems).toEqual([
      { field: 'homeAddress', message: 'Home address: enter a 5-digit ZIP code, like 55501' },
    ]);
    expect(snapCheck(answers, 'es').problems[0]?.message).toBe(
      'Dirección de su casa: escriba un código postal de 5 dígitos, como 55501',
    );
    expect(snapCheck({ ...base, applicantName: { given: 'Ana' } }).problems).toEqual([
      { field: 'applicantName', message: 'Your name: enter the last name' },
    ]);
    expect(snapCheck({ ...base, homeAddress: { ...base.homeAddress, state: 'XX' } }).problems[0]?.message).toBe(
      'Home address: choose the state',
    );
    expect(snapCheck({ ...base, homeAddress: { ...base.homeAddress, planet: 'Mars' } }).problems).toHaveLength(1);
  });

  it('cleans each part of an address like any other text, and refuses control characters in one', () => {
    const { answers } = snapCheck({ ...base, homeAddress: { ...base.homeAddress, street1: '  1 Main St ', street2: '' } });
    expect(answers.homeAddress).toEqual({ street1: '1 Main St', city: 'Springfield', state: 'IL', zip: '55501' });
    expect(snapCheck({ ...base, homeAddress: { ...base.homeAddress, city: 'Spring\u0000field' } }).problems[0]?.field).toBe(
      'homeAddress',
    );
  });
});

describe('date ranges', () => {
  const label = { en: 'Start date', es: 'Fecha de inicio' };
  const ranged = FormSchema.parse({
    id: 'ranged',
    title: label,
    intro: label,
    fields: [
      { name: 'start', type: 'memorableDate', label, dateRange: { notInPast: true, withinYears: 1 } },
      { name: 'died', type: 'date', label: { en: 'Date of death', es: 'Fecha de defunción' }, dateRange: { withinYears: 10 } },
    ],
  });
  const { $id: _, ...schema } = jsonSchemaFor(ranged);
  const validateRanged = validatorAjv({ source: false }).compile(schema) as CompiledValidator;
  const now = new Date('2026-12-01T23:30:00Z');
  const problems = (answers: Record<string, string>, locale: 'en' | 'es' = 'en') =>
    checkAnswers(ranged, validateRanged, answers, locale, strings, now).problems;

  it('accepts today and dates inside the range, counted in whole days', () => {
    expect(problems({ start: '2026-12-01', died: '2016-12-01' })).toEqual([]);
    expect(problems({ start: '2027-12-01', died: '2026-11-30' })).toEqual([]);
  });

  it('refuses a date in the past where only later dates make sense, and one too far away, in both languages', () => {
    expect(problems({ start: '2026-11-30', died: '2016-11-30' })).toEqual([
      { field: 'start', message: 'Start date must be today or later' },
      { field: 'died', message: 'Date of death must be within 10 years of today' },
    ]);
    expect(problems({ start: '2027-12-02', died: '2020-01-01' }, 'es')).toEqual([
      { field: 'start', message: 'Fecha de inicio debe estar a un año de hoy o menos' },
    ]);
  });
});
