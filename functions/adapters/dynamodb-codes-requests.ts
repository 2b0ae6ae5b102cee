/**
 * CodesRequestStore on DynamoDB (layout in table-definition.ts): the hour's request counter per address (kept under
 * a hash of the address, never the address), the request the stream hands the notifier, and every agency's cases
 * by the applicant's address (gsi3, one Query per agency).
 */
import { createHash } from 'node:crypto';
import { DeleteItemCommand, type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { CodesRequest, CodesRequestStore } from '#domain/code-requests';
import { toSubmission } from './dynamodb-submission-store.ts';
import { conditionFailed, transactWrite } from './dynamodb-transactions.ts';

/** The item type the notifier's stream filter lets through beside notifying timeline entries. */
export const CODES_REQUEST_TYPE = 'codes-request';

const requestKey = (id: string) => ({ pk: `CODESREQ#${id}`, sk: 'CODESREQ' });
const rateKey = (address: string, hour: string) => ({
  pk: `CODESRATE#${createHash('sha256').update(address).digest('base64url')}#${hour}`,
  sk: 'RATE',
});

/** How long a request keeps its address if the notifier never got to it. */
const REQUEST_SECONDS = 24 * 3600;

export function toCodesRequest(item: Record<string, unknown>): CodesRequest | undefined {
  if (item.type !== CODES_REQUEST_TYPE) return undefined;
  const { id, address, locale, requestedAt } = item as Record<string, string>;
  if (!id || !address || (locale !== 'en' && locale !== 'es') || !requestedAt) return undefined;
  return { id, address, locale, requestedAt };
}

export function dynamoDbCodesRequests(client: DynamoDBClient, tableName: string, agencies: readonly string[]): CodesRequestStore {
  return {
    async request(request, hour, limit) {
      const at = Math.floor(Date.parse(request.requestedAt) / 1000);
      const outcome = await transactWrite(client, [
        {
          Update: {
            TableName: tableName,
            Key: marshall(rateKey(request.address, hour)),
            UpdateExpression: 'SET #type = :type, expiresAt = :expires ADD requests :one',
            ConditionExpression: 'attribute_not_exists(requests) OR requests < :limit',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: marshall({ ':type': 'codes-rate', ':expires': at + 7200, ':one': 1, ':limit': limit }),
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: marshall({ ...requestKey(request.id), type: CODES_REQUEST_TYPE, ...request, expiresAt: at + REQUEST_SECONDS }),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ]);
      if (outcome.ok) return 'accepted';
      if (conditionFailed(outcome, 0)) return 'limited';
      throw new Error(`Recording a codes request failed: ${JSON.stringify(outcome.reasons)}`);
    },

    async submissionsByEmail(address) {
      const pages = await Promise.all(
        agencies.map((agency) =>
          client.send(
            new QueryCommand({
              TableName: tableName,
              IndexName: 'gsi3',
              KeyConditionExpression: 'gsi3pk = :pk',
              ExpressionAttributeValues: marshall({ ':pk': `EMAIL#${agency}#${address}` }),
              ScanIndexForward: false,
              Limit: 50,
            }),
          ),
        ),
      );
      return pages
        .flatMap((page) => (page.Items ?? []).map((item) => toSubmission(unmarshall(item))))
        .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
    },

    async forget(id) {
      await client.send(new DeleteItemCommand({ TableName: tableName, Key: marshall(requestKey(id)) }));
    },
  };
}
