/**
 * What `npm start` runs (local/portal.ts startPortal), end to end over HTTP: a form sent with an e-mail address
 * → its timeline entry → DynamoDB Local's stream → the notifier → the real SES v2 SDK → the local SES, whose inbox
 * then holds the e-mail with the confirmation code; a staff status change sends the second one.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiPath } from '#ui/paths.ts';
import { type RunningPortal, startPortal } from '../../local/portal.ts';
import { birthCertificateAnswers } from '../support/form-answers.ts';
import { signIn } from '../support/sign-in.ts';

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

async function inboxOf(address: string) {
  await portal.notifications.poller.settle();
  return (await portal.notifications.ses.emails()).filter((email) => email.destination.to.includes(address));
}

describe('npm start, sent an application with an e-mail address', () => {
  it('e-mails the confirmation code to the local inbox, and a status change sends a second e-mail', async () => {
    const address = `ana-${randomUUID()}@example.com`;
    const sent = await fetch(`${portal.url}${apiPath('submitForm', { formId: 'birth-certificate-request' })}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        answers: birthCertificateAnswers({ email: address }),
      }),
    });
    const { code } = (await sent.json()) as { code: string };
    const [received] = await inboxOf(address);
    expect(received?.subject).toBe(`We received your application (${code})`);
    expect(received?.body.text).toContain(`Your confirmation code: ${code}`);

    const staff = (await signIn(portal.url, { persona: 'staff.vital-records', idp: 'ExampleStaff' })).tokens.access_token;
    const changed = await fetch(`${portal.url}${apiPath('changeCaseStatus', { code })}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${staff}` },
      body: JSON.stringify({ status: 'in-review', version: '0' }),
    });
    expect(changed.status).toBe(200);
    const mail = await inboxOf(address);
    expect(mail.map((email) => email.subject)).toEqual([
      `We received your application (${code})`,
      `Your application has a new status (${code})`,
    ]);
  });

  it('shows the sent e-mails on a page a developer can open', async () => {
    const page = await fetch(portal.inboxUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });
});
