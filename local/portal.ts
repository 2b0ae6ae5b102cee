/**
 * Everything `npm start` runs, as one function tests can start too: DynamoDB Local (AWS's engine), the
 * table from the shared definition, and the local front door serving the built site and the API.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalAgencyEvents } from './agency-events.ts';
import { type DynamoDbLocal, ensureTable, localDynamoDbClient, pointHandlersAt, startDynamoDbLocal } from './dynamodb-local.ts';
import { startLocalNotifications } from './notifications.ts';
import { seedSampleBills } from './payment-sandbox-bills.ts';
import { seedSampleSubmission } from './sample-submissions.ts';
import { listenPortalServer } from './server.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST_DIR = `${ROOT}web/dist/`;
/**
 * Where `npm start` and `npm run fn` keep what survives a restart (FRONT_DOOR_DATA_DIR overrides, for
 * tests): DynamoDB Local's data in dynamodb/, the local issuer's signing key in auth/.
 */
export const DATA_DIR = process.env.FRONT_DOOR_DATA_DIR ?? join(ROOT, '.data');
export const dynamoDbDir = (dataDir: string) => join(dataDir, 'dynamodb');
export const signingKeyFile = (dataDir: string) => join(dataDir, 'auth', 'signing-key.json');
export const paymentSandboxFile = (dataDir: string) => join(dataDir, 'payment-sandbox', 'checkouts.json');
export const deadLetterFile = (dataDir: string) => join(dataDir, 'dead-letters', 'notifications.jsonl');
export const s3Dir = (dataDir: string) => join(dataDir, 's3');
const eventsDeadLetterFile = (dataDir: string) => join(dataDir, 'dead-letters', 'agency-events.jsonl');
/** The agency events `npm start` published, one JSON per line. */
export const agencyEventsFile = (dataDir: string) => join(dataDir, 'events', 'agency-events.jsonl');
export const TABLE_NAME = 'front-door';

export interface PortalOptions {
  port?: number;
  /** Keep data (and the signing key) under this folder across restarts; in memory when absent. */
  dataDir?: string;
  tableName?: string;
  /** A DynamoDB Local already running (the tests' shared one) instead of starting one. */
  dynamoDbEndpoint?: string;
  log?: (line: string) => void;
}

export interface RunningPortal {
  url: string;
  dynamoDbEndpoint: string;
  tableName: string;
  /** The local SES's page of sent e-mails. */
  inboxUrl: string;
  /** The local SES (what was sent; faults) and the stream poller (dead letters; settle). */
  notifications: Awaited<ReturnType<typeof startLocalNotifications>>;
  /** The EventBridge stand-in agency events go to (what was published) and their stream poller. */
  agencyEvents: Awaited<ReturnType<typeof startLocalAgencyEvents>>;
  stop(): Promise<void>;
}

export async function startPortal(options: PortalOptions = {}): Promise<RunningPortal> {
  const tableName = options.tableName ?? TABLE_NAME;
  const dynamo = options.dynamoDbEndpoint
    ? runningDynamoDb(options.dynamoDbEndpoint)
    : await startDynamoDbLocal(options.dataDir ? { dataDir: dynamoDbDir(options.dataDir) } : {});
  try {
    await ensureTable(dynamo.client, tableName);
    await seedSampleBills(dynamo.client, tableName);
    await seedSampleSubmission(dynamo.client, tableName);
    pointHandlersAt(dynamo.endpoint, tableName);
    process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
    const { server, url } = await listenPortalServer({
      distDir: DIST_DIR,
      port: options.port ?? 3000,
      publicHost: 'localhost',
      ...(options.log && { log: options.log }),
      // The issuer's signing key is kept with the data, so tokens survive a restart like the data does.
      ...(options.dataDir && {
        keyFile: signingKeyFile(options.dataDir),
        paymentSandboxFile: paymentSandboxFile(options.dataDir),
        s3Dir: s3Dir(options.dataDir),
      }),
    });
    const notifications = await startLocalNotifications({
      client: dynamo.client,
      endpoint: dynamo.endpoint,
      tableName,
      ...(options.dataDir && { deadLetterFile: deadLetterFile(options.dataDir) }),
      ...(options.log && { log: options.log }),
    }).catch(async (error: unknown) => {
      // The server is already listening: close it too, or it would hold its port after a failed start.
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      throw error;
    });
    const agencyEvents = await startLocalAgencyEvents({
      client: dynamo.client,
      endpoint: dynamo.endpoint,
      tableName,
      ...(options.dataDir && {
        eventsFile: agencyEventsFile(options.dataDir),
        deadLetterFile: eventsDeadLetterFile(options.dataDir),
      }),
      ...(options.log && { log: options.log }),
    }).catch(async (error: unknown) => {
      await notifications.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      throw error;
    });
    return {
      url,
      dynamoDbEndpoint: dynamo.endpoint,
      tableName,
      inboxUrl: notifications.ses.inboxUrl,
      notifications,
      agencyEvents,
      async stop() {
        await agencyEvents.stop();
        await notifications.stop();
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

/** A DynamoDB Local someone else started (and stops). */
function runningDynamoDb(endpoint: string): DynamoDbLocal {
  const client = localDynamoDbClient(endpoint);
  return {
    endpoint,
    client,
    async stop() {
      client.destroy();
    },
  };
}
