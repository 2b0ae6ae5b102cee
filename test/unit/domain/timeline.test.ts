import { describe, expect, it } from 'vitest';
import { addCaseMessage, changeCaseStatus } from '#domain/cases';
import { newConfirmationCode } from '#domain/confirmation-code';
import type { Submission } from '#domain/submissions';
import { submitForm } from '#domain/submissions';
import {
  cursorOf,
  ENTRY_KINDS,
  listMyActivity,
  NOTIFYING_KINDS,
  parseCursor,
  paymentEntry,
  placeOf,
  submittedEntry,
  type TimelineEntry,
  type TimelineReader,
  timelineEntry,
  toActivityItem,
} from '#domain/timeline';
import { inMemoryCaseStore } from '../../support/case-fakes.ts';
import { birthCertificateAnswers } from '../../support/form-answers.ts';
import { compiledForm, strings } from '../../support/forms.ts';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const deps = { now: () => NOW };
const staff = { kind: 'person' as const, subject: 'sub-staff', groups: ['staff:vital-records'], name: 'Vera Staff' };
const from = { address: '203.0.113.7', userAgent: 'test' };

function submission(extra: Partial<Submission> = {}): Submission {
  return {
    code: newConfirmationCode(),
    formId: 'birth-certificate-request',
    serviceId: 'birth-certificate',
    agency: 'vital-records',
    status: 'received',
    locale: 'es',
    channel: 'web',
    answers: { fullName: 'Ana Rivera', email: 'ana@example.com' },
    submittedAt: '2026-11-30T09:00:00.000Z',
    updatedAt: '2026-11-30T09:00:00.000Z',
    applicantEmail: 'ana@example.com',
    ...extra,
  };
}

describe('a timeline entry', () => {
  it('asks for a notification exactly for the kinds the person is written to about', () => {
    for (const kind of ENTRY_KINDS) {
      const entry = timelineEntry(
        { kind, channel: 'web', direction: 'out', agency: 'a', actor: 'system', summary: 's', caseCode: 'X' },
        deps,
      );
      expect(entry.notify === true, kind).toBe(NOTIFYING_KINDS.includes(kind));
    }
  });

  it('takes the time of the change when none is given, and keeps one that is', () => {
    const base = { kind: 'contact', channel: 'voice', direction: 'in', agency: 'a', actor: 'citizen', summary: 's' } as const;
    expect(timelineEntry(base, deps).occurredAt).toBe(NOW.toISOString());
    expect(timelineEntry({ ...base, occurredAt: '2026-01-01T00:00:00.000Z' }, deps).occurredAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('of a submission carries the case and its owner but nothing of the answers or the address', () => {
    const entry = submittedEntry(submission({ ownerSubject: 'sub-ana' }), deps);
    expect(entry).toMatchObject({ kind: 'submitted', direction: 'in', actor: 'citizen', person: 'sub-ana', notify: true });
    const written = JSON.stringify(entry);
    expect(written).not.toContain('Ana Rivera');
    expect(written).not.toContain('ana@example.com');
  });

  it('of an anonymous submission has no person: it is on the case only', () => {
    const entry = submittedEntry(submission(), deps);
    expect(entry.person).toBeUndefined();
    expect(placeOf(entry)).toBe('case');
  });

  it('of a payment for a bill is not written (a bill is no case and nobody signed in)', () => {
    const bill = { agency: 'revenue', currency: 'usd', subject: { kind: 'bill', reference: 'B-1' } };
    expect(paymentEntry('paid', bill, 2500, NOW.toISOString(), deps)).toBeUndefined();
  });

  it('of a paid submission fee names the amount and asks for a receipt', () => {
    const pay = { agency: 'vital-records', currency: 'usd', subject: { kind: 'submission', code: 'ABCD' }, ownerSubject: 'p' };
    expect(paymentEntry('paid', pay, 2500, NOW.toISOString(), deps)).toMatchObject({
      kind: 'paid',
      amount: 2500,
      caseCode: 'ABCD',
      person: 'p',
      notify: true,
    });
  });

  it('is read from the case, else the person, else the agency list of unlinked contacts', () => {
    expect(placeOf({ agency: 'a', caseCode: 'C', person: 'p' })).toBe('case');
    expect(placeOf({ agency: 'a', person: 'p' })).toBe('person');
    expect(placeOf({ agency: 'a' })).toBe('unlinked');
  });

  it('shown to the citizen drops the staff-only references', () => {
    const entry = timelineEntry(
      {
        kind: 'staff-message',
        channel: 'web',
        direction: 'out',
        agency: 'a',
        actor: 'staff',
        summary: 's',
        messageId: 'm-1',
        caseCode: 'C',
      },
      deps,
    );
    const item = toActivityItem(entry);
    expect(item).not.toHaveProperty('messageId');
    expect(item).not.toHaveProperty('notify');
  });
});

describe('the changes write their entries with them', () => {
  it('a submission hands the store one "submitted" entry in the same call', async () => {
    const calls: unknown[][] = [];
    const compiled = await compiledForm('birth-certificate-request');
    const answers = birthCertificateAnswers();
    const receipt = await submitForm(
      { compiled, answers, locale: 'en', channel: 'web', owner: 'sub-ana' },
      {
        strings,
        now: () => NOW,
        store: {
          async create(...args) {
            calls.push(args);
            return { kind: 'created' };
          },
          findByCode: async () => undefined,
          listByOwner: async () => [],
        },
      },
    );
    const timeline = calls[0]?.[3] as TimelineEntry[];
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({ kind: 'submitted', caseCode: receipt.code, person: 'sub-ana' });
  });

  it('a status change writes a "status changed" entry with the new status', async () => {
    const record = submission({ ownerSubject: 'sub-ana' });
    const { store, changes } = inMemoryCaseStore([record]);
    await changeCaseStatus(
      { caller: staff, code: record.code, locale: 'en', from, to: 'in-review', version: 0 },
      { store, strings, now: () => NOW, retentionDays: 30 },
    );
    expect(changes[0]?.timeline).toEqual([
      expect.objectContaining({ kind: 'status-changed', status: 'in-review', actor: 'staff', person: 'sub-ana', notify: true }),
    ]);
  });

  it('a message to the citizen writes an entry naming the message, not its text', async () => {
    const record = submission();
    const { store, changes } = inMemoryCaseStore([record]);
    const message = await addCaseMessage(
      { caller: staff, code: record.code, locale: 'en', from, kind: 'message', text: 'Send your passport' },
      { store, strings, now: () => NOW, retentionDays: 30 },
    );
    expect(changes[0]?.timeline).toEqual([expect.objectContaining({ kind: 'staff-message', messageId: message.id })]);
    expect(JSON.stringify(changes[0]?.timeline)).not.toContain('passport');
  });

  it('an internal note writes no entry: it is not an interaction with the person', async () => {
    const record = submission();
    const { store, changes } = inMemoryCaseStore([record]);
    await addCaseMessage(
      { caller: staff, code: record.code, locale: 'en', from, kind: 'note', text: 'Checked the register' },
      { store, strings, now: () => NOW, retentionDays: 30 },
    );
    expect(changes[0]?.timeline ?? []).toEqual([]);
  });
});

describe('My activity', () => {
  const entry = (id: string, at: string, person: string): TimelineEntry =>
    timelineEntry(
      { kind: 'contact', channel: 'voice', direction: 'in', agency: 'a', actor: 'citizen', summary: id, person, occurredAt: at },
      { now: () => NOW, newId: () => id },
    );

  function reader(entries: TimelineEntry[], seen: { before?: string | undefined; limit?: number }[] = []): TimelineReader {
    return {
      async personTimeline(_person, options) {
        seen.push(options);
        return { entries, next: 'NEXT' };
      },
      caseTimeline: async () => ({ entries: [] }),
    };
  }

  it('lists only the caller’s own entries, newest first, whatever the index returns', async () => {
    const timeline = reader([
      entry('old', '2026-01-01T00:00:00.000Z', 'me'),
      entry('theirs', '2026-06-01T00:00:00.000Z', 'someone-else'),
      entry('new', '2026-12-01T00:00:00.000Z', 'me'),
    ]);
    const page = await listMyActivity('me', {}, { timeline });
    expect(page.items.map((item) => item.summary)).toEqual(['new', 'old']);
    expect(page.next).toBe('NEXT');
  });

  it('is empty for someone not signed in as a person', async () => {
    expect(await listMyActivity(undefined, {}, { timeline: reader([entry('x', NOW.toISOString(), 'me')]) })).toEqual({
      items: [],
    });
  });

  it('continues after the entry a cursor names, and ignores a cursor that is not one', async () => {
    const seen: { before?: string | undefined }[] = [];
    const timeline = reader([], seen);
    const cursor = cursorOf({ occurredAt: '2026-05-01T00:00:00.000Z', id: 'abc-1' });
    await listMyActivity('me', { cursor }, { timeline });
    await listMyActivity('me', { cursor: 'not a cursor' }, { timeline });
    expect(seen.map((s) => s.before)).toEqual(['2026-05-01T00:00:00.000Z#abc-1', undefined]);
    expect(parseCursor(Buffer.from('x" OR 1=1').toString('base64url'))).toBeUndefined();
  });

  it('keeps a page between 1 and 100 entries', async () => {
    const seen: { limit?: number }[] = [];
    const timeline = reader([], seen);
    await listMyActivity('me', { limit: 0 }, { timeline });
    await listMyActivity('me', { limit: 5000 }, { timeline });
    await listMyActivity('me', {}, { timeline });
    expect(seen.map((s) => s.limit)).toEqual([1, 100, 20]);
  });
});
