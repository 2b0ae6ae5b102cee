/** ActivityStore on DynamoDB: a staff member's audit entries for one agency, one Query of gsi2 a page. */
import { type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { ActivityQuery, ActivityStore } from '#domain/audit-activity';
import { actorKey, toAudit } from './dynamodb-case-store.ts';

export function dynamoDbActivityStore(client: DynamoDBClient, tableName: string): ActivityStore {
  return {
    async activityOf(query: ActivityQuery) {
      const values: Record<string, unknown> = { ':pk': actorKey(query.agency, query.subject) };
      if (query.after !== undefined) values[':after'] = query.after;
      const range = query.after === undefined ? '' : query.newestFirst ? ' AND gsi2sk < :after' : ' AND gsi2sk > :after';
      // One more than a page: whether another page follows, without a second Query.
      const result = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: `gsi2pk = :pk${range}`,
          ExpressionAttributeValues: marshall(values),
          ScanIndexForward: !query.newestFirst,
          Limit: query.limit + 1,
        }),
      );
      const items = (result.Items ?? []).map((item) => toAudit(unmarshall(item)));
      return { entries: items.slice(0, query.limit), more: items.length > query.limit };
    },
  };
}
