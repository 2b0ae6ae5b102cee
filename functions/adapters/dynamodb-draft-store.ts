/** DraftStore on DynamoDB: one item per draft, DRAFT#<id> / DRAFT, deleted by TTL (see table-definition.ts). */
import { DeleteItemCommand, type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Draft, DraftStore } from '#domain/drafts';

const draftKey = (id: string) => ({ pk: `DRAFT#${id}`, sk: 'DRAFT' });

export function dynamoDbDraftStore(client: DynamoDBClient, tableName: string): DraftStore {
  return {
    async save(draft) {
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: marshall({ ...draftKey(draft.id), type: 'draft', ...draft }, { removeUndefinedValues: true }),
        }),
      );
    },
    async find(id) {
      const result = await client.send(
        new GetItemCommand({ TableName: tableName, Key: marshall(draftKey(id)), ConsistentRead: true }),
      );
      if (!result.Item) return undefined;
      const { pk: _pk, sk: _sk, type: _type, ...draft } = unmarshall(result.Item);
      return draft as Draft;
    },
    async remove(id) {
      await client.send(new DeleteItemCommand({ TableName: tableName, Key: marshall(draftKey(id)) }));
    },
  };
}
