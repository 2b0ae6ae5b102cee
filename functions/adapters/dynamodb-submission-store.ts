/** SubmissionStore on DynamoDB: the item layout is described in table-definition.ts. */
import { createHash } from 'node:crypto';
import { type DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { IdempotencyClaim } from '#domain/idempotency';
import type { CreateResult, HistoryEntry, Submission, SubmissionStore } from '#domain/submissions';
import type { TimelineEntry } from '#domain/timeline';
import { channelCountWrites } from './dynamodb-channel-volume.ts';
import { timelinePut } from './dynamodb-timeline.ts';
import { claimPut, conditionFailed, existingItem, transactWrite } from './dynamodb-transactions.ts';
import { COUNTS_SHARDS, QUEUE_SHARDS } from './table-definition.ts';

const submissionKey = (code: string) => ({ pk: `SUB#${code}`, sk: 'SUBMISSION' });

export function queueShard(code: string): number {
  return createHash('sha256').update(code).digest().readUInt16BE(0) % QUEUE_SHARDS;
}

/**
 * Which of the agency's COUNTS_SHARDS counts items a case's changes move. Counts are only ever read summed over
 * every item, so a case counted in another item before the number of items grew (16 until decision 0093) still
 * adds up: its later changes move the new item, and the sum stays right.
 */
export function countsShard(code: string): number {
  return createHash('sha256').update(code).digest().readUInt16BE(0) % COUNTS_SHARDS;
}

/** The item counting an agency's cases by status, one per counts shard (a case counts in its own shard's item). */
export const countsKey = (agency: string, shard: number) => ({ pk: `COUNTS#${agency}#${shard}`, sk: 'COUNTS' });

export const queueKey = (agency: string, status: string, shard: number) => `AGENCY#${agency}#STATUS#${status}#${shard}`;

export function submissionItem(submission: Submission) {
  return {
    ...submissionKey(submission.code),
    type: 'submission',
    ...submission,
    gsi1pk: queueKey(submission.agency, submission.status, queueShard(submission.code)),
    gsi1sk: `${submission.submittedAt}#${submission.code}`,
    ...(submission.ownerSubject && {
      gsi2pk: `OWNER#${submission.ownerSubject}`,
      gsi2sk: `${submission.submittedAt}#${submission.code}`,
    }),
    ...(submission.applicantEmail && {
      gsi3pk: `EMAIL#${submission.agency}#${submission.applicantEmail}`,
      gsi3sk: `${submission.submittedAt}#${submission.code}`,
    }),
  };
}

/** The stored item without its keys: what the domain calls a Submission. */
export function toSubmission(item: Record<string, unknown>): Submission {
  const {
    pk: _pk,
    sk: _sk,
    type: _type,
    gsi1pk: _g1,
    gsi1sk: _g1s,
    gsi2pk: _g2,
    gsi2sk: _g2s,
    gsi3pk: _g3,
    gsi3sk: _g3s,
    ...submission
  } = item;
  return submission as unknown as Submission;
}

/** Moves the agency's counts by status (in the case's shard) inside the transaction that changes the case. */
export function countUpdate(tableName: string, submission: Pick<Submission, 'agency' | 'code'>, by: Record<string, number>) {
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const parts = Object.entries(by).map(([status, delta], i) => {
    names[`#s${i}`] = status;
    values[`:d${i}`] = delta;
    return `#s${i} :d${i}`;
  });
  return {
    Update: {
      TableName: tableName,
      Key: marshall(countsKey(submission.agency, countsShard(submission.code))),
      UpdateExpression: `SET #type = :type ADD ${parts.join(', ')}`,
      ExpressionAttributeNames: { ...names, '#type': 'type' },
      ExpressionAttributeValues: marshall({ ...values, ':type': 'counts' }),
    },
  };
}

export function dynamoDbSubmissionStore(client: DynamoDBClient, tableName: string): SubmissionStore {
  return {
    async create(
      submission: Submission,
      first: HistoryEntry,
      claim?: IdempotencyClaim,
      timeline: readonly TimelineEntry[] = [],
    ): Promise<CreateResult> {
      const items = [
        {
          Put: {
            TableName: tableName,
            Item: marshall(submissionItem(submission), { removeUndefinedValues: true }),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: marshall({
              pk: `SUB#${submission.code}`,
              sk: `HISTORY#${first.at}#${first.status}`,
              type: 'history',
              ...first,
            }),
          },
        },
        countUpdate(tableName, submission, { [submission.status]: 1 }),
        ...(claim
          ? [claimPut(tableName, submission.formId, claim, { code: submission.code, submittedAt: submission.submittedAt })]
          : []),
        // Last, so the indexes above (read from a cancellation's reasons) stay where they are.
        ...timeline.map((entry) => timelinePut(tableName, entry)),
        ...channelCountWrites(tableName, timeline),
      ];
      const outcome = await transactWrite(client, items);
      if (outcome.ok) return { kind: 'created' };
      const claimed = existingItem(outcome, 3);
      if (claimed)
        return {
          kind: 'replay',
          code: String(claimed.code),
          fingerprint: String(claimed.fingerprint),
          submittedAt: String(claimed.submittedAt),
        };
      if (conditionFailed(outcome, 0)) return { kind: 'code-taken' };
      throw new Error(`Creating submission ${submission.code} failed: ${JSON.stringify(outcome.reasons)}`);
    },

    async findByCode(code: string) {
      const result = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: marshall({ ':pk': `SUB#${code}` }),
          ConsistentRead: true,
        }),
      );
      const items = (result.Items ?? []).map((item) => unmarshall(item));
      const found = items.find((item) => item.type === 'submission');
      if (!found) return undefined;
      const history = items
        .filter((item) => item.type === 'history')
        .map((item) => ({ status: item.status, at: item.at }) as HistoryEntry);
      return { submission: toSubmission(found), history };
    },

    async listByOwner(ownerSubject: string, limit: number) {
      const result = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :owner',
          ExpressionAttributeValues: marshall({ ':owner': `OWNER#${ownerSubject}` }),
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return (result.Items ?? []).map((item) => toSubmission(unmarshall(item)));
    },
  };
}

/** A cheap read that proves the table answers (used by the health check). */
export async function pingTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new GetItemCommand({ TableName: tableName, Key: marshall({ pk: 'HEALTH', sk: 'HEALTH' }) }));
}
