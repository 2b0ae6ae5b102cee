/**
 * "My activity" and the staff case timeline over real HTTP with real local tokens: a citizen applies signed in,
 * staff change the status, a contact centre records a call with the code; the citizen's timeline has all three,
 * newest first, paged; another citizen sees none of it; staff see the case's timeline with the case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath } from '#ui/paths.ts';
import { birthCertificateAnswers, signedBy } from '../support/form-answers.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { machineToken, signIn } from '../support/sign-in.ts';

let portal: TestPortal;
const tokens = { ana: '', ben: '', staff: '', machine: '' };
let code: string;

interface Activity {
  items: { kind: string; label: string; caseCode?: string; channelLabel: string; actorLabel: string; agencyName: string }[];
  next?: string;
  nextUrl?: string;
}

function call(path: string, token: string | undefined, body?: Record<string, unknown>) {
  return fetch(`${portal.url}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      accept: 'application/json',
      ...(body && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
    },
    ...(body && { body: JSON.stringify(body) }),
  });
}

beforeAll(async () => {
  portal = await startTestPortal();
  for (const [who, persona, idp] of [
    ['ana', 'ana.rivera', 'LoginGov'],
    ['ben', 'ben.okafor', 'Google'],
    ['staff', 'staff.vital-records', 'ExampleStaff'],
  ] as const)
    tokens[who] = (await signIn(portal.url, { persona, idp })).tokens.access_token;
  tokens.machine = await machineToken(portal.url, ['frontdoor/interactions']);

  const answers = birthCertificateAnswers({ fullName: { given: 'Ana', family: 'Rivera' }, declaration: signedBy('Ana Rivera') });
  const sent = await call(apiPath('submitMyForm', { formId: 'birth-certificate-request' }), tokens.ana, { answers });
  code = ((await sent.json()) as { code: string }).code;
  expect((await call(apiPath('changeCaseStatus', { code }), tokens.staff, { status: 'in-review', version: '0' })).status).toBe(
    200,
  );
  const call1 = await call(apiPath('recordInteraction'), tokens.machine, {
    channel: 'voice',
    direction: 'in',
    occurredAt: new Date().toISOString(),
    agency: 'vital-records',
    summary: 'Asked how long it takes',
    externalId: `call-${code}`,
    person: { confirmationCode: code },
  });
  expect(call1.status).toBe(201);
});
afterAll(async () => {
  await portal?.close();
});

describe('My activity', () => {
  it('lists the person’s own timeline newest first, across channels, in their words', async () => {
    const answer = await call(apiPath('listMyActivity', {}, { lang: 'en' }), tokens.ana);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const activity = (await answer.json()) as Activity;
    expect(activity.items.map((item) => item.kind)).toEqual(['contact', 'status-changed', 'submitted']);
    expect(activity.items.map((item) => item.label)).toEqual([
      'Contact: Phone call',
      'Status changed: In review',
      'Application received',
    ]);
    expect(activity.items[2]).toMatchObject({ caseCode: code, actorLabel: 'You', channelLabel: 'Website' });
    expect(activity.items[0]?.agencyName).toBe('Office of Vital Records, Department of Health');
  });

  it('speaks Spanish when asked', async () => {
    const activity = (await (await call(apiPath('listMyActivity', {}, { lang: 'es' }), tokens.ana)).json()) as Activity;
    expect(activity.items.map((item) => item.label)).toEqual([
      'Contacto: Llamada telefónica',
      'Cambió el estado: En revisión',
      'Solicitud recibida',
    ]);
  });

  it('pages through every entry once', async () => {
    const seen: string[] = [];
    let path: string | undefined = apiPath('listMyActivity', {}, { limit: '1' });
    while (path) {
      const page = (await (await call(path, tokens.ana)).json()) as Activity;
      seen.push(...page.items.map((item) => item.kind));
      path = page.next ? apiPath('listMyActivity', {}, { limit: '1', cursor: page.next }) : undefined;
    }
    expect(seen).toEqual(['contact', 'status-changed', 'submitted']);
  });

  it('shows another citizen none of it, and asks anyone not signed in to sign in', async () => {
    const ben = (await (await call(apiPath('listMyActivity'), tokens.ben)).json()) as Activity;
    expect(JSON.stringify(ben)).not.toContain(code);
    expect((await call(apiPath('listMyActivity'), undefined)).status).toBe(401);
    expect([401, 403]).toContain((await call(apiPath('listMyActivity'), tokens.machine)).status);
  });

  it('leaves the anonymous status page with status and dates only', async () => {
    const status = (await (await call(apiPath('showStatus', { code }), undefined)).json()) as Record<string, unknown>;
    expect(status).not.toHaveProperty('timeline');
    expect(JSON.stringify(status)).not.toContain('Asked how long');
  });
});

describe('the staff case timeline', () => {
  it('comes with the case, for staff of its agency', async () => {
    const opened = (await (await call(apiPath('showCase', { code }), tokens.staff)).json()) as {
      timeline: Activity['items'];
    };
    expect(opened.timeline.map((item) => item.kind)).toEqual(['contact', 'status-changed', 'submitted']);
    expect(opened.timeline[2]?.actorLabel).toBe('The applicant');
  });
});
