import { describe, expect, it } from 'vitest';
import {
  type ChannelVolumeDay,
  channelCountsForLink,
  channelCountsOf,
  counterName,
  serviceOf,
  summarizeChannelVolume,
  VOLUME_CHANNELS,
  volumeChannelOf,
} from '#domain/channel-volume';
import { CHANNELS, type TimelineEntry } from '#domain/timeline';

let n = 0;
function entry(over: Partial<TimelineEntry>): TimelineEntry {
  n += 1;
  return {
    id: `e${n}`,
    kind: 'contact',
    channel: 'voice',
    direction: 'in',
    occurredAt: '2026-12-01T09:30:00.000Z',
    agency: 'revenue',
    actor: 'citizen',
    summary: 'Call',
    ...over,
  };
}

describe('which counter an entry adds to', () => {
  it('is its own channel for a contact, a submission, a status change and a notification', () => {
    expect(volumeChannelOf({ kind: 'contact', channel: 'voice' })).toBe('voice');
    expect(volumeChannelOf({ kind: 'contact', channel: 'chat' })).toBe('chat');
    expect(volumeChannelOf({ kind: 'submitted', channel: 'web' })).toBe('web');
    expect(volumeChannelOf({ kind: 'status-changed', channel: 'web' })).toBe('web');
    expect(volumeChannelOf({ kind: 'notification-sent', channel: 'email' })).toBe('email');
    expect(volumeChannelOf({ kind: 'notification-sent', channel: 'sms' })).toBe('sms');
  });

  it('is "payment" for a payment started, paid or refunded (on the web, but a contact of its own)', () => {
    for (const kind of ['payment-started', 'paid', 'refunded'] as const)
      expect(volumeChannelOf({ kind, channel: 'web' })).toBe('payment');
  });

  it('is none for a delivery report: the e-mail it reports on was counted when it was sent', () => {
    for (const kind of ['delivered', 'bounced', 'complained'] as const)
      expect(volumeChannelOf({ kind, channel: 'email' })).toBeUndefined();
  });

  it('covers every timeline channel', () => {
    for (const channel of CHANNELS) expect(VOLUME_CHANNELS).toContain(channel);
  });
});

describe('what a transaction adds', () => {
  it('counts a call in for the agency and the case’s service, on the day it happened', () => {
    const call = entry({ caseCode: 'K7M2-9QXR-4HCT', serviceId: 'income-tax-return', occurredAt: '2026-11-30T23:59:00.000Z' });
    expect(channelCountsOf([call])).toEqual([
      { agency: 'revenue', day: '2026-11-30', serviceId: 'income-tax-return', add: { voice_in: 1 } },
    ]);
  });

  it('counts an unlinked contact (no case) for the agency, with no service', () => {
    expect(channelCountsOf([entry({ channel: 'chat', direction: 'out' })])).toEqual([
      { agency: 'revenue', day: '2026-12-01', add: { chat_out: 1 } },
    ]);
  });

  it('ignores a service on an entry about no case, and a malformed service id', () => {
    expect(serviceOf({ serviceId: 'x' })).toBeUndefined();
    expect(serviceOf({ caseCode: 'K7M2-9QXR-4HCT', serviceId: 'Not An Id!' })).toBeUndefined();
    expect(serviceOf({ caseCode: 'K7M2-9QXR-4HCT', serviceId: 'dog-licence' })).toBe('dog-licence');
  });

  it('merges the entries of one change into one update per counter item (a transaction may not touch an item twice)', () => {
    const about = { caseCode: 'K7M2-9QXR-4HCT', serviceId: 'dog-licence', channel: 'sms' as const };
    const counts = channelCountsOf([
      entry({ ...about, direction: 'in' }),
      entry({ ...about, kind: 'notification-sent', direction: 'out' }),
      entry({ ...about, direction: 'in' }),
    ]);
    expect(counts).toEqual([{ agency: 'revenue', day: '2026-12-01', serviceId: 'dog-licence', add: { sms_in: 2, sms_out: 1 } }]);
  });

  it('keeps days, services and agencies apart', () => {
    const counts = channelCountsOf([
      entry({}),
      entry({ occurredAt: '2026-12-02T00:00:00.000Z' }),
      entry({ caseCode: 'K7M2-9QXR-4HCT', serviceId: 'dog-licence' }),
      entry({ agency: 'labor' }),
    ]);
    expect(counts).toHaveLength(4);
  });

  it('adds nothing for delivery reports alone', () => {
    expect(channelCountsOf([entry({ kind: 'delivered', channel: 'email', direction: 'out' })])).toEqual([]);
    expect(channelCountsOf([])).toEqual([]);
  });
});

describe('a contact linked to a case', () => {
  it('moves its count from "no service" to the case’s service: the agency total stays', () => {
    const linked = entry({ channel: 'letter', caseCode: 'K7M2-9QXR-4HCT', serviceId: 'dog-licence' });
    expect(channelCountsForLink(linked)).toEqual([
      { agency: 'revenue', day: '2026-12-01', add: { letter_in: -1 } },
      { agency: 'revenue', day: '2026-12-01', serviceId: 'dog-licence', add: { letter_in: 1 } },
    ]);
  });

  it('moves nothing when linked to a person only, or to a case whose service is unknown', () => {
    expect(channelCountsForLink(entry({ person: 'sub-ana' }))).toEqual([]);
    expect(channelCountsForLink(entry({ caseCode: 'K7M2-9QXR-4HCT' }))).toEqual([]);
  });
});

describe('the volumes over a range', () => {
  const days: ChannelVolumeDay[] = [
    { day: '2026-12-01', counts: { voice_in: 3, chat_in: 1, letter_in: 1, letter_in_unused: 0 } },
    { day: '2026-12-01', serviceId: 'dog-licence', counts: { voice_in: 2, voice_out: 1, web_in: 4, payment_in: 2 } },
    { day: '2026-12-02', serviceId: 'dog-licence', counts: { voice_in: 1, email_out: 5 } },
    { day: '2026-12-02', serviceId: 'business-permit', counts: { chat_in: 2 } },
  ];

  it('sums the agency over every item, contacts about no case included, in channel order', () => {
    expect(summarizeChannelVolume(days).agency).toEqual([
      { channel: 'web', in: 4, out: 0, total: 4 },
      { channel: 'payment', in: 2, out: 0, total: 2 },
      { channel: 'email', in: 0, out: 5, total: 5 },
      { channel: 'chat', in: 3, out: 0, total: 3 },
      { channel: 'voice', in: 6, out: 1, total: 7 },
      { channel: 'letter', in: 1, out: 0, total: 1 },
    ]);
  });

  it('sums each service over its days, services by id, channels without contacts left out', () => {
    const { byService } = summarizeChannelVolume(days);
    expect(byService.map((s) => s.serviceId)).toEqual(['business-permit', 'dog-licence']);
    expect(byService[1]?.rows).toEqual([
      { channel: 'web', in: 4, out: 0, total: 4 },
      { channel: 'payment', in: 2, out: 0, total: 2 },
      { channel: 'email', in: 0, out: 5, total: 5 },
      { channel: 'voice', in: 3, out: 1, total: 4 },
    ]);
  });

  it('keeps one service, or one channel, when the filters say so', () => {
    expect(summarizeChannelVolume(days, { serviceId: 'business-permit' }).byService).toEqual([
      { serviceId: 'business-permit', rows: [{ channel: 'chat', in: 2, out: 0, total: 2 }] },
    ]);
    const voice = summarizeChannelVolume(days, { channel: 'voice' });
    expect(voice.agency).toEqual([{ channel: 'voice', in: 6, out: 1, total: 7 }]);
    expect(voice.byService.map((s) => s.serviceId)).toEqual(['dog-licence']);
  });

  it('nets a linked contact’s move: −1 with no service and +1 on the service leave the agency total', () => {
    const moved: ChannelVolumeDay[] = [
      { day: '2026-12-01', counts: { [counterName('letter', 'in')]: 1 } },
      { day: '2026-12-01', counts: { letter_in: -1 } },
      { day: '2026-12-01', serviceId: 'dog-licence', counts: { letter_in: 1 } },
    ];
    const summary = summarizeChannelVolume(moved);
    expect(summary.agency).toEqual([{ channel: 'letter', in: 1, out: 0, total: 1 }]);
    expect(summary.byService).toEqual([{ serviceId: 'dog-licence', rows: [{ channel: 'letter', in: 1, out: 0, total: 1 }] }]);
  });

  it('is empty with no counters', () => {
    expect(summarizeChannelVolume([])).toEqual({ agency: [], byService: [] });
  });
});
