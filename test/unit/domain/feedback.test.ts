import { describe, expect, it } from 'vitest';
import { type FeedbackResponse, type FeedbackStore, recordFeedback } from '#domain/feedback';
import { COMMENT_MAX_LENGTH, parseFeedback, questionsFor } from '#domain/feedback-survey';
import { feedbackToken, tokenShard } from '#domain/feedback-token';
import { InvalidAnswersError } from '#shared/errors';
import { strings } from '../../support/forms.ts';

const KEY = 'a-test-key-of-32-characters-long';

/** In-memory FeedbackStore with the adapter's replace-but-keep-the-first-day rule. */
function inMemoryStore() {
  const saved = new Map<string, FeedbackResponse>();
  const store: FeedbackStore = {
    async save(response) {
      const before = saved.get(response.token);
      const kept = { ...response, answeredOn: before?.answeredOn ?? response.answeredOn };
      saved.set(response.token, kept);
      return kept;
    },
    async listResponses(agency, from, to) {
      return [...saved.values()].filter((r) => r.agency === agency && r.answeredOn >= from && r.answeredOn <= to);
    },
  };
  return { store, saved };
}

const context = { task: 'status', agency: 'vital-records', serviceId: 'birth-certificate', channel: 'web' } as const;

describe('the A-11 survey', () => {
  it('asks about employees only after a staff reply, where a person was involved', () => {
    expect(questionsFor('status')).not.toContain('employee');
    expect(questionsFor('pay')).not.toContain('employee');
    expect(questionsFor('apply')).toEqual(['satisfaction', 'trust', 'effectiveness', 'ease', 'efficiency', 'transparency']);
    expect(questionsFor('staff-reply')).toContain('employee');
  });

  it('takes any subset of answers: every question is optional', () => {
    expect(parseFeedback('apply', {})).toEqual({ ok: true, answers: { scores: {} } });
    expect(parseFeedback('apply', { satisfaction: '5', ease: ' 2 ', trust: '' })).toEqual({
      ok: true,
      answers: { scores: { satisfaction: 5, ease: 2 } },
    });
  });

  it.each(['0', '6', '4.5', 'five', '-1', '1e0'])(
    'refuses a value off the five-point scale, naming the question: %s',
    (value) => {
      expect(parseFeedback('apply', { satisfaction: value })).toEqual({
        ok: false,
        problems: [{ field: 'satisfaction', kind: 'scale' }],
      });
    },
  );

  it('refuses an answer to a question the task does not ask', () => {
    expect(parseFeedback('pay', { employee: '4' })).toEqual({ ok: false, problems: [{ field: 'employee', kind: 'not-asked' }] });
  });

  it('scrubs the comment and refuses one far longer than the box allows', () => {
    expect(parseFeedback('apply', { comment: 'Slow. Call 555-123-4567' })).toEqual({
      ok: true,
      answers: { scores: {}, comment: 'Slow. Call [number]' },
    });
    expect(parseFeedback('apply', { comment: 'x'.repeat(COMMENT_MAX_LENGTH * 2 + 1) })).toEqual({
      ok: false,
      problems: [{ field: 'comment', kind: 'too-long' }],
    });
    expect(parseFeedback('apply', { comment: '   ' })).toEqual({ ok: true, answers: { scores: {} } });
  });
});

describe('the transaction token', () => {
  it('is the same for the same task and transaction, and differs for another task, transaction or key', () => {
    const token = feedbackToken(KEY, 'status', 'K7M2-9QXR-4TW3');
    expect(feedbackToken(KEY, 'status', 'K7M2-9QXR-4TW3')).toBe(token);
    expect(feedbackToken(KEY, 'apply', 'K7M2-9QXR-4TW3')).not.toBe(token);
    expect(feedbackToken(KEY, 'status', 'K7M2-9QXR-4TW4')).not.toBe(token);
    expect(feedbackToken(`${KEY}x`, 'status', 'K7M2-9QXR-4TW3')).not.toBe(token);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(token).not.toContain('K7M2');
  });

  it('refuses a key too short to keep the codes secret', () => {
    expect(() => feedbackToken('short', 'status', 'x')).toThrow(/at least 16/);
  });

  it('spreads tokens over the shards', () => {
    const counts = new Array(8).fill(0);
    for (let i = 0; i < 800; i++) counts[tokenShard(feedbackToken(KEY, 'pay', `P${i}`), 8)]++;
    for (const count of counts) expect(count).toBeGreaterThan(50);
  });
});

describe('recording a response', () => {
  const now = () => new Date('2026-11-22T15:00:00.000Z');

  it('stores the answers with service, agency, channel, task and day, and nothing that points at the person', async () => {
    const { store, saved } = inMemoryStore();
    const result = await recordFeedback(
      { context, transaction: 'K7M2-9QXR-4TW3', fields: { satisfaction: '4', comment: 'ana@example.com said hi' }, locale: 'en' },
      { store, key: KEY, strings, now },
    );
    expect(result.kind).toBe('saved');
    const [stored] = [...saved.values()];
    expect(stored).toEqual({
      token: feedbackToken(KEY, 'status', 'K7M2-9QXR-4TW3'),
      ...context,
      scores: { satisfaction: 4 },
      comment: '[email] said hi',
      answeredOn: '2026-11-22',
      updatedOn: '2026-11-22',
    });
    expect(JSON.stringify(stored)).not.toContain('K7M2');
  });

  it('answering twice replaces the answer: one response, the new scores, the first day', async () => {
    const { store, saved } = inMemoryStore();
    const deps = { store, key: KEY, strings };
    const input = { context, transaction: 'K7M2-9QXR-4TW3', locale: 'en' } as const;
    await recordFeedback({ ...input, fields: { satisfaction: '2', ease: '1' } }, { ...deps, now });
    await recordFeedback({ ...input, fields: { satisfaction: '5' } }, { ...deps, now: () => new Date('2026-12-03T09:00:00Z') });
    expect(saved.size).toBe(1);
    expect([...saved.values()][0]).toMatchObject({
      scores: { satisfaction: 5 },
      answeredOn: '2026-11-22',
      updatedOn: '2026-12-03',
    });
  });

  it('stores nothing when nothing was answered', async () => {
    const { store, saved } = inMemoryStore();
    const result = await recordFeedback(
      { context, transaction: 'K7M2-9QXR-4TW3', fields: { satisfaction: '', comment: '' }, locale: 'en' },
      { store, key: KEY, strings, now },
    );
    expect(result).toEqual({ kind: 'nothing-answered' });
    expect(saved.size).toBe(0);
  });

  it('refuses a bad answer with a message naming the question, in the reader language, and stores nothing', async () => {
    const { store, saved } = inMemoryStore();
    const attempt = recordFeedback(
      { context, transaction: 'K7M2-9QXR-4TW3', fields: { satisfaction: '9', trust: '4' }, locale: 'es' },
      { store, key: KEY, strings, now },
    );
    await expect(attempt).rejects.toThrow(InvalidAnswersError);
    await expect(attempt).rejects.toMatchObject({
      statusCode: 422,
      problems: [{ field: 'satisfaction', message: expect.stringContaining('Satisfacción') }],
    });
    expect(saved.size).toBe(0);
  });
});
