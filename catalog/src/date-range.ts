/**
 * Which dates a question takes, counted in whole days (UTC) from the day it is checked: the one rule the server
 * (functions/domain/answers.ts) and the site's inline checks (web/src/scripts/form-enhance.ts) both apply. No
 * imports: the browser uses it.
 */
export interface DateRange {
  notInFuture?: boolean | undefined;
  notInPast?: boolean | undefined;
  withinYears?: number | undefined;
}

export type DateRangeProblem = 'future' | 'past' | 'tooFar';

/** Whether a real YYYY-MM-DD date falls outside the range, and how. */
export function outOfRange(range: DateRange | undefined, value: string, now: Date): DateRangeProblem | undefined {
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
