/**
 * The agency workspace's reads and writes against AWS's DynamoDB Local: the queue paged across every shard of
 * the queue index (nothing missing, nothing twice; every column the queue shows, and no answers: decision 0140),
 * whole cases by code for the export, the counts by status, finding by e-mail, and case changes written as one
 * transaction that a stale version refuses whole.
 */
import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dynamoDbCaseStore } from '#adapters/dynamodb-case-store';
import { dynamoDbSubmissionStore, queueShard } from '#adapters/dynamodb-submission-store';
import { QUEUE_INDEX, QUEUE_INDEX_ATTRIBUTES, QUEUE_SHARDS } from '#adapters/table-definition';
import type { Caller } from '#domain/authorization';
import { QUEUE_ROW_FIELDS, type QueueCursor, type QueueFilter, readQueuePage, showQueue } from '#domain/case-queue';
import { CaseConflictError, changeCaseStatus, openCase } from '#domain/cases';
import { newConfirmationCode } from '#domain/confirmation-code';
import type { Submission } from '#domain/submissions';
import queueContracts from '../../functions/contracts/show-agency-queue.ts';
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

describe('the queue index (decision 0140)', () => {
  // One case with every column the queue can show, and answers far over the 1 KB the index's copy must stay under.
  // Another agency's, so the counts and pages of vital-records above stay as they are.
  const full = submission(60_000, {
    agency: 'revenue',
    status: 'needs-information',
    assignedTo: { subject: 'sub-staff', name: 'Vera' },
    payment: { id: 'pay-1', state: 'paid', amount: 2500, currency: 'usd', refunded: 0, updatedAt: '2026-11-02T00:00:00.000Z' },
    answers: { fullName: 'Person 60000', story: 'x'.repeat(3000) },
    applicantEmail: 'person60000@example.com',
    version: 3,
  });
  beforeAll(() => submissions.create(full, { status: 'needs-information', at: full.submittedAt }));

  it('gives the queue every column its page and its JSON answer show, and not the answers', async () => {
    const page = await readQueuePage('revenue', { status: 'needs-information', order: 'oldest' }, undefined, cases);
    expect(page.items).toHaveLength(1);
    const [item] = page.items;
    // What the queue's JSON answer lists of a case (its contract), and what the queue page shows: all there.
    const answered = Object.keys(
      (queueContracts.showAgencyQueue.responses[200].json as unknown as { shape: { cases: { element: { shape: object } } } })
        .shape.cases.element.shape,
    );
    expect(answered.length).toBeGreaterThan(5);
    for (const column of [...answered, 'agency', 'code', 'serviceId', 'status', 'submittedAt', 'assignedTo'])
      expect(item, column).toHaveProperty(column, full[column as keyof Submission]);
    // Exactly what the index copies of a case (QUEUE_ROW_FIELDS, and `channel`, which a survey response needs too).
    const copied = QUEUE_INDEX_ATTRIBUTES.filter((name) => name in full);
    expect(copied).toEqual(expect.arrayContaining([...QUEUE_ROW_FIELDS]));
    expect(item).toEqual({
      ...Object.fromEntries(copied.map((name) => [name, full[name as keyof Submission]])),
      sortKey: `${full.submittedAt}#${full.code}`,
    });
    // The index's copy: no answers, no e-mail address (they stay in the table).
    expect(item).not.toHaveProperty('answers');
    expect(item).not.toHaveProperty('applicantEmail');
  });

  it(`is ${QUEUE_INDEX}, whose copy of a case is under 1 KB (one write unit) whatever the answers`, async () => {
    const { QueryCommand } = await import('@aws-sdk/client-dynamodb');
    const { queueKey } = await import('#adapters/dynamodb-submission-store');
    const result = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: QUEUE_INDEX,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: queueKey('revenue', 'needs-information', queueShard(full.code)) } },
      }),
    );
    const copy = result.Items?.[0] ?? {};
    expect(Object.keys(copy).sort()).toEqual(
      ['pk', 'sk', 'gsi1pk', 'gsi1sk', ...QUEUE_INDEX_ATTRIBUTES.filter((name) => name in full)].sort(),
    );
    expect(JSON.stringify(unmarshall(copy)).length).toBeLessThan(1024);
  });

  it('reads whole cases by code from the table for the export, more than one batch of 100', async () => {
    const codes = [...made.map((s) => s.code), full.code, 'NOPE-NOPE-NOPE'];
    const whole = await cases.wholeCases(codes);
    expect(whole.map((s) => s.code).sort()).toEqual(codes.slice(0, -1).sort());
    expect(whole.find((s) => s.code === full.code)?.answers).toEqual(full.answers);
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
