/**
 * Everything `npm start` runs, as one function tests can start too: DynamoDB Local (AWS's engine), the
 * table from the shared definition, and the local front door serving the built site and the API.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTable, pointHandlersAt, startDynamoDbLocal } from './dynamodb-local.ts';
import { createPortalServer } from './server.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST_DIR = `${ROOT}web/dist/`;
/** Where `npm start` and `npm run fn` keep DynamoDB Local's data (FRONT_DOOR_DATA_DIR overrides, for tests). */
export const DATA_DIR = process.env.FRONT_DOOR_DATA_DIR ?? join(ROOT, '.data', 'dynamodb');
export const TABLE_NAME = 'front-door';

export interface PortalOptions {
  port?: number;
  /** Keep data under this folder across restarts; in memory when absent. */
  dataDir?: string;
  tableName?: string;
  log?: (line: string) => void;
}

export interface RunningPortal {
  url: string;
  dynamoDbEndpoint: string;
  tableName: string;
  stop(): Promise<void>;
}

export async function startPortal(options: PortalOptions = {}): Promise<RunningPortal> {
  const tableName = options.tableName ?? TABLE_NAME;
  const dynamo = await startDynamoDbLocal(options.dataDir ? { dataDir: options.dataDir } : {});
  try {
    await ensureTable(dynamo.client, tableName);
    pointHandlersAt(dynamo.endpoint, tableName);
    process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
    const server: Server = createPortalServer({ distDir: DIST_DIR, ...(options.log && { log: options.log }) });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 3000, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://localhost:${port}`,
      dynamoDbEndpoint: dynamo.endpoint,
      tableName,
      async stop() {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
        await dynamo.stop();
      },
    };
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
}
