/**
 * Recording a survey response (decision 0100). The handler resolves which transaction the survey is about (a
 * submission or a payment it looked up, so the service and agency cannot be forged); this module checks the
 * answers, scrubs the comment and stores one anonymous response per transaction.
 */
import { translate } from '#catalog/i18n';
import type { Locale, Strings } from '#catalog/schema';
import { InvalidAnswersError } from '#shared/errors';
import {
  type FeedbackAnswers,
  type FeedbackProblem,
  type FeedbackTask,
  isEmptyFeedback,
  parseFeedback,
} from './feedback-survey.ts';
import { feedbackToken } from './feedback-token.ts';

/** What a response is kept with: never the person, never the code. */
export interface FeedbackContext {
  task: FeedbackTask;
  agency: string;
  serviceId: string;
  /** Where the transaction happened: 'web', 'api', and the other channels as they arrive. */
  channel: string;
}

/** A stored response, as the table holds it. */
export interface FeedbackResponse extends FeedbackContext, FeedbackAnswers {
  /** feedback-token.ts: the transaction's key, unlinkable to it without the secret. */
  token: string;
  /** The day (UTC, YYYY-MM-DD) of the first answer: the quarter it is reported in never moves. */
  answeredOn: string;
  /** The day of the latest change. */
  updatedOn: string;
}

export interface FeedbackStore {
  /**
   * Writes the response under its token, replacing the answers of an earlier one (questions left blank the
   * second time are removed) and keeping its `answeredOn`. Answers the stored response.
   */
  save(response: FeedbackResponse): Promise<FeedbackResponse>;
  /** An agency's responses whose `answeredOn` is within [from, to] (days, inclusive). */
  listResponses(agency: string, from: string, to: string): Promise<FeedbackResponse[]>;
}

export const dayOf = (date: Date) => date.toISOString().slice(0, 10);

function problemMessage(problem: FeedbackProblem, locale: Locale, strings: Strings): string {
  const label = translate(strings, `feedback.q.${problem.field}.short`, locale);
  return translate(strings, `feedback.problem.${problem.kind}`, locale, { label });
}

export type RecordResult = { kind: 'saved'; response: FeedbackResponse } | { kind: 'nothing-answered' };

export async function recordFeedback(
  input: {
    context: FeedbackContext;
    /** The transaction's own reference (confirmation code, payment id…): hashed into the token, not kept. */
    transaction: string;
    fields: Readonly<Record<string, string | undefined>>;
    locale: Locale;
  },
  deps: { store: FeedbackStore; key: string; strings: Strings; now?: () => Date },
): Promise<RecordResult> {
  const parsed = parseFeedback(input.context.task, input.fields);
  if (!parsed.ok) {
    const problems = parsed.problems.map((p) => ({
      field: p.field,
      message: problemMessage(p, input.locale, deps.strings),
    }));
    throw new InvalidAnswersError(problems.map((p) => p.message).join(' '), problems);
  }
  if (isEmptyFeedback(parsed.answers)) return { kind: 'nothing-answered' };
  const today = dayOf((deps.now ?? (() => new Date()))());
  const { task, agency, serviceId, channel } = input.context;
  const response: FeedbackResponse = {
    token: feedbackToken(deps.key, task, input.transaction),
    task,
    agency,
    serviceId,
    channel,
    scores: parsed.answers.scores,
    ...(parsed.answers.comment !== undefined && { comment: parsed.answers.comment }),
    answeredOn: today,
    updatedOn: today,
  };
  return { kind: 'saved', response: await deps.store.save(response) };
}
