/**
 * Turning what a person sent into answers the agency can trust: one shape whether it came from a plain
 * HTML form post (all strings) or from JSON, checked against the form's compiled JSON Schema, with each
 * problem named by field in plain language.
 */

import { shownQuestions } from '#catalog/conditions';
import { outOfRange as dateOutOfRange } from '#catalog/date-range';
import type { AttachedFile } from '#catalog/file-kinds';
import type { FieldProblem } from '#catalog/form-messages';
import { bareLabel, messageFor, type ProblemKind } from '#catalog/form-messages';
import { conditionalForm, itemLabel, pagesOf } from '#catalog/form-pages';
import { answersFromEntries, isRealDate } from '#catalog/form-values';
import { translate } from '#catalog/i18n';
import { isPartsType } from '#catalog/question-parts';
import type { Field, Form, Locale, RepeatingGroup, Strings } from '#catalog/schema';

/**
 * A typed answer: text, a number (cents for money), a ticked box, the values of boxes ticked, an address's or name's
 * parts, a repeating page's items, or the files attached to a file question (decision 0110).
 */
export type AnswerValue = string | number | boolean | string[] | Record<string, string> | ItemAnswers[] | AttachedFile[];
/** One item of a repeating page ("add another"): its questions' answers. */
export interface ItemAnswers {
  [name: string]: AnswerValue;
}
export type Answers = Record<string, AnswerValue>;

/** A validator compiled at build time (ajv standalone); `errors` follows ajv's ErrorObject shape. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: { keyword: string; instancePath: string; params: Record<string, unknown> }[] | null;
}

export const MAX_FIELDS = 200;

/** A plain HTML post sends strings; make them the types the form's schema expects (for one page: its questions only). */
export function answersFromFormPost(form: Form, params: URLSearchParams, questions?: readonly Field[]): Record<string, unknown> {
  return answersFromEntries(questions ?? form.fields, params, questions !== undefined);
}

// Control characters (Unicode category Cc) never belong in an answer and break downstream systems;
// tab and newlines are allowed only in long answers (textarea), checked below.
const CONTROL = /(?![\t\n])\p{Cc}/u;

function cleanText(field: Field | undefined, value: string): string | undefined {
  // U+FFFD is what a decoder leaves where the bytes were not text: the answer was damaged on the way.
  if (!value.isWellFormed() || value.includes('\uFFFD')) return undefined;
  const normalized = value.normalize('NFC');
  const multiline = field?.type === 'textarea';
  const text = multiline ? normalized.replace(/\r\n?/g, '\n').trim() : normalized.trim();
  if (CONTROL.test(text) || (!multiline && /[\n\r\t]/.test(text))) return undefined;
  return text;
}

/** Whether a real date falls outside the question's range (catalog/src/date-range.ts: the browser's rule too). */
function outOfRange(field: Field, value: string, now: Date): ProblemKind | undefined {
  return dateOutOfRange(field.dateRange, value, now);
}

/** One answer cleaned: its value (undefined: no answer), or `bad` when its text is damaged. */
function cleanValue(field: Field | undefined, raw: unknown): { value?: unknown; bad?: true } {
  if (typeof raw === 'string') {
    const cleaned = cleanText(field, raw);
    if (cleaned === undefined) return { bad: true };
    if (cleaned === '' && field && !field.required) return {};
    return { value: cleaned };
  }
  if (typeof raw === 'number' || typeof raw === 'boolean') return { value: raw };
  if (field && isPartsType(field.type) && typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    // An address or a name: each part is text, cleaned like any other (the schema checks the parts' shape).
    const parts = Object.entries(raw as Record<string, unknown>).map(
      ([part, value]) => [part, typeof value === 'string' ? cleanText(field, value) : value] as const,
    );
    if (parts.some(([, value]) => value === undefined)) return { bad: true };
    return { value: Object.fromEntries(parts.filter(([, value]) => value !== '')) };
  }
  if (field?.type === 'declaration' && typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    // The typed name is text like any other; the time signed was set by signDeclarations (never the browser's).
    const answer = { ...(raw as Record<string, unknown>) };
    if (typeof answer.name === 'string') {
      const name = cleanText(field, answer.name);
      if (name === undefined) return { bad: true };
      if (name === '') delete answer.name;
      else answer.name = name;
    }
    return { value: answer };
  }
  if (raw === null || raw === undefined) return {};
  // Anything else: let the schema say what is wrong with it.
  return { value: raw };
}

const KIND_BY_KEYWORD: Record<string, ProblemKind> = {
  required: 'required',
  minLength: 'required',
  minItems: 'required',
  const: 'required',
  maxLength: 'tooLong',
};

export interface CheckedAnswers {
  answers: Answers;
  problems: FieldProblem[];
  /** The mistakes inside items of repeating pages, by item and question (the item's page shows them). */
  itemProblems?: ItemProblem[];
}

export interface ItemProblem {
  group: string;
  index: number;
  field: string;
  message: string;
}

/** The repeating page whose answer is named `name`, if any. */
export function groupNamed(form: Form, name: string): RepeatingGroup | undefined {
  return form.pages?.find((page) => page.id === name)?.group;
}

/** The message for a mistake in a repeating page's answer: too few or too many items, or one item's answer. */
function groupMessage(
  group: RepeatingGroup,
  name: string,
  error: NonNullable<CompiledValidator['errors']>[number],
  path: string[],
  context: { locale: Locale; strings: Strings; itemProblems: ItemProblem[] },
): string {
  const { locale, strings } = context;
  const index = path[0] === undefined ? undefined : Number(path[0]);
  if (index === undefined || Number.isNaN(index)) {
    const key = error.keyword === 'maxItems' ? 'validation.groupMax' : 'validation.groupMin';
    return translate(strings, key, locale, { min: Math.max(group.min, 1), max: group.max, item: group.itemName[locale] });
  }
  const question = path[1] ?? (error.keyword === 'required' ? String(error.params.missingProperty) : '');
  const field = group.fields.find((candidate) => candidate.name === question);
  const part =
    field && isPartsType(field.type)
      ? (path[2] ?? (path[1] && error.keyword === 'required' ? String(error.params.missingProperty) : undefined))
      : undefined;
  const message = field
    ? messageFor(field, KIND_BY_KEYWORD[error.keyword] ?? 'invalid', locale, strings, part)
    : translate(strings, 'validation.unknownField', locale, { name: question });
  if (!context.itemProblems.some((problem) => problem.group === name && problem.index === index && problem.field === question))
    context.itemProblems.push({ group: name, index, field: question, message });
  return `${itemLabel(group, index, locale)}: ${message}`;
}

/**
 * Cleans the text (Unicode NFC, trimmed, no control characters or broken characters) and validates.
 * Problems come back in the order the questions appear on the form, one per question.
 */
export function checkAnswers(
  form: Form,
  validate: CompiledValidator,
  input: unknown,
  locale: Locale,
  strings: Strings,
  /** Date ranges ("not in the future") count from this day. */
  now: Date = new Date(),
): CheckedAnswers {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { answers: {}, problems: [{ field: '', message: translate(strings, 'validation.notAnObject', locale) }] };
  }
  const entries = Object.entries(input as Record<string, unknown>);
  if (entries.length > MAX_FIELDS) {
    return { answers: {}, problems: [{ field: '', message: translate(strings, 'validation.tooManyFields', locale) }] };
  }
  const problemByField = new Map<string, string>();
  const answers: Answers = {};
  const itemProblems: ItemProblem[] = [];
  for (const [name, raw] of entries) {
    const field = form.fields.find((candidate) => candidate.name === name);
    const group = groupNamed(form, name);
    if (group && Array.isArray(raw)) {
      // Each item's answers are cleaned like any other answer; a damaged one is named with its item.
      const items = raw.map((item: unknown, index) => {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
        const cleaned: Record<string, unknown> = {};
        for (const [question, value] of Object.entries(item)) {
          const itemField = group.fields.find((candidate) => candidate.name === question);
          const result = cleanValue(itemField, value);
          if (result.bad) {
            const message = translate(strings, 'validation.characters', locale, { label: itemField?.label[locale] ?? question });
            itemProblems.push({ group: name, index, field: question, message });
            problemByField.set(name, `${itemLabel(group, index, locale)}: ${message}`);
          } else if (result.value !== undefined) cleaned[question] = result.value;
        }
        return cleaned;
      });
      (answers as Record<string, unknown>)[name] = items;
      continue;
    }
    const result = cleanValue(field, raw);
    if (result.bad) {
      problemByField.set(name, translate(strings, 'validation.characters', locale, { label: field?.label[locale] ?? name }));
      continue;
    }
    if (result.value !== undefined) (answers as Record<string, unknown>)[name] = result.value;
  }

  // Answers to questions that end up hidden are dropped here, before anything is checked or stored.
  const shown = shownQuestions(conditionalForm(form), answers);
  const asked = new Set(pagesOf(form).flatMap((page) => page.questions));
  const hidden = (name: string) => !shown.has(name) && asked.has(name);
  for (const name of Object.keys(answers)) if (hidden(name)) delete answers[name];
  for (const name of [...problemByField.keys()]) if (hidden(name)) problemByField.delete(name);

  if (!validate(answers)) {
    for (const error of validate.errors ?? []) {
      // "must match then": the `required` error beside it names the question.
      if (error.keyword === 'if') continue;
      const path = error.instancePath.split('/').slice(1);
      const inAnswer = path.length > 0;
      const name = inAnswer
        ? (path[0] ?? '')
        : error.keyword === 'required'
          ? String(error.params.missingProperty)
          : error.keyword === 'additionalProperties'
            ? String(error.params.additionalProperty)
            : '';
      const group = groupNamed(form, name);
      if (group) {
        // Every item's mistakes are kept for the item's page; the list names the first.
        const message = groupMessage(group, name, error, path.slice(1), { locale, strings, itemProblems });
        if (!problemByField.has(name)) problemByField.set(name, message);
        continue;
      }
      if (problemByField.has(name)) continue;
      const field = form.fields.find((candidate) => candidate.name === name);
      if (!field) {
        problemByField.set(name, translate(strings, 'validation.unknownField', locale, { name }));
        continue;
      }
      // Which box of an address or a name is wrong: the part the error is about, or the one missing.
      const part =
        inAnswer && (isPartsType(field.type) || field.type === 'declaration')
          ? (path[1] ?? (error.keyword === 'required' ? String(error.params.missingProperty) : undefined))
          : undefined;
      problemByField.set(name, messageFor(field, KIND_BY_KEYWORD[error.keyword] ?? 'invalid', locale, strings, part));
    }
  }
  for (const field of form.fields) {
    const value = answers[field.name];
    const isDate = field.type === 'date' || field.type === 'memorableDate';
    if (!isDate || typeof value !== 'string' || problemByField.has(field.name)) continue;
    const kind = isRealDate(value) ? outOfRange(field, value, now) : 'invalid';
    if (kind) problemByField.set(field.name, messageFor(field, kind, locale, strings));
  }
  // The same calendar and range checks inside the items of repeating pages.
  for (const page of pagesOf(form)) {
    const items = answers[page.id];
    if (!page.group || !Array.isArray(items)) continue;
    const group = page.group;
    items.forEach((item, index) => {
      for (const field of group.fields) {
        const value = (item as ItemAnswers)[field.name];
        const isDate = field.type === 'date' || field.type === 'memorableDate';
        const known = itemProblems.some(
          (problem) => problem.group === page.id && problem.index === index && problem.field === field.name,
        );
        if (!isDate || typeof value !== 'string' || known) continue;
        const kind = isRealDate(value) ? outOfRange(field, value, now) : 'invalid';
        if (!kind) continue;
        const message = messageFor(field, kind, locale, strings);
        itemProblems.push({ group: page.id, index, field: field.name, message });
        if (!problemByField.has(page.id)) problemByField.set(page.id, `${itemLabel(group, index, locale)}: ${message}`);
      }
    });
  }

  // A group's total ("the owners' shares add up to 100 at most"), once each item's own answers are right.
  for (const page of pagesOf(form)) {
    const total = page.group?.total;
    const items = answers[page.id];
    if (!total || !Array.isArray(items) || problemByField.has(page.id)) continue;
    const sum = items.reduce((added: number, item) => {
      const value = (item as ItemAnswers)[total.question];
      return typeof value === 'number' ? added + value : added;
    }, 0);
    if (sum <= total.atMost) continue;
    const field = page.group?.fields.find((candidate) => candidate.name === total.question);
    const label = field ? bareLabel(field, locale) : total.question;
    problemByField.set(page.id, translate(strings, 'validation.groupTotal', locale, { label, total: sum, max: total.atMost }));
  }

  const inOrder = [...asked];
  const order = (name: string) => {
    const index = inOrder.indexOf(name);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  const problems = [...problemByField.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([field, message]) => ({ field, message }));
  return { answers, problems, ...(itemProblems.length > 0 && { itemProblems }) };
}
