import { describe, expect, it } from 'vitest';
import { type DecisionRecord, decisionRecordFor, isDecision, summarizeDecisions } from '#domain/decision-times';
import { STATUSES } from '#domain/submissions';

const DAY = 24 * 3600 * 1000;
const sent = {
  agency: 'dmv',
  serviceId: 'renew',
  channel: 'web',
  code: 'K7M2-9QXR-4HPW',
  submittedAt: '2026-11-01T00:00:00.000Z',
} as const;

const record = (serviceId: string, days: number, channel = 'web'): DecisionRecord => ({
  ...sent,
  serviceId,
  channel,
  sentAt: sent.submittedAt,
  status: 'approved',
  decidedAt: new Date(Date.parse(sent.submittedAt) + days * DAY).toISOString(),
  durationMs: days * DAY,
});

describe('the decision record a status change writes', () => {
  it('is written for a move from an open status to approved, denied or completed', () => {
    for (const to of ['approved', 'denied', 'completed'] as const)
      expect(decisionRecordFor({ ...sent, status: 'in-review' }, to, '2026-11-05T12:00:00.000Z')).toEqual({
        agency: 'dmv',
        serviceId: 'renew',
        channel: 'web',
        code: sent.code,
        status: to,
        sentAt: sent.submittedAt,
        decidedAt: '2026-11-05T12:00:00.000Z',
        durationMs: 4.5 * DAY,
      });
  });

  it('is not written for a move that is no decision, nor for a case already decided (approved → completed)', () => {
    for (const to of ['received', 'in-review', 'needs-information', 'withdrawn'] as const)
      expect(decisionRecordFor({ ...sent, status: 'in-review' }, to, '2026-11-05T00:00:00.000Z')).toBeUndefined();
    expect(decisionRecordFor({ ...sent, status: 'approved' }, 'completed', '2026-11-09T00:00:00.000Z')).toBeUndefined();
  });

  it('knows which statuses are decisions', () => {
    expect(STATUSES.filter(isDecision)).toEqual(['approved', 'denied', 'completed']);
  });
});

describe('median and 90th percentile, for the agency and each service', () => {
  const records = [
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((d) => record('renew', d)),
    record('permit', 20, 'api'),
    record('permit', 30, 'api'),
  ];

  it('are nearest-rank over every decision (worked example)', () => {
    // 12 durations 1..10, 20, 30 days: median = 6th = 6, p90 = ceil(10.8) = 11th = 20.
    expect(summarizeDecisions(records)).toEqual({
      agency: { decisions: 12, medianDays: 6, p90Days: 20 },
      byService: [
        { serviceId: 'permit', times: { decisions: 2, medianDays: 20, p90Days: 30 } },
        { serviceId: 'renew', times: { decisions: 10, medianDays: 5, p90Days: 9 } },
      ],
    });
  });

  it('keep only the filtered service and channel', () => {
    expect(summarizeDecisions(records, { serviceId: 'permit' }).agency).toEqual({ decisions: 2, medianDays: 20, p90Days: 30 });
    expect(summarizeDecisions(records, { channel: 'web' }).byService.map((s) => s.serviceId)).toEqual(['renew']);
    expect(summarizeDecisions([], {})).toEqual({
      agency: { decisions: 0, medianDays: undefined, p90Days: undefined },
      byService: [],
    });
  });
});
