/**
 * `npm run fn -- <handler> <event.json>`: invoke one handler with an API Gateway event file, like
 * `sam local invoke` without Docker. Starts DynamoDB Local with the data `npm start` keeps in .data/.
 * Example: npm run fn -- get-health test/fixtures/events/get-health.json
 */
import { existsSync, readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { routes } from '../functions/http/routes.ts';
import { lambdaContext, loadHandler } from './api-gateway.ts';
import { ensureTable, pointHandlersAt, startDynamoDbLocal } from './dynamodb-local.ts';
import { DATA_DIR, dynamoDbDir, TABLE_NAME } from './portal.ts';

const [name, eventFile] = process.argv.slice(2);
const handlers = [...new Set(routes.map((route) => route.handler))];
if (!name || !eventFile || !handlers.includes(name as (typeof handlers)[number])) {
  console.error(`Usage: npm run fn -- <handler> <event.json>\nHandlers: ${handlers.join(', ')}`);
  process.exit(2);
}
if (!existsSync(eventFile)) {
  console.error(`No event file at ${eventFile}. Examples are in test/fixtures/events/.`);
  process.exit(2);
}
const event = JSON.parse(readFileSync(eventFile, 'utf8')) as APIGatewayProxyEventV2;

const dynamo = await startDynamoDbLocal({ dataDir: dynamoDbDir(DATA_DIR) });
try {
  await ensureTable(dynamo.client, TABLE_NAME);
  pointHandlersAt(dynamo.endpoint, TABLE_NAME);
  const handler = await loadHandler(name);
  const result = await handler(event, lambdaContext(name));
  console.log(JSON.stringify(result, null, 2));
} finally {
  await dynamo.stop();
}
