/** GET /api/health: the API answers and its table answers. */
import { dynamoDb } from '#adapters/dynamodb';
import { pingTable } from '#adapters/dynamodb-submission-store';
import { json } from '#http/responses';
import { RETRY_AFTER_SECONDS, withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { logger } from '#shared/logger';

const lambdaHandler = async () => {
  try {
    await pingTable(dynamoDb, config.tableName);
    return json(200, { status: 'ok' });
  } catch (error) {
    logger.warn('Health check: table did not answer', { error: error as Error });
    return json(503, { status: 'unavailable' }, { 'retry-after': String(RETRY_AFTER_SECONDS) });
  }
};

export const handler = withHttp(lambdaHandler);
