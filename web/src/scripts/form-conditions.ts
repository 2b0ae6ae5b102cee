/**
 * Which questions of the page on screen are shown, as the person answers: the browser's side of the one
 * condition evaluator (catalog/src/conditions.ts), reading the answers being typed the way the server reads the
 * post (catalog/src/form-values.ts). No DOM here, so the property test runs it beside the server's checks.
 */
import { type Condition, shownQuestions } from '#catalog/conditions';
import { answersFromEntries } from '#catalog/form-values';

export interface LiveQuestion {
  name: string;
  type: string;
  when?: Condition | undefined;
}

/**
 * The page's questions shown for what is typed now. `earlier` holds the answers of earlier pages that the page's
 * conditions name (kept in the draft, printed on the form by the server); `entries` are the form's inputs.
 */
export function shownOnPage(
  questions: readonly LiveQuestion[],
  earlier: Readonly<Record<string, unknown>>,
  entries: Iterable<readonly [string, string]>,
): Set<string> {
  const typed = answersFromEntries(questions, entries, true);
  const form = { pages: [{ questions: Object.keys(earlier).map((name) => ({ name })) }, { questions }] };
  return shownQuestions(form, { ...earlier, ...typed });
}
