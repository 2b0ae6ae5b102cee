/**
 * Starts the local front door (the same server `npm start` runs) against the shared DynamoDB Local, with a
 * fresh table for the calling test file.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { ensureTable, pointHandlersAt } from '../../local/dynamodb-local.ts';
import type { PaymentSandbox } from '../../local/payment-sandbox.ts';
import { DIST_DIR } from '../../local/portal.ts';
import type { LocalS3 } from '../../local/s3-local.ts';

export interface TestPortal {
  url: string;
  tableName: string;
  /** The local issuer's private signing key (JWK JSON, under `signing`). */
  signingKeyFile: string;
  client: DynamoDBClient;
  /** The payment provider's sandbox this portal pays through (its checkouts, its webhook secret). */
  paymentSandbox: PaymentSandbox;
  /** The local S3 this portal's uploads go to (its scanner, its lifecycle rule). */
  uploads: LocalS3;
  /** Every item in the table: to prove that a refused request wrote nothing. */
  items(): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export async function startTestPortal(): Promise<TestPortal> {
  const endpoint = inject('dynamoDbEndpoint');
  const tableName = `test-${randomUUID()}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, tableName);
  // vitest isolates modules per test file, so this file's handlers are imported fresh after this.
  pointHandlersAt(endpoint, tableName);
  const { listenPortalServer } = await import('../../local/server.ts');
  // The issuer's key in a file of the test's own, so tests can forge tokens with it (and with others).
  const signingKeyFile = join(mkdtempSync(join(tmpdir(), 'front-door-auth-')), 'signing-key.json');
  const { server, url, paymentSandbox, uploads } = await listenPortalServer({
    distDir: DIST_DIR,
    port: 0,
    log: () => undefined,
    keyFile: signingKeyFile,
  });
  return {
    url,
    signingKeyFile,
    tableName,
    client,
    paymentSandbox,
    uploads,
    async items() {
      const { unmarshall } = await import('@aws-sdk/util-dynamodb');
      const result = await client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
      return (result.Items ?? []).map((item) => unmarshall(item));
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await uploads.stop();
      client.destroy();
    },
  };
}
