/**
 * NoticeStore on DynamoDB (layout in table-definition.ts): which entries' e-mails went out, and which entry an
 * SES message id is about. A send is recorded in one transaction with its "notification sent" timeline entry.
 */
import { type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Notice, NoticeStore } from '#domain/notifications';
import { channelCountWrites } from './dynamodb-channel-volume.ts';
import { timelinePut } from './dynamodb-timeline.ts';
import { conditionFailed, transactWrite } from './dynamodb-transactions.ts';

const noticeKey = (entryId: string) => ({ pk: `NOTICE#${entryId}`, sk: 'NOTICE' });
const messageKey = (messageId: string) => ({ pk: `SESMSG#${messageId}`, sk: 'SESMSG' });
const textKey = (messageId: string) => ({ pk: `SMSMSG#${messageId}`, sk: 'SMSMSG' });

export function dynamoDbNotices(client: DynamoDBClient, tableName: string): NoticeStore {
  const put = (item: Record<string, unknown>) => ({
    Put: {
      TableName: tableName,
      Item: marshall(item, { removeUndefinedValues: true }),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });
  return {
    async sentFor(entryId) {
      const result = await client.send(
        new GetItemCommand({ TableName: tableName, Key: marshall(noticeKey(entryId)), ConsistentRead: true }),
      );
      return Boolean(result.Item);
    },

    async recordSent(notice, entry) {
      const outcome = await transactWrite(client, [
        put({ ...noticeKey(notice.entryId), type: 'notice', ...notice }),
        notice.channel === 'sms'
          ? put({ ...textKey(notice.messageId), type: 'sms-message', ...notice })
          : put({ ...messageKey(notice.messageId), type: 'ses-message', ...notice }),
        timelinePut(tableName, entry),
        ...channelCountWrites(tableName, [entry]),
      ]);
      if (outcome.ok) return 'recorded';
      if (conditionFailed(outcome, 0)) return 'duplicate';
      throw new Error(`Recording the notice of entry ${notice.entryId} failed: ${JSON.stringify(outcome.reasons)}`);
    },

    async byMessageId(messageId) {
      const result = await client.send(
        new GetItemCommand({ TableName: tableName, Key: marshall(messageKey(messageId)), ConsistentRead: true }),
      );
      if (!result.Item) return undefined;
      const { pk: _pk, sk: _sk, type: _type, ...notice } = unmarshall(result.Item);
      return notice as Notice;
    },

    async recordOnce(entry) {
      const outcome = await transactWrite(client, [timelinePut(tableName, entry), ...channelCountWrites(tableName, [entry])]);
      if (outcome.ok) return 'recorded';
      if (conditionFailed(outcome, 0)) return 'duplicate';
      throw new Error(`Recording entry ${entry.id} failed: ${JSON.stringify(outcome.reasons)}`);
    },
  };
}
