/**
 * Notification preferences over HTTP on what `npm start` runs: a signed-in person chooses texts only for status
 * changes, and the notifier honours it (the status change texts and does not e-mail; the receipt still e-mails);
 * a bad choice is refused naming the field; My account's API lists the person's bounced addresses.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiPath } from '#ui/paths.ts';
import { type RunningPortal, startPortal } from '../../local/portal.ts';
import { BOUNCE_ADDRESS } from '../../local/ses-local.ts';
import { birthCertificateAnswers } from '../support/form-answers.ts';
import { signIn } from '../support/sign-in.ts';

let portal: RunningPortal;
const tokens = { ana: '', ben: '', staff: '' };

beforeAll(async () => {
  portal = await startPortal({
    port: 0,
    tableName: `test-${randomUUID()}`,
    dynamoDbEndpoint: inject('dynamoDbEndpoint'),
    log: () => undefined,
  });
  tokens.ana = (await signIn(portal.url, { persona: 'ana.rivera', idp: 'LoginGov' })).tokens.access_token;
  tokens.ben = (await signIn(portal.url, { persona: 'ben.okafor', idp: 'Google' })).tokens.access_token;
  tokens.staff = (await signIn(portal.url, { persona: 'staff.vital-records', idp: 'ExampleStaff' })).tokens.access_token;
});
afterAll(async () => {
  await portal?.stop();
});

function call(path: string, method: string, token?: string, body?: unknown) {
  return fetch(`${portal.url}${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

async function applySignedIn(token: string, answers: Record<string, unknown>) {
  const sent = await call(apiPath('submitMyForm', { formId: 'birth-certificate-request' }), 'POST', token, {
    answers: birthCertificateAnswers(answers),
  });
  expect(sent.status).toBe(201);
  await portal.notifications.poller.settle();
  return ((await sent.json()) as { code: string }).code;
}

describe('notification preferences', () => {
  it('start as "both" and are saved as the person chose', async () => {
    const first = await call(apiPath('showMyPreferences'), 'GET', tokens.ben);
    expect(await first.json()).toEqual({ preferences: { choices: {} }, unreachable: [] });
    const saved = await call(apiPath('saveMyPreferences'), 'PUT', tokens.ben, { 'staff-message': 'none', locale: 'es' });
    expect(saved.status).toBe(200);
    const again = (await (await call(apiPath('showMyPreferences'), 'GET', tokens.ben)).json()) as {
      preferences: { choices: Record<string, string>; locale: string };
    };
    expect(again.preferences.choices).toEqual({ 'staff-message': 'none' });
    expect(again.preferences.locale).toBe('es');
  });

  it('refuses "none" for a receipt and names the field; nothing changes', async () => {
    const refused = await call(apiPath('saveMyPreferences'), 'PUT', tokens.ben, { paid: 'none' });
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { problems?: { field: string }[]; fields?: unknown };
    expect(JSON.stringify(body)).toContain('paid');
    const now = (await (await call(apiPath('showMyPreferences'), 'GET', tokens.ben)).json()) as {
      preferences: { choices: Record<string, string> };
    };
    expect(now.preferences.choices.paid).toBeUndefined();
  });

  it('need a signed-in person', async () => {
    expect((await call(apiPath('showMyPreferences'), 'GET')).status).toBe(401);
  });

  it('are honoured by the notifier: texts only for status changes, the receipt still e-mailed', async () => {
    await call(apiPath('saveMyPreferences'), 'PUT', tokens.ana, { 'status-changed': 'sms' });
    const email = `ana-${randomUUID()}@example.com`;
    const phone = '+12025550177';
    const code = await applySignedIn(tokens.ana, { email, phone, textMessages: true });
    const changed = await call(apiPath('changeCaseStatus', { code }), 'POST', tokens.staff, {
      status: 'in-review',
      version: '0',
    });
    expect(changed.status).toBe(200);
    await portal.notifications.poller.settle();
    const mail = (await portal.notifications.ses.emails()).filter((m) => m.destination.to.includes(email));
    expect(mail.map((m) => m.subject)).toEqual([`We received your application (${code})`]);
    expect(mail[0]?.body.text).toContain('Change how we contact you');
    const texts = portal.notifications.sms.texts().filter((t) => t.to === phone);
    expect(texts.map((t) => t.body.includes('In review'))).toEqual([false, true]);
  });

  it('list the person’s own address that bounced, for My account’s warning', async () => {
    await applySignedIn(tokens.ben, { email: BOUNCE_ADDRESS });
    const answer = (await (await call(apiPath('showMyPreferences'), 'GET', tokens.ben)).json()) as {
      unreachable: { address: string; state: string }[];
    };
    expect(answer.unreachable).toEqual([expect.objectContaining({ address: BOUNCE_ADDRESS, state: 'bounced' })]);
  });
});
