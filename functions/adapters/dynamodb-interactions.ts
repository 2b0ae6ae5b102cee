/** InteractionStore on DynamoDB: the claim on a contact's externalId and its timeline entry, one transaction. */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { InteractionStore } from '#domain/interactions';
import { channelCountWrites } from './dynamodb-channel-volume.ts';
import { timelinePut } from './dynamodb-timeline.ts';
import { existingItem, transactWrite } from './dynamodb-transactions.ts';

export const interactionKey = (agency: string, channel: string, externalId: string) => ({
  pk: `INTERACTION#${agency}#${channel}#${externalId}`,
  sk: 'INTERACTION',
});

export function dynamoDbInteractions(client: DynamoDBClient, tableName: string): InteractionStore {
  return {
    async record(claim, entry) {
      const outcome = await transactWrite(client, [
        {
          Put: {
            TableName: tableName,
            Item: marshall({
              ...interactionKey(claim.agency, claim.channel, claim.externalId),
              type: 'interaction',
              entryId: entry.id,
              fingerprint: claim.fingerprint,
            }),
            ConditionExpression: 'attribute_not_exists(pk)',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        timelinePut(tableName, entry),
        ...channelCountWrites(tableName, [entry]),
      ]);
      if (outcome.ok) return { kind: 'recorded' };
      const first = existingItem(outcome, 0);
      if (first) return { kind: 'replay', entryId: String(first.entryId), fingerprint: String(first.fingerprint) };
      throw new Error(`Recording interaction ${claim.externalId} failed: ${JSON.stringify(outcome.reasons)}`);
    },
  };
}
