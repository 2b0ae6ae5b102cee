/** The one DynamoDB client, created once per process with the configured endpoint. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { config } from '#shared/config';

export const dynamoDb = new DynamoDBClient({
  ...(config.dynamoDbEndpoint && { endpoint: config.dynamoDbEndpoint }),
  // Lambda's own retries cover throttling; a citizen waiting on a spinner should not wait longer than this.
  maxAttempts: 3,
});
