/** The one DynamoDB client, created once per process with the configured endpoint. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { config } from '#shared/config';
import { isStoreUnavailable, StoreUnavailableError } from './store-errors.ts';

/**
 * How long one call may take, chosen for a person waiting on a page and a function that stops at 10 s
 * (docs/decisions/0092-store-timeouts-and-503.md): a connection within 1 s, then no more than 1.5 s without a
 * byte of answer; 3 attempts (the SDK's standard retries, exponential backoff with jitter, throttling included).
 * One call that keeps failing gives up after about 5 s, so the function answers 503 well inside its 10 s.
 * Locally the request timeout is 2.5 s (DYNAMODB_REQUEST_TIMEOUT_MS, set by local/dynamodb-local.ts).
 */
export const DYNAMODB_TIMEOUTS = { connectionTimeout: 1_000, requestTimeout: 1_500, maxAttempts: 3 } as const;

export const dynamoDb = new DynamoDBClient({
  ...(config.dynamoDbEndpoint && { endpoint: config.dynamoDbEndpoint }),
  maxAttempts: DYNAMODB_TIMEOUTS.maxAttempts,
  requestHandler: {
    connectionTimeout: DYNAMODB_TIMEOUTS.connectionTimeout,
    requestTimeout: config.dynamoDbRequestTimeoutMs ?? DYNAMODB_TIMEOUTS.requestTimeout,
    // Without it this SDK only warns when the timeout passes and keeps waiting: a silent table would hang.
    throwOnRequestTimeout: true,
    // The connection timeout starts before the agent hands out a socket: locally, with every request's handler in one
    // process, calls waiting for one of the SDK's 50 sockets failed as "no connection within 1 s" (decision 0138).
    ...(config.dynamoDbMaxSockets && { httpAgent: { maxSockets: config.dynamoDbMaxSockets } }),
  },
});

// Outermost (initialize step): sees what is left once the SDK's retries are spent.
dynamoDb.middlewareStack.add(
  (next) => async (args) => {
    try {
      return await next(args);
    } catch (error) {
      if (!isStoreUnavailable(error)) throw error;
      throw new StoreUnavailableError(`DynamoDB did not answer: ${(error as Error).name}`, { cause: error });
    }
  },
  { step: 'initialize', name: 'storeUnavailable' },
);
