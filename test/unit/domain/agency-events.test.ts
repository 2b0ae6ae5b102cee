import { describe, expect, it } from 'vitest';
import { eventOfEntry, eventOfPaymentHistory, isEventEntry } from '#domain/agency-events';
import { ENTRY_KINDS, paymentEntry, statusChangedEntry, submittedEntry, type TimelineEntry } from '#domain/timeline';

const deps = { now: () => new Date('2026-12-01T10:00:00Z'), newId: () => 'entry-1' };
const about = { code: 'K7M2-9QXR-4TDC', agency: 'vital-records', ownerSubject: 'person-1' };
const submission = {
  code: about.code,
  serviceId: 'birth-certificate',
  formId: 'birth-certificate-request',
  channel: 'web' as const,
};
const caseUrl = (code: string) => `/api/agency/cases/${code}`;

describe('the events agency systems receive', () => {
  it('makes "Submission Received" from a submitted entry: ids, service and form, never the person', () => {
    const entry = submittedEntry({ ...about, submittedAt: '2026-12-01T09:59:00Z', channel: 'web' }, deps);
    expect(eventOfEntry(entry, submission, caseUrl)).toEqual({
      type: 'Submission Received',
      detail: {
        eventId: 'entry-1',
        agency: 'vital-records',
        occurredAt: '2026-12-01T09:59:00Z',
        confirmationCode: 'K7M2-9QXR-4TDC',
        caseUrl: '/api/agency/cases/K7M2-9QXR-4TDC',
        serviceId: 'birth-certificate',
        formId: 'birth-certificate-request',
        channel: 'web',
      },
    });
  });

  it('makes "Case Status Changed" with the new status, from the entry the change wrote', () => {
    const entry = statusChangedEntry(about, 'approved', '2026-12-01T11:00:00Z', deps);
    expect(eventOfEntry(entry, { ...submission, channel: 'api' }, caseUrl)).toEqual({
      type: 'Case Status Changed',
      detail: {
        eventId: 'entry-1',
        agency: 'vital-records',
        occurredAt: '2026-12-01T11:00:00Z',
        confirmationCode: 'K7M2-9QXR-4TDC',
        caseUrl: '/api/agency/cases/K7M2-9QXR-4TDC',
        serviceId: 'birth-certificate',
        status: 'approved',
      },
    });
  });

  it('makes nothing of the other kinds of entry, of an entry without its case, or of another case', () => {
    const others = ENTRY_KINDS.filter((kind) => kind !== 'submitted' && kind !== 'status-changed');
    for (const kind of others) {
      const entry = { ...submittedEntry({ ...about, submittedAt: '2026-12-01T09:59:00Z', channel: 'web' }, deps), kind };
      expect(isEventEntry(entry), kind).toBe(false);
      expect(eventOfEntry(entry as TimelineEntry, submission, caseUrl), kind).toBeUndefined();
    }
    const submitted = submittedEntry({ ...about, submittedAt: '2026-12-01T09:59:00Z', channel: 'web' }, deps);
    expect(eventOfEntry(submitted, undefined, caseUrl)).toBeUndefined();
    expect(eventOfEntry(submitted, { ...submission, code: 'ZZZZ-ZZZZ-ZZZZ' }, caseUrl)).toBeUndefined();
    const { caseCode: _dropped, ...contact } = submitted;
    expect(isEventEntry(contact)).toBe(false);
    const noStatus = { ...statusChangedEntry(about, 'approved', '2026-12-01T11:00:00Z', deps), status: undefined };
    expect(eventOfEntry(noStatus, submission, caseUrl)).toBeUndefined();
  });

  it('makes "Payment Settled" once per payment, for a case fee and for a bill, with the same event id every time', () => {
    const fee = {
      id: 'PAY1-PAY1-PAY1',
      agency: 'vital-records',
      amount: 2500,
      currency: 'USD',
      subject: { kind: 'submission' as const, code: about.code },
    };
    const bill = { ...fee, id: 'PAY2-PAY2-PAY2', agency: 'courts', subject: { kind: 'bill' as const, reference: 'PK123' } };
    const paid = { kind: 'paid' as const, at: '2026-12-01T12:00:00Z' };
    expect(eventOfPaymentHistory(paid, fee)).toEqual({
      type: 'Payment Settled',
      detail: {
        eventId: 'PAY1-PAY1-PAY1:paid',
        agency: 'vital-records',
        occurredAt: '2026-12-01T12:00:00Z',
        paymentId: 'PAY1-PAY1-PAY1',
        amount: 2500,
        currency: 'USD',
        subject: { kind: 'submission', confirmationCode: about.code },
      },
    });
    expect(eventOfPaymentHistory(paid, bill)?.detail).toMatchObject({
      agency: 'courts',
      subject: { kind: 'bill', reference: 'PK123' },
    });
    expect(eventOfPaymentHistory({ ...paid, at: '2026-12-02T00:00:00Z' }, fee)?.detail.eventId).toBe('PAY1-PAY1-PAY1:paid');
    for (const kind of ['started', 'declined', 'processing', 'failed', 'expired', 'refunded'] as const)
      expect(eventOfPaymentHistory({ kind, at: paid.at }, fee), kind).toBeUndefined();
    expect(eventOfPaymentHistory(paid, undefined)).toBeUndefined();
  });

  it('never carries what the timeline keeps about the person', () => {
    const entry = paymentEntry(
      'paid',
      { agency: 'vital-records', currency: 'USD', subject: { kind: 'submission', code: about.code }, ownerSubject: 'person-1' },
      2500,
      '2026-12-01T12:00:00Z',
      deps,
    );
    expect(entry?.person).toBe('person-1');
    const submitted = submittedEntry({ ...about, submittedAt: '2026-12-01T09:59:00Z', channel: 'web' }, deps);
    expect(JSON.stringify(eventOfEntry(submitted, submission, caseUrl))).not.toContain('person-1');
  });
});
