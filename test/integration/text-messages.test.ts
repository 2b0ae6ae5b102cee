/**
 * Texts end to end, locally as on AWS: a submission whose person ticked the text-message box → the outbox → the
 * notifier → the real End User Messaging SMS SDK → the local stand-in; inbound texts (STOP, START, STATUS) → the
 * SNS event End User Messaging publishes → answer-text-messages → a reply through the same SDK. Also complaints
 * (SES's simulator address) stopping e-mail, and a failing SMS provider retried by the stream.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dynamoDbCaseStore } from '#adapters/dynamodb-case-store';
import { dynamoDbContacts } from '#adapters/dynamodb-contacts';
import { dynamoDbSubmissionStore } from '#adapters/dynamodb-submission-store';
import { dynamoDbTimeline } from '#adapters/dynamodb-timeline';
import type { Caller } from '#domain/authorization';
import { changeCaseStatus } from '#domain/cases';
import { submitForm } from '#domain/submissions';
import { ensureTable, localDynamoDbClient, pointHandlersAt } from '../../local/dynamodb-local.ts';
import { type LocalNotifications, startLocalNotifications } from '../../local/notifications.ts';
import { COMPLAINT_ADDRESS } from '../../local/ses-local.ts';
import { birthCertificateAnswers } from '../support/form-answers.ts';
import { compiledForm, strings } from '../support/forms.ts';

const endpoint = inject('dynamoDbEndpoint');
const tableName = `test-${randomUUID()}`;
const client = localDynamoDbClient(endpoint);
const submissions = dynamoDbSubmissionStore(client, tableName);
const cases = dynamoDbCaseStore(client, tableName);
const timeline = dynamoDbTimeline(client, tableName);
const contacts = dynamoDbContacts(client, tableName);
const staff: Caller = { kind: 'person', subject: 'sub-staff', groups: ['staff:vital-records'], name: 'Vera' };
const from = { address: '203.0.113.9', userAgent: 'test' };
const compiled = await compiledForm('birth-certificate-request');
let local: LocalNotifications;

beforeAll(async () => {
  await ensureTable(client, tableName);
  pointHandlersAt(endpoint, tableName);
  process.env.PORTAL_ORIGIN = 'http://localhost:3000';
  local = await startLocalNotifications({
    client,
    endpoint,
    tableName,
    log: () => undefined,
    poller: { retryAttempts: 2, backoff: () => 10 },
  });
});
afterAll(async () => {
  await local?.stop();
  client.destroy();
});

/** A fresh 202-555-01xx number (fiction's range) per test. */
let next = 0;
const newPhone = () => `+1202555${String(100 + (next++ % 100)).padStart(4, '0')}`;

async function apply(options: { phone?: string; consent?: boolean; email?: string }) {
  const answers = birthCertificateAnswers({
    email: options.email ?? `ana-${randomUUID()}@example.com`,
    ...(options.phone && { phone: options.phone }),
    ...(options.consent !== undefined && { textMessages: options.consent }),
  });
  const receipt = await submitForm({ compiled, answers, locale: 'en', channel: 'web' }, { store: submissions, strings });
  await local.poller.settle();
  return receipt.code;
}

const textsTo = (phone: string) => local.sms.texts().filter((t) => t.direction === 'out' && t.to === phone);

async function changeStatus(code: string, to: 'in-review' | 'approved', version: number) {
  await changeCaseStatus(
    { caller: staff, code, locale: 'en', from, to, version },
    { store: cases, strings, now: () => new Date(), retentionDays: 7 },
  );
  await local.poller.settle();
}

describe('a person who ticked the text-message box', () => {
  it('gets a text with the code, and the text is on the timeline', async () => {
    const phone = newPhone();
    const code = await apply({ phone, consent: true });
    const [text, ...more] = textsTo(phone);
    expect(more).toHaveLength(0);
    expect(text?.body).toContain(code);
    expect(text?.body).toContain('Reply STOP');
    expect(text?.from).toBe('+15550100999');
    const sent = (await timeline.caseTimeline(code, { limit: 20 })).entries.filter((e) => e.kind === 'notification-sent');
    expect(sent.map((e) => e.channel).sort()).toEqual(['email', 'sms']);
  });

  it('texts STOP and gets no more texts (e-mail still goes); START brings them back', async () => {
    const phone = newPhone();
    const code = await apply({ phone, consent: true });
    await local.sms.sendInbound(phone, 'Stop');
    expect(textsTo(phone).at(-1)?.body).toContain('no more texts');
    expect(await contacts.optOuts.isOptedOut(phone)).toBe(true);
    const before = textsTo(phone).length;
    await changeStatus(code, 'in-review', 0);
    expect(textsTo(phone)).toHaveLength(before);
    const kinds = (await timeline.caseTimeline(code, { limit: 20 })).entries.filter((e) => e.kind === 'notification-sent');
    expect(kinds.filter((e) => e.channel === 'email')).toHaveLength(2);
    await local.sms.sendInbound(phone, 'START');
    await changeStatus(code, 'approved', 1);
    expect(textsTo(phone).at(-1)?.body).toContain('Approved');
  });

  it('texts STATUS and the code, and gets the status back; the question is on the case', async () => {
    const phone = newPhone();
    const code = await apply({ phone, consent: true });
    await local.sms.sendInbound(phone, `status ${code.toLowerCase()}`);
    const reply = textsTo(phone).at(-1)?.body;
    expect(reply).toContain(code);
    expect(reply).toContain('Received');
    const entries = (await timeline.caseTimeline(code, { limit: 20 })).entries;
    expect(entries.some((e) => e.kind === 'contact' && e.channel === 'sms' && e.direction === 'in')).toBe(true);
  });

  it('anything else gets the short help', async () => {
    const phone = newPhone();
    await local.sms.sendInbound(phone, 'hello, is anyone there?');
    expect(textsTo(phone).at(-1)?.body).toContain('Text STATUS and your confirmation code');
  });
});

describe('a person who did not tick the box', () => {
  it('gets no text, even with a phone number, and the number is not kept for texts', async () => {
    const phone = newPhone();
    const code = await apply({ phone, consent: false });
    expect(textsTo(phone)).toHaveLength(0);
    const found = await submissions.findByCode(code);
    expect(found?.submission.applicantPhone).toBeUndefined();
  });
});

describe('when the SMS provider fails', () => {
  it('the stream retries the record and the text goes once; the e-mail is not sent twice', async () => {
    const phone = newPhone();
    const email = `ana-${randomUUID()}@example.com`;
    local.sms.failNext(4);
    await apply({ phone, consent: true, email });
    expect(textsTo(phone)).toHaveLength(1);
    const mail = (await local.ses.emails()).filter((m) => m.destination.to.includes(email));
    expect(mail).toHaveLength(1);
  });
});

describe('a complaint', () => {
  it('is on the timeline and stops e-mail to the address', async () => {
    const code = await apply({ email: COMPLAINT_ADDRESS });
    const kinds = (await timeline.caseTimeline(code, { limit: 20 })).entries.map((e) => e.kind);
    expect(kinds).toContain('complained');
    expect((await contacts.emailStates.emailState(COMPLAINT_ADDRESS))?.state).toBe('complained');
    const before = (await local.ses.emails()).length;
    await changeStatus(code, 'in-review', 0);
    expect((await local.ses.emails()).length).toBe(before);
  });
});
