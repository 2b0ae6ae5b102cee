/**
 * Amazon SES v2, locally: aws-ses-v2-local (npm; it speaks the SES v2 HTTP API the real SDK calls, keeps what was
 * sent and shows it on a page) behind a small front of our own that adds the two things it lacks:
 * - SES's events: it has no configuration sets, so after each e-mail this produces the event SES would publish to
 *   EventBridge ("Email Delivered", or "Email Bounced" for SES's mailbox-simulator bounce address), in the shape
 *   functions/handlers/record-email-events.ts receives on AWS;
 * - faults: `failNext(n)` answers the next n calls with a 500, as SES does when it has a bad moment, so tests can
 *   watch the SDK's retries, the stream's retries and the dead letter.
 * The inbox page (aws-ses-v2-local's own viewer) is at `inboxUrl`.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventBridgeEvent } from 'aws-lambda';
import type { SesEventDetail } from '../functions/adapters/ses-events.ts';
import { freePort } from './dynamodb-local.ts';

/** SES's mailbox simulator: mail to this address bounces (docs: "Using the mailbox simulator"). */
export const BOUNCE_ADDRESS = 'bounce@simulator.amazonses.com';
/** …and mail to this one is delivered, then its recipient marks it as spam. */
export const COMPLAINT_ADDRESS = 'complaint@simulator.amazonses.com';

export interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  /** Epoch seconds. */
  at: number;
}

export type SesEvent = EventBridgeEvent<
  'Email Delivered' | 'Email Bounced' | 'Email Complaint Received',
  SesEventDetail & Record<string, unknown>
>;

export interface SesLocal {
  /** Where the SDK sends (SES_ENDPOINT). */
  endpoint: string;
  /** The page where a developer reads what was sent. */
  inboxUrl: string;
  emails(): Promise<StoredEmail[]>;
  /** The events of e-mails sent since the last call (each e-mail's once). */
  takeEvents(): Promise<SesEvent[]>;
  failNext(count: number): void;
  close(): Promise<void>;
}

type StartSes = (config: { port: number; host: string }) => Promise<Server>;

async function loadStandIn(): Promise<StartSes> {
  const mod = (await import('aws-ses-v2-local')) as unknown as { default?: unknown };
  // A CommonJS module with `exports.default`: under Node's ESM loader that is `default.default`.
  for (const candidate of [mod.default, (mod.default as { default?: unknown } | undefined)?.default, mod]) {
    if (typeof candidate === 'function') return candidate as StartSes;
  }
  throw new Error('aws-ses-v2-local exports no server function: check the installed version (2.10.2 is pinned)');
}

export async function startSesLocal(options: { port?: number } = {}): Promise<SesLocal> {
  const start = await loadStandIn();
  const innerPort = await freePort();
  const inner = await start({ port: innerPort, host: '127.0.0.1' });
  const innerUrl = `http://127.0.0.1:${innerPort}`;
  let failures = 0;
  const front = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (failures > 0 && req.method === 'POST') {
      failures--;
      res.writeHead(500, { 'content-type': 'application/json', 'x-amzn-errortype': 'InternalFailure' });
      res.end(JSON.stringify({ message: 'Local SES: a failure asked for by failNext()' }));
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([name, v]) => typeof v === 'string' && name !== 'host' && name !== 'content-length'),
    ) as Record<string, string>;
    const answer = await fetch(`${innerUrl}${req.url ?? '/'}`, {
      method: req.method ?? 'GET',
      headers,
      ...(chunks.length > 0 && { body: Buffer.concat(chunks) }),
    });
    const body = Buffer.from(await answer.arrayBuffer());
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/octet-stream' });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
  const reported = new Set<string>();

  const emails = async (): Promise<StoredEmail[]> => {
    const answer = await fetch(`${innerUrl}/store`);
    return ((await answer.json()) as { emails: StoredEmail[] }).emails;
  };

  return {
    endpoint,
    inboxUrl: `${endpoint}/`,
    emails,
    async takeEvents() {
      const events: SesEvent[] = [];
      for (const email of await emails()) {
        if (reported.has(email.messageId)) continue;
        reported.add(email.messageId);
        events.push(sesEventFor(email));
        if (email.destination.to.some((to) => to.toLowerCase() === COMPLAINT_ADDRESS)) events.push(complaintEventFor(email));
      }
      return events;
    },
    failNext(count) {
      failures = count;
    },
    async close() {
      front.closeAllConnections();
      await new Promise((resolve) => front.close(resolve));
      inner.closeAllConnections?.();
      await new Promise((resolve) => inner.close(resolve));
    },
  };
}

/** The event SES publishes for a sent e-mail, as EventBridge delivers it (detail = SES's event record). */
export function sesEventFor(email: StoredEmail, now = new Date()): SesEvent {
  const recipients = email.destination.to;
  const bounced = recipients.some((to) => to.toLowerCase() === BOUNCE_ADDRESS);
  const timestamp = now.toISOString();
  const mail = {
    timestamp: new Date(email.at * 1000).toISOString(),
    source: email.from,
    messageId: email.messageId,
    destination: recipients,
    headersTruncated: false,
    commonHeaders: { from: [email.from], to: recipients, messageId: email.messageId, subject: email.subject },
    tags: {},
  };
  const detail = bounced
    ? {
        eventType: 'Bounce',
        mail,
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: recipients.map((emailAddress) => ({
            emailAddress,
            action: 'failed',
            status: '5.1.1',
            diagnosticCode: 'smtp; 550 5.1.1 user unknown',
          })),
          timestamp,
          feedbackId: randomUUID(),
          reportingMTA: 'dsn; local-ses',
        },
      }
    : {
        eventType: 'Delivery',
        mail,
        delivery: {
          timestamp,
          processingTimeMillis: 0,
          recipients,
          smtpResponse: '250 2.6.0 Message received',
          reportingMTA: 'local-ses',
        },
      };
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': bounced ? 'Email Bounced' : 'Email Delivered',
    source: 'aws.ses',
    account: '000000000000',
    time: timestamp,
    region: 'us-east-1',
    resources: [],
    detail,
  };
}

/** The complaint SES publishes when the recipient marks the e-mail as spam (the simulator's complaint address). */
export function complaintEventFor(email: StoredEmail, now = new Date()): SesEvent {
  const delivered = sesEventFor(email, now);
  const timestamp = now.toISOString();
  return {
    ...delivered,
    id: randomUUID(),
    'detail-type': 'Email Complaint Received',
    detail: {
      eventType: 'Complaint',
      mail: delivered.detail.mail,
      // SES's complaint record (the function reads its recipients and time).
      complaint: {
        complainedRecipients: email.destination.to.map((emailAddress) => ({ emailAddress })),
        timestamp,
        ...{ feedbackId: randomUUID(), complaintFeedbackType: 'abuse' },
      },
    },
  };
}
