/**
 * Agency events, locally (decision 0096): DynamoDB Local's stream → the publisher handler (the same module Lambda
 * runs, fed by its own local/stream-poller.ts, as its own event source mapping is on AWS) → the EventBridge
 * stand-in (local/eventbridge-local.ts), where `GET /events` shows what an agency's system would receive.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { lambdaContext } from './api-gateway.ts';
import { type EventBridgeLocal, startEventBridgeLocal } from './eventbridge-local.ts';
import { type StreamPoller, type StreamPollerOptions, startStreamPoller } from './stream-poller.ts';

/** The bus locally (on AWS: the stack's event bus, named in EVENT_BUS_NAME). */
export const LOCAL_EVENT_BUS = 'front-door-local';

export interface LocalAgencyEvents {
  bus: EventBridgeLocal;
  poller: StreamPoller;
  stop(): Promise<void>;
}

export async function startLocalAgencyEvents(options: {
  client: DynamoDBClient;
  endpoint: string;
  tableName: string;
  /** Where published events are kept, one JSON per line (`npm start`: under .data/). */
  eventsFile?: string;
  deadLetterFile?: string;
  log?: (line: string) => void;
  poller?: Pick<StreamPollerOptions, 'retryAttempts' | 'backoff'>;
}): Promise<LocalAgencyEvents> {
  const bus = await startEventBridgeLocal(options.eventsFile ? { file: options.eventsFile } : {});
  Object.assign(process.env, {
    EVENTBRIDGE_ENDPOINT: bus.endpoint,
    EVENT_BUS_NAME: process.env.EVENT_BUS_NAME || LOCAL_EVENT_BUS,
  });
  const publisher = (await import('../functions/handlers/publish-agency-events.ts')).handler as unknown as (
    event: DynamoDBStreamEvent,
    context: ReturnType<typeof lambdaContext>,
  ) => Promise<unknown>;
  try {
    const poller = await startStreamPoller({
      client: options.client,
      endpoint: options.endpoint,
      tableName: options.tableName,
      ...(options.log && { log: options.log }),
      ...options.poller,
      ...(options.deadLetterFile && { deadLetterFile: options.deadLetterFile }),
      handler: (event) => publisher(event, lambdaContext('publish-agency-events')) as never,
    });
    return {
      bus,
      poller,
      async stop() {
        await poller.stop();
        await bus.close();
      },
    };
  } catch (error) {
    await bus.close();
    throw error;
  }
}
