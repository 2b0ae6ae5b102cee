/**
 * Events for agency systems end to end, locally as on AWS: a change writes its outbox record (a timeline entry, a
 * payment's history) → DynamoDB Local's stream (local/stream-poller.ts, the real SDK) → the publisher handler →
 * the real EventBridge SDK → the local stand-in, which keeps each event as a rule's target would receive it. Each
 * event is checked against the OpenAPI document's `webhooks`.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath } from '#ui/paths.ts';
import { LOCAL_EVENT_BUS, type LocalAgencyEvents, startLocalAgencyEvents } from '../../local/agency-events.ts';
import type { DeliveredEvent } from '../../local/eventbridge-local.ts';
import { loadOpenApi } from '../support/contract.ts';
import { BIRTH_CERTIFICATE_ANSWERS, CARDS, paymentHelpers } from '../support/payments.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { signIn } from '../support/sign-in.ts';

let portal: TestPortal;
let events: LocalAgencyEvents;
let staffToken: string;
const helpers = paymentHelpers(() => portal);
const document = loadOpenApi();
const ajv = new Ajv2020({ strict: false, validateFormats: false });
ajv.addSchema(document, 'openapi');

beforeAll(async () => {
  portal = await startTestPortal();
  events = await startLocalAgencyEvents({
    client: portal.client,
    endpoint: portal.dynamoDbEndpoint,
    tableName: portal.tableName,
    log: () => undefined,
    poller: { retryAttempts: 2, backoff: () => 10 },
  });
  staffToken = (await signIn(portal.url, { persona: 'staff.vital-records', idp: 'ExampleStaff' })).tokens.access_token;
}, 60_000);
afterAll(async () => {
  await events?.stop();
  await portal?.paymentSandbox.settled();
  await portal?.close();
});

/** The events about one case or payment, once the stream has been read to the end. */
async function eventsAbout(id: string): Promise<DeliveredEvent[]> {
  await events.poller.settle();
  return events.bus.events().filter((event) => JSON.stringify(event.detail).includes(id));
}

/** What the document says a target receives for the event's type; empty when it matches. */
function problemsWith(event: DeliveredEvent): string {
  const { eventBusName: _bus, ...envelope } = event;
  const validate = ajv.compile({
    $ref: `openapi#/webhooks/${encodeURIComponent(event['detail-type'])}/post/requestBody/content/application~1json/schema`,
  });
  return validate(envelope) ? '' : ajv.errorsText(validate.errors);
}

async function moveCase(code: string, status: string, version: string) {
  const response = await fetch(`${portal.url}${apiPath('changeCaseStatus', { code })}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${staffToken}` },
    body: JSON.stringify({ status, version }),
  });
  expect(response.status).toBe(200);
}

describe('events for agency systems', () => {
  it('publishes "Submission Received" on the bus for a form sent, as the document describes, with nothing personal', async () => {
    const code = await helpers.apply();
    const [received, ...more] = await eventsAbout(code);
    expect(more).toEqual([]);
    expect(received).toMatchObject({
      source: 'front-door',
      'detail-type': 'Submission Received',
      eventBusName: LOCAL_EVENT_BUS,
      detail: {
        agency: 'vital-records',
        confirmationCode: code,
        serviceId: 'birth-certificate',
        formId: 'birth-certificate-request',
        channel: 'api',
        caseUrl: apiPath('showCase', { code }),
      },
    });
    expect(problemsWith(received!)).toBe('');
    const text = JSON.stringify(received);
    const { fullName, email, dateOfBirth, placeOfBirth } = BIRTH_CERTIFICATE_ANSWERS as Record<string, unknown>;
    for (const answer of [(fullName as { family: string }).family, String(email), String(dateOfBirth), String(placeOfBirth)])
      expect(text).not.toContain(answer);
  });

  it('publishes "Case Status Changed" for each move staff make, in order, and "Payment Settled" when the fee is paid', async () => {
    const code = await helpers.apply();
    const started = await helpers.pay({ code });
    expect(started.status).toBe(201);
    await helpers.payInSandbox(String(started.body.checkoutUrl), CARDS.pays);
    await portal.paymentSandbox.settled();
    await moveCase(code, 'in-review', '0');
    await moveCase(code, 'approved', '1');
    const about = await eventsAbout(code);
    expect(about.map((event) => event['detail-type'])).toEqual([
      'Submission Received',
      'Payment Settled',
      'Case Status Changed',
      'Case Status Changed',
    ]);
    expect(about.filter((e) => e['detail-type'] === 'Case Status Changed').map((e) => e.detail.status)).toEqual([
      'in-review',
      'approved',
    ]);
    expect(about[1]!.detail).toMatchObject({
      agency: 'vital-records',
      paymentId: started.body.paymentId,
      amount: 2500,
      subject: { kind: 'submission', confirmationCode: code },
      eventId: `${started.body.paymentId}:paid`,
    });
    expect(about.map(problemsWith)).toEqual(['', '', '', '']);
    expect(new Set(about.map((event) => event.detail.eventId)).size).toBe(4);
  }, 60_000);

  it('retries only the event EventBridge refused, so the agency gets each change once', async () => {
    events.bus.refuseNext(1);
    const code = await helpers.apply();
    const [received, ...more] = await eventsAbout(code);
    expect(more).toEqual([]);
    expect(received?.['detail-type']).toBe('Submission Received');
    expect(events.poller.deadLetters).toEqual([]);
  });

  it('dead-letters an event EventBridge keeps refusing, and publishes it when replayed', async () => {
    events.bus.refuseNext(3); // the first attempt and both retries
    const code = await helpers.apply();
    expect(await eventsAbout(code)).toEqual([]);
    const [letter, ...others] = events.poller.deadLetters;
    expect(others).toEqual([]);
    expect(await events.poller.replay(letter!)).toBe('replayed');
    expect((await eventsAbout(code)).map((event) => event['detail-type'])).toEqual(['Submission Received']);
  });
});
