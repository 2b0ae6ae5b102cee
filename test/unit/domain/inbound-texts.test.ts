import { describe, expect, it } from 'vitest';
import { newConfirmationCode } from '#domain/confirmation-code';
import { answerInboundText, type InboundDeps, type InboundText, inboundTextOf } from '#domain/inbound-texts';
import type { OutgoingText } from '#domain/sms';
import type { Submission } from '#domain/submissions';
import type { TimelineEntry } from '#domain/timeline';
import { strings } from '../../support/forms.ts';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const PHONE = '+12025550100';

function submission(extra: Partial<Submission> = {}): Submission {
  return {
    code: newConfirmationCode(),
    formId: 'birth-certificate-request',
    serviceId: 'birth-certificate',
    agency: 'vital-records',
    status: 'in-review',
    locale: 'en',
    channel: 'web',
    answers: { fullName: 'Ana' },
    submittedAt: '2026-11-30T09:00:00.000Z',
    updatedAt: '2026-11-30T12:00:00.000Z',
    ...extra,
  };
}

function fakes(cases: Submission[] = [], options: { failSend?: boolean } = {}) {
  const sent: OutgoingText[] = [];
  const optedOut = new Set<string>();
  const answered = new Set<string>();
  const recorded: TimelineEntry[] = [];
  const deps: InboundDeps = {
    strings,
    now: () => NOW,
    optOuts: {
      isOptedOut: async (phone) => optedOut.has(phone),
      optOut: async (phone) => void optedOut.add(phone),
      optIn: async (phone) => void optedOut.delete(phone),
    },
    texts: {
      async send(text) {
        if (options.failSend) throw new Error('SMS is down');
        sent.push(text);
        return { messageId: `m-${sent.length}` };
      },
    },
    inbound: { answered: async (id) => answered.has(id), markAnswered: async (id) => void answered.add(id) },
    findByCode: async (code) => cases.find((c) => c.code === code),
    serviceTitle: (_id, locale) => (locale === 'es' ? 'Registros Vitales' : 'Vital Records'),
    statusUrl: (code) => `https://portal.example.gov/api/status/${code}`,
    record: async (entries) => void recorded.push(...entries),
  };
  return { deps, sent, optedOut, answered, recorded };
}

let n = 0;
const text = (body: string): InboundText => ({
  originationNumber: PHONE,
  destinationNumber: '+15550100999',
  messageBody: body,
  inboundMessageId: `in-${++n}`,
});

describe('an inbound text', () => {
  it('STOP opts the number out and confirms; START opts it back in', async () => {
    const { deps, sent, optedOut } = fakes();
    expect(await answerInboundText(text('STOP'), deps)).toBe('stop');
    expect(optedOut.has(PHONE)).toBe(true);
    expect(sent.at(-1)).toMatchObject({ to: PHONE });
    expect(sent.at(-1)?.body).toContain('no more texts');
    expect(await answerInboundText(text('start'), deps)).toBe('start');
    expect(optedOut.has(PHONE)).toBe(false);
  });

  it('STOP is recorded even when the confirmation cannot be sent (the retry confirms)', async () => {
    const { deps, optedOut, answered } = fakes([], { failSend: true });
    const stop = text('STOP');
    await expect(answerInboundText(stop, deps)).rejects.toThrow('SMS is down');
    expect(optedOut.has(PHONE)).toBe(true);
    expect(answered.has(stop.inboundMessageId)).toBe(false);
  });

  it('STATUS with a code answers the status and the date, and puts the question and answer on the case', async () => {
    const found = submission({ ownerSubject: 'sub-ana' });
    const { deps, sent, recorded } = fakes([found]);
    expect(await answerInboundText(text(`status ${found.code}`), deps)).toBe('status');
    expect(sent.at(-1)?.body).toContain(found.code);
    expect(sent.at(-1)?.body).toContain('In review');
    expect(sent.at(-1)?.body).toContain('Vital Records');
    expect(recorded.map((e) => [e.kind, e.direction, e.channel, e.caseCode, e.person])).toEqual([
      ['contact', 'in', 'sms', found.code, 'sub-ana'],
      ['notification-sent', 'out', 'sms', found.code, 'sub-ana'],
    ]);
    // Never the number on the timeline.
    expect(JSON.stringify(recorded)).not.toContain(PHONE);
  });

  it('ESTADO answers in Spanish', async () => {
    const found = submission();
    const { deps, sent } = fakes([found]);
    await answerInboundText(text(`ESTADO ${found.code}`), deps);
    expect(sent.at(-1)?.body).toContain('está');
    expect(sent.at(-1)?.body).toContain('Registros Vitales');
  });

  it('an unknown code, a mistyped code and anything else get their short answers and no entry', async () => {
    const { deps, sent, recorded } = fakes();
    expect(await answerInboundText(text(`STATUS ${newConfirmationCode()}`), deps)).toBe('not-found');
    expect(sent.at(-1)?.body).toContain('no application');
    expect(await answerInboundText(text('STATUS 1234'), deps)).toBe('status-mistyped');
    expect(sent.at(-1)?.body).toContain('STATUS K7M2-9QXR-4HCT');
    expect(await answerInboundText(text('hello?'), deps)).toBe('other');
    expect(sent.at(-1)?.body).toContain('Reply STOP');
    expect(recorded).toHaveLength(0);
  });

  it('the same inbound message twice is answered once', async () => {
    const { deps, sent } = fakes();
    const help = text('HELP');
    await answerInboundText(help, deps);
    expect(await answerInboundText(help, deps)).toBe('duplicate');
    expect(sent).toHaveLength(1);
  });

  it('reads End User Messaging’s SNS message and nothing else', () => {
    const payload = {
      originationNumber: '+14255550182',
      destinationNumber: '+12125550101',
      messageKeyword: 'JOIN',
      messageBody: 'EXAMPLE',
      inboundMessageId: 'cae173d2-66b9-564c-8309-21f858e9fb84',
      previousPublishedMessageId: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    };
    expect(inboundTextOf(JSON.stringify(payload))).toEqual(payload);
    expect(inboundTextOf('not json')).toBeUndefined();
    expect(inboundTextOf(JSON.stringify({ messageBody: 'x' }))).toBeUndefined();
  });
});
