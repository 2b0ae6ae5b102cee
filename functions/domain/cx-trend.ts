/**
 * The weekly trend on the CX dashboard (decision 0104): for each week of the range (weeks start on Monday, UTC),
 * how many responses and the share agreeing (4 or 5) with the satisfaction and the trust statements. Every week
 * of the range is listed, with no answer as 0 responses, so a quiet week shows as a gap rather than vanishing.
 */
import type { FeedbackResponse } from './feedback.ts';
import type { FeedbackQuestion } from './feedback-survey.ts';

export const TREND_QUESTIONS = ['satisfaction', 'trust'] as const satisfies readonly FeedbackQuestion[];
export type TrendQuestion = (typeof TREND_QUESTIONS)[number];

export interface TrendPoint {
  /** How many answered the question that week. */
  responses: number;
  /** Of those, the share who agreed (4 or 5); undefined when nobody answered. */
  agreeShare?: number | undefined;
}

export interface TrendWeek {
  /** The Monday the week starts on (YYYY-MM-DD). */
  week: string;
  /** Responses that week (any question answered, or a comment). */
  responses: number;
  satisfaction: TrendPoint;
  trust: TrendPoint;
}

const DAY_MS = 86_400_000;

/** The Monday (UTC) of a day's week. */
export function weekOf(day: string): string {
  const at = Date.parse(`${day}T00:00:00Z`);
  const sinceMonday = (new Date(at).getUTCDay() + 6) % 7;
  return new Date(at - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

function pointOf(responses: readonly FeedbackResponse[], question: TrendQuestion): TrendPoint {
  const answered = responses.flatMap((r) => (r.scores[question] === undefined ? [] : [r.scores[question]]));
  if (answered.length === 0) return { responses: 0 };
  return { responses: answered.length, agreeShare: answered.filter((v) => v >= 4).length / answered.length };
}

/** One entry per week from the week of `from` to the week of `to`, oldest first. */
export function weeklyTrend(responses: readonly FeedbackResponse[], from: string, to: string): TrendWeek[] {
  const byWeek = new Map<string, FeedbackResponse[]>();
  for (const response of responses) {
    const week = weekOf(response.answeredOn);
    byWeek.set(week, [...(byWeek.get(week) ?? []), response]);
  }
  const weeks: TrendWeek[] = [];
  const last = weekOf(to);
  for (let week = weekOf(from); week <= last; week = new Date(Date.parse(week) + 7 * DAY_MS).toISOString().slice(0, 10)) {
    const inWeek = byWeek.get(week) ?? [];
    weeks.push({
      week,
      responses: inWeek.length,
      satisfaction: pointOf(inWeek, 'satisfaction'),
      trust: pointOf(inWeek, 'trust'),
    });
  }
  return weeks;
}
