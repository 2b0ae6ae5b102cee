import { describe, expect, it } from 'vitest';
import { translate } from '#catalog/i18n';
import type { IdempotencyClaim } from '#domain/idempotency';
import {
  answersFingerprint,
  type CreateResult,
  type HistoryEntry,
  listMySubmissions,
  lookUpStatus,
  type Submission,
  type SubmissionStore,
  submitForm,
} from '#domain/submissions';
import { BadRequestError, ConflictError, InvalidAnswersError, NotFoundError } from '#shared/errors';
import { birthCertificateAnswers } from '../../support/form-answers.ts';
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
const answers = birthCertificateAnswers();
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
        // The declaration signed at the server's time (decision 0084).
        answers: { ...answers, declaration: { ...(answers.declaration as object), signedAt: '2026-11-22T15:00:00.000Z' } },
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
    expect(again).toEqual({ code: first.code, status: 'received', submittedAt: first.submittedAt, replayed: true });
    expect(submissions.size).toBe(1);
  });

  it('replays a retry signed a moment later: the signing time is the server’s, not part of the answers sent', async () => {
    const { store, submissions } = inMemoryStore();
    const at = (iso: string) => () => new Date(iso);
    const input = { compiled, answers, locale: 'en' as const, channel: 'api' as const, idempotencyKey: 'key-signed-twice' };
    const first = await submitForm(input, { store, strings, now: at('2026-11-22T15:00:00.000Z') });
    const again = await submitForm(input, { store, strings, now: at('2026-11-22T15:00:02.500Z') });
    expect(again).toMatchObject({ code: first.code, replayed: true });
    expect(submissions.size).toBe(1);
    const stored = submissions.get(first.code)?.submission.answers.declaration as { signedAt: string };
    expect(stored.signedAt).toBe('2026-11-22T15:00:00.000Z');
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
  it('shows status, dates and the fee due but never the answers', async () => {
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
      // The amount only (fixed from the number of copies when sent), never the answer it came from.
      fee: { amount: 2500 * (answers as { copies: number }).copies, currency: 'USD' },
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

describe('submissions, the details', () => {
  it('fingerprints the same answers alike whatever order their fields came in', () => {
    expect(answersFingerprint('f', { a: 1, b: 'x' })).toBe(answersFingerprint('f', { b: 'x', a: 1 }));
    expect(answersFingerprint('f', { a: 1, b: 'x' })).not.toBe(answersFingerprint('g', { a: 1, b: 'x' }));
    expect(answersFingerprint('f', { a: 1 })).not.toBe(answersFingerprint('f', { a: 2 }));
  });

  it('answers a retry whose JSON lists the answers in another order as the first request', async () => {
    const { store } = inMemoryStore();
    const first = await submitForm(
      { compiled, answers, locale: 'en', channel: 'api', idempotencyKey: 'order-key-1' },
      { store, strings },
    );
    const reordered = Object.fromEntries(Object.entries(answers).reverse());
    const again = await submitForm(
      { compiled, answers: reordered, locale: 'en', channel: 'api', idempotencyKey: 'order-key-1' },
      { store, strings },
    );
    expect(again).toEqual({ code: first.code, status: 'received', submittedAt: first.submittedAt, replayed: true });
  });

  it('refuses a reused key in the words of the language asked', async () => {
    const { store } = inMemoryStore();
    await submitForm({ compiled, answers, locale: 'es', channel: 'api', idempotencyKey: 'reuse-key-9' }, { store, strings });
    await expect(
      submitForm(
        { compiled, answers: { ...answers, copies: 2 }, locale: 'es', channel: 'api', idempotencyKey: 'reuse-key-9' },
        { store, strings },
      ),
    ).rejects.toThrow(translate(strings, 'error.idempotencyReused', 'es'));
  });

  it('sums up what is wrong as the error summary title and each problem', async () => {
    const { store } = inMemoryStore();
    const error = (await submitForm(
      { compiled, answers: { ...answers, email: 'nope', copies: 'lots' }, locale: 'en', channel: 'api' },
      { store, strings },
    ).catch((e: unknown) => e)) as InvalidAnswersError;
    expect(error).toBeInstanceOf(InvalidAnswersError);
    expect(error.message).toBe(
      `${translate(strings, 'form.errorSummaryTitle', 'en')}: ${error.problems.map((p) => p.message).join('; ')}`,
    );
    expect(error.problems.length).toBe(2);
  });

  it('gives up after three taken codes, saying so', async () => {
    const { store } = inMemoryStore();
    await submitForm({ compiled, answers, locale: 'en', channel: 'api' }, { store, strings, newCode: () => '2222-2222-2222' });
    await expect(
      submitForm({ compiled, answers, locale: 'en', channel: 'api' }, { store, strings, newCode: () => '2222-2222-2222' }),
    ).rejects.toThrow('Could not find a free confirmation code after 3 tries');
  });

  it('tells a typing mistake from something that is not a code, in the language asked', async () => {
    const { store } = inMemoryStore();
    await expect(lookUpStatus('2222-2222-2223', 'es', { store, strings })).rejects.toThrow(
      translate(strings, 'status.codeMistyped', 'es'),
    );
    await expect(lookUpStatus('not a code', 'es', { store, strings })).rejects.toThrow(
      translate(strings, 'status.codeShape', 'es'),
    );
  });

  it('shows the history oldest first and the payment only once someone started paying', async () => {
    const { store, submissions } = inMemoryStore();
    const { code } = await submitForm({ compiled, answers, locale: 'en', channel: 'web' }, { store, strings, now });
    const entry = submissions.get(code)!;
    entry.history = [
      { status: 'in-review', at: '2026-11-23T10:00:00.000Z' },
      { status: 'received', at: '2026-11-22T15:00:00.000Z' },
    ];
    const status = await lookUpStatus(code, 'en', { store, strings });
    expect(status.history.map((h) => h.status)).toEqual(['received', 'in-review']);
    expect(entry.history[0]?.status).toBe('in-review');
    expect('payment' in status).toBe(false);
    const payment = { id: 'P', state: 'paid' as const, amount: 2500, currency: 'USD', refunded: 0, updatedAt: '' };
    entry.submission = { ...entry.submission, payment };
    expect((await lookUpStatus(code, 'en', { store, strings })).payment).toEqual(payment);
  });

  it('never lists anonymous submissions for a caller who is nobody, even if the index returns them', async () => {
    const { store } = inMemoryStore();
    await submitForm({ compiled, answers, locale: 'en', channel: 'web' }, { store, strings });
    expect(await listMySubmissions({ kind: 'anonymous' }, { store })).toEqual([]);
    expect(await listMySubmissions({ kind: 'person', subject: '', groups: [] }, { store })).toEqual([]);
  });

  it("lists a submission's payment only once someone started paying", async () => {
    const { store, submissions } = inMemoryStore();
    const { code } = await submitForm({ compiled, answers, locale: 'en', channel: 'web', owner: 'sub-ana' }, { store, strings });
    const ana = { kind: 'person', subject: 'sub-ana', groups: ['citizen'] } as const;
    expect('payment' in ((await listMySubmissions(ana, { store }))[0] ?? {})).toBe(false);
    const payment = { id: 'P', state: 'pending' as const, amount: 2500, currency: 'USD', refunded: 0, updatedAt: '' };
    const entry = submissions.get(code)!;
    entry.submission = { ...entry.submission, payment };
    expect((await listMySubmissions(ana, { store }))[0]?.payment).toEqual(payment);
  });
});
