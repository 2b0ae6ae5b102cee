/**
 * The workspace's routes over real HTTP with real local tokens (the local issuer and the JWT checks API Gateway
 * makes): who may reach every staff route (a matrix), and a case worked through the API from the queue to
 * approval, with the conflict a second staff member gets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#http/routes';
import { apiPath } from '#ui/paths.ts';
import { LOCAL_MACHINE_CLIENT } from '../../local/identity/issuer.ts';
import { paymentHelpers } from '../support/payments.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { signIn } from '../support/sign-in.ts';

let portal: TestPortal;
const tokens: Record<'staff' | 'otherStaff' | 'citizen' | 'admin' | 'machine', string> = {
  staff: '',
  otherStaff: '',
  citizen: '',
  admin: '',
  machine: '',
};
let code: string;

beforeAll(async () => {
  portal = await startTestPortal();
  const people = [
    ['staff', 'staff.vital-records', 'ExampleStaff'],
    ['otherStaff', 'staff.revenue', 'ExampleStaff'],
    ['admin', 'admin', 'ExampleStaff'],
    ['citizen', 'ana.rivera', 'LoginGov'],
  ] as const;
  for (const [who, persona, idp] of people) tokens[who] = (await signIn(portal.url, { persona, idp })).tokens.access_token;
  const token = await fetch(`${portal.url}/auth/oauth2/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${LOCAL_MACHINE_CLIENT.id}:${LOCAL_MACHINE_CLIENT.secret}`).toString('base64')}`,
    },
    body: 'grant_type=client_credentials&scope=frontdoor%2Fbills',
  });
  tokens.machine = ((await token.json()) as { access_token: string }).access_token;
  code = await paymentHelpers(() => portal).apply();
});
afterAll(async () => {
  await portal?.paymentSandbox.settled();
  await portal?.close();
});

function call(path: string, token: string | undefined, body?: Record<string, string>) {
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

/** Every staff route of the workspace, with a request that would work for the case's own staff. */
function staffRequests(): [string, string, Record<string, string> | undefined][] {
  return [
    ['showAgencyQueue', apiPath('showAgencyQueue', { agency: 'vital-records' }), undefined],
    ['findAgencyCases', apiPath('findAgencyCases', { agency: 'vital-records' }, { q: code }), undefined],
    ['showCase', apiPath('showCase', { code }), undefined],
    ['changeCaseStatus', apiPath('changeCaseStatus', { code }), { status: 'in-review', version: '0' }],
    ['addCaseMessage', apiPath('addCaseMessage', { code }), { kind: 'note', text: 'hello' }],
    ['assignCase', apiPath('assignCase', { code }), { to: 'me', version: '0' }],
    ['showCxDashboard', apiPath('showCxDashboard', { agency: 'vital-records' }), undefined],
  ];
}

describe('who reaches the workspace routes', () => {
  it('covers every agency route of the route table', () => {
    const workspace = routes.filter((r) => r.path.startsWith('/api/agency/')).map((r) => r.name);
    expect(
      staffRequests()
        .map(([name]) => name)
        .sort(),
    ).toEqual([...workspace].sort());
  });

  const refused = {
    nobody: [undefined, 401],
    citizen: ['citizen', 403],
    // A machine token carries no `openid` scope: the gateway itself refuses it, before any function runs.
    machine: ['machine', 401],
    administrator: ['admin', 403],
    'staff of another agency': ['otherStaff', 404],
  } as const;
  for (const [who, [token, status]] of Object.entries(refused))
    it(`refuses ${who} (${status}) on every route, with nothing of the case in the answer, and writes nothing`, async () => {
      const before = (await portal.items()).length;
      for (const [name, path, body] of staffRequests()) {
        const response = await call(path, token && tokens[token], body);
        const text = await response.text();
        expect(response.status, name).toBe(status);
        expect(text, name).not.toContain(code);
        expect(text, name).not.toContain('birth-certificate');
        expect(text, name).not.toMatch(/Díaz|answers/);
      }
      expect((await portal.items()).length).toBe(before);
    });
});

describe('working a case through the API', () => {
  it('finds it in the queue, asks for information, and refuses a stale change with the case as it stands', async () => {
    const queue = (await (await call(apiPath('showAgencyQueue', { agency: 'vital-records' }), tokens.staff)).json()) as {
      cases: { code: string }[];
      counts: Record<string, number>;
    };
    expect(queue.cases.map((c) => c.code)).toContain(code);
    expect(queue.counts.received).toBeGreaterThanOrEqual(1);

    const asked = await call(apiPath('changeCaseStatus', { code }), tokens.staff, {
      status: 'needs-information',
      version: '0',
      message: 'Send a copy of your photo ID.',
    });
    expect(asked.status).toBe(200);
    expect(await asked.json()).toMatchObject({ status: 'needs-information', version: 1 });

    const stale = await call(apiPath('changeCaseStatus', { code }), tokens.staff, { status: 'in-review', version: '0' });
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as { error: { message: string }; case: { status: string; version: number } };
    expect(conflict.error.message).toMatch(/^Someone else changed this case a moment ago/);
    expect(conflict.case).toMatchObject({ status: 'needs-information', version: 1 });

    const status = (await (await call(apiPath('showStatus', { code }), undefined)).json()) as {
      status: string;
      message?: string;
    };
    expect(status).toMatchObject({ status: 'needs-information', message: 'Send a copy of your photo ID.' });

    const opened = (await (await call(apiPath('showCase', { code }), tokens.staff)).json()) as {
      messages: { kind: string; text: string }[];
      nextStatuses: string[];
    };
    expect(opened.messages).toEqual([expect.objectContaining({ kind: 'message', text: 'Send a copy of your photo ID.' })]);
    expect(opened.nextStatuses).toContain('approved');

    const approved = await call(apiPath('changeCaseStatus', { code }), tokens.staff, { status: 'approved', version: '1' });
    expect(approved.status).toBe(200);
    const after = (await (await call(apiPath('showStatus', { code }), undefined)).json()) as { status: string; message?: string };
    expect(after.status).toBe('approved');
    expect(after.message).toBeUndefined();
    const items = await portal.items();
    expect(items.filter((i) => i.pk === `AUDIT#${code}`).map((i) => i.action)).toEqual(
      expect.arrayContaining(['case.status', 'case.read', 'case.status']),
    );
  });
});
