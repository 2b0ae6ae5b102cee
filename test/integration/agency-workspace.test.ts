/**
 * The workspace's routes over real HTTP with real local tokens (the local issuer and the JWT checks API Gateway
 * makes): who may reach every staff route (a matrix), and a case worked through the API from the queue to
 * approval, with the conflict a second staff member gets.
 */
import { BatchWriteItemCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { parse } from 'csv-parse/sync';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submissionItem } from '#adapters/dynamodb-submission-store';
import { DEFAULT_AUDIT_RETENTION_DAYS } from '#domain/audit';
import { newConfirmationCode } from '#domain/confirmation-code';
import type { Submission } from '#domain/submissions';
import { gatewayAuthorizes, routes } from '#http/routes';
import { apiPath } from '#ui/paths.ts';
import { BIRTH_CERTIFICATE_ANSWERS, paymentHelpers } from '../support/payments.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { machineToken, signIn } from '../support/sign-in.ts';

let portal: TestPortal;
const tokens: Record<
  'staff' | 'otherStaff' | 'citizen' | 'otherCitizen' | 'admin' | 'machine' | 'agencyAdmin' | 'otherAgencyAdmin',
  string
> = {
  agencyAdmin: '',
  otherAgencyAdmin: '',
  otherCitizen: '',
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
    ['agencyAdmin', 'admin.vital-records', 'ExampleStaff'],
    ['otherAgencyAdmin', 'admin.revenue', 'ExampleStaff'],
    ['citizen', 'ana.rivera', 'LoginGov'],
    ['otherCitizen', 'ben.okafor', 'Google'],
  ] as const;
  for (const [who, persona, idp] of people) tokens[who] = (await signIn(portal.url, { persona, idp })).tokens.access_token;
  tokens.machine = await machineToken(portal.url, ['frontdoor/bills']);
  code = await paymentHelpers(() => portal).apply();
});
afterAll(async () => {
  await portal?.paymentSandbox.settled();
  await portal?.close();
});

const subjectOf = (token: string) => String(decodeJwt(token).sub);

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
    ['exportAgencyQueue', apiPath('exportAgencyQueue', { agency: 'vital-records' }), undefined],
    ['showStaffActivity', apiPath('showStaffActivity', { agency: 'vital-records', subject: subjectOf(tokens.staff) }), undefined],
    ['showCase', apiPath('showCase', { code }), undefined],
    ['changeCaseStatus', apiPath('changeCaseStatus', { code }), { status: 'in-review', version: '0' }],
    ['addCaseMessage', apiPath('addCaseMessage', { code }), { kind: 'note', text: 'hello' }],
    ['assignCase', apiPath('assignCase', { code }), { to: 'me', version: '0' }],
    ['showCxDashboard', apiPath('showCxDashboard', { agency: 'vital-records' }), undefined],
  ];
}

describe('who reaches the workspace routes', () => {
  it('covers every agency route of the route table', () => {
    // The Bearer routes; the staff pages' session routes have their own matrix (test/integration/staff-pages.test.ts).
    const workspace = routes.filter((r) => r.path.startsWith('/api/agency/') && gatewayAuthorizes(r)).map((r) => r.name);
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

describe('exporting the queue as CSV', () => {
  const NAMES = ['José Núñez Peña', 'María Ángeles Ibáñez', 'Begoña Muñoz', 'Iñaki Güell', 'Sofía Castaño'];
  const INJECTIONS = ['=HYPERLINK("http://evil.example","x")', '+SUM(1,2)', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'];

  function row(i: number): Submission {
    const at = new Date(Date.UTC(2026, 5, 1) + i * 61_000).toISOString();
    const death = i % 4 === 0;
    const given = i % 50 === 7 ? (INJECTIONS[((i / 50) % INJECTIONS.length) | 0] as string) : (NAMES[i % NAMES.length] as string);
    const name = `${given} ${i}`;
    return {
      code: newConfirmationCode(),
      formId: death ? 'death-certificate-request' : 'birth-certificate-request',
      serviceId: death ? 'death-certificate' : 'birth-certificate',
      agency: 'vital-records',
      status: 'completed',
      locale: 'es',
      channel: 'web',
      answers: death
        ? { deceasedName: name, dateOfDeath: '2026-01-02', countyOfDeath: 'Cañón', relationship: 'spouse', copies: 1 }
        : {
            relationship: 'child',
            parentOnCertificate: 'yes',
            fullName: { given, family: `${i}` },
            dateOfBirth: '2020-01-02',
            placeOfBirth: 'Cañón',
            parentOneName: 'Begoña Muñoz',
            copies: 2,
            mailingAddress: { street1: '1 Calle Mayor', city: 'Cañón', state: 'NM', zip: '87001' },
            email: `p${i}@example.com`,
            applicantName: { given: 'Begoña', family: 'Muñoz' },
          },
      formVersion: death ? 1 : 2,
      submittedAt: at,
      updatedAt: at,
    };
  }

  it('gives 1,000 cases in parts, each once, with Spanish names intact and formulas neutralised, and audits each part', async () => {
    const cases = Array.from({ length: 1000 }, (_, i) => row(i));
    for (let i = 0; i < cases.length; i += 25)
      await portal.client.send(
        new BatchWriteItemCommand({
          RequestItems: {
            [portal.tableName]: cases
              .slice(i, i + 25)
              .map((s) => ({ PutRequest: { Item: marshall(submissionItem(s), { removeUndefinedValues: true }) } })),
          },
        }),
      );

    const rows: Record<string, string>[] = [];
    const files: string[] = [];
    let next: string | undefined = apiPath(
      'exportAgencyQueue',
      { agency: 'vital-records' },
      { status: 'completed', size: '300', lang: 'es' },
    );
    for (let guard = 0; next && guard < 10; guard++) {
      const response: Response = await fetch(`${portal.url}${next}`, { headers: { authorization: `Bearer ${tokens.staff}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      files.push(/filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? '');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      rows.push(...(parse(bytes, { bom: true, columns: true }) as Record<string, string>[]));
      next = /^<([^>]+)>; rel="next"$/.exec(response.headers.get('link') ?? '')?.[1];
    }
    expect(files).toEqual(
      [1, 2, 3, 4].map((n) => `vital-records-completed-${new Date().toISOString().slice(0, 10)}-part-${n}.csv`),
    );

    const codes = rows.map((r) => r['Código de confirmación']);
    expect(codes).toHaveLength(1000);
    expect(new Set(codes).size).toBe(1000);
    expect(codes).toEqual(cases.map((c) => c.code));

    const birthName = 'Solicitud de acta de nacimiento: Nombre en el acta de nacimiento';
    const byCode = new Map(rows.map((r) => [r['Código de confirmación'], r]));
    expect(byCode.get(cases[1]?.code)?.[birthName]).toBe('María Ángeles Ibáñez 1');
    expect(byCode.get(cases[1]?.code)?.Estado).toBe('Completada');
    const injected = cases.filter((_, i) => i % 50 === 7);
    for (const c of injected) {
      const { given, family } = (c.answers.fullName ?? {}) as { given?: string; family?: string };
      const sent = String(c.answers.deceasedName ?? `${given} ${family}`);
      const shown = Object.values(byCode.get(c.code) ?? {}).find(
        (v) => v.endsWith(sent.slice(1)) && v.length === sent.length + 1,
      );
      expect(shown, sent).toBe(`'${sent}`);
    }
    expect(rows.some((r) => Object.values(r).some((v) => /^[=+\-@\t\r]/.test(v)))).toBe(false);

    const audited = (await portal.items()).filter((i) => i.action === 'queue.export');
    expect(audited).toHaveLength(4);
    expect(audited.map((a) => (a.detail as Record<string, string>).rows).sort()).toEqual(['100', '300', '300', '300']);
    expect(audited[0]).toMatchObject({
      record: 'QUEUE#vital-records?status=completed&order=oldest',
      actor: { agency: 'vital-records', subject: expect.any(String) },
      from: { address: expect.any(String), userAgent: expect.any(String) },
    });
  });
});

describe('the audit trail through the product', () => {
  it('is never changed or removed by any route, whoever calls it with whatever body: entries are only added', async () => {
    const audits = async () =>
      new Map(
        (await portal.items())
          .filter((i) => String(i.pk).startsWith('AUDIT#'))
          .map((i) => [`${i.pk} ${i.sk}`, JSON.stringify(i)]),
      );
    const before = await audits();
    expect(before.size).toBeGreaterThan(0);
    const [someEntry] = [...before.values()].map((v) => JSON.parse(v) as { id: string; record: string });
    const values: Record<string, string> = {
      code,
      agency: 'vital-records',
      paymentId: someEntry?.id ?? 'x',
      formId: 'birth-certificate-request',
      reference: someEntry?.record ?? 'x',
    };
    // What someone trying to rewrite an entry would send: its own fields, and a change a route might accept.
    const body = JSON.stringify({
      ...someEntry,
      status: 'in-review',
      version: '99',
      kind: 'note',
      text: 'x',
      action: 'case.read',
    });
    for (const route of routes)
      for (const token of [tokens.staff, tokens.admin, tokens.otherStaff]) {
        const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? 'x'));
        const response = await fetch(`${portal.url}${path}`, {
          method: route.method,
          headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${token}` },
          ...(route.method !== 'GET' && { body }),
          redirect: 'manual',
        });
        expect(response.status, `${route.method} ${route.path}`).toBeLessThan(500);
        await response.arrayBuffer();
      }
    const after = await audits();
    for (const [key, entry] of before) expect(after.get(key), key).toBe(entry);
  });
});

describe('a staff member’s activity, for the agency’s administrators', () => {
  const path = (query: Record<string, string> = {}) =>
    apiPath('showStaffActivity', { agency: 'vital-records', subject: subjectOf(tokens.staff) }, query);
  type Page = {
    entries: { id: string; at: string; action: string; actor: { subject: string; agency: string } }[];
    next?: string;
  };

  it('lists everything they did for the agency, newest first, 50 a page, each entry once', async () => {
    // Enough reads for a second page.
    for (let i = 0; i < 55; i++) await (await call(apiPath('showCase', { code }), tokens.staff)).arrayBuffer();
    const seen: Page['entries'] = [];
    let next: string | undefined = path();
    for (let guard = 0; next && guard < 10; guard++) {
      const response: Response = await call(next, tokens.agencyAdmin);
      expect(response.status).toBe(200);
      const page = (await response.json()) as Page;
      expect(page.entries.length).toBeLessThanOrEqual(50);
      seen.push(...page.entries);
      next = page.next;
    }
    expect(seen.length).toBeGreaterThan(55);
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    expect(seen.every((e) => e.actor.subject === subjectOf(tokens.staff) && e.actor.agency === 'vital-records')).toBe(true);
    const ats = seen.map((e) => e.at);
    expect(ats).toEqual([...ats].sort().reverse());
    expect([...new Set(seen.map((e) => e.action))]).toEqual(expect.arrayContaining(['case.read', 'case.status', 'queue.export']));
    const all = (await portal.items()).filter((i) => i.gsi2pk === `ACTOR#vital-records#${subjectOf(tokens.staff)}`);
    expect(seen.length).toBe(all.length);
  });

  it('is a page in English and Spanish that links each case', async () => {
    for (const [lang, heading] of [
      ['en', 'What '],
      ['es', 'Lo que hizo '],
    ] as const) {
      const response = await fetch(`${portal.url}${path({ lang })}`, {
        headers: { accept: 'text/html', authorization: `Bearer ${tokens.agencyAdmin}` },
      });
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain(`<html lang="${lang}"`);
      expect(html).toContain(heading);
      expect(html).toContain(`href="${apiPath('showCase', { code })}"`);
      expect(html).toContain('usa-pagination__next-page');
    }
  });

  const refused = [
    ['the agency’s staff who are not administrators', 'staff', 403],
    ['an administrator of another agency', 'otherAgencyAdmin', 404],
    ['a portal administrator who is no agency’s staff', 'admin', 403],
    ['a citizen', 'citizen', 403],
  ] as const;
  for (const [who, token, status] of refused)
    it(`refuses ${who} (${status}) with nothing of the activity in the answer`, async () => {
      for (const accept of ['application/json', 'text/html']) {
        const response = await fetch(`${portal.url}${path()}`, {
          headers: { accept, authorization: `Bearer ${tokens[token]}` },
        });
        expect(response.status).toBe(status);
        const text = await response.text();
        expect(text).not.toContain(code);
        expect(text).not.toMatch(/case\.read|entries|ACTOR#/);
      }
    });
});

describe('how long audit entries are kept', () => {
  it('gives every entry an expiry the table’s TTL acts on: when it was written plus the retention period', async () => {
    const ttl = await portal.client.send(new DescribeTimeToLiveCommand({ TableName: portal.tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: 'expiresAt', TimeToLiveStatus: 'ENABLED' });
    const entries = (await portal.items()).filter((i) => String(i.pk).startsWith('AUDIT#'));
    expect(entries.length).toBeGreaterThan(0);
    // agency.config.json's audit.retentionDays reaches functions as AUDIT_RETENTION_DAYS; unset locally: 7 years.
    for (const entry of entries)
      expect(entry.expiresAt, String(entry.action)).toBe(
        Math.floor(Date.parse(String(entry.at)) / 1000) + DEFAULT_AUDIT_RETENTION_DAYS * 86_400,
      );
  });
});

describe('a citizen withdrawing their own application', () => {
  type Mine = { submissions: { code: string; status: string; statusMeaning: string; message?: string; withdrawUrl?: string }[] };
  const mine = async (token: string) => ((await (await call(apiPath('listMySubmissions'), token)).json()) as Mine).submissions;

  it('sees what the agency asked for in My account, withdraws it, and nobody else can', async () => {
    const sent = await fetch(`${portal.url}${apiPath('submitMyForm', { formId: 'birth-certificate-request' })}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.citizen}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ answers: BIRTH_CERTIFICATE_ANSWERS }),
    });
    expect(sent.status).toBe(201);
    const { code: mineCode } = (await sent.json()) as { code: string };
    const asked = await call(apiPath('changeCaseStatus', { code: mineCode }), tokens.staff, {
      status: 'needs-information',
      version: '0',
      message: 'Send a copy of your photo ID.',
    });
    expect(asked.status).toBe(200);
    expect((await mine(tokens.citizen)).find((s) => s.code === mineCode)).toMatchObject({
      status: 'needs-information',
      statusMeaning: 'We need something from you before we can go on. Read the message below.',
      message: 'Send a copy of your photo ID.',
      withdrawUrl: apiPath('withdrawMySubmission', { code: mineCode }),
    });

    const before = (await portal.items()).length;
    for (const token of [tokens.otherCitizen, tokens.staff, tokens.agencyAdmin]) {
      const refused = await call(apiPath('withdrawMySubmission', { code: mineCode }), token, {});
      expect(refused.status).toBe(404);
      expect(await refused.text()).not.toContain('needs-information');
    }
    expect((await call(apiPath('withdrawMySubmission', { code: mineCode }), undefined, {})).status).toBe(401);
    expect((await portal.items()).length).toBe(before);

    const withdrawn = await call(apiPath('withdrawMySubmission', { code: mineCode }), tokens.citizen, {});
    expect(withdrawn.status).toBe(200);
    expect(await withdrawn.json()).toMatchObject({ code: mineCode, status: 'withdrawn' });
    const again = await call(apiPath('withdrawMySubmission', { code: mineCode }), tokens.citizen, {});
    expect(again.status).toBe(200);

    const status = (await (await call(apiPath('showStatus', { code: mineCode }), undefined)).json()) as {
      status: string;
      message?: string;
      history: { status: string }[];
    };
    expect(status.status).toBe('withdrawn');
    expect(status.message).toBeUndefined();
    expect(status.history.map((h) => h.status)).toEqual(['received', 'needs-information', 'withdrawn']);
    const listed = (await mine(tokens.citizen)).find((s) => s.code === mineCode);
    expect(listed).toMatchObject({
      status: 'withdrawn',
      statusMeaning: 'You took back this application. We will not work on it.',
    });
    expect(listed?.withdrawUrl).toBeUndefined();
    const audited = (await portal.items()).filter((i) => i.pk === `AUDIT#${mineCode}` && i.action === 'case.withdraw');
    expect(audited).toHaveLength(1);

    // Staff can no longer move it.
    const late = await call(apiPath('changeCaseStatus', { code: mineCode }), tokens.staff, { status: 'approved', version: '2' });
    expect(late.status).toBe(400);
  });
});
