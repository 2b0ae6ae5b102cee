import { describe, expect, it } from 'vitest';
import { weeklyTrend, weekOf } from '#domain/cx-trend';
import type { FeedbackResponse } from '#domain/feedback';

const response = (answeredOn: string, scores: FeedbackResponse['scores']): FeedbackResponse => ({
  token: `t-${answeredOn}-${JSON.stringify(scores)}`,
  task: 'status',
  agency: 'dmv',
  serviceId: 'renew',
  channel: 'web',
  scores,
  answeredOn,
  updatedOn: answeredOn,
});

describe('the weekly trend of satisfaction and trust', () => {
  it('puts a day in the week that starts on its Monday', () => {
    expect(weekOf('2026-11-30')).toBe('2026-11-30'); // a Monday
    expect(weekOf('2026-12-06')).toBe('2026-11-30'); // the Sunday after
    expect(weekOf('2026-12-07')).toBe('2026-12-07');
    expect(weekOf('2027-01-01')).toBe('2026-12-28'); // across the year's end
  });

  it('gives every week of the range, with the share agreeing per week (worked example)', () => {
    const weeks = weeklyTrend(
      [
        response('2026-11-30', { satisfaction: 5, trust: 2 }),
        response('2026-12-02', { satisfaction: 4 }),
        response('2026-12-03', { satisfaction: 1, trust: 4 }),
        response('2026-12-04', {}), // a comment only: counted as a response, in neither line
        response('2026-12-16', { trust: 5 }),
      ],
      '2026-12-01',
      '2026-12-20',
    );
    expect(weeks).toEqual([
      {
        week: '2026-11-30',
        responses: 4,
        satisfaction: { responses: 3, agreeShare: 2 / 3 },
        trust: { responses: 2, agreeShare: 0.5 },
      },
      { week: '2026-12-07', responses: 0, satisfaction: { responses: 0 }, trust: { responses: 0 } },
      { week: '2026-12-14', responses: 1, satisfaction: { responses: 0 }, trust: { responses: 1, agreeShare: 1 } },
    ]);
  });
});
