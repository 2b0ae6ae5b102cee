/**
 * The outbox end to end, locally as on AWS: a change writes its timeline entry → DynamoDB Local's stream (read by
 * local/stream-poller.ts with the real SDK) → the notifier handler → the real SES v2 SDK → the local SES stand-in →
 * its delivery or bounce event → the timeline. Also what happens when SES fails: retries, then the dead letter.
 */
import { randomUUID } from 'node:crypto';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dynamoDbCaseStore } from '#adapters/dynamodb-case-store';
import { dynamoDbSubmissionStore } from '#adapters/dynamodb-submission-store';
import { dynamoDbTimeline } from '#adapters/dynamodb-timeline';
import type { Locale } from '#catalog/schema';
import type { Caller } from '#domain/authorization';
import { addCaseMessage, changeCaseStatus } from '#domain/cases';
import { newConfirmationCode } from '#domain/confirmation-code';
import { type Submission, submitForm } from '#domain/submissions';
import { submittedEntry, type TimelineEntry } from '#domain/timeline';
import { ensureTable, localDynamoDbClient, pointHandlersAt } from '../../local/dynamodb-local.ts';
import { type LocalNotifications, startLocalNotifications } from '../../local/notifications.ts';
import { BOUNCE_ADDRESS } from '../../local/ses-local.ts';
import { birthCertificateAnswers } from '../support/form-answers.ts';
import { compiledForm, strings } from '../support/forms.ts';

const endpoint = inject('dynamoDbEndpoint');
const tableName = `test-${randomUUID()}`;
const client = localDynamoDbClient(endpoint);
const submissions = dynamoDbSubmissionStore(client, tableName);
const cases = dynamoDbCaseStore(client, tableName);
const timeline = dynamoDbTimeline(client, tableName);
const staff: Caller = { kind: 'person', subject: 'sub-staff', groups: ['staff:vital-records'], name: 'Vera' };
const from = { address: '203.0.113.9', userAgent: 'test' };
const compiled = await compiledForm('birth-certificate-request');
let local: LocalNotifications;
const logged: string[] = [];

beforeAll(async () => {
  await ensureTable(client, tableName);
  pointHandlersAt(endpoint, tableName);
  process.env.PORTAL_ORIGIN = 'http://localhost:3000';
  local = await startLocalNotifications({
    client,
    endpoint,
    tableName,
    log: (line) => logged.push(line),
    poller: { retryAttempts: 2, backoff: () => 10 },
  });
});
afterAll(async () => {
  await local?.stop();
  client.destroy();
});

async function apply(email: string, locale: Locale = 'en') {
  const answers = birthCertificateAnswers({ email });
  const receipt = await submitForm({ compiled, answers, locale, channel: 'web' }, { store: submissions, strings });
  await local.poller.settle();
  return receipt.code;
}

async function mailTo(address: string) {
  return (await local.ses.emails()).filter((email) => email.destination.to.includes(address));
}

async function kindsOn(code: string) {
  return (await timeline.caseTimeline(code, { limit: 50 })).entries.map((entry) => entry.kind);
}

describe('a submission with an e-mail address', () => {
  it('gets an e-mail with its confirmation code and a link to its status page, and both are on the timeline', async () => {
    const address = `ana-${randomUUID()}@example.com`;
    const code = await apply(address);
    const [email, ...more] = await mailTo(address);
    expect(more).toHaveLength(0);
    expect(email?.subject).toBe(`We received your application (${code})`);
    expect(email?.from).toBe('no-reply@portal.example.gov');
    expect(email?.body.text).toContain(code);
    expect(email?.body.text).toContain(`http://localhost:3000/api/status/${code}`);
    expect(email?.body.html).toContain(code);
    expect(await kindsOn(code)).toEqual(['delivered', 'notification-sent', 'submitted']);
  });

  it('is written to in the language it was sent in', async () => {
    const address = `ana-${randomUUID()}@example.com`;
    const code = await apply(address, 'es');
    const [email] = await mailTo(address);
    expect(email?.subject).toBe(`Recibimos su solicitud (${code})`);
    expect(email?.body.text).toContain('Guarde este correo');
    expect(email?.body.text).toContain('?lang=es');
  });

  it('escapes what the agency wrote in the HTML part', async () => {
    const address = `ana-${randomUUID()}@example.com`;
    const code = await apply(address);
    await addCaseMessage(
      { caller: staff, code, locale: 'en', from, kind: 'message', text: '<script>alert(1)</script> Send your ID' },
      { store: cases, strings, now: () => new Date(), retentionDays: 7 },
    );
    await local.poller.settle();
    const message = (await mailTo(address)).find((email) => email.subject.startsWith('A message about'));
    expect(message?.body.text).toContain('> <script>alert(1)</script> Send your ID');
    expect(message?.body.html).toContain('&lt;script>alert(1)&lt;/script> Send your ID');
    expect(message?.body.html).not.toContain('<script>');
  });

  it('is told when its status changes, with the word that went with it', async () => {
    const address = `ana-${randomUUID()}@example.com`;
    const code = await apply(address);
    await changeCaseStatus(
      { caller: staff, code, locale: 'en', from, to: 'needs-information', version: 0, message: 'Send a copy of your ID.' },
      { store: cases, strings, now: () => new Date(), retentionDays: 7 },
    );
    await local.poller.settle();
    const change = (await mailTo(address)).find((email) => email.subject.startsWith('Your application has a new status'));
    expect(change?.body.text).toContain('Its status is now: We need more information.');
    expect(change?.body.text).toContain('> Send a copy of your ID.');
    expect((await kindsOn(code)).filter((kind) => kind === 'notification-sent')).toHaveLength(2);
  });

  it('to SES’s bounce address records the bounce on the timeline', async () => {
    const code = await apply(BOUNCE_ADDRESS);
    const entries = (await timeline.caseTimeline(code, { limit: 50 })).entries;
    expect(entries.map((entry) => entry.kind)).toEqual(['bounced', 'notification-sent', 'submitted']);
    expect(entries[0]?.summary).toBe('E-mail bounced (permanent)');
  });
});

describe('a submission without an e-mail address', () => {
  it('sends nothing and records no notification', async () => {
    const before = (await local.ses.emails()).length;
    // Every catalog form asks for an address today; a form that does not (or an answer left out) looks like this.
    const at = new Date().toISOString();
    const code = newConfirmationCode();
    const made: Submission = {
      code,
      formId: 'birth-certificate-request',
      serviceId: 'birth-certificate',
      agency: 'vital-records',
      status: 'received',
      locale: 'en',
      channel: 'web',
      answers: { fullName: 'Ana' },
      submittedAt: at,
      updatedAt: at,
    };
    await submissions.create(made, { status: 'received', at }, undefined, [submittedEntry(made, { now: () => new Date() })]);
    await local.poller.settle();
    expect((await local.ses.emails()).length).toBe(before);
    expect(await kindsOn(code)).toEqual(['submitted']);
  });
});

describe('when SES fails', () => {
  it('retries (the SDK, then the stream) until it goes, and sends one e-mail', async () => {
    const address = `ana-${randomUUID()}@example.com`;
    const letters = local.poller.deadLetters.length;
    // The SDK tries 3 times per invocation: 4 failures fail the first invocation; the stream's retry succeeds.
    local.ses.failNext(4);
    const code = await apply(address);
    expect(await mailTo(address)).toHaveLength(1);
    expect(await kindsOn(code)).toEqual(['delivered', 'notification-sent', 'submitted']);
    expect(local.poller.deadLetters).toHaveLength(letters);
  });

  it('dead-letters the record after the last retry, raises the alarm, and records no "sent"', async () => {
    const address = `ana-${randomUUID()}@example.com`;
    local.ses.failNext(1000);
    const code = await apply(address);
    local.ses.failNext(0);
    expect(await mailTo(address)).toHaveLength(0);
    expect(await kindsOn(code)).toEqual(['submitted']);
    const letter = local.poller.deadLetters.at(-1);
    expect(letter?.requestContext).toEqual({ condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3 });
    expect(JSON.stringify(letter?.keys)).toContain(`TIMELINE#CASE#${code}`);
    expect(logged.some((line) => line.startsWith('ALARM NotificationsDeadLetter'))).toBe(true);
  });
});

/** The "submitted" entry of a case just sent. */
async function submittedOf(code: string): Promise<TimelineEntry> {
  const [entry] = (await timeline.caseTimeline(code, { limit: 50 })).entries.filter((e) => e.kind === 'submitted');
  if (!entry) throw new Error(`no "submitted" entry on ${code}`);
  return entry;
}

/** Hands the notifier one batch of the entries as new stream records, numbered from `first`, as Lambda does. */
async function notifierGets(entries: TimelineEntry[], first = 1) {
  const { marshall } = await import('@aws-sdk/util-dynamodb');
  const { timelineItem } = await import('#adapters/dynamodb-timeline');
  const { handler } = await import('../../functions/handlers/send-notifications.ts');
  const event: DynamoDBStreamEvent = {
    Records: entries.map((entry, at) => ({
      eventName: 'INSERT',
      dynamodb: {
        SequenceNumber: String(first + at),
        NewImage: marshall(timelineItem(entry), { removeUndefinedValues: true }) as never,
      },
    })),
  };
  return (handler as unknown as (e: DynamoDBStreamEvent, c: object) => Promise<unknown>)(event, {});
}

describe('a stream record delivered twice', () => {
  it('sends one e-mail', async () => {
    const address = `ana-${randomUUID()}@example.com`;
    const entry = await submittedOf(await apply(address));
    expect(await notifierGets([entry])).toEqual({ batchItemFailures: [] });
    expect(await mailTo(address)).toHaveLength(1);
  });
});

describe('a batch with two notifications for one case', () => {
  it('does not send the second when the first fails: the stream retries both, in order', async () => {
    const address = `ana-${randomUUID()}@example.com`;
    const entry = await submittedOf(await apply(address));
    // Two entries not yet notified about (new ids), for the same case, in one batch.
    const batch = [
      { ...entry, id: randomUUID() },
      { ...entry, id: randomUUID() },
    ];
    // The SDK's three tries of the first e-mail fail; the second would go if it were tried.
    local.ses.failNext(3);
    expect(await notifierGets(batch, 11)).toEqual({
      batchItemFailures: [{ itemIdentifier: '11' }, { itemIdentifier: '12' }],
    });
    expect(await mailTo(address)).toHaveLength(1);
    expect(await notifierGets(batch, 11)).toEqual({ batchItemFailures: [] });
    expect(await mailTo(address)).toHaveLength(3);
  });
});

describe('replaying a dead letter', () => {
  it('reads the batch back from the stream by its positions and sends what failed, once', async () => {
    const address = `ana-${randomUUID()}@example.com`;
    local.ses.failNext(1000);
    const code = await apply(address);
    local.ses.failNext(0);
    const letter = local.poller.deadLetters.at(-1);
    expect(JSON.stringify(letter?.keys)).toContain(code);
    expect(await local.poller.replay(letter as never)).toBe('replayed');
    expect(await mailTo(address)).toHaveLength(1);
    // The delivery event may be taken by the poller's own next batch (the replay's "notification sent" entry):
    // it is on the timeline once the stream is read to the end.
    await local.poller.settle();
    expect(await kindsOn(code)).toEqual(['delivered', 'notification-sent', 'submitted']);
    // A second replay of the same letter finds it sent: nothing goes twice.
    expect(await local.poller.replay(letter as never)).toBe('replayed');
    expect(await mailTo(address)).toHaveLength(1);
  });
});
