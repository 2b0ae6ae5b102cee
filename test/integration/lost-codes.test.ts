/**
 * "Send me my codes" and the bounce banner over HTTP on what `npm start` runs (local/portal.ts): the form post
 * answers the same page whether or not the address is known, the codes arrive in the local inbox through the
 * outbox and the notifier, the address's requests are limited per hour, and a bounced address shows "we could not
 * reach you by e-mail" on the status page.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CODES_PER_HOUR } from '#domain/code-requests';
import { apiPath } from '#ui/paths.ts';
import { type RunningPortal, startPortal } from '../../local/portal.ts';
import { BOUNCE_ADDRESS } from '../../local/ses-local.ts';
import { birthCertificateAnswers } from '../support/form-answers.ts';

let portal: RunningPortal;

beforeAll(async () => {
  portal = await startPortal({
    port: 0,
    tableName: `test-${randomUUID()}`,
    dynamoDbEndpoint: inject('dynamoDbEndpoint'),
    log: () => undefined,
  });
});
afterAll(async () => {
  await portal?.stop();
});

async function apply(email: string) {
  const sent = await fetch(`${portal.url}${apiPath('submitForm', { formId: 'birth-certificate-request' })}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      answers: birthCertificateAnswers({ email }),
    }),
  });
  return ((await sent.json()) as { code: string }).code;
}

async function askForCodes(email: string, lang = 'en') {
  return fetch(`${portal.url}${apiPath('requestMyCodes')}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams({ email, lang }).toString(),
  });
}

async function inboxOf(address: string) {
  await portal.notifications.poller.settle();
  return (await portal.notifications.ses.emails()).filter((email) => email.destination.to.includes(address));
}

describe('send me my codes', () => {
  it('e-mails every code made with the address, and answers the same page as for an unknown address', async () => {
    const address = `ana-${randomUUID()}@example.com`;
    const first = await apply(address);
    const second = await apply(address);
    const known = await askForCodes(address.toUpperCase());
    const unknown = await askForCodes(`nobody-${randomUUID()}@example.com`);
    expect(known.status).toBe(303);
    expect(unknown.status).toBe(303);
    expect(known.headers.get('location')).toBe(unknown.headers.get('location'));
    const page = await fetch(`${portal.url}${known.headers.get('location')}`, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('If we have applications made with that email address');
    const codes = (await inboxOf(address)).find((email) => email.subject === 'Your confirmation codes');
    expect(codes?.body.text).toContain(first);
    expect(codes?.body.text).toContain(second);
  });

  it('sends nothing to an unknown address', async () => {
    const address = `nobody-${randomUUID()}@example.com`;
    await askForCodes(address);
    expect(await inboxOf(address)).toHaveLength(0);
  });

  it(`sends at most ${CODES_PER_HOUR} an hour to one address, and says the same thing after`, async () => {
    const address = `ana-${randomUUID()}@example.com`;
    await apply(address);
    const answers = [];
    for (let i = 0; i < CODES_PER_HOUR + 2; i++) answers.push((await askForCodes(address)).status);
    expect(answers.every((status) => status === 303)).toBe(true);
    const codes = (await inboxOf(address)).filter((email) => email.subject === 'Your confirmation codes');
    expect(codes).toHaveLength(CODES_PER_HOUR);
  });

  it('gives the form again, in Spanish, naming the field when the address is not one', async () => {
    const answer = await askForCodes('not an address', 'es');
    expect(answer.status).toBe(422);
    const html = await answer.text();
    expect(html).toContain('Escriba un correo electrónico como nombre@example.com');
    expect(html).toContain('href="#codes-email"');
  });

  it('answers JSON clients with 202 and the same words', async () => {
    const answer = await fetch(`${portal.url}${apiPath('requestMyCodes')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email: `x-${randomUUID()}@example.com` }),
    });
    expect(answer.status).toBe(202);
    expect(((await answer.json()) as { message: string }).message).toContain('If we have applications');
  });
});

describe('the status page after a bounce', () => {
  it('says we could not reach the person by e-mail, without the address', async () => {
    const code = await apply(BOUNCE_ADDRESS);
    await portal.notifications.poller.settle();
    const page = await (
      await fetch(`${portal.url}${apiPath('showStatus', { code })}`, { headers: { accept: 'text/html' } })
    ).text();
    expect(page).toContain('We could not reach you by email');
    expect(page).not.toContain(BOUNCE_ADDRESS);
    const fine = await apply(`ana-${randomUUID()}@example.com`);
    const other = await (
      await fetch(`${portal.url}${apiPath('showStatus', { code: fine })}`, { headers: { accept: 'text/html' } })
    ).text();
    expect(other).not.toContain('We could not reach you by email');
  });
});
