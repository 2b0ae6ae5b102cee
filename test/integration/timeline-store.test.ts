/**
 * The timeline against AWS's DynamoDB Local: an entry is one more item of the transaction that makes the change,
 * so a refused change leaves no entry behind, and a person's and a case's timelines are each one Query, newest first.
 */
import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dynamoDbCaseStore } from '#adapters/dynamodb-case-store';
import { dynamoDbSubmissionStore } from '#adapters/dynamodb-submission-store';
import { dynamoDbTimeline, timelinePut } from '#adapters/dynamodb-timeline';
import { transactWrite } from '#adapters/dynamodb-transactions';
import type { Caller } from '#domain/authorization';
import { CaseConflictError, changeCaseStatus } from '#domain/cases';
import { newConfirmationCode } from '#domain/confirmation-code';
import type { Submission } from '#domain/submissions';
import { listMyActivity, submittedEntry, timelineEntry } from '#domain/timeline';
import { ensureTable, localDynamoDbClient } from '../../local/dynamodb-local.ts';
import { strings } from '../support/forms.ts';

const tableName = `test-${randomUUID()}`;
const client = localDynamoDbClient(inject('dynamoDbEndpoint'));
const submissions = dynamoDbSubmissionStore(client, tableName);
const cases = dynamoDbCaseStore(client, tableName);
const timeline = dynamoDbTimeline(client, tableName);
const staff: Caller = { kind: 'person', subject: 'sub-staff', groups: ['staff:vital-records'], name: 'Vera' };
const from = { address: '203.0.113.9', userAgent: 'test' };

function submission(extra: Partial<Submission> = {}): Submission {
  const at = new Date().toISOString();
  return {
    code: newConfirmationCode(),
    formId: 'birth-certificate-request',
    serviceId: 'birth-certificate',
    agency: 'vital-records',
    status: 'received',
    locale: 'en',
    channel: 'web',
    answers: { fullName: 'Ana' },
    submittedAt: at,
    updatedAt: at,
    ...extra,
  };
}

async function entriesOf(code: string) {
  return (await timeline.caseTimeline(code, { limit: 100 })).entries;
}

async function allTimelineItems() {
  const result = await client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
  return (result.Items ?? []).map((item) => unmarshall(item)).filter((item) => item.type === 'timeline');
}

beforeAll(async () => {
  await ensureTable(client, tableName);
});
afterAll(() => client.destroy());

describe('an entry in the same transaction as its change', () => {
  it('is written with the submission, on the case and on its owner’s timeline', async () => {
    const made = submission({ ownerSubject: `sub-${randomUUID()}` });
    const now = () => new Date(made.submittedAt);
    expect(
      await submissions.create(made, { status: 'received', at: made.submittedAt }, undefined, [submittedEntry(made, { now })]),
    ).toEqual({ kind: 'created' });
    expect(await entriesOf(made.code)).toEqual([expect.objectContaining({ kind: 'submitted', caseCode: made.code })]);
    const mine = await listMyActivity(made.ownerSubject, {}, { timeline });
    expect(mine.items).toEqual([expect.objectContaining({ kind: 'submitted', caseCode: made.code })]);
  });

  it('is not written when the submission is refused (its code was taken)', async () => {
    const first = submission();
    const now = () => new Date();
    await submissions.create(first, { status: 'received', at: first.submittedAt }, undefined, [submittedEntry(first, { now })]);
    const before = await allTimelineItems();
    const again = { ...first, answers: { fullName: 'Someone else' } };
    expect(
      await submissions.create(again, { status: 'received', at: again.submittedAt }, undefined, [submittedEntry(again, { now })]),
    ).toEqual({ kind: 'code-taken' });
    expect(await allTimelineItems()).toHaveLength(before.length);
    expect(await entriesOf(first.code)).toHaveLength(1);
  });

  it('is not written when a status change is refused as stale, and is when it applies', async () => {
    const made = submission();
    await submissions.create(made, { status: 'received', at: made.submittedAt });
    const deps = { store: cases, strings, now: () => new Date(), retentionDays: 7 };
    await changeCaseStatus({ caller: staff, code: made.code, locale: 'en', from, to: 'in-review', version: 0 }, deps);
    await expect(
      changeCaseStatus({ caller: staff, code: made.code, locale: 'en', from, to: 'approved', version: 0 }, deps),
    ).rejects.toThrow(CaseConflictError);
    expect((await entriesOf(made.code)).map((entry) => entry.status)).toEqual(['in-review']);
  });

  it('makes a transaction that fails on another item write nothing at all', async () => {
    const entry = timelineEntry(
      { kind: 'contact', channel: 'voice', direction: 'in', agency: 'vital-records', actor: 'citizen', summary: 'Called' },
      { now: () => new Date() },
    );
    const outcome = await transactWrite(client, [
      timelinePut(tableName, entry),
      {
        ConditionCheck: {
          TableName: tableName,
          Key: { pk: { S: 'NOTHING' }, sk: { S: 'HERE' } },
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
    ]);
    expect(outcome.ok).toBe(false);
    expect((await allTimelineItems()).some((item) => item.id === entry.id)).toBe(false);
  });
});

describe('reading a timeline', () => {
  it('pages a person’s timeline newest first, every entry once', async () => {
    const person = `sub-${randomUUID()}`;
    const base = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 7; i++) {
      const entry = timelineEntry(
        {
          kind: 'contact',
          channel: 'voice',
          direction: 'in',
          agency: i % 2 ? 'revenue' : 'vital-records',
          actor: 'citizen',
          summary: `call ${i}`,
          person,
          occurredAt: new Date(base + i * 60_000).toISOString(),
        },
        { now: () => new Date() },
      );
      await transactWrite(client, [timelinePut(tableName, entry)]);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listMyActivity(person, { limit: 3, cursor }, { timeline });
      seen.push(...page.items.map((item) => item.summary));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual(['call 6', 'call 5', 'call 4', 'call 3', 'call 2', 'call 1', 'call 0']);
  });
});
