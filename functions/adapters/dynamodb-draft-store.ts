/**
 * Drafts on DynamoDB (see table-definition.ts): DRAFT#<id> / DRAFT, deleted by TTL; a signed-in person's draft is
 * also on gsi2 (DRAFTS#<subject> / <updatedAt>) for "My account"; a resume code is RESUME#<code> / RESUME, expiring
 * with its draft.
 */
import {
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  type TransactWriteItem,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { OwnedDraftReader, ResumeRecord, ResumeStore } from '#domain/draft-resume';
import type { Draft, DraftStore } from '#domain/drafts';
import { channelCountWrites } from './dynamodb-channel-volume.ts';
import { timelinePut } from './dynamodb-timeline.ts';
import { transactWrite } from './dynamodb-transactions.ts';

const draftKey = (id: string) => ({ pk: `DRAFT#${id}`, sk: 'DRAFT' });
const resumeKey = (code: string) => ({ pk: `RESUME#${code}`, sk: 'RESUME' });

function draftItem(draft: Draft) {
  return {
    ...draftKey(draft.id),
    type: 'draft',
    ...draft,
    ...(draft.owner && { gsi2pk: `DRAFTS#${draft.owner}`, gsi2sk: draft.updatedAt }),
  };
}

function toDraft(item: Record<string, unknown>): Draft {
  const { pk: _pk, sk: _sk, type: _type, gsi2pk: _g, gsi2sk: _gs, ...draft } = item;
  return draft as unknown as Draft;
}

export function dynamoDbDraftStore(client: DynamoDBClient, tableName: string): DraftStore & ResumeStore & OwnedDraftReader {
  return {
    async save(draft) {
      await client.send(
        new PutItemCommand({ TableName: tableName, Item: marshall(draftItem(draft), { removeUndefinedValues: true }) }),
      );
    },
    async find(id) {
      const result = await client.send(
        new GetItemCommand({ TableName: tableName, Key: marshall(draftKey(id)), ConsistentRead: true }),
      );
      return result.Item ? toDraft(unmarshall(result.Item)) : undefined;
    },
    async remove(id) {
      await client.send(new DeleteItemCommand({ TableName: tableName, Key: marshall(draftKey(id)) }));
    },
    async listByOwner(owner, limit) {
      const result = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :owner',
          ExpressionAttributeValues: marshall({ ':owner': `DRAFTS#${owner}` }),
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return (result.Items ?? []).map((item) => toDraft(unmarshall(item)));
    },
    async saveForLater(draft, resume, replaces, entry) {
      const items: TransactWriteItem[] = [
        { Put: { TableName: tableName, Item: marshall(draftItem(draft), { removeUndefinedValues: true }) } },
        {
          Put: {
            TableName: tableName,
            Item: marshall({ ...resumeKey(resume.code), type: 'resume', ...resume }, { removeUndefinedValues: true }),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ];
      if (replaces && replaces !== resume.code)
        items.push({ Delete: { TableName: tableName, Key: marshall(resumeKey(replaces)) } });
      if (entry) items.push(timelinePut(tableName, entry), ...channelCountWrites(tableName, [entry]));
      const outcome = await transactWrite(client, items);
      if (!outcome.ok) throw new Error(`Saving draft ${draft.id} for later failed: ${JSON.stringify(outcome.reasons)}`);
    },
    async findResume(code) {
      const result = await client.send(
        new GetItemCommand({ TableName: tableName, Key: marshall(resumeKey(code)), ConsistentRead: true }),
      );
      if (!result.Item) return undefined;
      const { pk: _pk, sk: _sk, type: _type, ...record } = unmarshall(result.Item);
      return record as ResumeRecord;
    },
    async recordFailure(code) {
      const result = await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: marshall(resumeKey(code)),
          UpdateExpression: 'ADD failures :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: marshall({ ':one': 1 }),
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(result.Attributes?.failures?.N ?? '0');
    },
  };
}
