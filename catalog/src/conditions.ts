/**
 * THE condition evaluator: whether a question or a page is shown, from the answers given before it. One module
 * for the functions (which drop the answers to hidden questions), the site's browser script (which hides and
 * shows questions as the person answers) and the build (which checks every condition and compiles each one into
 * the form's JSON Schema). It imports nothing, so the browser bundle stays small.
 *
 * "Answered" means the answer is present: an empty optional answer is no answer (see form-values.ts), and a
 * checkbox question on a page that was sent is always answered (true or false).
 */

export type ConditionValue = string | number | boolean;

/** When a question or a page is shown. Written in the catalog's form files (docs/forms.md). */
export type Condition =
  | { question: string; equals: ConditionValue }
  | { question: string; oneOf: ConditionValue[] }
  | { question: string; greaterThan: number }
  | { question: string; lessThan: number }
  | { question: string; atLeast: number }
  | { question: string; atMost: number }
  | { question: string; answered: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export type AnswerLike = Readonly<Record<string, unknown>>;

/** Whether the condition holds for these answers. Answers to questions that are hidden must already be absent. */
export function holds(condition: Condition, answers: AnswerLike): boolean {
  if ('all' in condition) return condition.all.every((part) => holds(part, answers));
  if ('any' in condition) return condition.any.some((part) => holds(part, answers));
  if ('not' in condition) return !holds(condition.not, answers);
  const present = Object.hasOwn(answers, condition.question) && answers[condition.question] !== undefined;
  const value = answers[condition.question];
  if ('answered' in condition) return present === condition.answered;
  if (!present) return false;
  if ('equals' in condition) return value === condition.equals;
  if ('oneOf' in condition) return condition.oneOf.some((candidate) => candidate === value);
  if (typeof value !== 'number') return false;
  if ('greaterThan' in condition) return value > condition.greaterThan;
  if ('lessThan' in condition) return value < condition.lessThan;
  if ('atLeast' in condition) return value >= condition.atLeast;
  return value <= condition.atMost;
}

/** Every question a condition names, in the order written. */
export function questionsNamed(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(questionsNamed);
  if ('any' in condition) return condition.any.flatMap(questionsNamed);
  if ('not' in condition) return questionsNamed(condition.not);
  return [condition.question];
}

/** The same condition as a JSON Schema (draft 2020-12) about the answers object, for `if`. */
export function conditionSchema(condition: Condition): Record<string, unknown> {
  if ('all' in condition) return { allOf: condition.all.map(conditionSchema) };
  if ('any' in condition) return { anyOf: condition.any.map(conditionSchema) };
  if ('not' in condition) return { not: conditionSchema(condition.not) };
  const name = condition.question;
  if ('answered' in condition) return condition.answered ? { required: [name] } : { not: { required: [name] } };
  const about = (schema: Record<string, unknown>) => ({ type: 'object', required: [name], properties: { [name]: schema } });
  if ('equals' in condition) return about({ const: condition.equals });
  if ('oneOf' in condition) return about({ enum: condition.oneOf });
  if ('greaterThan' in condition) return about({ type: 'number', exclusiveMinimum: condition.greaterThan });
  if ('lessThan' in condition) return about({ type: 'number', exclusiveMaximum: condition.lessThan });
  if ('atLeast' in condition) return about({ type: 'number', minimum: condition.atLeast });
  return about({ type: 'number', maximum: condition.atMost });
}

/** What the evaluator needs to know about a form: its pages in order, each with its questions in order. */
export interface ConditionalForm {
  pages: readonly { when?: Condition | undefined; questions: readonly { name: string; when?: Condition | undefined }[] }[];
}

/**
 * The questions shown for these answers, in form order. Conditions only name earlier questions (the build checks
 * this), so each is evaluated on the answers kept so far: a question that depends on a hidden one sees it unanswered.
 */
export function shownQuestions(form: ConditionalForm, answers: AnswerLike): Set<string> {
  const shown = new Set<string>();
  const kept: Record<string, unknown> = {};
  for (const page of form.pages) {
    if (page.when && !holds(page.when, kept)) continue;
    for (const question of page.questions) {
      if (question.when && !holds(question.when, kept)) continue;
      shown.add(question.name);
      if (Object.hasOwn(answers, question.name) && answers[question.name] !== undefined)
        kept[question.name] = answers[question.name];
    }
  }
  return shown;
}

/**
 * The answers without those to questions that end up hidden (they are never stored). Names that are no question
 * of the form stay, so the schema can refuse them by name.
 */
export function withoutHidden<T>(form: ConditionalForm, answers: Readonly<Record<string, T>>): Record<string, T> {
  const shown = shownQuestions(form, answers);
  const asked = new Set(form.pages.flatMap((page) => page.questions.map((question) => question.name)));
  return Object.fromEntries(Object.entries(answers).filter(([name]) => shown.has(name) || !asked.has(name)));
}

/** The pages shown for these answers (by index), in order. */
export function shownPages(form: ConditionalForm, answers: AnswerLike): number[] {
  const shown = shownQuestions(form, answers);
  const kept = Object.fromEntries(Object.entries(answers).filter(([name]) => shown.has(name)));
  return form.pages.flatMap((page, index) => (page.when && !holds(page.when, kept) ? [] : [index]));
}
