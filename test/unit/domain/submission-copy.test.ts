import { describe, expect, it } from 'vitest';
import { translate } from '#catalog/i18n';
import type { Caller } from '#domain/authorization';
import { copyOfCase } from '#domain/cases';
import { newConfirmationCode } from '#domain/confirmation-code';
import { sameEmail, submissionForCopy } from '#domain/submission-copy';
import type { Submission, SubmissionStore } from '#domain/submissions';
import { BadRequestError, NotFoundError } from '#shared/errors';
import { inMemoryCaseStore } from '../../support/case-fakes.ts';
import { strings } from '../../support/forms.ts';

const owner: Caller = { kind: 'person', subject: 'sub-ana', groups: ['citizen'] };
const stranger: Caller = { kind: 'person', subject: 'sub-ben', groups: ['citizen'] };
const staff: Caller = { kind: 'person', subject: 'sub-staff', groups: ['staff:vital-records'], name: 'Vera Staff' };
const otherAgency: Caller = { kind: 'person', subject: 'sub-other', groups: ['staff:revenue'] };
const t = (key: string) => translate(strings, key, 'en');

function sent(extra: Partial<Submission> = {}): Submission {
  return {
    code: newConfirmationCode(),
    formId: 'birth-certificate-request',
    serviceId: 'birth-certificate',
    agency: 'vital-records',
    status: 'received',
    locale: 'en',
    channel: 'web',
    answers: { fullName: 'Ana Rivera' },
    submittedAt: '2026-11-30T09:00:00.000Z',
    updatedAt: '2026-11-30T09:00:00.000Z',
    applicantEmail: 'ana@example.com',
    ...extra,
  };
}

function storeWith(...submissions: Submission[]): { store: SubmissionStore; strings: typeof strings } {
  const byCode = new Map(submissions.map((s) => [s.code, s]));
  const store = {
    findByCode: async (code: string) => {
      const submission = byCode.get(code);
      return submission && { submission, history: [] };
    },
  } as unknown as SubmissionStore;
  return { store, strings };
}

describe('a copy for whoever holds the code', () => {
  it('is theirs with the e-mail address given in the answers, whatever its case and spaces', async () => {
    const submission = sent();
    const copy = await submissionForCopy(
      submission.code,
      { kind: 'holder', email: '  Ana@Example.COM ' },
      'en',
      storeWith(submission),
    );
    expect(copy.answers).toEqual({ fullName: 'Ana Rivera' });
  });

  it('is refused with another address, and with the same words for a code nobody sent', async () => {
    const submission = sent();
    const deps = storeWith(submission);
    const refusal = new NotFoundError(t('pdf.notFound'));
    await expect(submissionForCopy(submission.code, { kind: 'holder', email: 'ben@example.com' }, 'en', deps)).rejects.toThrow(
      refusal,
    );
    await expect(
      submissionForCopy(newConfirmationCode(), { kind: 'holder', email: 'ana@example.com' }, 'en', deps),
    ).rejects.toThrow(refusal);
  });

  it('is refused for a form that asked no e-mail address: the code alone never shows answers', async () => {
    const { applicantEmail: _none, ...withoutEmail } = sent();
    await expect(
      submissionForCopy(withoutEmail.code, { kind: 'holder', email: 'ana@example.com' }, 'en', storeWith(withoutEmail)),
    ).rejects.toThrow(NotFoundError);
  });

  it('asks for the address when none is given, and for a real code', async () => {
    const submission = sent();
    await expect(submissionForCopy(submission.code, { kind: 'holder', email: ' ' }, 'en', storeWith(submission))).rejects.toThrow(
      new BadRequestError(t('pdf.emailMissing')),
    );
    await expect(
      submissionForCopy('ABC', { kind: 'holder', email: 'ana@example.com' }, 'en', storeWith(submission)),
    ).rejects.toThrow(BadRequestError);
  });
});

describe('a copy for the signed-in person', () => {
  it('is the owner’s only', async () => {
    const submission = sent({ ownerSubject: 'sub-ana' });
    const deps = storeWith(submission);
    expect((await submissionForCopy(submission.code, { kind: 'owner', caller: owner }, 'en', deps)).code).toBe(submission.code);
    await expect(submissionForCopy(submission.code, { kind: 'owner', caller: stranger }, 'en', deps)).rejects.toThrow(
      NotFoundError,
    );
  });

  it('is nobody’s for a submission sent without signing in', async () => {
    const submission = sent();
    await expect(
      submissionForCopy(submission.code, { kind: 'owner', caller: owner }, 'en', storeWith(submission)),
    ).rejects.toThrow(NotFoundError);
  });
});

describe('a copy for staff', () => {
  const from = { address: '203.0.113.7', userAgent: 'test' };

  it('is for staff of the agency, and the download is audited', async () => {
    const submission = sent();
    const fake = inMemoryCaseStore([submission]);
    const deps = { store: fake.store, strings, now: () => new Date('2026-12-01T10:00:00Z'), retentionDays: 30 };
    await copyOfCase({ caller: staff, code: submission.code, locale: 'en', from }, deps);
    expect(fake.audit).toEqual([expect.objectContaining({ action: 'case.pdf', record: submission.code, from })]);
  });

  it('is refused to other agencies, who leave no audit entry', async () => {
    const submission = sent();
    const fake = inMemoryCaseStore([submission]);
    const deps = { store: fake.store, strings, now: () => new Date(), retentionDays: 30 };
    await expect(copyOfCase({ caller: otherAgency, code: submission.code, locale: 'en', from }, deps)).rejects.toThrow(
      NotFoundError,
    );
    expect(fake.audit).toEqual([]);
  });
});

describe('sameEmail', () => {
  it('compares addresses without case or surrounding spaces, and never matches nothing', () => {
    expect(sameEmail('A@B.C ', 'a@b.c')).toBe(true);
    expect(sameEmail('a@b.c', 'a@b.cd')).toBe(false);
    expect(sameEmail('a@b.c', undefined)).toBe(false);
  });
});
