/**
 * Amazon EventBridge, locally: the PutEvents call of the real SDK (AWS JSON 1.1, `AWSEvents.PutEvents`), kept as
 * the events EventBridge would deliver to a rule's target (the envelope: version, id, detail-type, source,
 * account, time, region, resources, detail). No npm stand-in speaks EventBridge, and only PutEvents is needed, so
 * this is a small server of our own (decision 0096).
 * - `GET /events` lists what was published (JSON), newest last: what an agency's system would have received;
 * - with `file`, each event is also appended as a line of JSON, so `npm start` keeps them under .data/;
 * - `refuseNext(n)` answers the next n entries with an InternalFailure, as PutEvents does now and then for some
 *   entries of a call, so tests can watch the stream retry exactly those.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { LOCAL_AWS_ENV } from './dynamodb-local.ts';

/** An event as a rule's target receives it. */
export interface DeliveredEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
  /** Not in EventBridge's envelope: the bus it was put on (a rule is on one bus). */
  eventBusName: string;
}

export interface EventBridgeLocal {
  /** Where the SDK sends (EVENTBRIDGE_ENDPOINT). */
  endpoint: string;
  /** The page (JSON) of what was published. */
  eventsUrl: string;
  events(): DeliveredEvent[];
  refuseNext(count: number): void;
  close(): Promise<void>;
}

interface PutEventsEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Time?: number | string;
  Resources?: string[];
}

const LOCAL_ACCOUNT = '000000000000';

export async function startEventBridgeLocal(options: { file?: string } = {}): Promise<EventBridgeLocal> {
  const delivered: DeliveredEvent[] = [];
  let refusals = 0;
  if (options.file) mkdirSync(dirname(options.file), { recursive: true });

  const putEvents = (entries: PutEventsEntry[]) =>
    entries.map((entry) => {
      if (refusals > 0) {
        refusals -= 1;
        return { ErrorCode: 'InternalFailure', ErrorMessage: 'Refused by the local stand-in (refuseNext)' };
      }
      if (!entry.Source || !entry.DetailType || !entry.Detail)
        return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Source, DetailType and Detail are required' };
      let detail: Record<string, unknown>;
      try {
        detail = JSON.parse(entry.Detail) as Record<string, unknown>;
      } catch {
        return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is not valid JSON' };
      }
      const event: DeliveredEvent = {
        version: '0',
        id: randomUUID(),
        'detail-type': entry.DetailType,
        source: entry.Source,
        account: LOCAL_ACCOUNT,
        // The SDK sends Time as epoch seconds; EventBridge delivers it to the second, in UTC.
        time: new Date(entry.Time === undefined ? Date.now() : Number(entry.Time) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        region: LOCAL_AWS_ENV.AWS_REGION,
        resources: entry.Resources ?? [],
        detail,
        eventBusName: entry.EventBusName ?? 'default',
      };
      delivered.push(event);
      if (options.file) appendFileSync(options.file, `${JSON.stringify(event)}\n`);
      return { EventId: event.id };
    });

  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/events') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(delivered, null, 2));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const answer = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body));
      if (target !== 'AWSEvents.PutEvents')
        return answer(400, { __type: 'UnknownOperationException', message: `Only PutEvents is served here, not ${target}` });
      let body: { Entries?: PutEventsEntry[] };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as typeof body;
      } catch {
        return answer(400, { __type: 'SerializationException', message: 'The body is not JSON' });
      }
      const entries = body.Entries ?? [];
      if (entries.length === 0 || entries.length > 10)
        return answer(400, { __type: 'ValidationException', message: 'PutEvents takes 1 to 10 entries' });
      const results = putEvents(entries);
      answer(200, { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    eventsUrl: `${endpoint}/events`,
    events: () => [...delivered],
    refuseNext(count) {
      refusals += count;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
