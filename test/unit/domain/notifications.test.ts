import { describe, expect, it } from 'vitest';
import { emailEventOf } from '#adapters/ses-events';
import type { CaseRecord } from '#domain/cases';
import { newConfirmationCode } from '#domain/confirmation-code';
import type { ResumeRecord } from '#domain/draft-resume';
import {
  type EmailState,
  emailFor,
  type Mailer,
  type Notice,
  type NoticeStore,
  type NotifyDeps,
  notifyAbout,
  type OutgoingEmail,
  recordEmailEvent,
  textAbout,
  textFor,
} from '#domain/notifications';
import type { Preferences } from '#domain/preferences';
import type { OutgoingText } from '#domain/sms';
import type { Submission } from '#domain/submissions';
import { paymentEntry, type TimelineEntry, timelineEntry } from '#domain/timeline';
import { strings } from '../../support/forms.ts';

const NOW = new Date('2026-12-01T10:00:00.000Z');

function record(extra: Partial<Submission> = {}, messages: CaseRecord['messages'] = []): CaseRecord {
  const submission: Submission = {
    code: newConfirmationCode(),
    formId: 'birth-certificate-request',
    serviceId: 'birth-certificate',
    agency: 'vital-records',
    status: 'received',
    locale: 'en',
    channel: 'web',
    answers: { fullName: 'Ana' },
    submittedAt: '2026-11-30T09:00:00.000Z',
    updatedAt: '2026-11-30T09:00:00.000Z',
    applicantEmail: 'ana@example.com',
    ...extra,
  };
  return { submission, history: [], messages };
}

function entryFor(found: CaseRecord, kind: TimelineEntry['kind'], extra: Partial<TimelineEntry> = {}): TimelineEntry {
  return timelineEntry(
    {
      kind,
      channel: 'web',
      direction: 'out',
      agency: found.submission.agency,
      actor: 'staff',
      summary: kind,
      caseCode: found.submission.code,
      ...extra,
    },
    { now: () => NOW },
  );
}

function fakes(cases: CaseRecord[], options: { failSend?: boolean } = {}) {
  const sent: OutgoingEmail[] = [];
  const notices = new Map<string, Notice>();
  const entries: TimelineEntry[] = [];
  const mailer: Mailer = {
    async send(email) {
      if (options.failSend) throw new Error('SES is down');
      sent.push(email);
      return { messageId: `msg-${sent.length}` };
    },
  };
  const store: NoticeStore = {
    sentFor: async (id) => notices.has(id),
    async recordSent(notice, entry) {
      if (notices.has(notice.entryId)) return 'duplicate';
      notices.set(notice.entryId, notice);
      entries.push(entry);
      return 'recorded';
    },
    byMessageId: async (id) => [...notices.values()].find((n) => n.messageId === id),
    async recordOnce(entry) {
      if (entries.some((e) => e.id === entry.id)) return 'duplicate';
      entries.push(entry);
      return 'recorded';
    },
  };
  const deps: NotifyDeps = {
    cases: { findCase: async (code) => cases.find((c) => c.submission.code === code) },
    mailer,
    notices: store,
    strings,
    now: () => NOW,
    agencyName: (_service, locale) => (locale === 'es' ? 'Registros Vitales' : 'Vital Records'),
    statusUrl: (code, locale) => `https://portal.example.gov/api/status/${code}${locale === 'es' ? '?lang=es' : ''}`,
  };
  return { deps, sent, entries, notices };
}

describe('the e-mail an entry calls for', () => {
  it('on a submission: the code, the status link, in the person’s language', () => {
    const found = record({ locale: 'es' });
    const email = emailFor(entryFor(found, 'submitted'), found, fakes([found]).deps);
    expect(email).toMatchObject({
      to: 'ana@example.com',
      locale: 'es',
      subject: `Recibimos su solicitud (${found.submission.code})`,
      code: found.submission.code,
      link: { href: `https://portal.example.gov/api/status/${found.submission.code}?lang=es` },
    });
    expect(email?.paragraphs[0]).toBe('Registros Vitales recibió su solicitud.');
  });

  it('on a status change: the new status, and the word that went with it while it is still current', () => {
    const found = record({ status: 'needs-information', statusMessage: 'Send your ID' });
    const { deps } = fakes([found]);
    const current = emailFor(entryFor(found, 'status-changed', { status: 'needs-information' }), found, deps);
    expect(current?.paragraphs[0]).toContain('We need more information');
    expect(current?.quote).toBe('Send your ID');
    const older = emailFor(entryFor(found, 'status-changed', { status: 'in-review' }), found, deps);
    expect(older?.paragraphs[0]).toContain('In review');
    expect(older?.quote).toBeUndefined();
  });

  it('on a message: its text, never an internal note’s', () => {
    const by = { subject: 's', name: 'Vera' };
    const found = record({}, [
      { id: 'm-1', at: NOW.toISOString(), kind: 'message', text: 'Please send a photo', by },
      { id: 'n-1', at: NOW.toISOString(), kind: 'note', text: 'Internal: looks fine', by },
    ]);
    const { deps } = fakes([found]);
    expect(emailFor(entryFor(found, 'staff-message', { messageId: 'm-1' }), found, deps)?.quote).toBe('Please send a photo');
    expect(emailFor(entryFor(found, 'staff-message', { messageId: 'n-1' }), found, deps)?.quote).toBeUndefined();
  });

  it('on a payment: a receipt with the amount in the person’s words', () => {
    const found = record();
    const paid = paymentEntry(
      'paid',
      { agency: 'vital-records', currency: 'usd', subject: { kind: 'submission', code: found.submission.code } },
      2500,
      NOW.toISOString(),
      { now: () => NOW },
    ) as TimelineEntry;
    const email = emailFor(paid, found, fakes([found]).deps);
    expect(email?.subject).toBe(`Payment receipt (${found.submission.code})`);
    expect(email?.paragraphs[0]).toBe('Vital Records received your payment of $25.00.');
  });

  it('is none when the case has no address', () => {
    const found = record({ applicantEmail: undefined });
    expect(emailFor(entryFor(found, 'submitted'), found, fakes([found]).deps)).toBeUndefined();
  });
});

describe('notifying', () => {
  it('sends once and records the notice and a "notification sent" entry about the first', async () => {
    const found = record({ ownerSubject: 'sub-ana' });
    const { deps, sent, entries } = fakes([found]);
    const entry = entryFor(found, 'submitted', { person: 'sub-ana' });
    expect(await notifyAbout(entry, deps)).toBe('sent');
    expect(await notifyAbout(entry, deps)).toBe('already-sent');
    expect(sent).toHaveLength(1);
    expect(entries).toEqual([
      expect.objectContaining({
        kind: 'notification-sent',
        channel: 'email',
        direction: 'out',
        actor: 'system',
        about: entry.id,
        person: 'sub-ana',
        caseCode: found.submission.code,
      }),
    ]);
    expect(entries[0]?.notify).toBeUndefined();
  });

  it('ignores entries that are a record only', async () => {
    const found = record();
    const { deps, sent } = fakes([found]);
    expect(await notifyAbout(entryFor(found, 'delivered'), deps)).toBe('not-notifying');
    expect(await notifyAbout({ ...entryFor(found, 'contact'), notify: true }, deps)).toBe('not-notifying');
    expect(sent).toHaveLength(0);
  });

  it('sends nothing without an address or a case, and says why', async () => {
    const noAddress = record({ applicantEmail: undefined });
    const { deps } = fakes([noAddress]);
    expect(await notifyAbout(entryFor(noAddress, 'submitted'), deps)).toBe('no-address');
    expect(await notifyAbout(entryFor(record(), 'submitted'), deps)).toBe('no-case');
  });

  it('throws when the provider fails, and records nothing (the stream retries it)', async () => {
    const found = record();
    const { deps, entries, notices } = fakes([found], { failSend: true });
    await expect(notifyAbout(entryFor(found, 'submitted'), deps)).rejects.toThrow('SES is down');
    expect(entries).toHaveLength(0);
    expect(notices.size).toBe(0);
  });
});

describe('what SES says afterwards', () => {
  it('records a delivery and a bounce once each, on the timeline the e-mail was about', async () => {
    const found = record({ ownerSubject: 'sub-ana' });
    const { deps, entries } = fakes([found]);
    await notifyAbout(entryFor(found, 'submitted', { person: 'sub-ana' }), deps);
    const event = { kind: 'delivered' as const, messageId: 'msg-1', at: '2026-12-01T10:00:05.000Z' };
    expect(await recordEmailEvent(event, { notices: deps.notices, now: () => NOW })).toBe('recorded');
    expect(await recordEmailEvent(event, { notices: deps.notices, now: () => NOW })).toBe('duplicate');
    expect(entries.at(-1)).toMatchObject({ kind: 'delivered', person: 'sub-ana', occurredAt: event.at });
    const bounce = { kind: 'bounced' as const, messageId: 'msg-1', at: event.at, bounceType: 'Permanent' };
    expect(await recordEmailEvent(bounce, { notices: deps.notices, now: () => NOW })).toBe('recorded');
    expect(entries.at(-1)?.summary).toBe('E-mail bounced (permanent)');
  });

  it('for a message the portal did not send: unknown, nothing written', async () => {
    const { deps, entries } = fakes([]);
    expect(
      await recordEmailEvent(
        { kind: 'delivered', messageId: 'other', at: NOW.toISOString() },
        { notices: deps.notices, now: () => NOW },
      ),
    ).toBe('unknown-message');
    expect(entries).toHaveLength(0);
  });

  it('maps SES’s event records: delivery and bounce kept, the rest ignored', () => {
    const mail = { messageId: 'm', timestamp: '2026-12-01T10:00:00.000Z' };
    expect(emailEventOf({ eventType: 'Delivery', mail, delivery: { timestamp: '2026-12-01T10:00:02.000Z' } })).toEqual({
      kind: 'delivered',
      messageId: 'm',
      at: '2026-12-01T10:00:02.000Z',
    });
    expect(
      emailEventOf({ eventType: 'Bounce', mail, bounce: { timestamp: '2026-12-01T10:00:03.000Z', bounceType: 'Transient' } }),
    ).toEqual({ kind: 'bounced', messageId: 'm', at: '2026-12-01T10:00:03.000Z', bounceType: 'Transient' });
    expect(emailEventOf({ eventType: 'Open', mail })).toBeUndefined();
  });
});

function withTexts(cases: CaseRecord[], options: { preferences?: Preferences; optedOut?: string[]; failText?: boolean } = {}) {
  const base = fakes(cases);
  const texts: OutgoingText[] = [];
  const states = new Map<string, EmailState>();
  const optedOut = new Set(options.optedOut ?? []);
  const deps: NotifyDeps = {
    ...base.deps,
    texts: {
      async send(text) {
        if (options.failText) throw new Error('SMS is down');
        texts.push(text);
        return { messageId: `sms-${texts.length}` };
      },
    },
    optOuts: { isOptedOut: async (p) => optedOut.has(p), optOut: async () => undefined, optIn: async () => undefined },
    preferences: {
      preferencesOf: async () => options.preferences,
      savePreferences: async () => undefined,
    },
    emailStates: {
      emailState: async (a) => states.get(a),
      markEmail: async (a, state) => void states.set(a, state),
      clearBounce: async (a) => {
        if (states.get(a)?.state === 'bounced') states.delete(a);
      },
    },
  };
  return { ...base, deps, texts, states };
}

describe('texts', () => {
  const phone = '+12025550100';

  it('a person who agreed to texts gets one per notice, once, recorded as a text on the timeline', async () => {
    const found = record({ applicantPhone: phone });
    const { deps, texts, entries, sent } = withTexts([found]);
    const entry = entryFor(found, 'submitted');
    expect(await notifyAbout(entry, deps)).toBe('sent');
    expect(await textAbout(entry, deps)).toBe('sent');
    expect(await textAbout(entry, deps)).toBe('already-sent');
    expect(sent).toHaveLength(1);
    expect(texts).toEqual([{ to: phone, body: expect.stringContaining(found.submission.code) }]);
    expect(texts[0]?.body).toContain('Reply STOP');
    expect(entries.map((e) => [e.kind, e.channel])).toEqual([
      ['notification-sent', 'email'],
      ['notification-sent', 'sms'],
    ]);
  });

  it('no text without a number kept for texts, or to a number that texted STOP', async () => {
    const found = record();
    expect(await textAbout(entryFor(found, 'submitted'), withTexts([found]).deps)).toBe('no-phone');
    const texting = record({ applicantPhone: phone });
    const { deps, texts } = withTexts([texting], { optedOut: [phone] });
    expect(await textAbout(entryFor(texting, 'status-changed', { status: 'in-review' }), deps)).toBe('opted-out');
    expect(texts).toHaveLength(0);
  });

  it('a failed text throws (the stream retries it) and records nothing', async () => {
    const found = record({ applicantPhone: phone });
    const { deps, entries } = withTexts([found], { failText: true });
    await expect(textAbout(entryFor(found, 'submitted'), deps)).rejects.toThrow('SMS is down');
    expect(entries).toHaveLength(0);
  });

  it('a status text names the status in the person’s language and fits in two segments', () => {
    const found = record({ applicantPhone: phone, locale: 'es' });
    const body = textFor(entryFor(found, 'status-changed', { status: 'approved' }), found, fakes([found]).deps);
    expect(body).toContain('Aprobad');
    expect(body?.length).toBeLessThanOrEqual(306);
  });
});

describe('preferences and complaints', () => {
  const phone = '+12025550100';

  it('status updates go only by the channel the signed-in person chose, in the language they chose', async () => {
    const found = record({ applicantPhone: phone, ownerSubject: 'sub-ana' });
    const { deps, sent, texts } = withTexts([found], {
      preferences: { choices: { 'status-changed': 'sms' }, locale: 'es' },
    });
    const entry = entryFor(found, 'status-changed', { status: 'in-review' });
    expect(await notifyAbout(entry, deps)).toBe('not-wanted');
    expect(await textAbout(entry, deps)).toBe('sent');
    expect(sent).toHaveLength(0);
    expect(texts[0]?.body).toContain('ahora está');
  });

  it('a receipt goes by e-mail even when the person chose texts but has no number for them', async () => {
    const found = record({ ownerSubject: 'sub-ana' });
    const { deps, sent } = withTexts([found], { preferences: { choices: { paid: 'sms' } } });
    expect(await notifyAbout(entryFor(found, 'paid', { amount: 2500, currency: 'usd' }), deps)).toBe('sent');
    expect(sent).toHaveLength(1);
  });

  it('a complaint stops every later e-mail to the address, and is on the timeline', async () => {
    const found = record();
    const { deps, sent, entries } = withTexts([found]);
    await notifyAbout(entryFor(found, 'submitted'), deps);
    const complaint = { kind: 'complained' as const, messageId: 'msg-1', at: NOW.toISOString(), recipients: ['ana@example.com'] };
    expect(await recordEmailEvent(complaint, deps)).toBe('recorded');
    expect(entries.at(-1)?.kind).toBe('complained');
    expect(await notifyAbout(entryFor(found, 'status-changed', { status: 'in-review' }), deps)).toBe('suppressed');
    expect(sent).toHaveLength(1);
  });

  it('a bounce marks the address until a later e-mail is delivered; a delivery never undoes a complaint', async () => {
    const found = record();
    const { deps, states } = withTexts([found]);
    await notifyAbout(entryFor(found, 'submitted'), deps);
    const at = NOW.toISOString();
    await recordEmailEvent({ kind: 'bounced', messageId: 'msg-1', at, recipients: ['ana@example.com'] }, deps);
    expect(states.get('ana@example.com')?.state).toBe('bounced');
    await recordEmailEvent({ kind: 'delivered', messageId: 'msg-1', at, recipients: ['ana@example.com'] }, deps);
    expect(states.get('ana@example.com')).toBeUndefined();
    await recordEmailEvent({ kind: 'complained', messageId: 'msg-1', at, recipients: ['ana@example.com'] }, deps);
    await recordEmailEvent(
      { kind: 'delivered', messageId: 'msg-1', at: '2026-12-02T00:00:00.000Z', recipients: ['ana@example.com'] },
      deps,
    );
    expect(states.get('ana@example.com')?.state).toBe('complained');
  });

  it('maps SES’s complaint event with its recipients', () => {
    const mail = { messageId: 'm', timestamp: '2026-12-01T10:00:00.000Z' };
    expect(
      emailEventOf({
        eventType: 'Complaint',
        mail,
        complaint: { timestamp: '2026-12-01T11:00:00.000Z', complainedRecipients: [{ emailAddress: 'ana@example.com' }] },
      }),
    ).toEqual({ kind: 'complained', messageId: 'm', at: '2026-12-01T11:00:00.000Z', recipients: ['ana@example.com'] });
  });
});

describe('the resume link of a draft saved to finish later', () => {
  const resume: ResumeRecord = {
    code: '29GQ-X6DM-U3AE',
    draftId: 'AAAAAAAAAAAAAAAAAAAAAA',
    formId: 'snap-application',
    locale: 'es',
    checkHash: 'x',
    failures: 0,
    expiresAt: Math.floor(NOW.getTime() / 1000) + 30 * 86400,
    email: 'ana@example.com',
  };
  const entry = timelineEntry(
    {
      kind: 'draft-saved',
      channel: 'web',
      direction: 'in',
      actor: 'citizen',
      agency: 'human-services',
      resumeCode: resume.code,
      summary: 'saved',
    },
    { now: () => NOW },
  );
  const withResumes = (found: ResumeRecord | undefined) => {
    const f = fakes([]);
    f.deps.resumes = { findResume: async () => found };
    f.deps.resumeUrl = (code, locale) => `https://portal.example.gov/api/resume?code=${code}&lang=${locale}`;
    f.deps.formTitle = () => 'Solicitud de SNAP';
    return f;
  };

  it('is e-mailed through the notifier with the code, the link and the date kept until, in the person’s language', async () => {
    const f = withResumes(resume);
    expect(await notifyAbout(entry, f.deps)).toBe('sent');
    expect(f.sent[0]).toMatchObject({
      to: 'ana@example.com',
      locale: 'es',
      code: resume.code,
      link: { href: `https://portal.example.gov/api/resume?code=${resume.code}&lang=es` },
    });
    expect(f.sent[0]?.paragraphs[0]).toContain('31 de diciembre de 2026');
    expect(f.entries[0]).toMatchObject({ kind: 'notification-sent', resumeCode: resume.code, about: entry.id });
  });

  it('is sent once when the stream delivers the entry twice', async () => {
    const f = withResumes(resume);
    await notifyAbout(entry, f.deps);
    expect(await notifyAbout(entry, f.deps)).toBe('already-sent');
    expect(f.sent).toHaveLength(1);
  });

  it('is not sent when the code has no address (or is gone)', async () => {
    const { email: _none, ...noEmail } = resume;
    expect(await notifyAbout(entry, withResumes(noEmail).deps)).toBe('no-address');
    expect(await notifyAbout(entry, withResumes(undefined).deps)).toBe('no-address');
  });
});
