import { describe, expect, it } from 'vitest';
import { countFunnelStep, type FunnelCounter, type FunnelDay, namesFor, stepName, summarizeFunnel } from '#domain/funnel';

describe('funnel counters', () => {
  it('names each step as a counter, pages only with a well-formed id', () => {
    expect(stepName('started')).toBe('started');
    expect(stepName('check-answers')).toBe('check_answers');
    expect(stepName('page:about-you')).toBe('page_about-you');
    expect(stepName('page:../x')).toBeUndefined();
    expect(stepName('page:')).toBeUndefined();
  });

  it('counts the channel beside "sent" only', () => {
    expect(namesFor({ step: 'sent', channel: 'web' })).toEqual(['sent', 'channel_web']);
    expect(namesFor({ step: 'started', channel: 'web' })).toEqual(['started']);
    expect(namesFor({ step: 'sent', channel: 'Bad Channel!' })).toEqual(['sent']);
  });

  it('adds one to the day of the hit, and a failed count never fails the task', async () => {
    const added: unknown[] = [];
    const counter: FunnelCounter = {
      add: async (hit) => {
        added.push(hit);
      },
      read: async () => [],
    };
    await countFunnelStep(
      { agency: 'dmv', formId: 'renew', step: 'sent', channel: 'api', at: new Date('2026-11-30T23:59:59Z') },
      { counter },
    );
    expect(added).toEqual([{ agency: 'dmv', formId: 'renew', day: '2026-11-30', names: ['sent', 'channel_api'] }]);
    const errors: unknown[] = [];
    const failing: FunnelCounter = { ...counter, add: () => Promise.reject(new Error('throttled')) };
    await expect(
      countFunnelStep(
        { agency: 'dmv', formId: 'renew', step: 'sent', at: new Date() },
        { counter: failing, onError: (e) => errors.push(e) },
      ),
    ).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});

describe('summarizing a funnel (worked example)', () => {
  const days: FunnelDay[] = [
    {
      day: '2026-11-01',
      formId: 'renew',
      counts: {
        started: 60,
        'page_about-you': 50,
        page_vehicle: 30,
        check_answers: 28,
        sent: 25,
        channel_web: 20,
        channel_api: 5,
        status_checked: 7,
      },
    },
    {
      day: '2026-11-02',
      formId: 'renew',
      counts: { started: 40, 'page_about-you': 30, page_vehicle: 10, check_answers: 10, sent: 10, channel_web: 10, paid: 9 },
    },
    { day: '2026-11-02', formId: 'apply', counts: { sent: 3, channel_web: 3 } },
  ];

  it('sums the days, orders pages as the form does, and gives each step its drop-off from the one before', () => {
    const [apply, renew] = summarizeFunnel(days, { renew: ['about-you', 'vehicle'] });
    expect(renew?.steps).toEqual([
      { step: 'started', count: 100 },
      { step: 'page_about-you', count: 80, dropOff: 0.2 },
      { step: 'page_vehicle', count: 40, dropOff: 0.5 },
      { step: 'check_answers', count: 38, dropOff: 0.05 },
      { step: 'sent', count: 35, dropOff: 3 / 38 },
      { step: 'paid', count: 9, dropOff: 26 / 35 },
    ]);
    expect(renew?.biggestDropOff).toBe('paid');
    expect(renew?.byChannel).toEqual({ web: 30, api: 5 });
    expect(renew?.statusChecks).toBe(7);
    // Nothing counted before "sent" (a form whose pages are static today): no drop-off to mark.
    expect(apply?.steps.map((s) => s.count)).toEqual([0, 0, 3, 0]);
    expect(apply?.biggestDropOff).toBeUndefined();
  });

  it('marks the biggest drop-off among the steps people can struggle at', () => {
    const [renew] = summarizeFunnel([
      { day: 'd', formId: 'renew', counts: { started: 10, page_a: 2, check_answers: 2, sent: 2 } },
    ]);
    expect(renew?.biggestDropOff).toBe('page_a');
  });
});
