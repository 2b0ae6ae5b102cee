/**
 * The notifications half of the outbox, locally: DynamoDB Local's stream → the notifier handler (the same module
 * Lambda runs, fed by local/stream-poller.ts) → SES v2 stand-in (local/ses-local.ts) → its delivery and bounce
 * events → the record-email-events handler; texts go to the End User Messaging SMS stand-in (local/sms-local.ts),
 * whose inbound texts go to the answer-text-messages handler. Start it after the portal server: the handlers read PORTAL_ORIGIN,
 * which the server sets, once at import.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent, EventBridgeEvent, SNSEvent } from 'aws-lambda';
import { lambdaContext } from './api-gateway.ts';
import { type SesLocal, startSesLocal } from './ses-local.ts';
import { LOCAL_SMS_NUMBER, type SmsLocal, startSmsLocal } from './sms-local.ts';
import { type StreamPoller, type StreamPollerOptions, startStreamPoller } from './stream-poller.ts';

/** The sender address locally (on AWS: agency.config.json → notifications.fromAddress, a verified SES identity). */
export const LOCAL_EMAIL_FROM = 'no-reply@portal.example.gov';

export interface LocalNotifications {
  ses: SesLocal;
  /** End User Messaging SMS's stand-in: texts sent, and inbound texts delivered to answer-text-messages. */
  sms: SmsLocal;
  poller: StreamPoller;
  stop(): Promise<void>;
}

export async function startLocalNotifications(options: {
  client: DynamoDBClient;
  endpoint: string;
  tableName: string;
  deadLetterFile?: string;
  log?: (line: string) => void;
  poller?: Pick<StreamPollerOptions, 'retryAttempts' | 'backoff'>;
}): Promise<LocalNotifications> {
  const log = options.log ?? ((line: string) => console.log(line));
  const ses = await startSesLocal();
  type Handler<E> = (event: E, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;
  let answerTexts: Handler<SNSEvent> | undefined;
  const sms = await startSmsLocal({
    onInbound: async (event) => {
      answerTexts ??= (await import('../functions/handlers/answer-text-messages.ts')).handler as unknown as Handler<SNSEvent>;
      try {
        return await answerTexts(event, lambdaContext('answer-text-messages'));
      } catch (error) {
        // SNS would retry, then dead-letter; locally the developer reads why.
        log(`Answering an inbound text failed: ${(error as Error).message}`);
        throw error;
      }
    },
  });
  Object.assign(process.env, {
    SES_ENDPOINT: ses.endpoint,
    EMAIL_FROM: process.env.EMAIL_FROM || LOCAL_EMAIL_FROM,
    SMS_ENDPOINT: sms.endpoint,
    SMS_ORIGINATION_IDENTITY: LOCAL_SMS_NUMBER,
  });
  const notifier = (await import('../functions/handlers/send-notifications.ts'))
    .handler as unknown as Handler<DynamoDBStreamEvent>;
  const emailEvents = (await import('../functions/handlers/record-email-events.ts')).handler as unknown as Handler<
    EventBridgeEvent<string, never>
  >;
  try {
    const poller = await startStreamPoller({
      client: options.client,
      endpoint: options.endpoint,
      tableName: options.tableName,
      log,
      ...options.poller,
      ...(options.deadLetterFile && { deadLetterFile: options.deadLetterFile }),
      handler: (event) => notifier(event, lambdaContext('send-notifications')) as never,
      afterBatch: async () => {
        for (const event of await ses.takeEvents()) {
          try {
            await emailEvents(event as never, lambdaContext('record-email-events'));
          } catch (error) {
            log(`Recording an e-mail event failed: ${(error as Error).message}`);
          }
        }
      },
    });
    return {
      ses,
      sms,
      poller,
      async stop() {
        await poller.stop();
        await ses.close();
        await sms.close();
      },
    };
  } catch (error) {
    await ses.close();
    await sms.close();
    throw error;
  }
}
