/**
 * The CX dashboard over real HTTP with real local tokens: who may read it (a matrix: another agency's staff
 * see nothing), a survey answer showing up counted in the chart, its table and the A-11 export, and contacts from
 * other channels (a call about the case, an unlinked chat, the call sent twice) counted in the volume by channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath } from '#ui/paths.ts';
import { birthCertificateAnswers } from '../support/form-answers.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { machineToken, signIn } from '../support/sign-in.ts';

let portal: TestPortal;
const tokens: Record<string, string> = {};
const DASHBOARD = apiPath('showCxDashboard', { agency: 'vital-records' });
const answers = birthCertificateAnswers();

beforeAll(async () => {
  portal = await startTestPortal();
  const people = [
    ['staff', 'staff.vital-records', 'ExampleStaff'],
    ['otherStaff', 'staff.revenue', 'ExampleStaff'],
    ['admin', 'admin', 'ExampleStaff'],
    ['citizen', 'ana.rivera', 'LoginGov'],
  ] as const;
  for (const [who, persona, idp] of people) tokens[who] = (await signIn(portal.url, { persona, idp })).tokens.access_token;
  tokens.machine = await machineToken(portal.url, ['frontdoor/bills']);
  tokens.interactions = await machineToken(portal.url, ['frontdoor/interactions']);
  const sent = await fetch(`${portal.url}/api/forms/birth-certificate-request/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ answers }),
  });
  const { code } = (await sent.json()) as { code: string };
  // Staff decide the case (in review, then approved, then completed): one decision, recorded with the approval.
  for (const [status, version] of [
    ['in-review', '0'],
    ['approved', '1'],
    ['completed', '2'],
  ] as const) {
    const moved = await fetch(`${portal.url}${apiPath('changeCaseStatus', { code })}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${tokens.staff}` },
      body: JSON.stringify({ status, version }),
    });
    if (moved.status !== 200) throw new Error(`moving the case to ${status}: ${moved.status}`);
  }
  await fetch(`${portal.url}/api/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams({ task: 'apply', code, satisfaction: '5', trust: '4', comment: `Quick! Code ${code}` }).toString(),
    redirect: 'manual',
  });
  // Two contacts from the contact centre: a call about the case (sent twice, as a retrying system would) and a
  // chat nobody could match (unlinked: it counts for the agency, under no service).
  const occurredAt = new Date(Date.now() - 60_000).toISOString();
  const contact = (body: Record<string, unknown>) =>
    fetch(`${portal.url}/api/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.interactions}` },
      body: JSON.stringify({ direction: 'in', occurredAt, agency: 'vital-records', ...body }),
    });
  const call = {
    channel: 'voice',
    summary: 'Called about the copies',
    externalId: 'connect-cx-1',
    person: { confirmationCode: code },
  };
  const recorded = [
    await contact(call),
    await contact(call),
    await contact({ channel: 'chat', summary: 'Asked about fees', externalId: 'chat-cx-1', person: { phone: '+15550109999' } }),
  ].map((answer) => answer.status);
  if (recorded.join() !== '201,200,201') throw new Error(`recording the contacts: ${recorded.join()}`);
});
afterAll(async () => {
  await portal?.close();
});

function get(path: string, token: string | undefined, accept = 'application/json') {
  return fetch(`${portal.url}${path}`, { headers: { accept, ...(token && { authorization: `Bearer ${token}` }) } });
}

describe('who may read the CX dashboard', () => {
  it.each([
    ['staff of the agency', 'staff', 200],
    ["another agency's staff", 'otherStaff', 404],
    ['an administrator outside the agency', 'admin', 403],
    ['a citizen', 'citizen', 403],
    ['a machine client', 'machine', 401],
    ['nobody signed in', undefined, 401],
  ] as const)('%s (%s) → %i', async (_who, token, status) => {
    const response = await get(DASHBOARD, token && tokens[token]);
    expect(response.status).toBe(status);
    const body = await response.text();
    if (status !== 200) {
      // Nothing about the agency: no figures, no services, no comments.
      expect(body).not.toMatch(/scores|funnel|birth-certificate|Quick/);
    }
  });

  it("another agency's staff get nothing from the A-11 export either", async () => {
    const response = await get(`${DASHBOARD}?format=a11-csv`, tokens.otherStaff);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('likert_scale');
  });

  it('refuses a malformed date range, naming the field', async () => {
    const response = await get(`${DASHBOARD}?from=yesterday`, tokens.staff);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('(from)');
  });
});

describe('what the agency sees', () => {
  it('counts the response in the scores, the funnel and the comments (scrubbed)', async () => {
    const dashboard = (await (await get(DASHBOARD, tokens.staff)).json()) as {
      scores: { responses: number; questions: { question: string; responses: number; agreeShare: number }[] }[];
      funnel: { formId: string; steps: { step: string; count: number }[] }[];
      byChannel: Record<string, number>;
      comments: { comment: string }[];
      trend: { week: string; responses: number; satisfaction: { agreeShare?: number } }[];
      timeToDecision: { agency: { decisions: number; medianDays?: number }; byService: { serviceId: string }[] };
    };
    expect(dashboard.scores.at(-1)?.responses).toBe(1);
    expect(dashboard.scores.at(-1)?.questions).toEqual([
      expect.objectContaining({ question: 'satisfaction', responses: 1, agreeShare: 1 }),
      expect.objectContaining({ question: 'trust', responses: 1, agreeShare: 1 }),
    ]);
    expect(dashboard.funnel.find((f) => f.formId === 'birth-certificate-request')?.steps).toContainEqual({
      step: 'sent',
      count: 1,
    });
    expect(dashboard.byChannel).toEqual({ api: 1 });
    expect(dashboard.comments).toEqual([expect.objectContaining({ comment: 'Quick! Code [code]' })]);
    expect(dashboard.trend.at(-1)).toMatchObject({ responses: 1, satisfaction: { agreeShare: 1 } });
    expect(dashboard.trend.slice(0, -1).every((week) => week.responses === 0)).toBe(true);
  });

  it('counts the decision exactly once, from the record its status change wrote (approved, then completed)', async () => {
    const dashboard = (await (await get(DASHBOARD, tokens.staff)).json()) as {
      timeToDecision: { agency: { decisions: number; medianDays?: number }; byService: { serviceId: string }[] };
    };
    expect(dashboard.timeToDecision.agency).toEqual({ decisions: 1, medianDays: 0, p90Days: 0 });
    expect(dashboard.timeToDecision.byService).toEqual([
      { serviceId: 'birth-certificate', times: { decisions: 1, medianDays: 0, p90Days: 0 } },
    ]);
    const otherService = (await (await get(`${DASHBOARD}?service=death-certificate`, tokens.staff)).json()) as typeof dashboard;
    expect(otherService.timeToDecision.agency.decisions).toBe(0);
  });

  it('draws the weekly trend as SVG beside a table of the same numbers', async () => {
    const page = await (await get(DASHBOARD, tokens.staff, 'text/html')).text();
    expect(page).toContain('<title id="cx-trend-chart-title">Share who agreed each week');
    expect(page).toMatch(/<g data-cx-trend="satisfaction"><circle/);
    expect(page).toMatch(/<td data-label="Satisfaction"[^>]*>100% \(1\)<\/td>/);
    expect(page).toMatch(/<th scope="row" data-label="Service"[^>]*>Whole agency<\/th><td[^>]*>1<\/td>/);
  });

  it('downloads the raw responses as CSV: anonymous, with the scrubbed comment', async () => {
    const response = await get(`${DASHBOARD}?format=responses-csv`, tokens.staff, 'text/csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="responses-vital-records-/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 byte order mark
    const [header, ...rows] = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(header).toBe(
      'answered_on,updated_on,service,channel,task,satisfaction,trust,effectiveness,ease,efficiency,transparency,employee,comment',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2},birth-certificate,api,apply,5,4,,,,,,Quick! Code \[code\]$/);
    const other = await get(`${DASHBOARD}?format=responses-csv`, tokens.otherStaff, 'text/csv');
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain('Quick');
  });

  it('the HTML page draws the chart as SVG with a title and description, beside a table of the same numbers', async () => {
    const response = await get(`${DASHBOARD}?lang=es`, tokens.staff, 'text/html');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toMatch(/<svg[^>]*role="img"/);
    expect(page).toContain('<title id="cx-chart-0-title">Porcentaje de acuerdo');
    expect(page).toContain('data-cx-bar="satisfaction"');
    expect(page).toMatch(/<th scope="row"[^>]*>Satisfacción<\/th><td[^>]*>1<\/td>/);
  });

  it('counts every contact on the timeline by channel: the call once (sent twice), the unlinked chat for the agency', async () => {
    type Row = { channel: string; in: number; out: number; total: number };
    const dashboard = (await (await get(DASHBOARD, tokens.staff)).json()) as {
      channelVolume: { agency: Row[]; byService: { serviceId: string; rows: Row[] }[] };
    };
    const { agency, byService } = dashboard.channelVolume;
    const row = (rows: Row[] | undefined, channel: string) => rows?.find((r) => r.channel === channel);
    expect(row(agency, 'voice')).toEqual({ channel: 'voice', in: 1, out: 0, total: 1 });
    expect(row(agency, 'chat')).toEqual({ channel: 'chat', in: 1, out: 0, total: 1 });
    // The form sent (in) and the three status changes (out), on the web.
    expect(row(agency, 'web')).toEqual({ channel: 'web', in: 1, out: 3, total: 4 });
    const service = byService.find((s) => s.serviceId === 'birth-certificate')?.rows;
    expect(row(service, 'voice')).toEqual({ channel: 'voice', in: 1, out: 0, total: 1 });
    expect(row(service, 'web')).toEqual({ channel: 'web', in: 1, out: 3, total: 4 });
    // The chat concerns no case: in the agency's total only.
    expect(row(service, 'chat')).toBeUndefined();
    const voiceOnly = (await (await get(`${DASHBOARD}?channel=voice`, tokens.staff)).json()) as typeof dashboard;
    expect(voiceOnly.channelVolume.agency).toEqual([{ channel: 'voice', in: 1, out: 0, total: 1 }]);
  });

  it('draws the volume by channel as SVG for the agency and each service, beside tables of the same numbers', async () => {
    const page = await (await get(`${DASHBOARD}?lang=es`, tokens.staff, 'text/html')).text();
    expect(page).toContain('<title id="cx-volume-agency-title">Contactos por canal, Toda la agencia');
    expect(page).toMatch(/<g data-cx-channel-bar="voice">/);
    expect(page).toMatch(/<div data-cx-volume-for="birth-certificate">/);
    expect(page).toMatch(
      /<th scope="row" data-label="Canal"[^>]*>Llamada telefónica<\/th><td[^>]*>1<\/td><td[^>]*>0<\/td><td[^>]*>1<\/td>/,
    );
    expect(page).toMatch(/<th scope="row" data-label="Canal"[^>]*>Chat<\/th><td[^>]*>1<\/td>/);
    // Another agency's staff see none of it.
    const other = await (await get(DASHBOARD, tokens.otherStaff, 'text/html')).text();
    expect(other).not.toContain('data-cx-channel-bar');
  });

  it('exports the quarter in the A-11 shape as CSV', async () => {
    const response = await get(`${DASHBOARD}?format=a11-csv`, tokens.staff, 'text/csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const [header, ...rows] = (await response.text()).trim().split('\n');
    expect(header).toBe(
      'quarter,agency,service,channel,survey_type,question,question_text,volume_of_respondents,strongly_disagree,disagree,neutral,agree,strongly_agree,mean,agree_share',
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(
      /^FY\d{4} Q\d,vital-records,birth-certificate,api,likert_scale,satisfaction,"I am satisfied with the service I received from Office of Vital Records, Department of Health\.",1,0,0,0,0,1,5,1$/,
    );
  });
});
