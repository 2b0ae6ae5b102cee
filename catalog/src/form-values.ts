/**
 * What a plain HTML form post means as answers: every value arrives as a string, so make each the type the form's
 * schema expects. One function for the functions (answers.ts) and the browser script (which evaluates conditions
 * on the answers being typed), so both read the same answers from the same inputs. It imports only plain modules: it runs in both.
 */
import { isPartsType, partName, partsAnswer, QUESTION_PARTS } from './question-parts.ts';
import { DECLARATION_PARTS, declarationFrom, declarationPartName, ssnFrom } from './sensitive.ts';

export interface QuestionType {
  name: string;
  type: string;
}

const TRUE = new Set(['yes', 'on', 'true']);

/** The three boxes of a memorable date are posted as `<name>-month`, `<name>-day` and `<name>-year`. */
export const DATE_PARTS = ['month', 'day', 'year'] as const;
export const datePartName = (name: string, part: (typeof DATE_PARTS)[number]) => `${name}-${part}`;

/**
 * A memorable date's boxes as one answer: "2024-03-15" from 3, 15 and 2024 (what the hint shows, with or without
 * leading zeros). Something else typed is kept as typed, so the schema names it as the wrong shape of date.
 */
function memorableDate(parts: Record<(typeof DATE_PARTS)[number], string>): string | undefined {
  const month = parts.month.trim();
  const day = parts.day.trim();
  const year = parts.year.trim();
  if (month === '' && day === '' && year === '') return undefined;
  if (/^\d{1,2}$/.test(month) && /^\d{1,2}$/.test(day) && /^\d{4}$/.test(year)) {
    return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  }
  return `${year}-${month}-${day}`;
}

/** A YYYY-MM-DD date that is on the calendar (not February 30). */
export function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  return date.getUTCFullYear() === year && date.getUTCMonth() === (month ?? 0) - 1 && date.getUTCDate() === day;
}

/** "$1,234.5" as 123450 cents; anything that is not an amount is kept as typed, for the schema to refuse. */
export function centsFrom(text: string): number | string {
  const plain = text.replace(/[\s$,]/g, '');
  const match = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(plain);
  if (!match) return text;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/**
 * `entries` as the browser sends them (name, value), last value wins (all values, for several boxes). Control
 * fields (starting with `_`) are not answers. With `only`, names that are not among `questions` are ignored (a
 * page's post answers its own questions only); without it they are kept, so the schema refuses them by name.
 */
export function answersFromEntries(
  questions: readonly QuestionType[],
  entries: Iterable<readonly [string, string]>,
  only = false,
): Record<string, unknown> {
  const byName = new Map(questions.map((question) => [question.name, question]));
  // The boxes of a date, an address or a name belong to their question: never answers of their own.
  const partOf = new Map(
    questions.flatMap((question) => {
      if (question.type === 'memorableDate')
        return DATE_PARTS.map((part) => [datePartName(question.name, part), question.name] as const);
      if (isPartsType(question.type))
        return QUESTION_PARTS[question.type].map(({ part }) => [partName(question.name, part), question.name] as const);
      if (question.type === 'declaration')
        return DECLARATION_PARTS.map((part) => [declarationPartName(question.name, part), question.name] as const);
      return [];
    }),
  );
  const last = new Map<string, string>();
  const all = new Map<string, string[]>();
  for (const [name, value] of entries) {
    if (name.startsWith('_')) continue; // control fields such as _locale and _idempotency
    last.set(name, value);
    all.set(name, [...(all.get(name) ?? []), value]);
  }
  const answers: Record<string, unknown> = {};
  for (const [name, value] of last) {
    const question = byName.get(name);
    if (!question) {
      if (!only && !partOf.has(name)) answers[name] = value;
      continue;
    }
    if (question.type === 'checkbox' || question.type === 'checkboxes') continue; // below: unticked boxes send nothing
    if (question.type === 'file') continue; // files go to storage; the portal writes their answer (decision 0110)
    if (value.trim() === '') continue; // an empty optional answer is no answer
    if (question.type === 'integer' && /^\s*-?\d{1,15}\s*$/.test(value)) answers[name] = Number.parseInt(value, 10);
    else if (question.type === 'money') answers[name] = centsFrom(value);
    else if (question.type === 'ssn') answers[name] = ssnFrom(value);
    else answers[name] = value;
  }
  for (const question of questions) {
    if (question.type === 'checkbox') answers[question.name] = TRUE.has(last.get(question.name) ?? '');
    if (question.type === 'checkboxes') {
      const ticked = [...new Set(all.get(question.name) ?? [])].filter((value) => value !== '');
      if (ticked.length > 0) answers[question.name] = ticked;
    }
    if (isPartsType(question.type) && !last.has(question.name)) {
      const parts = partsAnswer(question.type, (part) => last.get(partName(question.name, part)) ?? '');
      if (parts !== undefined) answers[question.name] = parts;
    }
    if (question.type === 'declaration' && !last.has(question.name)) {
      const signed = declarationFrom(
        last.get(declarationPartName(question.name, 'agree')),
        last.get(declarationPartName(question.name, 'signature')),
      );
      if (signed !== undefined) answers[question.name] = signed;
    }
    if (question.type === 'memorableDate' && !last.has(question.name)) {
      const parts = Object.fromEntries(DATE_PARTS.map((part) => [part, last.get(datePartName(question.name, part)) ?? '']));
      const date = memorableDate(parts as Record<(typeof DATE_PARTS)[number], string>);
      if (date !== undefined) answers[question.name] = date;
    }
  }
  return answers;
}
