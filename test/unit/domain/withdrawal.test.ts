import { describe, expect, it } from 'vitest';
import type { Caller } from '#domain/authorization';
import { newConfirmationCode } from '#domain/confirmation-code';
import type { Submission } from '#domain/submissions';
import { withdrawSubmission } from '#domain/withdrawal';
import { BadRequestError, ConflictError, NotFoundError } from '#shared/errors';
import { inMemoryCaseStore } from '../../support/case-fakes.ts';
import { strings } from '../../support/forms.ts';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const from = { address: '203.0.113.7', userAgent: 'Mozilla/5.0 test' };
const ana: Caller = { kind: 'person', subject: 'sub-ana', groups: ['citizen'], name: 'Ana Rivera' };

function setUp(status: Submission['status'] = 'received', extra: Partial<Submission> = {}) {
  const submission: Submission = {
    code: newConfirmationCode(),
    formId: 'birth-certificate-request',
    serviceId: 'birth-certificate',
    agency: 'vital-records',
    status,
    locale: 'en',
    channel: 'web',
    answers: {},
    submittedAt: '2026-11-30T09:00:00.000Z',
    updatedAt: '2026-11-30T09:00:00.000Z',
    ownerSubject: 'sub-ana',
    ...extra,
  };
  const fake = inMemoryCaseStore([submission]);
  return { ...fake, code: submission.code, deps: { store: fake.store, strings, now: () => NOW, retentionDays: 30 } };
}

describe('a citizen withdrawing their application', () => {
  for (const status of ['received', 'in-review', 'needs-information'] as const)
    it(`withdraws it from "${status}": status, history and audit entry together, the agency's last message dropped`, async () => {
      const { code, deps, cases, changes } = setUp(status, { statusMessage: 'Send your ID', version: 2 });
      const after = await withdrawSubmission({ caller: ana, code, locale: 'en', from }, deps);
      expect(after).toMatchObject({ status: 'withdrawn', version: 3, updatedAt: NOW.toISOString() });
      expect(after.statusMessage).toBeUndefined();
      expect(cases.get(code)?.submission.status).toBe('withdrawn');
      expect(changes).toEqual([
        expect.objectContaining({
          update: expect.objectContaining({ expectedVersion: 2, previousStatus: status }),
          history: { status: 'withdrawn', at: NOW.toISOString() },
          audit: expect.objectContaining({
            action: 'case.withdraw',
            record: code,
            actor: { subject: 'sub-ana', name: 'Ana Rivera', agency: 'vital-records' },
            detail: { from: status, to: 'withdrawn' },
            from,
          }),
        }),
      ]);
    });

  for (const status of ['approved', 'denied', 'completed'] as const)
    it(`refuses once the agency has decided ("${status}"), changing nothing`, async () => {
      const { code, deps, changes } = setUp(status);
      await expect(withdrawSubmission({ caller: ana, code, locale: 'en', from }, deps)).rejects.toThrow(ConflictError);
      expect(changes).toEqual([]);
    });

  it('answers a second withdrawal as the first, writing nothing more', async () => {
    const { code, deps, changes } = setUp();
    await withdrawSubmission({ caller: ana, code, locale: 'en', from }, deps);
    expect(await withdrawSubmission({ caller: ana, code, locale: 'en', from }, deps)).toMatchObject({ status: 'withdrawn' });
    expect(changes).toHaveLength(1);
  });

  const others: [string, Caller][] = [
    ['another citizen', { kind: 'person', subject: 'sub-ben', groups: ['citizen'] }],
    ['staff of the agency', { kind: 'person', subject: 'sub-staff', groups: ['staff:vital-records'] }],
    ['an administrator', { kind: 'person', subject: 'sub-admin', groups: ['admin'] }],
    ['a machine', { kind: 'machine', clientId: 'm', scopes: ['frontdoor/bills'] }],
    ['nobody', { kind: 'anonymous' }],
  ];
  for (const [who, caller] of others)
    it(`tells ${who} there is no such application in their account`, async () => {
      const { code, deps, changes } = setUp();
      await expect(withdrawSubmission({ caller, code, locale: 'en', from }, deps)).rejects.toThrow(NotFoundError);
      expect(changes).toEqual([]);
    });

  it('refuses an application sent without signing in, even to someone who knows its code', async () => {
    const { code, deps } = setUp('received', { ownerSubject: undefined });
    await expect(withdrawSubmission({ caller: ana, code, locale: 'en', from }, deps)).rejects.toThrow(NotFoundError);
  });

  it('explains a mistyped code', async () => {
    const { deps } = setUp();
    await expect(withdrawSubmission({ caller: ana, code: 'nope', locale: 'en', from }, deps)).rejects.toThrow(BadRequestError);
  });

  it('decides again when staff changed the case between its read and its write', async () => {
    const { code, deps, cases } = setUp('received');
    const apply = deps.store.applyChange;
    let raced = false;
    deps.store.applyChange = async (change) => {
      if (!raced) {
        raced = true;
        const record = cases.get(code);
        if (record) record.submission = { ...record.submission, status: 'in-review', version: 1 };
      }
      return apply(change);
    };
    const after = await withdrawSubmission({ caller: ana, code, locale: 'en', from }, deps);
    expect(after).toMatchObject({ status: 'withdrawn', version: 2 });
  });

  it('gives up, saying so, when the case keeps changing', async () => {
    const { code, deps } = setUp();
    deps.store.applyChange = async () => 'stale';
    await expect(withdrawSubmission({ caller: ana, code, locale: 'en', from }, deps)).rejects.toThrow(/after 3 tries/);
  });
});
