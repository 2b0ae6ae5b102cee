/**
 * The one condition evaluator: what each kind of condition means, and a property test that the three places
 * reading conditions agree on every generated form and answer set — the compiled JSON Schema (what ajv accepts),
 * the server (checkAnswers: which answers it keeps, whether it finds a problem) and the browser (which questions
 * of the page on screen it shows, reading the answers as the inputs hold them).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Condition, holds, shownQuestions, withoutHidden } from '#catalog/conditions';
import { conditionalForm, pagesOf } from '#catalog/form-pages';
import { jsonSchemaFor } from '#catalog/form-schema';
import { type Form, FormSchema } from '#catalog/schema';
import { type AnswerValue, type CompiledValidator, checkAnswers } from '#domain/answers';
import { validatorAjv } from '../../../scripts/build-functions.ts';
import { shownOnPage } from '../../../web/src/scripts/form-conditions.ts';
import { compiledForm, strings } from '../../support/forms.ts';

describe('a condition', () => {
  const answers = { relationship: 'child', copies: 3, confirm: false, name: 'Ana' };
  const cases: [string, Condition, boolean][] = [
    ['equals a choice', { question: 'relationship', equals: 'child' }, true],
    ['equals another choice', { question: 'relationship', equals: 'self' }, false],
    ['equals only the same type (3 is not "3")', { question: 'copies', equals: '3' }, false],
    ['one of several choices', { question: 'relationship', oneOf: ['self', 'child'] }, true],
    ['greater than', { question: 'copies', greaterThan: 2 }, true],
    ['greater than is strict', { question: 'copies', greaterThan: 3 }, false],
    ['less than', { question: 'copies', lessThan: 4 }, true],
    ['at least is inclusive', { question: 'copies', atLeast: 3 }, true],
    ['at most is inclusive', { question: 'copies', atMost: 2 }, false],
    ['a number comparison on text never holds', { question: 'name', greaterThan: 0 }, false],
    ['answered', { question: 'name', answered: true }, true],
    ['an unticked box is still answered', { question: 'confirm', answered: true }, true],
    ['not answered', { question: 'email', answered: false }, true],
    ['a comparison about a question not answered', { question: 'email', equals: 'x' }, false],
    [
      'all of',
      {
        all: [
          { question: 'copies', atLeast: 1 },
          { question: 'relationship', equals: 'child' },
        ],
      },
      true,
    ],
    [
      'all of, one failing',
      {
        all: [
          { question: 'copies', atLeast: 5 },
          { question: 'relationship', equals: 'child' },
        ],
      },
      false,
    ],
    [
      'any of',
      {
        any: [
          { question: 'copies', atLeast: 5 },
          { question: 'relationship', equals: 'child' },
        ],
      },
      true,
    ],
    ['not', { not: { question: 'relationship', equals: 'child' } }, false],
  ];
  for (const [name, condition, expected] of cases) {
    it(`${name}: ${expected ? 'holds' : 'does not hold'}`, () => {
      expect(holds(condition, answers)).toBe(expected);
    });
  }

  it('sees a question that is itself hidden as not answered, even when an answer was sent for it', () => {
    const form = {
      pages: [
        { questions: [{ name: 'a' }, { name: 'b', when: { question: 'a', equals: 'yes' } }] },
        { questions: [{ name: 'c', when: { question: 'b', answered: true } }] },
      ],
    };
    expect([...shownQuestions(form, { a: 'no', b: 'kept?', c: 'x' })]).toEqual(['a']);
    expect(withoutHidden(form, { a: 'no', b: 'kept?', c: 'x', other: 1 })).toEqual({ a: 'no', other: 1 });
  });
});

type Kind = 'radio' | 'integer' | 'checkbox' | 'text';
const OPTIONS = ['a', 'b', 'c'];

/** A condition about some of the questions in `earlier` (name → kind), at most `depth` levels deep. */
function conditionGen(g: fc.GeneratorValue, earlier: [string, Kind][], depth: number): Condition {
  const shape = g(fc.integer, { min: 0, max: depth > 0 ? 4 : 0 });
  if (shape === 1) return { all: [conditionGen(g, earlier, depth - 1), conditionGen(g, earlier, depth - 1)] };
  if (shape === 2) return { any: [conditionGen(g, earlier, depth - 1), conditionGen(g, earlier, depth - 1)] };
  if (shape === 3) return { not: conditionGen(g, earlier, depth - 1) };
  const [question, kind] = g(fc.constantFrom, ...earlier);
  const choice = g(fc.integer, { min: 0, max: 5 });
  if (choice === 0) return { question, answered: g(fc.boolean) };
  if (kind === 'integer') {
    const n = g(fc.integer, { min: 0, max: 10 });
    return [
      { question, greaterThan: n },
      { question, lessThan: n },
      { question, atLeast: n },
      { question, atMost: n },
      { question, equals: n },
    ][choice - 1]!;
  }
  if (kind === 'checkbox') return { question, equals: g(fc.boolean) };
  if (kind === 'radio')
    return choice % 2 === 0
      ? { question, equals: g(fc.constantFrom, ...OPTIONS) }
      : { question, oneOf: g(fc.subarray, OPTIONS, { minLength: 1 }) };
  return { question, equals: g(fc.constantFrom, 'x', 'y') };
}

const label = { en: 'Question', es: 'Pregunta' };

/** A catalog form of 1–4 pages, 1–3 questions each, whose conditions name earlier questions only. */
function formGen(g: fc.GeneratorValue): Form {
  const asked: [string, Kind][] = [];
  const pages = Array.from({ length: g(fc.integer, { min: 1, max: 4 }) }, (_, pageIndex) => {
    const before = [...asked];
    const pageWhen = before.length > 0 && g(fc.boolean) ? conditionGen(g, before, 2) : undefined;
    const fields = Array.from({ length: g(fc.integer, { min: 1, max: 3 }) }, () => {
      const name = `q${asked.length}`;
      const kind = g(fc.constantFrom, 'radio', 'integer', 'checkbox', 'text') as Kind;
      const when = asked.length > 0 && g(fc.boolean) ? conditionGen(g, [...asked], 2) : undefined;
      asked.push([name, kind]);
      return {
        name,
        type: kind,
        label,
        required: g(fc.boolean),
        ...(kind === 'radio' && { options: OPTIONS.map((value) => ({ value, label })) }),
        ...(kind === 'integer' && { minimum: 0, maximum: 10 }),
        ...(when && { when }),
      };
    });
    return { id: `page-${pageIndex}`, title: label, ...(pageWhen && { when: pageWhen }), fields };
  });
  return FormSchema.parse({ id: 'generated', title: label, intro: label, pages });
}

/** Answers as a form post leaves them: a box is always answered (ticked or not), others sometimes. */
function answersGen(g: fc.GeneratorValue, form: Form): Record<string, string | number | boolean> {
  const answers: Record<string, string | number | boolean> = {};
  for (const field of form.fields) {
    if (field.type === 'checkbox') answers[field.name] = g(fc.boolean);
    else if (!g(fc.boolean)) continue;
    else if (field.type === 'integer') answers[field.name] = g(fc.integer, { min: 0, max: 10 });
    else if (field.type === 'radio') answers[field.name] = g(fc.constantFrom, ...OPTIONS);
    else answers[field.name] = g(fc.constantFrom, 'x', 'y');
  }
  return answers;
}

/** What the page's inputs hold for these answers, as the browser's FormData lists them. */
function entriesOf(form: Form, names: string[], answers: Record<string, unknown>): [string, string][] {
  return names.flatMap((name) => {
    const value = answers[name];
    const field = form.fields.find((candidate) => candidate.name === name);
    if (value === undefined || value === false) return [];
    if (Array.isArray(value)) return value.map((one) => [name, String(one)] as [string, string]);
    if (typeof value === 'object' && value !== null)
      return Object.entries(value).map(([part, text]) => [`${name}-${part}`, String(text)] as [string, string]);
    if (field?.type === 'money' && typeof value === 'number') return [[name, (value / 100).toFixed(2)] as [string, string]];
    return [[name, field?.type === 'checkbox' ? 'yes' : String(value)] as [string, string]];
  });
}

const ajv = validatorAjv({ source: false });

/** A generated form's schema, compiled as the build compiles (each without an $id: one ajv holds them all). */
function compile(form: Form): CompiledValidator {
  const { $id: _, ...schema } = jsonSchemaFor(form);
  return ajv.compile(schema) as CompiledValidator;
}

function agreeOn(form: Form, validate: CompiledValidator, answers: Record<string, AnswerValue>) {
  const shape = conditionalForm(form);
  const kept = withoutHidden(shape, answers);
  const shown = shownQuestions(shape, kept);

  // The server keeps exactly the answers the evaluator keeps, and finds a problem exactly when the schema does.
  const server = checkAnswers(form, validate, answers, 'en', strings);
  expect(server.answers).toEqual(kept);
  expect(validate(kept)).toBe(server.problems.length === 0);
  // …which is: every required question shown is answered (all generated values are valid ones).
  const complete = form.fields.every(
    (field) =>
      !field.required ||
      !shown.has(field.name) ||
      (field.name in kept && (field.type !== 'checkbox' || kept[field.name] === true)),
  );
  // …and every repeating page shown that needs items has them.
  const groupsComplete = pagesOf(form).every(
    (page) =>
      !page.group ||
      page.group.min === 0 ||
      !shown.has(page.id) ||
      (Array.isArray(kept[page.id]) && (kept[page.id] as unknown[]).length >= page.group.min),
  );
  expect(server.problems.length === 0).toBe(complete && groupsComplete);
  // The schema refuses any answer set that still holds an answer to a hidden question.
  if (Object.keys(kept).length < Object.keys(answers).length) expect(validate(answers)).toBe(false);

  // The browser, on each page shown, shows the same questions of that page as the server, from the inputs.
  const pages = pagesOf(form);
  pages.forEach((page, index) => {
    if (!page.questions.some((name) => shown.has(name)) && page.when && !holds(page.when, kept)) return;
    if (page.group) return; // the questions of each item have no conditions
    const onEarlierPages = new Set(pages.slice(0, index).flatMap((earlierPage) => earlierPage.questions));
    const earlier = Object.fromEntries(Object.entries(kept).filter(([name]) => onEarlierPages.has(name)));
    const questions = page.questions.map((name) => {
      const field = form.fields.find((candidate) => candidate.name === name)!;
      return { name, type: field.type, when: field.when };
    });
    const inBrowser = shownOnPage(questions, earlier, entriesOf(form, page.questions, answers));
    expect(page.questions.filter((name) => inBrowser.has(name))).toEqual(page.questions.filter((name) => shown.has(name)));
  });
}

describe('the compiled schema, the server and the browser', () => {
  it('agree on which questions are asked and whether the answers are complete, for generated forms and answers', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const form = formGen(g);
        agreeOn(form, compile(form), answersGen(g, form));
      }),
      { numRuns: 300 },
    );
  });

  it('agree on the catalog SNAP application, for generated answers', async () => {
    // The validator the build shipped (functions/generated/forms/snap-application.js).
    const { form, validate } = await compiledForm('snap-application');
    const values: Record<string, fc.Arbitrary<AnswerValue>> = {
      applicantName: fc.constant({ given: 'Ana', family: 'Díaz' }),
      email: fc.constant('ana@example.com'),
      phone: fc.constant('555 010 2000'),
      homeAddress: fc.constant({ street1: '1 Main St', city: 'Springfield', state: 'IL', zip: '55501' }),
      householdSize: fc.integer({ min: 1, max: 20 }),
      'household-members': fc.array(
        fc.record(
          {
            memberName: fc.constant({ given: 'Bo', family: 'Díaz' }),
            memberBirth: fc.constant('2015-06-01'),
            memberIncome: fc.integer({ min: 0, max: 10_000_000 }),
          },
          { requiredKeys: ['memberName', 'memberBirth'] },
        ),
        { minLength: 1, maxLength: 3 },
      ),
      hasIncome: fc.constantFrom('yes', 'no'),
      monthlyIncome: fc.integer({ min: 1, max: 10_000_000 }),
      incomeSources: fc.subarray(['pay', 'benefits', 'child-support', 'other'], { minLength: 1 }),
      needsFoodNow: fc.constantFrom('yes', 'no'),
    };
    const arbitrary = fc.record(values, { requiredKeys: [] }) as fc.Arbitrary<Record<string, AnswerValue>>;
    fc.assert(
      fc.property(arbitrary, (answers) => agreeOn(form, validate, answers)),
      { numRuns: 300 },
    );
  });
});
