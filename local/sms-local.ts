/**
 * AWS End User Messaging SMS, locally: a small HTTP server that speaks the part of the `pinpoint-sms-voice-v2`
 * protocol the portal uses (AWS JSON 1.0, `X-Amz-Target: PinpointSMSVoiceV2.SendTextMessage`), so the real SDK
 * sends to it through SMS_ENDPOINT, and keeps what was sent. No npm package plays this service (aws-ses-v2-local's
 * kind exists only for SES), so it is ours, and small: one operation, its answer and its errors.
 * - Inbound texts: `sendInbound(from, body)` (tests) or the form on its page (`npm start`) builds the SNS event End
 *   User Messaging publishes for two-way SMS and hands it to the handler given at start (answer-text-messages).
 * - Faults: `failNext(n)` answers the next n sends with a 500, as the service does on a bad moment.
 * The page at `inboxUrl` lists every text, both ways, and has the inbound form (local/sms-local-page.tsx).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SNSEvent } from 'aws-lambda';
import { h } from 'preact';
import { renderDocument } from '#ui/render.ts';
import { SmsInboxPage } from './sms-local-page.tsx';

/** The agency's number locally (the 555-01xx range is reserved for fiction). */
export const LOCAL_SMS_NUMBER = '+15550100999';

export interface StoredText {
  messageId: string;
  direction: 'out' | 'in';
  from: string;
  to: string;
  body: string;
  /** ISO time. */
  at: string;
  /** For a text we sent: SendTextMessage's Context (the entry id). */
  context?: Record<string, string>;
}

export interface SmsLocal {
  /** Where the SDK sends (SMS_ENDPOINT). */
  endpoint: string;
  /** The page where a developer reads the texts and sends one in. */
  inboxUrl: string;
  texts(): StoredText[];
  /** A text from `from` to the agency's number: delivered to the handler as End User Messaging's SNS event. */
  sendInbound(from: string, body: string): Promise<unknown>;
  failNext(count: number): void;
  close(): Promise<void>;
}

export type InboundHandler = (event: SNSEvent) => Promise<unknown>;

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The SNS event Lambda receives for an inbound text (the message is End User Messaging's two-way payload). */
export function inboundSnsEvent(from: string, to: string, body: string, inboundMessageId = randomUUID()): SNSEvent {
  const message = JSON.stringify({
    originationNumber: from,
    destinationNumber: to,
    messageKeyword: body.trim().split(/\s+/)[0]?.toUpperCase() ?? '',
    messageBody: body,
    inboundMessageId,
    previousPublishedMessageId: randomUUID(),
  });
  const topicArn = 'arn:aws:sns:us-east-1:000000000000:front-door-inbound-texts';
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: `${topicArn}:${randomUUID()}`,
        Sns: {
          Type: 'Notification',
          MessageId: randomUUID(),
          TopicArn: topicArn,
          Subject: '',
          Message: message,
          Timestamp: new Date().toISOString(),
          SignatureVersion: '1',
          Signature: 'local',
          SigningCertUrl: 'https://sns.us-east-1.amazonaws.com/local.pem',
          UnsubscribeUrl: 'https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe',
          MessageAttributes: {},
        },
      },
    ],
  };
}

const json = (status: number, body: unknown, errorType?: string) => ({
  status,
  headers: { 'content-type': 'application/x-amz-json-1.0', ...(errorType && { 'x-amzn-errortype': errorType }) },
  body: JSON.stringify(body),
});

export async function startSmsLocal(options: { onInbound: InboundHandler; port?: number }): Promise<SmsLocal> {
  const texts: StoredText[] = [];
  let failures = 0;

  const sendInbound = async (from: string, body: string) => {
    const inboundMessageId = randomUUID();
    texts.push({ messageId: inboundMessageId, direction: 'in', from, to: LOCAL_SMS_NUMBER, body, at: new Date().toISOString() });
    return options.onInbound(inboundSnsEvent(from, LOCAL_SMS_NUMBER, body, inboundMessageId));
  };

  const sendText = (input: Record<string, unknown>) => {
    const to = input.DestinationPhoneNumber;
    const body = input.MessageBody;
    if (typeof to !== 'string' || !/^\+[1-9]\d{7,14}$/.test(to))
      return json(400, { Message: 'DestinationPhoneNumber must be E.164', Reason: 'INVALID_PARAMETER' }, 'ValidationException');
    if (typeof body !== 'string' || body.length === 0 || body.length > 1600)
      return json(
        400,
        { Message: 'MessageBody must be 1 to 1600 characters', Reason: 'INVALID_PARAMETER' },
        'ValidationException',
      );
    const messageId = randomUUID();
    texts.push({
      messageId,
      direction: 'out',
      from: typeof input.OriginationIdentity === 'string' ? input.OriginationIdentity : LOCAL_SMS_NUMBER,
      to,
      body,
      at: new Date().toISOString(),
      ...(typeof input.Context === 'object' && input.Context !== null && { context: input.Context as Record<string, string> }),
    });
    return json(200, { MessageId: messageId });
  };

  const server = createServer(async (req, res) => {
    const raw = await bodyOf(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const answer = (result: { status: number; headers: Record<string, string>; body: string }) => {
      res.writeHead(result.status, result.headers);
      res.end(result.body);
    };
    const target = req.headers['x-amz-target'];
    if (req.method === 'POST' && typeof target === 'string') {
      if (failures > 0) {
        failures--;
        return answer(json(500, { Message: 'Local SMS: a failure asked for by failNext()' }, 'InternalServerException'));
      }
      if (target !== 'PinpointSMSVoiceV2.SendTextMessage')
        return answer(json(400, { Message: `The local stand-in does not play ${target}` }, 'ValidationException'));
      let input: Record<string, unknown>;
      try {
        input = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return answer(json(400, { Message: 'The body is not JSON' }, 'ValidationException'));
      }
      return answer(sendText(input));
    }
    if (req.method === 'GET' && url.pathname === '/store') {
      return answer({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ texts }) });
    }
    if (req.method === 'POST' && url.pathname === '/inbound') {
      const form = new URLSearchParams(raw);
      const from = form.get('from')?.trim() ?? '';
      const body = form.get('body')?.trim() ?? '';
      if (/^\+[1-9]\d{7,14}$/.test(from) && body) await sendInbound(from, body);
      res.writeHead(303, { location: '/' });
      return res.end();
    }
    if (req.method === 'GET' && url.pathname === '/') {
      const page = renderDocument(h(SmsInboxPage, { texts: [...texts].reverse(), number: LOCAL_SMS_NUMBER }));
      return answer({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: page });
    }
    answer({ status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    inboxUrl: `${endpoint}/`,
    texts: () => [...texts],
    sendInbound,
    failNext(count) {
      failures = count;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
