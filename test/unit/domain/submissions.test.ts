import { describe, expect, it } from 'vitest';
import type { IdempotencyClaim } from '#domain/idempotency';
import {
  type CreateResult,
  type HistoryEntry,
  listMySubmissions,
  lookUpStatus,
  type Submission,
  type SubmissionStore,
  submitForm,
} from '#domain/submissions';
import { BadRequestError, ConflictError, InvalidAnswersError, NotFoundError } from '#shared/errors';
import { compiledForm, strings } from '../../support/forms.ts';

/** In-memory SubmissionStore: the fake is only for these domain rules; integration tests use DynamoDB Local. */
function inMemoryStore() {
  const submissions = new Map<string, { submission: Submission; history: HistoryEntry[] }>();
  const claims = new Map<string, { code: string; fingerprint: string; submittedAt: string }>();
  const store: SubmissionStore = {
    async create(submission: Submission, first: HistoryEntry, claim?: IdempotencyClaim): Promise<CreateResult> {
      const existing = claim && claims.get(claim.key);
      if (existing) return { kind: 'replay', ...existing };
      if (submissions.has(submission.code)) return { kind: 'code-taken' };
      submissions.set(submission.code, { submission, history: [first] });
      if (claim)
        claims.set(claim.key, { code: submission.code, fingerprint: claim.fingerprint, submittedAt: submission.submittedAt });
      return { kind: 'created' };
    },
    async findByCode(code: string) {
      return submissions.get(code);
    },
    /** Deliberately sloppy, like an index could be: returns everyone's, oldest first. */
    async listByOwner() {
      return [...submissions.values()].map((entry) => entry.submission);
    },
  };
  return { store, submissions };
}

const compiled = await compiledForm('birth-certificate-request');
const answers = { fullName: 'Ana Díaz', dateOfBirth: '2019-05-01', relationship: 'self', copies: 1, email: 'ana@example.com' };
const now = () => new Date('2026-11-22T15:00:00.000Z');

describe('submitting a form', () => {
  it('stores the answers with status "received" and a first history entry, and returns the code', async () => {
    const { store, submissions } = inMemoryStore();
    const receipt = await submitForm({ compiled, answers, locale: 'en', channel: 'web' }, { store, strings, now });
    expect(receipt).toMatchObject({ status: 'received', submittedAt: '2026-11-22T15:00:00.000Z', replayed: false });
    expect(submissions.get(receipt.code)).toEqual({
      submission: expect.objectContaining({
        agency: compiled.service.agency,
        serviceId: compiled.service.id,
        answers,
        status: 'received',
      }),
      history: [{ status: 'received', at: '2026-11-22T15:00:00.000Z' }],
    });
  });

  it('saves nothing when an answer is wrong', async () => {
    const { store, submissions } = inMemoryStore();
    await expect(
      submitForm({ compiled, answers: { ...answers, copies: 0 }, locale: 'en', channel: 'api' }, { store, strings }),
    ).rejects.toThrow(InvalidAnswersError);
    expect(submissions.size).toBe(0);
  });

  it('answers a repeated request with the same Idempotency-Key with the first code', async () => {
    const { store, submissions } = inMemoryStore();
    const first = await submitForm(
      { compiled, answers, locale: 'en', channel: 'api', idempotencyKey: 'key-12345678' },
      { store, strings },
    );
    const again = await submitForm(
      { compiled, answers, locale: 'en', channel: 'api', idempotencyKey: 'key-12345678' },
      { store, strings },
    );
    expect(again).toMatchObject({ code: first.code, replayed: true });
    expect(submissions.size).toBe(1);
  });

  it('refuses an Idempotency-Key reused for different answers', async () => {
    const { store } = inMemoryStore();
    await submitForm({ compiled, answers, locale: 'en', channel: 'api', idempotencyKey: 'key-12345678' }, { store, strings });
    await expect(
      submitForm(
        { compiled, answers: { ...answers, copies: 3 }, locale: 'en', channel: 'api', idempotencyKey: 'key-12345678' },
        { store, strings },
      ),
    ).rejects.toThrow(ConflictError);
  });

  it('tries a new code when the first one is already taken', async () => {
    const { store, submissions } = inMemoryStore();
    const codes = ['2222-2222-2222', '2222-2222-2222', '3333-3333-3333'];
    const newCode = () => codes.shift() ?? 'none';
    await submitForm({ compiled, answers, locale: 'en', channel: 'api' }, { store, strings, newCode });
    const second = await submitForm({ compiled, answers, locale: 'en', channel: 'api' }, { store, strings, newCode });
    expect(second.code).toBe('3333-3333-3333');
    expect(submissions.size).toBe(2);
  });
});

describe('looking up a status', () => {
  it('shows status and dates but never the answers', async () => {
    const { store } = inMemoryStore();
    const { code } = await submitForm({ compiled, answers, locale: 'en', channel: 'web' }, { store, strings, now });
    const status = await lookUpStatus(code.toLowerCase(), 'en', { store, strings });
    expect(status).toEqual({
      code,
      status: 'received',
      formId: 'birth-certificate-request',
      serviceId: compiled.service.id,
      submittedAt: '2026-11-22T15:00:00.000Z',
      updatedAt: '2026-11-22T15:00:00.000Z',
      history: [{ status: 'received', at: '2026-11-22T15:00:00.000Z' }],
    });
    expect(JSON.stringify(status)).not.toContain('Ana');
  });

  it('tells a mistyped code apart from an unknown one', async () => {
    const { store } = inMemoryStore();
    await expect(lookUpStatus('not a code', 'en', { store, strings })).rejects.toThrow(BadRequestError);
    await expect(lookUpStatus('2222-2222-2223', 'en', { store, strings })).rejects.toThrow(/typing mistake/);
    await expect(lookUpStatus('2222-2222-2222', 'en', { store, strings })).rejects.toThrow(NotFoundError);
  });
});

describe("a person's own submissions", () => {
  const ana = { kind: 'person', subject: 'sub-ana', groups: ['citizen'] } as const;
  const ben = { kind: 'person', subject: 'sub-ben', groups: ['citizen'] } as const;

  it('links a signed-in submission to the person and lists only theirs, newest first', async () => {
    const { store } = inMemoryStore();
    const at = (iso: string) => () => new Date(iso);
    const first = await submitForm(
      { compiled, answers, locale: 'en', channel: 'web', owner: 'sub-ana' },
      { store, strings, now: at('2026-01-01T00:00:00Z') },
    );
    const second = await submitForm(
      { compiled, answers, locale: 'en', channel: 'web', owner: 'sub-ana' },
      { store, strings, now: at('2026-02-01T00:00:00Z') },
    );
    const bens = await submitForm({ compiled, answers, locale: 'en', channel: 'web', owner: 'sub-ben' }, { store, strings });
    await submitForm({ compiled, answers, locale: 'en', channel: 'web' }, { store, strings });

    const mine = await listMySubmissions(ana, { store });
    expect(mine.map((s) => s.code)).toEqual([second.code, first.code]);
    expect(mine[0]).not.toHaveProperty('answers');
    expect((await listMySubmissions(ben, { store })).map((s) => s.code)).toEqual([bens.code]);
  });

  it('gives nobody and no machine a list', async () => {
    const { store } = inMemoryStore();
    await submitForm({ compiled, answers, locale: 'en', channel: 'web', owner: 'sub-ana' }, { store, strings });
    expect(await listMySubmissions({ kind: 'anonymous' }, { store })).toEqual([]);
    expect(await listMySubmissions({ kind: 'machine', clientId: 'c', scopes: [] }, { store })).toEqual([]);
  });
});
