/**
 * The numbers on the CX dashboard (decision 0102), as plain functions with worked examples in
 * test/unit/domain/cx-scores.test.ts: scores per question and federal fiscal quarter with the number of
 * responses and a 95% interval, percentiles of time to decision (from the decision records of decision-times.ts).
 */
import type { FeedbackResponse } from './feedback.ts';
import { type Agreement, FEEDBACK_QUESTIONS, type FeedbackQuestion } from './feedback-survey.ts';

/** The federal fiscal quarter of a day (YYYY-MM-DD): FY2027 Q1 is October to December 2026 (A-11 reports by it). */
export function fiscalQuarter(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const fiscalYear = month >= 10 ? year + 1 : year;
  return `FY${fiscalYear} Q${Math.floor(((month + 2) % 12) / 3) + 1}`;
}

/** A 95% Wilson score interval for a share of `n` (good for small n and shares near 0 or 1, unlike p ± 1.96·se). */
export function wilsonInterval(agreeing: number, n: number, z = 1.96): [number, number] {
  if (n === 0) return [0, 0];
  const p = agreeing / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export interface QuestionScore {
  question: FeedbackQuestion;
  /** How many answered this question. */
  responses: number;
  /** How many chose each point, 1 (strongly disagree) … 5 (strongly agree). */
  distribution: Record<Agreement, number>;
  /** The mean on the 1–5 scale. */
  mean: number;
  /** The share who agreed (4 or 5): the figure A-11 dashboards show as "% satisfied". */
  agreeShare: number;
  /** 95% Wilson interval of agreeShare. */
  interval: [number, number];
}

export interface QuarterScores {
  quarter: string;
  /** Responses in the quarter (any question answered, or a comment). */
  responses: number;
  questions: QuestionScore[];
}

function scoreOf(question: FeedbackQuestion, values: Agreement[]): QuestionScore {
  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as Record<Agreement, number>;
  for (const value of values) distribution[value]++;
  const n = values.length;
  const agreeing = distribution[4] + distribution[5];
  return {
    question,
    responses: n,
    distribution,
    mean: n === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / n,
    agreeShare: n === 0 ? 0 : agreeing / n,
    interval: wilsonInterval(agreeing, n),
  };
}

/** Each quarter's scores per question (questions nobody answered that quarter are left out), oldest first. */
export function scoresByQuarter(responses: readonly FeedbackResponse[]): QuarterScores[] {
  const byQuarter = new Map<string, FeedbackResponse[]>();
  for (const response of responses) {
    const quarter = fiscalQuarter(response.answeredOn);
    byQuarter.set(quarter, [...(byQuarter.get(quarter) ?? []), response]);
  }
  return [...byQuarter.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([quarter, inQuarter]) => ({
      quarter,
      responses: inQuarter.length,
      questions: FEEDBACK_QUESTIONS.map((question) =>
        scoreOf(
          question,
          inQuarter.flatMap((r) => (r.scores[question] === undefined ? [] : [r.scores[question]])),
        ),
      ).filter((score) => score.responses > 0),
    }));
}

/** Nearest-rank percentile (p in (0, 1]) of values: always one of the values, no interpolation. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

/** The statuses that are a decision on a case (decision-times.ts records the first one). */
export const DECISION_STATUSES = ['approved', 'denied', 'completed'] as const;

export interface DecisionTimes {
  decisions: number;
  medianDays?: number | undefined;
  p90Days?: number | undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function summarizeDecisionTimes(durationsMs: readonly number[]): DecisionTimes {
  const days = durationsMs.map((ms) => ms / DAY_MS);
  const round = (value: number | undefined) => (value === undefined ? undefined : Math.round(value * 10) / 10);
  return { decisions: days.length, medianDays: round(percentile(days, 0.5)), p90Days: round(percentile(days, 0.9)) };
}
