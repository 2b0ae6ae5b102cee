/**
 * The staff person page and the unlinked contacts page over real HTTP against the local portal: a person's timeline
 * for the staff member's agency only (and the read audited), another agency's staff told there is nothing there,
 * and an unlinked contact linked to a case with a plain form post (audited; its hint gone once linked).
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath } from '#ui/paths.ts';
import { birthCertificateAnswers } from '../support/form-answers.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { machineToken, signIn } from '../support/sign-in.ts';
import { csrfOf, type StaffSession, signInToStaffPages, staffGet, staffPost } from '../support/staff-session.ts';

let portal: TestPortal;
let staff: StaffSession;
let otherAgency: StaffSession;
let ana = '';
let anaSub = '';
let machine = '';
let code = '';

async function call(path: string, token: string, body: unknown) {
  return fetch(`${portal.url}${path}`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

let contactNumber = 0;
async function recordContact(agency: string, summary: string, person: Record<string, string>) {
  const answer = await call(apiPath('recordInteraction'), machine, {
    channel: 'voice',
    direction: 'in',
    occurredAt: new Date().toISOString(),
    agency,
    summary,
    externalId: `people-${Date.now()}-${++contactNumber}`,
    person,
  });
  expect(answer.status).toBe(201);
  return (await answer.json()) as { id: string; linked: string };
}

beforeAll(async () => {
  portal = await startTestPortal();
  staff = await signInToStaffPages(portal.url, { persona: 'staff.vital-records', idp: 'ExampleStaff' });
  otherAgency = await signInToStaffPages(portal.url, { persona: 'staff.revenue', idp: 'ExampleStaff' });
  ana = (await signIn(portal.url, { persona: 'ana.rivera', idp: 'LoginGov' })).tokens.access_token;
  anaSub = String(decodeJwt(ana).sub);
  machine = await machineToken(portal.url, ['frontdoor/interactions']);
  const sent = await call(apiPath('submitMyForm', { formId: 'birth-certificate-request' }), ana, {
    answers: birthCertificateAnswers(),
  });
  code = ((await sent.json()) as { code: string }).code;
});
afterAll(async () => {
  await portal?.close();
});

describe('a person’s page', () => {
  it('shows the person’s entries with the staff member’s agency, never another agency’s', async () => {
    await recordContact('vital-records', 'Asked about the certified copy', { personId: anaSub });
    await recordContact('revenue', 'Asked about a tax refund', { personId: anaSub });
    const page = await staffGet(portal.url, staff, apiPath('personPage', { agency: 'vital-records', person: anaSub }));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Application received');
    expect(html).toContain('Asked about the certified copy');
    expect(html).not.toContain('Asked about a tax refund');
    expect(html).toContain(apiPath('casePage', { code }, { lang: 'en' }));
  });

  it('is audited: who read the person’s timeline, and when', async () => {
    const audits = (await portal.items()).filter((item) => item.type === 'audit' && item.action === 'person.read');
    expect(audits.some((a) => a.record === `PERSON#${anaSub}`)).toBe(true);
  });

  it('is linked from the case page of a signed-in applicant', async () => {
    const html = await (await staffGet(portal.url, staff, apiPath('casePage', { code }))).text();
    expect(html).toContain(apiPath('personPage', { agency: 'vital-records', person: anaSub }, { lang: 'en' }));
  });

  it('tells another agency’s staff there is nothing there', async () => {
    expect(otherAgency.setCookie).not.toBe('');
    const page = await staffGet(portal.url, otherAgency, apiPath('personPage', { agency: 'vital-records', person: anaSub }));
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain('Application received');
  });

  it('is in Spanish with ?lang=es', async () => {
    const page = await staffGet(
      portal.url,
      staff,
      apiPath('personPage', { agency: 'vital-records', person: anaSub }, { lang: 'es' }),
    );
    expect(await page.text()).toContain('Los contactos de una persona con su agencia');
  });
});

describe('unlinked contacts', () => {
  it('are listed with how the other system said to find the person, and linked to a case by its code', async () => {
    const phone = '+12025550166';
    const contact = await recordContact('vital-records', 'Caller asked about a birth certificate', { phone });
    expect(contact.linked).toBe('unlinked');
    const listPath = apiPath('unlinkedContactsPage', { agency: 'vital-records' });
    const list = await (await staffGet(portal.url, staff, listPath)).text();
    expect(list).toContain('Caller asked about a birth certificate');
    expect(list).toContain(phone);
    const action = /action="([^"]+\/link[^"]*)"/.exec(list)?.[1]?.replaceAll('&amp;', '&') ?? '';
    expect(action).not.toBe('');

    const wrong = await staffPost(portal.url, staff, action, { _csrf: csrfOf(list), code: 'K7M2-9QXR-4HCT' });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Enter the confirmation code of one of your agency');

    const calls = async () => {
      const sums = { agency: 0, noService: 0, service: 0 };
      for (const item of (await portal.items()).filter(
        (i) => i.type === 'channel-volume' && String(i.pk).startsWith('CHANNELS#vital-records#'),
      )) {
        const n = Number(item.voice_in ?? 0);
        sums.agency += n;
        if (item.serviceId === 'birth-certificate') sums.service += n;
        if (item.serviceId === undefined) sums.noService += n;
      }
      return sums;
    };
    const callsBefore = await calls();
    const linked = await staffPost(portal.url, staff, action, { _csrf: csrfOf(list), code });
    expect(linked.status).toBe(303);
    // The call moves from "no service" to the case's service in the volume by channel (decision 126).
    expect(await calls()).toEqual({
      agency: callsBefore.agency,
      noService: callsBefore.noService - 1,
      service: callsBefore.service + 1,
    });
    const after = await (await staffGet(portal.url, staff, linked.headers.get('location') ?? '')).text();
    expect(after).toContain(`Linked to ${code}`);
    expect(after).not.toContain('Caller asked about a birth certificate');

    const entries = (await portal.items()).filter((item) => item.type === 'timeline' && item.id === contact.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      caseCode: code,
      serviceId: 'birth-certificate',
      person: anaSub,
      pk: `TIMELINE#CASE#${code}`,
    });
    expect(entries[0]?.hint).toBeUndefined();
    const audits = (await portal.items()).filter((item) => item.type === 'audit' && item.action === 'contact.link');
    expect(audits.map((a) => a.record)).toContain(code);
  });

  it('a form post without the page’s CSRF token links nothing', async () => {
    const contact = await recordContact('vital-records', 'Another unknown caller', { phone: '+12025550167' });
    const list = await (await staffGet(portal.url, staff, apiPath('unlinkedContactsPage', { agency: 'vital-records' }))).text();
    const action = /action="([^"]+\/link[^"]*)"/.exec(list)?.[1]?.replaceAll('&amp;', '&') ?? '';
    const refused = await staffPost(portal.url, staff, action, { _csrf: 'forged', code });
    expect(refused.status).toBe(403);
    const entry = (await portal.items()).find((item) => item.type === 'timeline' && item.id === contact.id);
    expect(entry?.pk).toBe('TIMELINE#UNLINKED#vital-records');
  });

  it('are not another agency’s to see', async () => {
    const page = await staffGet(portal.url, otherAgency, apiPath('unlinkedContactsPage', { agency: 'vital-records' }));
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain('+12025550167');
  });
});
