import { describe, expect, it } from 'vitest';
import { fiscalQuarter, percentile, scoresByQuarter, summarizeDecisionTimes, wilsonInterval } from '#domain/cx-scores';
import type { FeedbackResponse } from '#domain/feedback';

const response = (answeredOn: string, scores: FeedbackResponse['scores']): FeedbackResponse => ({
  token: `t${Math.random()}`,
  task: 'status',
  agency: 'dmv',
  serviceId: 'renew',
  channel: 'web',
  scores,
  answeredOn,
  updatedOn: answeredOn,
});

describe('CX scores (worked examples)', () => {
  it('puts a day in its federal fiscal quarter', () => {
    expect(fiscalQuarter('2026-10-01')).toBe('FY2027 Q1');
    expect(fiscalQuarter('2026-12-31')).toBe('FY2027 Q1');
    expect(fiscalQuarter('2027-01-01')).toBe('FY2027 Q2');
    expect(fiscalQuarter('2027-06-30')).toBe('FY2027 Q3');
    expect(fiscalQuarter('2027-09-30')).toBe('FY2027 Q4');
  });

  it('computes the 95% Wilson interval', () => {
    // 8 of 10: centre (0.8 + 0.19208) / 1.38416 = 0.71676, half 0.20939 → [0.4902, 0.9433]
    const [low, high] = wilsonInterval(8, 10);
    expect(low).toBeCloseTo(0.4902, 4);
    expect(high).toBeCloseTo(0.9433, 4);
    expect(wilsonInterval(0, 0)).toEqual([0, 0]);
    const [l0, h0] = wilsonInterval(0, 5);
    expect(l0).toBe(0);
    expect(h0).toBeCloseTo(0.4345, 4);
  });

  it('scores each question per quarter: count, distribution, mean, share agreeing and its interval', () => {
    const quarters = scoresByQuarter([
      response('2026-11-02', { satisfaction: 5, trust: 4 }),
      response('2026-11-03', { satisfaction: 4 }),
      response('2026-12-20', { satisfaction: 2, trust: 1 }),
      response('2026-12-21', { satisfaction: 5 }),
      response('2027-01-05', { ease: 3 }),
    ]);
    expect(quarters.map((q) => [q.quarter, q.responses])).toEqual([
      ['FY2027 Q1', 4],
      ['FY2027 Q2', 1],
    ]);
    const [satisfaction, trust] = quarters[0]?.questions ?? [];
    expect(satisfaction).toMatchObject({
      question: 'satisfaction',
      responses: 4,
      distribution: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 2 },
      mean: 4,
      agreeShare: 0.75,
    });
    expect(satisfaction?.interval[0]).toBeCloseTo(wilsonInterval(3, 4)[0], 10);
    expect(trust).toMatchObject({ question: 'trust', responses: 2, mean: 2.5, agreeShare: 0.5 });
    expect(quarters[1]?.questions.map((q) => q.question)).toEqual(['ease']);
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([], 0.5)).toBeUndefined();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
  });

  it('summarises times to decision as a nearest-rank median and 90th percentile, in days', () => {
    const day = 24 * 3600 * 1000;
    expect(summarizeDecisionTimes([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((d) => d * day))).toEqual({
      decisions: 10,
      medianDays: 5,
      p90Days: 9,
    });
    expect(summarizeDecisionTimes([])).toEqual({ decisions: 0, medianDays: undefined, p90Days: undefined });
  });
});

describe('the raw-response download', () => {
  it('has one row per response, oldest first, every score and the comment, neutralised, never the token', async () => {
    const { RESPONSE_COLUMNS, responseRows } = await import('#domain/cx-export');
    const rows = responseRows([
      { ...response('2026-11-02', { satisfaction: 2, employee: 5 }), task: 'staff-reply', comment: '=HYPERLINK("x")' },
      response('2026-11-01', { trust: 4 }),
    ]);
    expect(RESPONSE_COLUMNS).toEqual([
      'answered_on',
      'updated_on',
      'service',
      'channel',
      'task',
      'satisfaction',
      'trust',
      'effectiveness',
      'ease',
      'efficiency',
      'transparency',
      'employee',
      'comment',
    ]);
    expect(rows).toEqual([
      ['2026-11-01', '2026-11-01', 'renew', 'web', 'status', '', '4', '', '', '', '', '', ''],
      ['2026-11-02', '2026-11-02', 'renew', 'web', 'staff-reply', '2', '', '', '', '', '', '5', `'=HYPERLINK("x")`],
    ]);
    expect(JSON.stringify(rows)).not.toContain('t0.');
  });
});
