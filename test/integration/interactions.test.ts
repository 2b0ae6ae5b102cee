/**
 * POST /api/interactions over real HTTP with real local tokens (the same JWT checks and scopes API Gateway
 * applies), against DynamoDB Local: contacts from other channels land on the same timeline, once per externalId;
 * an unmatched one is kept unlinked; bad input is a 422 naming the fields, with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDbTimeline } from '#adapters/dynamodb-timeline';
import { birthCertificateAnswers } from '../support/form-answers.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { machineToken as clientCredentials, signIn } from '../support/sign-in.ts';

let portal: TestPortal;
let machineToken: string;
let billsToken: string;
let citizenToken: string;

const clientToken = (scope: string) => clientCredentials(portal.url, [scope]);

beforeAll(async () => {
  portal = await startTestPortal();
  machineToken = await clientToken('frontdoor/interactions');
  billsToken = await clientToken('frontdoor/bills');
  citizenToken = (await signIn(portal.url, { persona: 'ana.rivera', idp: 'LoginGov' })).tokens.access_token;
});
afterAll(async () => {
  await portal?.close();
});

function record(body: unknown, token = machineToken) {
  return fetch(`${portal.url}/api/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

const call = (externalId: string, person: Record<string, string>) => ({
  channel: 'voice',
  direction: 'in',
  occurredAt: new Date(Date.now() - 60_000).toISOString(),
  agency: 'vital-records',
  summary: 'Called to ask what to send',
  externalId,
  person,
});

async function applyAnonymously(email: string) {
  const answer = await fetch(`${portal.url}/api/forms/birth-certificate-request/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      answers: birthCertificateAnswers({ email }),
    }),
  });
  return ((await answer.json()) as { code: string }).code;
}

const timelineItems = async () => (await portal.items()).filter((item) => item.type === 'timeline' && item.kind === 'contact');

describe('recording a contact from another channel', () => {
  it('puts a call about a confirmation code on that case’s timeline', async () => {
    const code = await applyAnonymously('ana.call@example.com');
    const answer = await record(call('connect-1', { confirmationCode: code.toLowerCase() }));
    expect(answer.status).toBe(201);
    expect(await answer.json()).toMatchObject({ linked: 'case', caseCode: code, replayed: false });
    const entries = (await dynamoDbTimeline(portal.client, portal.tableName).caseTimeline(code, { limit: 10 })).entries;
    expect(entries.map((entry) => [entry.kind, entry.channel, entry.direction])).toContainEqual(['contact', 'voice', 'in']);
  });

  it('sent twice with the same externalId is one entry; the second answer is 200 and says so', async () => {
    const before = (await timelineItems()).length;
    const body = call('connect-twice', { email: 'nobody-known@example.com' });
    const first = await record(body);
    const second = await record(body);
    expect([first.status, second.status]).toEqual([201, 200]);
    const [a, b] = (await Promise.all([first.json(), second.json()])) as { id: string; replayed: boolean }[];
    expect(b).toEqual({ ...a, replayed: true });
    expect((await timelineItems()).length).toBe(before + 1);
  });

  it('keeps a contact it cannot match as unlinked, with the address staff need to link it', async () => {
    const answer = await record(call('connect-unknown', { phone: '+1 (555) 010-2000' }));
    expect(await answer.json()).toMatchObject({ linked: 'unlinked' });
    const kept = (await timelineItems()).find((item) => item.externalId === 'connect-unknown');
    expect(kept).toMatchObject({ pk: 'TIMELINE#UNLINKED#vital-records', hint: { phone: '+15550102000' } });
  });

  it('answers bad input with a 422 naming each field, and writes nothing', async () => {
    const before = await portal.items();
    const answer = await record({ ...call('connect-bad', {}), channel: 'pigeon', occurredAt: 'soon' });
    expect(answer.status).toBe(422);
    const body = (await answer.json()) as { error: { code: string; message: string; fields: { field: string }[] } };
    expect(body.error.code).toBe('invalid_interaction');
    expect(body.error.fields.map((f) => f.field)).toEqual(['channel', 'occurredAt', 'person']);
    expect(body.error.message).toContain('channel: one of web, email, sms, voice, chat, in-person, letter');
    expect(await portal.items()).toHaveLength(before.length);
  });

  it('is refused without the interactions scope: another machine scope or a citizen', async () => {
    const before = await portal.items();
    for (const token of [billsToken, citizenToken]) {
      const answer = await record(call('connect-forbidden', { email: 'x@example.com' }), token);
      expect([401, 403]).toContain(answer.status);
    }
    const anonymous = await fetch(`${portal.url}/api/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(call('connect-anon', { email: 'x@example.com' })),
    });
    expect(anonymous.status).toBe(401);
    expect(await portal.items()).toHaveLength(before.length);
  });
});
