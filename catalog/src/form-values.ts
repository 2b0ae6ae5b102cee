/**
 * What a plain HTML form post means as answers: every value arrives as a string, so make each the type the form's
 * schema expects. One function for the functions (answers.ts) and the browser script (which evaluates conditions
 * on the answers being typed), so both read the same answers from the same inputs. No imports: it runs in both.
 */
export interface QuestionType {
  name: string;
  type: string;
}

const TRUE = new Set(['yes', 'on', 'true']);

/**
 * `entries` as the browser sends them (name, value), last value wins. Control fields (starting with `_`) are not
 * answers. With `only`, names that are not among `questions` are ignored (a page's post answers its own
 * questions only); without it they are kept, so the schema refuses them by name.
 */
export function answersFromEntries(
  questions: readonly QuestionType[],
  entries: Iterable<readonly [string, string]>,
  only = false,
): Record<string, unknown> {
  const byName = new Map(questions.map((question) => [question.name, question]));
  const last = new Map<string, string>();
  for (const [name, value] of entries) {
    if (name.startsWith('_')) continue; // control fields such as _locale and _idempotency
    last.set(name, value);
  }
  const answers: Record<string, unknown> = {};
  for (const [name, value] of last) {
    const question = byName.get(name);
    if (!question) {
      if (!only) answers[name] = value;
      continue;
    }
    if (question.type === 'checkbox') continue; // below: an unticked box sends nothing at all
    if (value.trim() === '') continue; // an empty optional answer is no answer
    answers[name] = question.type === 'integer' && /^\s*-?\d{1,15}\s*$/.test(value) ? Number.parseInt(value, 10) : value;
  }
  for (const question of questions) {
    if (question.type === 'checkbox') answers[question.name] = TRUE.has(last.get(question.name) ?? '');
  }
  return answers;
}
