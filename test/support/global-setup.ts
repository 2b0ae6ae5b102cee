/**
 * Once per `vitest run`: one DynamoDB Local (AWS's engine, in memory) shared by the integration and
 * browser tests; each test file makes its own table, so files never see each other's data.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { LOCAL_AWS_ENV, startDynamoDbLocal } from '../../local/dynamodb-local.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(new URL('../../functions/generated/site.js', import.meta.url))) {
    throw new Error('The build output is missing: run `npm run build` first (npm test does it for you).');
  }
  const dynamo = await startDynamoDbLocal();
  Object.assign(process.env, LOCAL_AWS_ENV);
  project.provide('dynamoDbEndpoint', dynamo.endpoint);
  return async () => {
    await dynamo.stop();
  };
}
