/**
 * The post-transaction survey of OMB Circular A-11 section 280 (decision 0100): satisfaction and trust, the
 * service drivers (effectiveness, ease, efficiency, transparency; employee helpfulness only where a person was
 * involved), each on the five-point agreement scale, and one free-text question. Every question is optional.
 *
 * A response is about one transaction (a task done on one submission or payment) and is anonymous: it is kept
 * with the service, agency, channel, task and day, never with the person or the code (feedback-token.ts makes
 * the key it is stored under; feedback-scrub.ts cleans the free text).
 */
import { scrubComment } from './feedback-scrub.ts';

/** The tasks a survey follows: sending a form (the confirmation page), checking status, paying, a staff reply. */
export const FEEDBACK_TASKS = ['apply', 'status', 'pay', 'staff-reply'] as const;
export type FeedbackTask = (typeof FEEDBACK_TASKS)[number];

/** The A-11 §280 measures in the order the survey asks them. */
export const FEEDBACK_QUESTIONS = [
  'satisfaction',
  'trust',
  'effectiveness',
  'ease',
  'efficiency',
  'transparency',
  'employee',
] as const;
export type FeedbackQuestion = (typeof FEEDBACK_QUESTIONS)[number];

/** 1 strongly disagree … 5 strongly agree. */
export const AGREEMENT_SCALE = [1, 2, 3, 4, 5] as const;
export type Agreement = (typeof AGREEMENT_SCALE)[number];

/** Free text kept (after scrubbing) at most this long: enough for a few sentences, too short for a document. */
export const COMMENT_MAX_LENGTH = 1000;

/** Where the survey is asked: the question about employees only where a person was involved (a staff reply). */
export function questionsFor(task: FeedbackTask): readonly FeedbackQuestion[] {
  return task === 'staff-reply' ? FEEDBACK_QUESTIONS : FEEDBACK_QUESTIONS.filter((q) => q !== 'employee');
}

export function isFeedbackTask(value: unknown): value is FeedbackTask {
  return typeof value === 'string' && (FEEDBACK_TASKS as readonly string[]).includes(value);
}

/** What a person answered: any subset of the questions, and perhaps a comment (already scrubbed). */
export interface FeedbackAnswers {
  scores: Partial<Record<FeedbackQuestion, Agreement>>;
  comment?: string | undefined;
}

/** A field the person sent that cannot be an answer: named, so the 4xx says which. */
export interface FeedbackProblem {
  field: string;
  kind: 'scale' | 'not-asked' | 'too-long';
}

export type ParsedFeedback = { ok: true; answers: FeedbackAnswers } | { ok: false; problems: FeedbackProblem[] };

/**
 * The answers in the fields a form post or JSON body sent (`satisfaction=4`, `comment=…`). Blank means "no
 * answer" (every question is optional); a value off the scale, a question this task does not ask, or a comment
 * longer than a person types into the box (twice the limit: the box stops at the limit) is a problem.
 */
export function parseFeedback(task: FeedbackTask, fields: Readonly<Record<string, string | undefined>>): ParsedFeedback {
  const asked = questionsFor(task);
  const problems: FeedbackProblem[] = [];
  const scores: FeedbackAnswers['scores'] = {};
  for (const question of FEEDBACK_QUESTIONS) {
    const raw = fields[question]?.trim() ?? '';
    if (raw === '') continue;
    if (!asked.includes(question)) {
      problems.push({ field: question, kind: 'not-asked' });
      continue;
    }
    const value = /^[1-5]$/.test(raw) ? (Number(raw) as Agreement) : undefined;
    if (value === undefined) problems.push({ field: question, kind: 'scale' });
    else scores[question] = value;
  }
  const rawComment = fields.comment ?? '';
  if (rawComment.length > COMMENT_MAX_LENGTH * 2) problems.push({ field: 'comment', kind: 'too-long' });
  if (problems.length > 0) return { ok: false, problems };
  const comment = scrubComment(rawComment, COMMENT_MAX_LENGTH);
  return { ok: true, answers: { scores, ...(comment !== '' && { comment }) } };
}

/** True when nothing was answered: such a post is thanked but stores nothing. */
export function isEmptyFeedback(answers: FeedbackAnswers): boolean {
  return Object.keys(answers.scores).length === 0 && answers.comment === undefined;
}
