/**
 * Decision records on DynamoDB (decision 0103): one item per decided case, written by the status change's own
 * transaction (dynamodb-case-store.ts puts `decisionPut`), keyed by agency and the case's queue shard so a day
 * of decisions is never one hot partition, sorted by the decision's time so the dashboard reads a range.
 */
import type { DynamoDBClient, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DecisionRecord, DecisionStore } from '#domain/decision-times';
import { queryShards } from './dynamodb-shards.ts';
import { queueShard } from './dynamodb-submission-store.ts';
import { QUEUE_SHARDS } from './table-definition.ts';

export const decisionsKey = (agency: string, shard: number) => `DECISIONS#${agency}#${shard}`;

/** The record's Put inside the status change's transaction; a case already counted fails the whole change. */
export function decisionPut(tableName: string, record: DecisionRecord): TransactWriteItem {
  return {
    Put: {
      TableName: tableName,
      Item: marshall({
        pk: decisionsKey(record.agency, queueShard(record.code)),
        sk: `${record.decidedAt}#${record.code}`,
        type: 'decision',
        ...record,
      }),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

function toRecord(item: Record<string, unknown>): DecisionRecord {
  const { pk: _pk, sk: _sk, type: _type, ...record } = item;
  return record as unknown as DecisionRecord;
}

export function dynamoDbDecisionStore(client: DynamoDBClient, tableName: string): DecisionStore {
  return {
    async listDecisions(agency, from, to) {
      const items = await queryShards(client, {
        tableName,
        partitionKey: 'pk',
        sortKey: 'sk',
        shards: QUEUE_SHARDS,
        partition: (shard) => decisionsKey(agency, shard),
        from,
        to: `${to}T\uffff`,
      });
      return items.map(toRecord);
    },
  };
}
