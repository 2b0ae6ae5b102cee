/**
 * StaffTimelineStore on DynamoDB: the agency's unlinked contacts (`TIMELINE#UNLINKED#<agency>`, newest first), and
 * linking one: the unlinked item deleted, the linked entry put under its case or person (timelinePut), and the audit
 * entry, in one transaction (a contact linked twice at once: the second finds it gone).
 */
import { type DynamoDBClient, GetItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { channelCountsForLink } from '#domain/channel-volume';
import type { StaffTimelineStore } from '#domain/staff-timeline';
import { cursorOf } from '#domain/timeline';
import { auditItem } from './dynamodb-case-store.ts';
import { channelCountUpdates, channelShardOf } from './dynamodb-channel-volume.ts';
import { TIMELINE_TYPE, timelinePut, toTimelineEntry } from './dynamodb-timeline.ts';
import { conditionFailed, transactWrite } from './dynamodb-transactions.ts';

const unlinkedKey = (agency: string) => `TIMELINE#UNLINKED#${agency}`;

export function dynamoDbStaffTimeline(client: DynamoDBClient, tableName: string): StaffTimelineStore {
  return {
    async unlinkedContacts(agency, options) {
      const values: Record<string, string> = { ':key': unlinkedKey(agency) };
      if (options.before) values[':before'] = options.before;
      const result = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: `pk = :key${options.before ? ' AND sk < :before' : ''}`,
          ExpressionAttributeValues: marshall(values),
          ScanIndexForward: false,
          Limit: options.limit,
          ConsistentRead: true,
        }),
      );
      const entries = (result.Items ?? [])
        .map((item) => unmarshall(item))
        .filter((item) => item.type === TIMELINE_TYPE)
        .map(toTimelineEntry);
      const last = entries.at(-1);
      return { entries, ...(result.LastEvaluatedKey && last && { next: cursorOf(last) }) };
    },

    async unlinkedContact(agency, sortKey) {
      const result = await client.send(
        new GetItemCommand({
          TableName: tableName,
          Key: marshall({ pk: unlinkedKey(agency), sk: sortKey }),
          ConsistentRead: true,
        }),
      );
      const item = result.Item && unmarshall(result.Item);
      return item?.type === TIMELINE_TYPE ? toTimelineEntry(item) : undefined;
    },

    async link(agency, sortKey, linked, audit) {
      const outcome = await transactWrite(client, [
        {
          Delete: {
            TableName: tableName,
            Key: marshall({ pk: unlinkedKey(agency), sk: sortKey }),
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
        timelinePut(tableName, linked),
        { Put: { TableName: tableName, Item: marshall(auditItem(audit), { removeUndefinedValues: true }) } },
        // The contact's count moves from "no service" to its case's service (decision 0126).
        ...channelCountUpdates(tableName, channelCountsForLink(linked), channelShardOf(linked.id)),
      ]);
      if (outcome.ok) return 'linked';
      if (conditionFailed(outcome, 0)) return 'gone';
      throw new Error(`Linking contact ${linked.id} failed: ${JSON.stringify(outcome.reasons)}`);
    },

    async audit(entry) {
      await client.send(
        new PutItemCommand({ TableName: tableName, Item: marshall(auditItem(entry), { removeUndefinedValues: true }) }),
      );
    },
  };
}
