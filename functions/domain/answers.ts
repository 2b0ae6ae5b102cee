/**
 * Turning what a person sent into answers the agency can trust: one shape whether it came from a plain
 * HTML form post (all strings) or from JSON, checked against the form's compiled JSON Schema, with each
 * problem named by field in plain language.
 */

import { shownQuestions } from '#catalog/conditions';
import type { FieldProblem } from '#catalog/form-messages';
import { messageFor, type ProblemKind } from '#catalog/form-messages';
import { conditionalForm } from '#catalog/form-pages';
import { answersFromEntries, isRealDate } from '#catalog/form-values';
import { translate } from '#catalog/i18n';
import { isPartsType } from '#catalog/question-parts';
import type { Field, Form, Locale, Strings } from '#catalog/schema';

/** A typed answer: text, a number (cents for money), a ticked box, the values of boxes ticked, or an address's or name's parts. */
export type AnswerValue = string | number | boolean | string[] | Record<string, string>;
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

/** Whether a real date falls outside the question's range (counted in whole days, UTC, from `now`). */
function outOfRange(field: Field, value: string, now: Date): ProblemKind | undefined {
  const range = field.dateRange;
  if (!range) return undefined;
  const today = now.toISOString().slice(0, 10);
  if (range.notInFuture && value > today) return 'future';
  if (range.notInPast && value < today) return 'past';
  if (range.withinYears !== undefined) {
    const year = now.getUTCFullYear();
    const earliest = `${String(year - range.withinYears).padStart(4, '0')}${today.slice(4)}`;
    const latest = `${String(year + range.withinYears).padStart(4, '0')}${today.slice(4)}`;
    if (value < earliest || value > latest) return 'tooFar';
  }
  return undefined;
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
  for (const [name, raw] of entries) {
    const field = form.fields.find((candidate) => candidate.name === name);
    if (typeof raw === 'string') {
      const cleaned = cleanText(field, raw);
      if (cleaned === undefined) {
        problemByField.set(name, translate(strings, 'validation.characters', locale, { label: field?.label[locale] ?? name }));
        continue;
      }
      if (cleaned === '' && field && !field.required) continue;
      answers[name] = cleaned;
    } else if (typeof raw === 'number' || typeof raw === 'boolean') {
      answers[name] = raw;
    } else if (field && isPartsType(field.type) && typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
      // An address or a name: each part is text, cleaned like any other (the schema checks the parts' shape).
      const parts = Object.entries(raw as Record<string, unknown>).map(
        ([part, value]) => [part, typeof value === 'string' ? cleanText(field, value) : value] as const,
      );
      if (parts.some(([, value]) => value === undefined)) {
        problemByField.set(name, translate(strings, 'validation.characters', locale, { label: field.label[locale] }));
        continue;
      }
      (answers as Record<string, unknown>)[name] = Object.fromEntries(parts.filter(([, value]) => value !== ''));
    } else if (raw !== null && raw !== undefined) {
      // Anything else: let the schema say what is wrong with it.
      (answers as Record<string, unknown>)[name] = raw;
    }
  }

  // Answers to questions that end up hidden are dropped here, before anything is checked or stored.
  const shown = shownQuestions(conditionalForm(form), answers);
  const hidden = (name: string) => !shown.has(name) && form.fields.some((field) => field.name === name);
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
      if (problemByField.has(name)) continue;
      const field = form.fields.find((candidate) => candidate.name === name);
      if (!field) {
        problemByField.set(name, translate(strings, 'validation.unknownField', locale, { name }));
        continue;
      }
      // Which box of an address or a name is wrong: the part the error is about, or the one missing.
      const part =
        inAnswer && isPartsType(field.type)
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

  const order = (name: string) => {
    const index = form.fields.findIndex((field) => field.name === name);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  const problems = [...problemByField.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([field, message]) => ({ field, message }));
  return { answers, problems };
}
