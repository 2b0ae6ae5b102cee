import { describe, expect, it } from 'vitest';
import { answersFromFormPost, checkAnswers } from '#domain/answers';
import { compiledForm, strings } from '../../support/forms.ts';

const { form, validate } = await compiledForm('birth-certificate-request');
const valid = {
  fullName: 'Ana María Núñez',
  dateOfBirth: '2020-02-29',
  relationship: 'child',
  copies: 2,
  email: 'ana@example.com',
};

function check(answers: unknown, locale: 'en' | 'es' = 'en') {
  return checkAnswers(form, validate, answers, locale, strings);
}

describe('checking answers against a form', () => {
  it('accepts a complete, correct set of answers', () => {
    expect(check(valid)).toEqual({ answers: valid, problems: [] });
  });

  it('names every missing required question, in the order of the form', () => {
    const { problems } = check({ email: 'ana@example.com' });
    expect(problems.map((problem) => problem.field)).toEqual(['fullName', 'dateOfBirth', 'relationship', 'copies']);
    expect(problems[0]?.message).toBe('Enter full name on the birth certificate');
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
    expect(check({ ...valid, fullName: ['Ana'] }).problems.map((problem) => problem.field)).toEqual(['fullName']);
    expect(check([valid]).problems).toHaveLength(1);
    expect(check(null).problems).toHaveLength(1);
  });

  it('keeps accents, emoji and right-to-left scripts, normalised to one Unicode form', () => {
    const decomposed = 'Nu\u0301n\u0303ez 😀 مريم';
    const { answers, problems } = check({ ...valid, fullName: decomposed });
    expect(problems).toEqual([]);
    expect(answers.fullName).toBe(decomposed.normalize('NFC'));
  });

  it('refuses broken characters and control characters, naming the question', () => {
    for (const bad of ['Ana\uD800', 'Ana\u0000Díaz', 'Ana\u001bDíaz', 'Ana\nDíaz']) {
      const { problems } = check({ ...valid, fullName: bad });
      expect(problems).toEqual([
        { field: 'fullName', message: "Full name on the birth certificate has characters we can't read. Type it again." },
      ]);
    }
  });

  it('refuses an answer longer than the question allows', () => {
    expect(check({ ...valid, fullName: 'A'.repeat(121) }).problems[0]?.message).toBe(
      'Your answer for full name on the birth certificate must be 120 characters or fewer',
    );
  });

  it('treats a blank optional answer as no answer', () => {
    expect(check({ ...valid, phone: '   ' })).toEqual({ answers: valid, problems: [] });
  });
});

describe('reading a plain HTML form post', () => {
  it('turns whole numbers into numbers and skips control fields and blanks', () => {
    const params = new URLSearchParams({ ...valid, copies: '2', phone: '', _idempotency: 'x' });
    expect(answersFromFormPost(form, params)).toEqual({ ...valid, copies: 2 });
  });

  it('keeps a number that is not whole as text, so the check can explain the problem', () => {
    const params = new URLSearchParams({ copies: 'two' });
    expect(answersFromFormPost(form, params).copies).toBe('two');
  });
});
