/**
 * Starts the local front door (the same server `npm start` runs) against the shared DynamoDB Local, with a
 * fresh table for the calling test file.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AttributeValue, type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { ensureTable, localDynamoDbClient, pointHandlersAt } from '../../local/dynamodb-local.ts';
import type { PaymentSandbox } from '../../local/payment-sandbox.ts';
import { DIST_DIR } from '../../local/portal.ts';
import type { LocalS3 } from '../../local/s3-local.ts';
import type { ApiAnswer } from '../../local/server.ts';
import { contractChecker } from './contract.ts';

export interface TestPortal {
  url: string;
  tableName: string;
  /** Where the test's own client reaches DynamoDB Local (not through any fault proxy). */
  dynamoDbEndpoint: string;
  /** The local issuer's private signing key (JWK JSON, under `signing`). */
  signingKeyFile: string;
  client: DynamoDBClient;
  /** The payment provider's sandbox this portal pays through (its checkouts, its webhook secret). */
  paymentSandbox: PaymentSandbox;
  /** The local S3 this portal's uploads go to (its scanner, its lifecycle rule). */
  uploads: LocalS3;
  /** Every answer a route gave so far (each is checked against the API's document when the portal closes). */
  answers: ApiAnswer[];
  /** Every item in the table: to prove that a refused request wrote nothing. */
  items(): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export async function startTestPortal(
  /**
   * `contract: false` when the test checks every answer itself (the fuzzer); `dynamoDbEndpoint` to send the
   * functions' table calls somewhere else (a fault proxy) while the test reads the table directly.
   */
  options: { contract?: boolean; dynamoDbEndpoint?: string } = {},
): Promise<TestPortal> {
  const endpoint = inject('dynamoDbEndpoint');
  const tableName = `test-${randomUUID()}`;
  const client = localDynamoDbClient(endpoint);
  await ensureTable(client, tableName);
  // vitest isolates modules per test file, so this file's handlers are imported fresh after this.
  pointHandlersAt(options.dynamoDbEndpoint ?? endpoint, tableName);
  const { listenPortalServer } = await import('../../local/server.ts');
  // The issuer's key in a file of the test's own, so tests can forge tokens with it (and with others).
  const signingKeyFile = join(mkdtempSync(join(tmpdir(), 'front-door-auth-')), 'signing-key.json');
  // The contract test of every integration test: each answer must be one the OpenAPI document describes.
  const checker = contractChecker();
  const answers: ApiAnswer[] = [];
  const problems = new Set<string>();
  const { server, url, paymentSandbox, uploads } = await listenPortalServer({
    distDir: DIST_DIR,
    port: 0,
    log: () => undefined,
    keyFile: signingKeyFile,
    observe: (answer) => {
      answers.push(answer);
      if (options.contract !== false) for (const problem of checker.problemsWith(answer)) problems.add(problem);
    },
  });
  return {
    url,
    dynamoDbEndpoint: endpoint,
    signingKeyFile,
    tableName,
    client,
    paymentSandbox,
    uploads,
    answers,
    async items() {
      const { unmarshall } = await import('@aws-sdk/util-dynamodb');
      // Every page: a Scan answers at most 1 MB, and a fuzzed table holds more.
      const items: Record<string, unknown>[] = [];
      let start: Record<string, AttributeValue> | undefined;
      do {
        const page = await client.send(
          new ScanCommand({ TableName: tableName, ConsistentRead: true, ...(start && { ExclusiveStartKey: start }) }),
        );
        for (const item of page.Items ?? []) items.push(unmarshall(item));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await uploads.stop();
      client.destroy();
      if (problems.size > 0)
        throw new Error(
          `${problems.size} answer(s) do not match the API's document (declare them in functions/contracts/<handler>.ts):\n${[...problems].join('\n')}`,
        );
    },
  };
}
