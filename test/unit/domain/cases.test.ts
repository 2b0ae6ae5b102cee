import { describe, expect, it } from 'vitest';
import { translate } from '#catalog/i18n';
import { DEFAULT_AUDIT_RETENTION_DAYS, MAX_USER_AGENT } from '#domain/audit';
import { ANONYMOUS, type Caller } from '#domain/authorization';
import { addCaseMessage, assignCase, CaseConflictError, changeCaseStatus, MAX_CASE_TEXT, openCase } from '#domain/cases';
import { newConfirmationCode } from '#domain/confirmation-code';
import type { Submission } from '#domain/submissions';
import { BadRequestError, NotFoundError } from '#shared/errors';
import { inMemoryCaseStore } from '../../support/case-fakes.ts';
import { strings } from '../../support/forms.ts';

const staff: Caller = { kind: 'person', subject: 'sub-staff', groups: ['staff:vital-records'], name: 'Vera Staff' };
const colleague: Caller = { kind: 'person', subject: 'sub-colleague', groups: ['staff:vital-records'], email: 'c@example.gov' };
const otherAgency: Caller = { kind: 'person', subject: 'sub-other', groups: ['staff:revenue'] };
const citizen: Caller = { kind: 'person', subject: 'sub-citizen', groups: ['citizen'] };
const admin: Caller = { kind: 'person', subject: 'sub-admin', groups: ['admin'] };
const adminStaff: Caller = { kind: 'person', subject: 'sub-admin2', groups: ['staff:vital-records', 'admin'] };
const machine: Caller = { kind: 'machine', clientId: 'c', scopes: ['frontdoor/interactions'] };

const NOW = new Date('2026-12-01T10:00:00.000Z');
const from = { address: '203.0.113.7', userAgent: 'Mozilla/5.0 test' };

function submission(status: Submission['status'] = 'received', extra: Partial<Submission> = {}): Submission {
  return {
    code: newConfirmationCode(),
    formId: 'birth-certificate-request',
    serviceId: 'birth-certificate',
    agency: 'vital-records',
    status,
    locale: 'en',
    channel: 'web',
    answers: { fullName: 'Ana Rivera' },
    submittedAt: '2026-11-30T09:00:00.000Z',
    updatedAt: '2026-11-30T09:00:00.000Z',
    ...extra,
  };
}

function setUp(status: Submission['status'] = 'received', extra: Partial<Submission> = {}) {
  const record = submission(status, extra);
  const fake = inMemoryCaseStore([record]);
  const deps = { store: fake.store, strings, now: () => NOW, retentionDays: 30 };
  return { record, ...fake, deps, code: record.code };
}

const t = (key: string) => translate(strings, key, 'en');

describe('opening a case', () => {
  it('shows the case to staff of its agency and audits the read first', async () => {
    const { code, deps, audit } = setUp();
    const opened = await openCase({ caller: staff, code, locale: 'en', from }, deps);
    expect(opened.submission.answers).toEqual({ fullName: 'Ana Rivera' });
    expect(opened.version).toBe(0);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'case.read',
        record: code,
        actor: { subject: 'sub-staff', name: 'Vera Staff', agency: 'vital-records' },
        from,
        at: NOW.toISOString(),
      }),
    ]);
  });

  for (const [who, caller] of Object.entries({ otherAgency, citizen, admin, machine, anonymous: ANONYMOUS })) {
    it(`tells ${who} the case does not exist, and audits nothing`, async () => {
      const { code, deps, audit } = setUp();
      await expect(openCase({ caller, code, locale: 'en', from }, deps)).rejects.toThrow(new NotFoundError(t('case.notFound')));
      expect(audit).toEqual([]);
    });
  }

  it('gives a code with a typing mistake the same help as the status page', async () => {
    const { code, deps } = setUp();
    const last = code.at(-1) === '2' ? '3' : '2';
    await expect(openCase({ caller: staff, code: code.slice(0, -1) + last, locale: 'en', from }, deps)).rejects.toThrow(
      new BadRequestError(t('status.codeMistyped')),
    );
  });

  it('shows the audit trail to an administrator of the agency only', async () => {
    const { code, deps } = setUp();
    expect((await openCase({ caller: staff, code, locale: 'en', from }, deps)).audit).toBeUndefined();
    const opened = await openCase({ caller: adminStaff, code, locale: 'en', from }, deps);
    expect(opened.audit?.map((e) => e.actor.subject)).toEqual(['sub-staff', 'sub-admin2']);
  });
});

describe('changing a case’s status', () => {
  it('writes the new status, its history entry and the audit entry as one change', async () => {
    const { code, deps, changes } = setUp();
    const after = await changeCaseStatus({ caller: staff, code, locale: 'en', from, to: 'in-review', version: 0 }, deps);
    expect(after).toMatchObject({ status: 'in-review', version: 1, updatedAt: NOW.toISOString() });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      update: { expectedVersion: 0, submission: { status: 'in-review', version: 1 } },
      history: { status: 'in-review', at: NOW.toISOString() },
      audit: { action: 'case.status', record: code, detail: { from: 'received', to: 'in-review' } },
    });
    expect(changes[0]?.message).toBeUndefined();
  });

  it('sends "action needed" with its message to the citizen in the same change', async () => {
    const { code, deps, changes } = setUp();
    const message = 'Send a copy of your photo ID.';
    const after = await changeCaseStatus(
      { caller: staff, code, locale: 'en', from, to: 'needs-information', version: 0, message: `  ${message} ` },
      deps,
    );
    expect(after.statusMessage).toBe(message);
    expect(changes[0]?.message).toMatchObject({ kind: 'message', text: message, by: { subject: 'sub-staff' } });
  });

  it('refuses "action needed" without a message and writes nothing', async () => {
    const { code, deps, changes } = setUp();
    await expect(
      changeCaseStatus({ caller: staff, code, locale: 'en', from, to: 'needs-information', version: 0, message: ' ' }, deps),
    ).rejects.toThrow(new BadRequestError(t('case.messageMissing')));
    expect(changes).toEqual([]);
  });

  it('refuses a denial without a reason, and tells the citizen the reason when given', async () => {
    const { code, deps, changes } = setUp('in-review');
    await expect(changeCaseStatus({ caller: staff, code, locale: 'en', from, to: 'denied', version: 0 }, deps)).rejects.toThrow(
      new BadRequestError(t('case.reasonMissing')),
    );
    const after = await changeCaseStatus(
      { caller: staff, code, locale: 'en', from, to: 'denied', version: 0, reason: 'You live outside the county.' },
      deps,
    );
    expect(after.statusMessage).toBe('You live outside the county.');
    expect(changes[0]?.message?.kind).toBe('message');
  });

  it('refuses a move the workflow does not allow', async () => {
    const { code, deps, changes } = setUp('completed');
    await expect(changeCaseStatus({ caller: staff, code, locale: 'en', from, to: 'received', version: 0 }, deps)).rejects.toThrow(
      new BadRequestError(t('case.moveNotAllowed')),
    );
    expect(changes).toEqual([]);
  });

  it('clears the "action needed" message once the case moves on', async () => {
    const { code, deps } = setUp('needs-information', { statusMessage: 'Send your ID', version: 3 });
    const after = await changeCaseStatus({ caller: staff, code, locale: 'en', from, to: 'approved', version: 3 }, deps);
    expect(after.statusMessage).toBeUndefined();
    expect(after.version).toBe(4);
  });

  it('keeps the id of the message that goes with the status, so the citizen can rate that reply', async () => {
    const { code, deps, changes } = setUp();
    const after = await changeCaseStatus(
      { caller: staff, code, locale: 'en', from, to: 'needs-information', version: 0, message: 'Send your ID.' },
      { ...deps, newMessageId: () => 'msg-1' },
    );
    expect(after).toMatchObject({ statusMessage: 'Send your ID.', statusMessageId: 'msg-1' });
    expect(changes[0]?.message?.id).toBe('msg-1');
    const moved = await changeCaseStatus({ caller: staff, code, locale: 'en', from, to: 'in-review', version: 1 }, deps);
    expect(moved.statusMessageId).toBeUndefined();
  });

  it("writes a decision record with a case's first decision, in the same change (exact time to decision)", async () => {
    const { code, deps, changes } = setUp('in-review');
    await changeCaseStatus({ caller: staff, code, locale: 'en', from, to: 'approved', version: 0 }, deps);
    expect(changes[0]?.decision).toEqual({
      agency: 'vital-records',
      serviceId: 'birth-certificate',
      channel: 'web',
      code,
      status: 'approved',
      sentAt: '2026-11-30T09:00:00.000Z',
      decidedAt: NOW.toISOString(),
      durationMs: 25 * 3600 * 1000,
    });
  });

  it('writes no decision record for a move that decides nothing, or for completing an approved case', async () => {
    const review = setUp();
    await changeCaseStatus({ caller: staff, code: review.code, locale: 'en', from, to: 'in-review', version: 0 }, review.deps);
    expect(review.changes[0]?.decision).toBeUndefined();
    const approved = setUp('approved');
    await changeCaseStatus(
      { caller: staff, code: approved.code, locale: 'en', from, to: 'completed', version: 0 },
      approved.deps,
    );
    expect(approved.changes[0]?.decision).toBeUndefined();
  });

  it('refuses a change made on an older version, with the case as it stands now', async () => {
    const { code, deps, changes } = setUp('in-review', { version: 2 });
    const error = await changeCaseStatus({ caller: staff, code, locale: 'en', from, to: 'approved', version: 1 }, deps).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CaseConflictError);
    expect((error as CaseConflictError).statusCode).toBe(409);
    expect((error as CaseConflictError).message).toBe(t('case.conflict'));
    expect((error as CaseConflictError).current.submission).toMatchObject({ status: 'in-review', version: 2 });
    expect(changes).toEqual([]);
  });

  it('lets exactly one of two racing changes win; the other learns what the winner did', async () => {
    const { code, deps, cases } = setUp('in-review');
    const results = await Promise.allSettled([
      changeCaseStatus({ caller: staff, code, locale: 'en', from, to: 'approved', version: 0 }, deps),
      changeCaseStatus({ caller: colleague, code, locale: 'en', from, to: 'denied', version: 0, reason: 'No proof' }, deps),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toBeInstanceOf(CaseConflictError);
    const winner = (won[0] as PromiseFulfilledResult<Submission>).value;
    const loser = lost[0]?.reason as CaseConflictError;
    expect(loser.current.submission.status).toBe(winner.status);
    expect(cases.get(code)?.submission).toMatchObject({ status: winner.status, version: 1 });
    expect(cases.get(code)?.history).toHaveLength(2);
  });

  it('lets only staff of the case’s agency change it', async () => {
    for (const caller of [otherAgency, citizen, admin, machine, ANONYMOUS]) {
      const { code, deps, changes } = setUp();
      await expect(changeCaseStatus({ caller, code, locale: 'en', from, to: 'in-review', version: 0 }, deps)).rejects.toThrow(
        NotFoundError,
      );
      expect(changes).toEqual([]);
    }
  });
});

describe('messages and notes', () => {
  it('keeps an internal note apart from a message to the citizen, each audited as what it is', async () => {
    const { code, deps, cases, audit } = setUp();
    await addCaseMessage({ caller: staff, code, locale: 'en', from, kind: 'note', text: 'Called the hospital.' }, deps);
    await addCaseMessage({ caller: staff, code, locale: 'en', from, kind: 'message', text: 'We got your papers.' }, deps);
    expect(cases.get(code)?.messages.map((m) => [m.kind, m.text])).toEqual([
      ['note', 'Called the hospital.'],
      ['message', 'We got your papers.'],
    ]);
    expect(audit.map((e) => e.action)).toEqual(['case.note', 'case.message']);
  });

  it('does not move the version, so a note never makes a colleague’s status change fail', async () => {
    const { code, deps, cases, changes } = setUp();
    await addCaseMessage({ caller: colleague, code, locale: 'en', from, kind: 'note', text: 'Looks fine.' }, deps);
    expect(changes[0]?.update).toBeUndefined();
    await changeCaseStatus({ caller: staff, code, locale: 'en', from, to: 'in-review', version: 0 }, deps);
    expect(cases.get(code)?.submission.status).toBe('in-review');
  });

  it('refuses an empty note or message, and one that is too long', async () => {
    const { code, deps, changes } = setUp();
    await expect(addCaseMessage({ caller: staff, code, locale: 'en', from, kind: 'note', text: '  ' }, deps)).rejects.toThrow(
      new BadRequestError(t('case.noteMissing')),
    );
    await expect(addCaseMessage({ caller: staff, code, locale: 'en', from, kind: 'message', text: '' }, deps)).rejects.toThrow(
      new BadRequestError(t('case.textMissing')),
    );
    await expect(
      addCaseMessage({ caller: staff, code, locale: 'en', from, kind: 'message', text: 'x'.repeat(MAX_CASE_TEXT + 1) }, deps),
    ).rejects.toThrow(new BadRequestError(t('case.textTooLong')));
    expect(changes).toEqual([]);
  });

  it('lets nobody outside the agency write on a case', async () => {
    const { code, deps, changes } = setUp();
    await expect(
      addCaseMessage({ caller: otherAgency, code, locale: 'en', from, kind: 'note', text: 'hi' }, deps),
    ).rejects.toThrow(NotFoundError);
    expect(changes).toEqual([]);
  });
});

describe('assigning', () => {
  it('assigns to me and unassigns, moving the version each time', async () => {
    const { code, deps, audit } = setUp();
    const mine = await assignCase({ caller: staff, code, locale: 'en', from, toMe: true, version: 0 }, deps);
    expect(mine).toMatchObject({ assignedTo: { subject: 'sub-staff', name: 'Vera Staff' }, version: 1 });
    const nobody = await assignCase({ caller: colleague, code, locale: 'en', from, toMe: false, version: 1 }, deps);
    expect(nobody.assignedTo).toBeUndefined();
    expect(nobody.version).toBe(2);
    expect(audit.map((e) => [e.action, e.detail])).toEqual([
      ['case.assign', undefined],
      ['case.unassign', { previously: 'sub-staff' }],
    ]);
  });

  it('refuses to take a case someone else just took', async () => {
    const { code, deps } = setUp();
    await assignCase({ caller: colleague, code, locale: 'en', from, toMe: true, version: 0 }, deps);
    await expect(assignCase({ caller: staff, code, locale: 'en', from, toMe: true, version: 0 }, deps)).rejects.toThrow(
      CaseConflictError,
    );
  });
});

describe('audit entries', () => {
  it('expire after the retention period and keep only a bounded user agent', async () => {
    const { code, deps, audit } = setUp();
    await openCase(
      { caller: colleague, code, locale: 'en', from: { address: '198.51.100.1', userAgent: 'x'.repeat(1000) } },
      deps,
    );
    expect(audit[0]?.expiresAt).toBe(NOW.getTime() / 1000 + 30 * 86400);
    expect(audit[0]?.from.userAgent).toHaveLength(MAX_USER_AGENT);
    expect(audit[0]?.actor.name).toBe('c@example.gov');
  });

  it('default to seven years', () => {
    expect(DEFAULT_AUDIT_RETENTION_DAYS).toBe(2555);
  });
});
