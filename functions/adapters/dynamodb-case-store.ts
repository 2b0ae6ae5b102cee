/**
 * CaseStore and QueueStore on DynamoDB (item layout in table-definition.ts). A case change is one
 * TransactWriteItems: the case's update (conditional on its version), its history entry, the message, the audit
 * entry, the counts by status and, for a first decision, its decision record — all or nothing. The queue reads one Query per
 * shard of the queue index (QUEUE_INDEX: the queue's columns only); the export reads whole cases from the table by code.
 */
import {
  type AttributeValue,
  BatchGetItemCommand,
  type DynamoDBClient,
  PutItemCommand,
  QueryCommand,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { AuditEntry } from '#domain/audit';
import type { QueueCase, QueueRow, QueueStore, ShardQuery } from '#domain/case-queue';
import type { CaseChange, CaseMessage, CaseRecord, CaseStore } from '#domain/cases';
import type { QueueKeyStore, ShardKeysQuery } from '#domain/export-parts';
import { STATUSES, type Submission, type SubmissionStatus } from '#domain/submissions';
import { channelCountWrites } from './dynamodb-channel-volume.ts';
import { decisionPut } from './dynamodb-decision-store.ts';
import { countsKey, countUpdate, queueKey, queueShard, toSubmission } from './dynamodb-submission-store.ts';
import { timelinePut } from './dynamodb-timeline.ts';
import { conditionFailed, transactWrite } from './dynamodb-transactions.ts';
import { COUNTS_SHARDS, QUEUE_KEYS_INDEX, QUEUE_SHARDS, queueIndexName } from './table-definition.ts';

const submissionKey = (code: string) => ({ pk: `SUB#${code}`, sk: 'SUBMISSION' });

/** A staff member's activity for one agency (gsi2): one partition per agency and person (audit-activity.ts). */
export const actorKey = (agency: string, subject: string) => `ACTOR#${agency}#${subject}`;

/** An audit entry as stored (the refund writes one in its own transaction too: dynamodb-payment-store.ts). */
export function auditItem(entry: AuditEntry) {
  return {
    pk: `AUDIT#${entry.record}`,
    sk: `${entry.at}#${entry.id}`,
    type: 'audit',
    ...entry,
    gsi2pk: actorKey(entry.actor.agency, entry.actor.subject),
    gsi2sk: `${entry.at}#${entry.id}`,
  };
}

export function toAudit(item: Record<string, unknown>): AuditEntry {
  const { pk: _pk, sk: _sk, type: _type, gsi2pk: _g, gsi2sk: _gs, ...entry } = item;
  return entry as unknown as AuditEntry;
}

/** The case's update: only what a case change may touch, so a payment written meanwhile is never overwritten. */
function caseUpdate(tableName: string, expectedVersion: number, after: Submission): TransactWriteItem {
  const set = ['#status = :status', 'updatedAt = :updatedAt', 'version = :version', 'gsi1pk = :gsi1pk'];
  const remove: string[] = [];
  const values: Record<string, unknown> = {
    ':status': after.status,
    ':updatedAt': after.updatedAt,
    ':version': after.version,
    ':expected': expectedVersion,
    ':gsi1pk': queueKey(after.agency, after.status, queueShard(after.code)),
  };
  if (after.statusMessage !== undefined) {
    set.push('statusMessage = :statusMessage');
    values[':statusMessage'] = after.statusMessage;
  } else remove.push('statusMessage');
  if (after.statusMessageId !== undefined) {
    set.push('statusMessageId = :statusMessageId');
    values[':statusMessageId'] = after.statusMessageId;
  } else remove.push('statusMessageId');
  if (after.assignedTo) {
    set.push('assignedTo = :assignedTo');
    values[':assignedTo'] = after.assignedTo;
  } else remove.push('assignedTo');
  // A case written before versions existed is at version 0.
  const versionIs = expectedVersion === 0 ? '(attribute_not_exists(version) OR version = :expected)' : 'version = :expected';
  return {
    Update: {
      TableName: tableName,
      Key: marshall(submissionKey(after.code)),
      UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
      ConditionExpression: `attribute_exists(pk) AND ${versionIs}`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: marshall(values, { removeUndefinedValues: true }),
    },
  };
}

/** The filter's service and "assigned to me" as a FilterExpression (on the index's copy: both indexes project them). */
function queueFilter(query: Pick<ShardQuery, 'serviceId' | 'assignedTo'>, values: Record<string, unknown>) {
  const filters: string[] = [];
  if (query.serviceId) {
    filters.push('serviceId = :service');
    values[':service'] = query.serviceId;
  }
  if (query.assignedTo) {
    filters.push('assignedTo.subject = :me');
    values[':me'] = query.assignedTo;
  }
  return filters.length ? { FilterExpression: filters.join(' AND ') } : {};
}

export function dynamoDbCaseStore(client: DynamoDBClient, tableName: string): CaseStore & QueueStore & QueueKeyStore {
  async function queryAll(input: ConstructorParameters<typeof QueryCommand>[0]) {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const result = await client.send(new QueryCommand({ ...input, ...(start && { ExclusiveStartKey: start as never }) }));
      items.push(...(result.Items ?? []).map((item) => unmarshall(item)));
      start = result.LastEvaluatedKey;
    } while (start);
    return items;
  }

  return {
    shards: QUEUE_SHARDS,

    async findCase(code: string): Promise<CaseRecord | undefined> {
      const items = await queryAll({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: marshall({ ':pk': `SUB#${code}` }),
        ConsistentRead: true,
      });
      const found = items.find((item) => item.type === 'submission');
      if (!found) return undefined;
      return {
        submission: toSubmission(found),
        history: items
          .filter((item) => item.type === 'history')
          .map((item) => ({ status: item.status as SubmissionStatus, at: String(item.at) })),
        messages: items
          .filter((item) => item.type === 'message')
          .map(({ pk: _pk, sk: _sk, type: _type, ...message }) => message as unknown as CaseMessage),
      };
    },

    async applyChange(change: CaseChange) {
      const { code } = change;
      const items: TransactWriteItem[] = [];
      if (change.update) items.push(caseUpdate(tableName, change.update.expectedVersion, change.update.submission));
      else
        items.push({
          ConditionCheck: {
            TableName: tableName,
            Key: marshall(submissionKey(code)),
            ConditionExpression: 'attribute_exists(pk)',
          },
        });
      if (change.history)
        items.push({
          Put: {
            TableName: tableName,
            Item: marshall({
              pk: `SUB#${code}`,
              sk: `HISTORY#${change.history.at}#${change.history.status}`,
              type: 'history',
              ...change.history,
            }),
          },
        });
      if (change.message)
        items.push({
          Put: {
            TableName: tableName,
            Item: marshall({
              pk: `SUB#${code}`,
              sk: `MESSAGE#${change.message.at}#${change.message.id}`,
              type: 'message',
              ...change.message,
            }),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        });
      items.push({
        Put: {
          TableName: tableName,
          Item: marshall(auditItem(change.audit), { removeUndefinedValues: true }),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
      const moved = change.update && change.update.previousStatus !== change.update.submission.status;
      if (change.update && moved)
        items.push(
          countUpdate(tableName, change.update.submission, {
            [change.update.previousStatus]: -1,
            [change.update.submission.status]: 1,
          }),
        );
      for (const entry of change.timeline ?? []) items.push(timelinePut(tableName, entry));
      if (change.decision) items.push(decisionPut(tableName, change.decision));
      items.push(...channelCountWrites(tableName, change.timeline ?? []));
      const outcome = await transactWrite(client, items);
      if (outcome.ok) return 'applied';
      if (conditionFailed(outcome, 0)) return 'stale';
      throw new Error(`Changing case ${code} failed: ${JSON.stringify(outcome.reasons)}`);
    },

    async recordAudit(entry: AuditEntry) {
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: marshall(auditItem(entry), { removeUndefinedValues: true }),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    async auditOf(record: string) {
      const items = await queryAll({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: marshall({ ':pk': `AUDIT#${record}` }),
        ScanIndexForward: false,
      });
      return items.map(toAudit);
    },

    async queryShard(query: ShardQuery) {
      const values: Record<string, unknown> = { ':pk': queueKey(query.agency, query.status, query.shard) };
      if (query.after !== undefined) values[':after'] = query.after;
      const filter = queueFilter(query, values);
      const range = query.after === undefined ? '' : query.ascending ? ' AND gsi1sk > :after' : ' AND gsi1sk < :after';
      const result = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: queueIndexName(),
          KeyConditionExpression: `gsi1pk = :pk${range}`,
          ...filter,
          ExpressionAttributeValues: marshall(values),
          ScanIndexForward: query.ascending,
          Limit: query.limit,
        }),
      );
      const items = (result.Items ?? []).map((raw) => {
        const item = unmarshall(raw);
        return { ...(toSubmission(item) as QueueRow), sortKey: String(item.gsi1sk) } as QueueCase;
      });
      const lastKey = result.LastEvaluatedKey ? String(unmarshall(result.LastEvaluatedKey).gsi1sk) : undefined;
      return { items, ...(lastKey !== undefined && { lastKey }) };
    },

    async listShardKeys(query: ShardKeysQuery) {
      const values: Record<string, unknown> = { ':pk': queueKey(query.agency, query.status, query.shard) };
      const filter = queueFilter(query, values);
      if (query.after !== undefined) values[':after'] = query.after;
      // The keys-only copy of the queue index (decision 0127): ~200-byte items, ~10 times fewer bytes than gsi1's.
      const input = {
        TableName: tableName,
        IndexName: QUEUE_KEYS_INDEX,
        KeyConditionExpression: `gsi1pk = :pk${query.after === undefined ? '' : ` AND gsi1sk ${query.ascending ? '>' : '<'} :after`}`,
        ...filter,
        ExpressionAttributeValues: marshall(values),
        ProjectionExpression: 'gsi1sk',
        ScanIndexForward: query.ascending,
      };
      if (query.limit === undefined) return { keys: (await queryAll(input)).map((item) => String(item.gsi1sk)) };
      // One Query of `limit` items evaluated: the filter may keep fewer; where it stopped is where the next starts.
      const result = await client.send(new QueryCommand({ ...input, Limit: query.limit }));
      const keys = (result.Items ?? []).map((item) => String(unmarshall(item).gsi1sk));
      const stopped = result.LastEvaluatedKey && unmarshall(result.LastEvaluatedKey).gsi1sk;
      return { keys, ...(stopped !== undefined && { readUpTo: String(stopped) }) };
    },

    async countByStatus(agency: string) {
      const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<SubmissionStatus, number>;
      const keys = Array.from({ length: COUNTS_SHARDS }, (_, shard) => marshall(countsKey(agency, shard)));
      let pending: typeof keys = keys;
      for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
        const result = await client.send(new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: pending } } }));
        for (const raw of result.Responses?.[tableName] ?? []) {
          const item = unmarshall(raw);
          for (const status of STATUSES) counts[status] += Number(item[status] ?? 0);
        }
        pending = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as typeof keys;
      }
      return counts;
    },

    async oldestOpen(agency: string, statuses: readonly SubmissionStatus[]) {
      const heads = await Promise.all(
        statuses.flatMap((status) =>
          Array.from({ length: QUEUE_SHARDS }, async (_, shard) => {
            const result = await client.send(
              new QueryCommand({
                TableName: tableName,
                IndexName: queueIndexName(),
                KeyConditionExpression: 'gsi1pk = :pk',
                ExpressionAttributeValues: marshall({ ':pk': queueKey(agency, status, shard) }),
                ProjectionExpression: 'submittedAt',
                Limit: 1,
              }),
            );
            const first = result.Items?.[0];
            return first ? String(unmarshall(first).submittedAt) : undefined;
          }),
        ),
      );
      return heads.filter((at): at is string => at !== undefined).sort()[0];
    },

    async wholeCases(codes: readonly string[]) {
      const found: Submission[] = [];
      // BatchGetItem takes 100 keys; the batches go at once. What DynamoDB leaves unprocessed (over 16 MB, or
      // throttled) is asked again; a case still missing after that fails the read rather than leave a row out.
      const batches: Record<string, AttributeValue>[][] = [];
      for (let i = 0; i < codes.length; i += 100)
        batches.push(codes.slice(i, i + 100).map((code) => marshall(submissionKey(code))));
      await Promise.all(
        batches.map(async (keys) => {
          let pending = keys;
          for (let attempt = 0; pending.length > 0; attempt++) {
            if (attempt === 8) throw new Error(`Reading ${pending.length} cases by code: still unprocessed after 8 tries`);
            if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
            const result = await client.send(new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: pending } } }));
            for (const raw of result.Responses?.[tableName] ?? []) found.push(toSubmission(unmarshall(raw)));
            pending = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as typeof keys;
          }
        }),
      );
      return found;
    },

    async findByEmail(agency: string, email: string) {
      const items = await queryAll({
        TableName: tableName,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pk',
        ExpressionAttributeValues: marshall({ ':pk': `EMAIL#${agency}#${email}` }),
        ScanIndexForward: false,
      });
      return items.map(toSubmission);
    },
  };
}
