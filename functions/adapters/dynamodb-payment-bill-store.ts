/** BillStore on DynamoDB: one item per bill, BILL#<reference> / BILL (see table-definition.ts). */
import { ConditionalCheckFailedException, type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Bill, BillStore } from '#domain/payment-bills';
import { endedUnpaid, PAYMENT_STATES } from '#domain/payment-state';

const billKey = (reference: string) => ({ pk: `BILL#${reference}`, sk: 'BILL' });

/** The payment states in which a bill may still change (payment-state.ts). */
const ENDED_UNPAID = PAYMENT_STATES.filter(endedUnpaid);

export function dynamoDbBillStore(client: DynamoDBClient, tableName: string): BillStore {
  return {
    async get(reference: string) {
      const result = await client.send(
        new GetItemCommand({ TableName: tableName, Key: marshall(billKey(reference)), ConsistentRead: true }),
      );
      if (!result.Item) return undefined;
      const { pk: _pk, sk: _sk, type: _type, updatedAt: _updatedAt, ...bill } = unmarshall(result.Item);
      return bill as Bill;
    },

    async put(bill: Bill) {
      try {
        await client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: marshall({ ...billKey(bill.reference), type: 'bill', ...bill }, { removeUndefinedValues: true }),
            // Once someone may have paid it, the bill is fixed; a checkout that ended unpaid does not count.
            ConditionExpression: `attribute_not_exists(pk) OR attribute_not_exists(payment) OR payment.#state IN (${ENDED_UNPAID.map((_, i) => `:s${i}`).join(', ')})`,
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: marshall(Object.fromEntries(ENDED_UNPAID.map((state, i) => [`:s${i}`, state]))),
          }),
        );
        return 'saved';
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return 'has-payment';
        throw error;
      }
    },
  };
}
