/**
 * The survey route end to end over real HTTP: the local front door, the real handler modules, DynamoDB Local.
 * One response per transaction, nothing personal stored, bad input refused with the field named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath } from '#ui/paths.ts';
import { birthCertificateAnswers, formFieldsOf } from '../support/form-answers.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { signIn } from '../support/sign-in.ts';

let portal: TestPortal;
let code: string;
const answers = birthCertificateAnswers();

beforeAll(async () => {
  portal = await startTestPortal();
  const sent = await fetch(`${portal.url}/api/forms/birth-certificate-request/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ answers }),
  });
  code = ((await sent.json()) as { code: string }).code;
});
afterAll(async () => {
  await portal?.close();
});

function postForm(fields: Record<string, string>) {
  return fetch(`${portal.url}/api/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

function postJson(body: unknown) {
  return fetch(`${portal.url}/api/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

async function responses() {
  return (await portal.items()).filter((item) => item.type === 'feedback');
}

describe('answering the survey', () => {
  it('a plain form post is kept and answered with a 303 to the thanks page, which links back to the status page', async () => {
    const response = await postForm({ task: 'status', code, lang: 'es', satisfaction: '4', trust: '5', comment: 'Bien' });
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/^\/api\/feedback\/thanks\?/);
    const thanks = await fetch(portal.url + location);
    expect(thanks.status).toBe(200);
    const page = await thanks.text();
    expect(page).toContain('Gracias por su opinión');
    expect(page).toContain(`href="/api/status/${code}?lang=es"`);
  });

  it('answering twice for the same task keeps one response with the new answers', async () => {
    await postJson({ task: 'apply', code, satisfaction: 2, ease: 1 });
    const before = (await responses()).length;
    const second = await postJson({ task: 'apply', code, satisfaction: 5 });
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ saved: true, task: 'apply', scores: { satisfaction: 5 } });
    const kept = (await responses()).filter((item) => item.task === 'apply');
    expect(kept).toHaveLength(1);
    expect(kept[0]?.scores).toEqual({ satisfaction: 5 });
    expect((await responses()).length).toBe(before);
  });

  it('stores the service, agency, channel, task and day, and nothing personal: not the code, the e-mail or the person', async () => {
    await postJson({
      task: 'status',
      code,
      effectiveness: 3,
      comment: `Write to ana@example.com about ${code}, or call 555-123-4567`,
    });
    const [item] = (await responses()).filter((r) => r.task === 'status');
    expect(Object.keys(item ?? {}).sort()).toEqual(
      [
        'agency',
        'answeredOn',
        'channel',
        'comment',
        'gsi1pk',
        'gsi1sk',
        'pk',
        'scores',
        'serviceId',
        'sk',
        'task',
        'token',
        'type',
        'updatedOn',
      ].sort(),
    );
    expect(item).toMatchObject({
      agency: 'vital-records',
      serviceId: 'birth-certificate',
      channel: 'api',
      comment: 'Write to [email] about [code], or call [number]',
      scores: { effectiveness: 3 },
    });
    // The token (and the sort key made from it) is 32 random-looking characters: it may spell "Ana" by chance.
    const { token, gsi1sk, ...rest } = item as Record<string, unknown>;
    expect(String(gsi1sk)).toContain(String(token));
    for (const personal of [code, code.replaceAll('-', '')]) expect(String(token)).not.toContain(personal);
    const stored = JSON.stringify(rest);
    for (const personal of [code, code.replaceAll('-', ''), 'ana@example.com', 'Ana', '555-123-4567'])
      expect(stored).not.toContain(personal);
  });

  it.each<[Record<string, string | number>, string]>([
    [{ task: 'status', code: 'CODE', satisfaction: 7 }, 'satisfaction'],
    [{ task: 'status', code: 'CODE', employee: 4 }, 'employee'],
    [{ task: 'lunch', code: 'CODE', satisfaction: 4 }, 'task'],
    [{ task: 'status', code: 'K7M2-9QXR-4TW3', satisfaction: 4 }, 'code'],
    [{ task: 'status', satisfaction: 4 }, 'code'],
    [{ task: 'pay', payment: 'nope', satisfaction: 4 }, 'payment'],
    [{ task: 'staff-reply', code: 'CODE', message: '../x', satisfaction: 4 }, 'message'],
    [{ task: 'status', code: 'CODE', comment: 'x'.repeat(2001) }, 'comment'],
  ])('refuses bad input with a 4xx naming the field and stores nothing: %o', async (body, field) => {
    const before = (await responses()).length;
    const response = await postJson({ ...body, ...(body.code === 'CODE' && { code }) });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const answer = (await response.json()) as { error: { fields?: { field: string }[] } };
    expect(answer.error.fields?.map((f) => f.field)).toEqual([field]);
    expect((await responses()).length).toBe(before);
  });

  it('a post with nothing answered stores nothing and says so', async () => {
    const before = (await responses()).length;
    const response = await postForm({ task: 'pay', payment: 'x', lang: 'en' });
    expect(response.status).toBe(422);
    const empty = await postForm({ task: 'status', code, lang: 'en', satisfaction: '', comment: '' });
    expect(empty.status).toBe(303);
    const page = await (await fetch(portal.url + (empty.headers.get('location') ?? ''))).text();
    expect(page).toContain('You did not answer any question');
    expect((await responses()).length).toBe(before);
  });

  it('the status page carries the survey, posting to the feedback route with the task and code', async () => {
    const page = await (await fetch(`${portal.url}/api/status/${code}?lang=en`, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('data-feedback-survey="status"');
    expect(page).toContain('action="/api/feedback"');
    expect(page).toContain(`name="code" value="${code}"`);
    expect(page).not.toContain('name="employee"');
  });
});

describe('the survey at the end of a staff reply', () => {
  let replied: string;
  let replyId: string;

  beforeAll(async () => {
    const sent = await fetch(`${portal.url}/api/forms/birth-certificate-request/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ answers }),
    });
    replied = ((await sent.json()) as { code: string }).code;
    const staff = (await signIn(portal.url, { persona: 'staff.vital-records', idp: 'ExampleStaff' })).tokens.access_token;
    const asked = await fetch(`${portal.url}${apiPath('changeCaseStatus', { code: replied })}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${staff}` },
      body: JSON.stringify({ status: 'needs-information', version: '0', message: 'Send a copy of your photo ID.' }),
    });
    expect(asked.status).toBe(200);
    const status = (await (
      await fetch(`${portal.url}/api/status/${replied}`, { headers: { accept: 'application/json' } })
    ).json()) as {
      message: string;
      messageId: string;
    };
    expect(status.message).toBe('Send a copy of your photo ID.');
    replyId = status.messageId;
  });

  it('is on the status page where the citizen reads the reply, with the employee question and the reply named', async () => {
    const page = await (await fetch(`${portal.url}/api/status/${replied}?lang=en`, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('data-feedback-survey="staff-reply"');
    expect(page).toContain(`name="message" value="${replyId}"`);
    expect(page).toContain('name="employee"');
    expect(page).toContain('Employees I interacted with were helpful.');
    expect(page).toMatch(/<a [^>]*href="#feedback-heading"[^>]*data-rate-reply/);
  });

  it('keeps the answer, employee helpfulness included, as a staff-reply response', async () => {
    const response = await postJson({ task: 'staff-reply', code: replied, message: replyId, employee: 5, satisfaction: 4 });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ saved: true, task: 'staff-reply', scores: { employee: 5, satisfaction: 4 } });
    expect((await responses()).filter((r) => r.task === 'staff-reply')).toHaveLength(1);
  });

  it('refuses an answer about a reply the case never showed, so made-up ids cannot add responses', async () => {
    const before = (await responses()).length;
    const response = await postJson({ task: 'staff-reply', code: replied, message: 'made-up-reply', employee: 1 });
    expect(response.status).toBe(422);
    const answer = (await response.json()) as { error: { fields?: { field: string }[] } };
    expect(answer.error.fields?.map((f) => f.field)).toEqual(['message']);
    expect((await responses()).length).toBe(before);
  });
});

describe('the completion funnel', () => {
  async function counted() {
    const total: Record<string, number> = {};
    for (const item of (await portal.items()).filter((i) => i.type === 'funnel' && i.formId === 'birth-certificate-request'))
      for (const [name, value] of Object.entries(item)) if (typeof value === 'number') total[name] = (total[name] ?? 0) + value;
    return total;
  }

  it('counts a sent form with its channel and a status check, per agency, form and day, with nothing about the person', async () => {
    const before = await counted();
    const sent = await fetch(`${portal.url}/api/forms/birth-certificate-request/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams(formFieldsOf(answers)).toString(),
      redirect: 'manual',
    });
    expect(sent.status).toBe(303);
    await fetch(portal.url + (sent.headers.get('location') ?? ''), { headers: { accept: 'text/html' } });
    const after = await counted();
    expect((after.sent ?? 0) - (before.sent ?? 0)).toBe(1);
    expect((after.channel_web ?? 0) - (before.channel_web ?? 0)).toBe(1);
    expect((after.status_checked ?? 0) - (before.status_checked ?? 0)).toBe(1);
    const items = (await portal.items()).filter((i) => i.type === 'funnel');
    for (const item of items) {
      expect(String(item.pk)).toMatch(/^FUNNEL#vital-records#\d+$/);
      expect(String(item.sk)).toMatch(/^\d{4}-\d{2}-\d{2}#birth-certificate-request$/);
      expect(JSON.stringify(item)).not.toMatch(/Ana|example\.com|[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}/);
    }
  });
});
