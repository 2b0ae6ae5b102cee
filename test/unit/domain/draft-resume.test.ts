/** Save and come back later: a resume code plus the date of birth, five tries, and drafts that are their owner's. */
import { describe, expect, it } from 'vitest';
import { parseConfirmationCode } from '#domain/confirmation-code';
import {
  checkHashOf,
  listMyDrafts,
  MAX_RESUME_FAILURES,
  mayOpenDraft,
  ownerKeyHash,
  type ResumeRecord,
  type ResumeStore,
  resumeByCode,
  saveForLater,
} from '#domain/draft-resume';
import type { Draft } from '#domain/drafts';
import type { TimelineEntry } from '#domain/timeline';
import { InvalidAnswersError, NotFoundError } from '#shared/errors';
import { strings } from '../../support/forms.ts';

const NOW = new Date('2026-12-01T12:00:00Z');
const CODE = '29GQ-X6DM-U3AE';

function draft(extra: Partial<Draft> = {}): Draft {
  return {
    id: 'AAAAAAAAAAAAAAAAAAAAAA',
    formId: 'snap-application',
    answers: { householdSize: 2 },
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    expiresAt: Math.floor(NOW.getTime() / 1000) + 30 * 86400,
    lastPage: 'income',
    ...extra,
  };
}

function store() {
  const resumes = new Map<string, ResumeRecord>();
  const calls: { draft: Draft; resume: ResumeRecord; replaces: string | undefined; entry: TimelineEntry | undefined }[] = [];
  const fake: ResumeStore = {
    async saveForLater(saved, resume, replaces, entry) {
      calls.push({ draft: saved, resume, replaces, entry });
      if (replaces) resumes.delete(replaces);
      resumes.set(resume.code, resume);
    },
    async findResume(code) {
      return resumes.get(code);
    },
    async recordFailure(code) {
      const record = resumes.get(code)!;
      record.failures += 1;
      return record.failures;
    },
  };
  return { fake, resumes, calls };
}

const save = (s: ReturnType<typeof store>, input: { dateOfBirth?: string; email?: string }, saved = draft(), code = CODE) =>
  saveForLater(
    { dateOfBirth: input.dateOfBirth, email: input.email, draft: saved, agency: 'human-services', locale: 'en' },
    { store: s.fake, strings, now: () => NOW, newCode: () => code },
  );

describe('saving a draft to come back later', () => {
  it('gives a readable resume code and keeps only a hash of the date of birth', async () => {
    const s = store();
    const { resume } = await save(s, { dateOfBirth: '1986-04-28' });
    expect(parseConfirmationCode(resume.code).ok).toBe(true);
    expect(resume.checkHash).toBe(checkHashOf(CODE, '1986-04-28'));
    expect(JSON.stringify(resume)).not.toContain('1986');
  });

  it('expires with the draft', async () => {
    const s = store();
    const saved = draft();
    const { resume } = await save(s, { dateOfBirth: '1986-04-28' }, saved);
    expect(resume.expiresAt).toBe(saved.expiresAt);
  });

  it('writes an outbox entry for the e-mailed link only when an address is given, without the address', async () => {
    const s = store();
    await save(s, { dateOfBirth: '1986-04-28' });
    expect(s.calls[0]?.entry).toBeUndefined();
    await save(s, { dateOfBirth: '1986-04-28', email: 'Ana@Example.com' }, draft(), '7ADG-KPSV-Y364');
    const entry = s.calls[1]?.entry;
    expect(entry).toMatchObject({ kind: 'draft-saved', resumeCode: '7ADG-KPSV-Y364', agency: 'human-services', notify: true });
    expect(JSON.stringify(entry)).not.toContain('example.com');
    expect(s.calls[1]?.resume.email).toBe('ana@example.com');
  });

  it('replaces an older code, which then stops working', async () => {
    const s = store();
    await save(s, { dateOfBirth: '1986-04-28' }, draft({ resumeCode: 'OLD0-CODE-0000' }));
    expect(s.calls[0]?.replaces).toBe('OLD0-CODE-0000');
  });

  it('refuses a missing, impossible or future date of birth, naming the question', async () => {
    for (const dateOfBirth of [undefined, '1986-02-30', '2099-01-01']) {
      const s = store();
      const error = await save(s, dateOfBirth === undefined ? {} : { dateOfBirth }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidAnswersError);
      expect((error as InvalidAnswersError).problems.map((p) => p.field)).toEqual(['dateOfBirth']);
      expect(s.calls).toHaveLength(0);
    }
  });

  it('refuses an e-mail address that is not one', async () => {
    const error = await save(store(), { dateOfBirth: '1986-04-28', email: 'ana at home' }).catch((e: unknown) => e);
    expect((error as InvalidAnswersError).problems.map((p) => p.field)).toEqual(['email']);
  });

  it('gives no code for a signed-in person’s draft: it is theirs already', async () => {
    await expect(save(store(), { dateOfBirth: '1986-04-28' }, draft({ owner: 'sub-1' }))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('coming back with the code', () => {
  async function saved() {
    const s = store();
    await save(s, { dateOfBirth: '1986-04-28' });
    return s;
  }
  const resume = (s: ReturnType<typeof store>, code: string, dateOfBirth: string | undefined, now = NOW) =>
    resumeByCode({ code, dateOfBirth, locale: 'en' }, { store: s.fake, strings, now: () => now });

  it('opens the draft with the code and the right date of birth, however the code is typed', async () => {
    const s = await saved();
    await expect(resume(s, '29gq x6dm u3ae', '1986-04-28')).resolves.toMatchObject({ draftId: draft().id });
  });

  it('does not open it with the code alone or a wrong date, and counts the wrong date', async () => {
    const s = await saved();
    await expect(resume(s, CODE, undefined)).rejects.toBeInstanceOf(InvalidAnswersError);
    await expect(resume(s, CODE, '1986-04-29')).rejects.toBeInstanceOf(InvalidAnswersError);
    expect(s.resumes.get(CODE)?.failures).toBe(1);
  });

  it('locks the code after five wrong dates, even for the right one afterwards', async () => {
    const s = await saved();
    for (let i = 0; i < MAX_RESUME_FAILURES; i++) await resume(s, CODE, '2000-01-01').catch(() => undefined);
    const error = (await resume(s, CODE, '1986-04-28').catch((e: unknown) => e)) as InvalidAnswersError;
    expect(error).toBeInstanceOf(InvalidAnswersError);
    expect(error.problems[0]?.message).toBe(strings['resume.noMatch']?.en);
  });

  it('says the fifth wrong try locked it', async () => {
    const s = await saved();
    for (let i = 0; i < MAX_RESUME_FAILURES - 1; i++) await resume(s, CODE, '2000-01-01').catch(() => undefined);
    const error = (await resume(s, CODE, '2000-01-01').catch((e: unknown) => e)) as InvalidAnswersError;
    expect(error.problems[0]?.message).toBe(strings['resume.locked']?.en);
  });

  it('does not open an expired draft, with the same words as an unknown code', async () => {
    const s = await saved();
    const later = new Date(NOW.getTime() + 31 * 86400 * 1000);
    const expired = (await resume(s, CODE, '1986-04-28', later).catch((e: unknown) => e)) as InvalidAnswersError;
    const unknown = (await resume(s, '7ADG-KPSV-Y364', '1986-04-28').catch((e: unknown) => e)) as InvalidAnswersError;
    expect(expired.problems).toEqual(unknown.problems);
  });

  it('says a mistyped code has a typing mistake, before looking anything up', async () => {
    const s = await saved();
    const error = (await resume(s, '29GQ-X6DM-U3AF', '1986-04-28').catch((e: unknown) => e)) as InvalidAnswersError;
    expect(error.problems[0]).toEqual({ field: 'code', message: strings['resume.codeTypo']?.en });
  });
});

describe('a signed-in person’s draft', () => {
  const owned = draft({ owner: 'sub-1', ownerKeyHash: ownerKeyHash('the-key') });

  it('opens for its owner by token or by the key in their cookie', () => {
    expect(mayOpenDraft(owned, { kind: 'subject', subject: 'sub-1' })).toBe(true);
    expect(mayOpenDraft(owned, { kind: 'owner-key', key: 'the-key' })).toBe(true);
  });

  it('does not open for anyone else, or with no key, or a wrong one', () => {
    expect(mayOpenDraft(owned, { kind: 'subject', subject: 'sub-2' })).toBe(false);
    expect(mayOpenDraft(owned, { kind: 'owner-key', key: undefined })).toBe(false);
    expect(mayOpenDraft(owned, { kind: 'owner-key', key: 'another-key' })).toBe(false);
    expect(mayOpenDraft(owned, { kind: 'anyone' })).toBe(false);
  });

  it('an anonymous draft opens for whoever holds its address', () => {
    expect(mayOpenDraft(draft(), { kind: 'anyone' })).toBe(true);
  });

  it('lists only the owner’s drafts not sent and not expired, newest first, with the date each is kept until', async () => {
    const drafts = [
      draft({ id: 'a', owner: 'sub-1', updatedAt: '2026-11-01T00:00:00.000Z' }),
      draft({ id: 'b', owner: 'sub-1', updatedAt: '2026-11-20T00:00:00.000Z' }),
      draft({ id: 'c', owner: 'sub-2' }),
      draft({ id: 'd', owner: 'sub-1', sentAs: CODE }),
      draft({ id: 'e', owner: 'sub-1', expiresAt: Math.floor(NOW.getTime() / 1000) - 1 }),
    ];
    const mine = await listMyDrafts('sub-1', { drafts: { listByOwner: async () => drafts }, now: () => NOW });
    expect(mine.map((d) => d.draftId)).toEqual(['b', 'a']);
    expect(mine[0]?.expiresAt).toBe(new Date(drafts[1]!.expiresAt * 1000).toISOString());
  });
});
