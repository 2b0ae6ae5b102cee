/**
 * A repeating page's total: business registration's owners' shares add up to 100 percent at most. Checked with
 * the form's other answers (sending), and when the person goes on from the list of owners (the draft).
 */
import { describe, expect, it } from 'vitest';
import { pageById } from '#catalog/form-pages';
import { FormSchema } from '#catalog/schema';
import { checkAnswers } from '#domain/answers';
import { type Draft, saveGroupAction } from '#domain/drafts';
import { InvalidAnswersError } from '#shared/errors';
import { businessRegistrationAnswers } from '../../support/form-answers.ts';
import { compiledForm, strings } from '../../support/forms.ts';

const compiled = await compiledForm('business-registration-application');
const owner = (given: string, share?: number) => ({
  ownerName: { given, family: 'Díaz' },
  ownerTitle: 'Member',
  ...(share !== undefined && { ownershipShare: share }),
});
// Signed as the server signs before it checks (decision 0084).
const declaration = { agreed: 'yes', name: 'Ana Díaz', signedAt: '2026-12-01T12:00:00.000Z' };
const check = (owners: unknown[], locale: 'en' | 'es' = 'en') =>
  checkAnswers(compiled.form, compiled.validate, businessRegistrationAnswers({ owners, declaration }), locale, strings).problems;

describe('the owners’ shares', () => {
  it('may add up to 100 exactly, or less', () => {
    expect(check([owner('Ana', 60), owner('Leo', 40)])).toEqual([]);
    expect(check([owner('Ana', 50), owner('Leo', 0)])).toEqual([]);
  });

  it('may not add up to more than 100: said on the owners, with the question and the total, in both languages', () => {
    expect(check([owner('Ana', 60), owner('Leo', 50)])).toEqual([
      {
        field: 'owners',
        message:
          'Together, the answers to “How much of the business do they own, in percent?” add up to 110. They can add up to 100 at most: change one or more of them.',
      },
    ]);
    expect(check([owner('Ana', 100), owner('Leo', 1)], 'es')).toEqual([
      {
        field: 'owners',
        message:
          'En total, las respuestas a «¿Qué parte del negocio es suya, en porcentaje?» suman 101. Pueden sumar 100 como máximo: cambie una o más.',
      },
    ]);
  });

  it('leaves the total alone while an owner’s own answer is wrong: that is said first', () => {
    const problems = check([owner('Ana', 100), owner('Leo', 101)]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^Owner 2: /);
  });

  it('stops the person going on from the list of owners until they add up', async () => {
    const page = pageById(compiled.form, 'owners')!;
    const draft: Draft = {
      id: 'AAAAAAAAAAAAAAAAAAAAAA',
      formId: compiled.form.id,
      formVersion: compiled.form.version,
      locale: 'en',
      answers: { owners: [owner('Ana', 70), owner('Leo', 70)] },
      lastPage: 'owners',
      updatedAt: '2026-12-01T12:00:00.000Z',
      createdAt: '2026-12-01T12:00:00.000Z',
      expiresAt: 0,
    } as Draft;
    const store = { save: async () => {}, find: async () => draft, remove: async () => {} };
    const go = (answers: Draft['answers']) =>
      saveGroupAction(
        { compiled, draft: { ...draft, answers }, page, action: { kind: 'continue' }, locale: 'en' },
        { store, strings },
      );
    const refused = await go(draft.answers).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidAnswersError);
    expect((refused as InvalidAnswersError).problems).toEqual([
      { field: 'owners', message: expect.stringContaining('add up to 140') },
    ]);
    expect((await go({ owners: [owner('Ana', 70), owner('Leo', 30)] })).next.kind).toBe('page');
  });
});

describe('a total in the catalog', () => {
  const text = (en: string) => ({ en, es: `${en} (es)` });
  const page = (total: unknown, type = 'integer') => ({
    id: 'form',
    title: text('Form'),
    intro: text('Intro'),
    pages: [
      {
        id: 'owners',
        title: text('Owners'),
        repeat: { min: 1, max: 5, itemName: text('owner'), addLabel: text('Add'), summary: 'ownerName', total },
        fields: [
          { name: 'ownerName', type: 'text', label: text('Name') },
          { name: 'share', type, label: text('Share') },
        ],
      },
    ],
  });
  const messages = (input: unknown) => {
    const result = FormSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('adds up a whole-number question of the page', () => {
    expect(messages(page({ question: 'share', atMost: 100 }))).toEqual([]);
  });

  it('is refused for a question the page does not ask, or one that is not a whole number', () => {
    expect(messages(page({ question: 'missing', atMost: 100 }))).toEqual([
      'pages.0.repeat.total.question: "missing" must be an "integer" question of this page to be added up',
    ]);
    expect(messages(page({ question: 'ownerName', atMost: 100 }))).toEqual([
      'pages.0.repeat.total.question: "ownerName" must be an "integer" question of this page to be added up',
    ]);
  });
});
