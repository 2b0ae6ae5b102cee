/** Pending staff sign-ins: one item per state (`SIGNIN#<state>`), gone after one read or through TTL. */
import { DeleteItemCommand, type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { PendingSignIn, SignInStore } from '#domain/staff-sign-in';

const key = (state: string) => marshall({ pk: `SIGNIN#${state}`, sk: 'SIGNIN' });

export function dynamoDbSignInStore(client: DynamoDBClient, tableName: string): SignInStore {
  return {
    async save(pending) {
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: marshall({ pk: `SIGNIN#${pending.state}`, sk: 'SIGNIN', ...pending }, { removeUndefinedValues: true }),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },
    async consume(state) {
      // Deleting and reading in one call: of two callbacks racing with the same state, only one gets the item.
      const answer = await client.send(new DeleteItemCommand({ TableName: tableName, Key: key(state), ReturnValues: 'ALL_OLD' }));
      if (!answer.Attributes) return undefined;
      const { state: saved, nonce, verifier, returnTo, expiresAt } = unmarshall(answer.Attributes) as PendingSignIn;
      return { state: saved, nonce, verifier, returnTo, expiresAt };
    },
  };
}
