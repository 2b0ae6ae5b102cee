/**
 * The agency workspace's reads and writes against AWS's DynamoDB Local: the queue paged across every shard of
 * gsi1 (nothing missing, nothing twice), the counts by status, finding by e-mail, and case changes written as one
 * transaction that a stale version refuses whole.
 */
import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dynamoDbCaseStore } from '#adapters/dynamodb-case-store';
import { dynamoDbSubmissionStore, queueShard } from '#adapters/dynamodb-submission-store';
import { QUEUE_SHARDS } from '#adapters/table-definition';
import type { Caller } from '#domain/authorization';
import { type QueueCursor, type QueueFilter, readQueuePage, showQueue } from '#domain/case-queue';
import { CaseConflictError, changeCaseStatus, openCase } from '#domain/cases';
import { newConfirmationCode } from '#domain/confirmation-code';
import type { Submission } from '#domain/submissions';
import { ensureTable, localDynamoDbClient } from '../../local/dynamodb-local.ts';
import { strings } from '../support/forms.ts';

const tableName = `test-${randomUUID()}`;
const client = localDynamoDbClient(inject('dynamoDbEndpoint'));
const submissions = dynamoDbSubmissionStore(client, tableName);
const cases = dynamoDbCaseStore(client, tableName);
const staff: Caller = { kind: 'person', subject: 'sub-staff', groups: ['staff:vital-records'], name: 'Vera' };
const from = { address: '203.0.113.9', userAgent: 'test' };
const deps = { store: cases, strings, now: () => new Date(), retentionDays: 7 };

function submission(i: number, extra: Partial<Submission> = {}): Submission {
  const at = new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString();
  return {
    code: newConfirmationCode(),
    formId: 'birth-certificate-request',
    serviceId: i % 4 === 0 ? 'death-certificate' : 'birth-certificate',
    agency: 'vital-records',
    status: 'received',
    locale: 'en',
    channel: 'web',
    answers: { fullName: `Person ${i}` },
    submittedAt: at,
    updatedAt: at,
    ...extra,
  };
}

const made: Submission[] = [];

beforeAll(async () => {
  await ensureTable(client, tableName);
  // At least 8 cases in every shard (and 160 or more in all), plus one of another agency in each shard.
  const perShard = new Map<number, number>();
  let i = 0;
  while ([...Array(QUEUE_SHARDS).keys()].some((s) => (perShard.get(s) ?? 0) < 8)) {
    const s = submission(i++);
    perShard.set(queueShard(s.code), (perShard.get(queueShard(s.code)) ?? 0) + 1);
    made.push(s);
  }
  const others = Array.from({ length: 20 }, (_, j) => submission(10_000 + j, { agency: 'revenue' }));
  for (let start = 0; start < made.length + others.length; start += 25)
    await Promise.all(
      [...made, ...others].slice(start, start + 25).map((s) => submissions.create(s, { status: 'received', at: s.submittedAt })),
    );
}, 120_000);
afterAll(() => client.destroy());

async function walk(filter: QueueFilter) {
  const seen: string[] = [];
  let cursor: QueueCursor | undefined;
  let pages = 0;
  for (;;) {
    const page = await readQueuePage('vital-records', filter, cursor, cases);
    pages++;
    expect(page.items.length).toBeLessThanOrEqual(25);
    seen.push(...page.items.map((c) => c.code));
    if (!page.next) return { seen, pages };
    cursor = page.next;
  }
}

describe('the queue on DynamoDB Local', () => {
  it('spreads the cases over every shard', () => {
    expect(made.length).toBeGreaterThan(100);
    expect(new Set(made.map((s) => queueShard(s.code))).size).toBe(QUEUE_SHARDS);
  });

  it('pages oldest first through every case of the agency, none missing or repeated', async () => {
    const { seen, pages } = await walk({ status: 'received', order: 'oldest' });
    expect(seen).toEqual(made.map((s) => s.code));
    expect(pages).toBe(Math.ceil(made.length / 25));
  });

  it('pages newest first just as completely', async () => {
    const { seen } = await walk({ status: 'received', order: 'newest' });
    expect(seen).toEqual(made.map((s) => s.code).reverse());
  });

  it('keeps the service filter across pages', async () => {
    const { seen } = await walk({ status: 'received', order: 'oldest', serviceId: 'death-certificate' });
    expect(seen).toEqual(made.filter((s) => s.serviceId === 'death-certificate').map((s) => s.code));
  });

  it('counts by status and knows the oldest open case', async () => {
    const shown = await showQueue(
      { caller: staff, agency: 'vital-records', filter: { status: 'received', order: 'oldest' }, locale: 'en' },
      { queue: cases, strings },
    );
    expect(shown.counts.received).toBe(made.length);
    expect(shown.oldestOpenSince).toBe(made[0]?.submittedAt);
  });
});

describe('finding by e-mail', () => {
  it('matches the address exactly, whatever the case of its letters, within the agency only', async () => {
    const mine = submission(50_000, { applicantEmail: 'ana.rivera@example.com' });
    const theirs = submission(50_001, { applicantEmail: 'ana.rivera@example.com', agency: 'revenue' });
    const near = submission(50_002, { applicantEmail: 'ana.rivera@example.co' });
    for (const s of [mine, theirs, near]) await submissions.create(s, { status: 'received', at: s.submittedAt });
    const { findCases } = await import('#domain/case-queue');
    const found = await findCases(
      { caller: staff, agency: 'vital-records', query: ' Ana.Rivera@Example.COM ', locale: 'en', from },
      { ...deps, queue: cases },
    );
    expect(found).toEqual({ kind: 'cases', items: [expect.objectContaining({ code: mine.code })] });
  });
});

describe('changing a case on DynamoDB Local', () => {
  it('writes the status, history, message, audit entry and counts together', async () => {
    const s = submission(60_000);
    await submissions.create(s, { status: 'received', at: s.submittedAt });
    await changeCaseStatus(
      { caller: staff, code: s.code, locale: 'en', from, to: 'needs-information', version: 0, message: 'Send your ID.' },
      deps,
    );
    const opened = await openCase({ caller: staff, code: s.code, locale: 'en', from }, deps);
    expect(opened.submission).toMatchObject({ status: 'needs-information', version: 1, statusMessage: 'Send your ID.' });
    expect(opened.history.map((h) => h.status)).toEqual(['received', 'needs-information']);
    expect(opened.messages).toEqual([expect.objectContaining({ kind: 'message', text: 'Send your ID.' })]);
    const trail = await cases.auditOf(s.code);
    expect(trail.map((e) => e.action)).toEqual(['case.read', 'case.status']);
    expect(trail[0]?.expiresAt).toBeGreaterThan(Date.now() / 1000);
    const counts = await cases.countByStatus('vital-records');
    expect(counts['needs-information']).toBe(1);
  });

  it('lets one of two racing changes win and writes nothing of the other', async () => {
    const s = submission(60_001);
    await submissions.create(s, { status: 'received', at: s.submittedAt });
    const colleague: Caller = { kind: 'person', subject: 'sub-colleague', groups: ['staff:vital-records'] };
    const results = await Promise.allSettled([
      changeCaseStatus({ caller: staff, code: s.code, locale: 'en', from, to: 'in-review', version: 0 }, deps),
      changeCaseStatus(
        { caller: colleague, code: s.code, locale: 'en', from, to: 'needs-information', version: 0, message: 'More' },
        deps,
      ),
    ]);
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toBeInstanceOf(CaseConflictError);
    const scan = await client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
    const items = (scan.Items ?? []).map((item) => unmarshall(item));
    expect(items.filter((item) => item.pk === `SUB#${s.code}` && item.type === 'history')).toHaveLength(2);
    expect(items.filter((item) => item.pk === `AUDIT#${s.code}`)).toHaveLength(1);
    expect(items.find((item) => item.pk === `SUB#${s.code}` && item.sk === 'SUBMISSION')?.version).toBe(1);
  });
});
