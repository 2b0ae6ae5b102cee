/**
 * A multi-page form through the real local front door, as a browser without JavaScript sends it: each page a
 * plain POST answered 303 to the next, the answers kept in a draft on DynamoDB Local, branches taken from the
 * answers, answers to questions that end up hidden never stored, and one submission however often "Send" is
 * pressed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPortal, type TestPortal } from '../support/portal.ts';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.close();
});

const FORM = 'snap-application';
const BO = {
  'memberName-given': 'Bo',
  'memberName-family': 'Díaz',
  'memberBirth-month': '6',
  'memberBirth-day': '1',
  'memberBirth-year': '2015',
};
const HOME = {
  'homeAddress-street1': '1 Main St',
  'homeAddress-city': 'Springfield',
  'homeAddress-state': 'il',
  'homeAddress-zip': '55501',
};

async function post(path: string, body: Record<string, string>) {
  return fetch(portal.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams(body),
  });
}

/** Posts a page and returns where the 303 sends the browser. */
async function answer(path: string, body: Record<string, string>): Promise<string> {
  const response = await post(path, body);
  expect(response.status, await response.clone().text()).toBe(303);
  return response.headers.get('location') ?? '';
}

const pageOf = (location: string) => /\/pages\/([a-z-]+)/.exec(location)?.[1];
const saveTo = (location: string) => location; // a page's GET and POST share one address

async function startDraft(): Promise<string> {
  return answer(`/api/forms/${FORM}/drafts?lang=en`, {
    'applicantName-given': 'Ana',
    'applicantName-family': 'Díaz',
    email: 'ana@example.com',
  });
}

async function draftItems() {
  return (await portal.items()).filter((item) => item.type === 'draft');
}

describe('a multi-page form without JavaScript', () => {
  it('shows the first page again with the mistake named, and keeps nothing, when the first page is wrong', async () => {
    const before = (await draftItems()).length;
    const response = await post(`/api/forms/${FORM}/drafts?lang=en`, { 'applicantName-given': 'Ana', email: 'ana-at-example' });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Enter an email address like name@example.com');
    expect(html).toContain('Your name: enter the last name');
    expect(html).toContain('value="Ana"');
    expect(await draftItems()).toHaveLength(before);
  });

  it('goes page by page, skips the page a branch leaves out, and sends the answers it kept', async () => {
    const counted = (await portal.items()).filter((item) => item.type === 'funnel' && item.formId === FORM);
    const before = (name: string) => counted.reduce((sum, item) => sum + Number(item[name] ?? 0), 0);
    const [startedBefore = 0, householdBefore = 0, incomeBefore = 0, checkBefore = 0] = [
      'started',
      'page_household',
      'page_income',
      'check_answers',
    ].map(before);
    let at = await startDraft();
    expect(pageOf(at)).toBe('home');
    const page = await fetch(portal.url + at);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Where you live');
    expect(html).toMatch(/usa-step-indicator__current-step">2</);

    at = await answer(saveTo(at), HOME);
    expect(pageOf(at)).toBe('household');
    at = await answer(saveTo(at), { householdSize: '1' });
    // One person: the page about the others is left out.
    expect(pageOf(at)).toBe('income');
    at = await answer(saveTo(at), { hasIncome: 'yes', monthlyIncome: '2400' });
    // Enough income: the "help right away" page is left out too.
    expect(pageOf(at)).toBe('check-your-answers');

    const check = await fetch(portal.url + at);
    const summary = await check.text();
    expect(summary).toContain('Check your answers');
    expect(summary).toContain('1 Main St');
    expect(summary).not.toContain('Help right away');
    const draft = /name="_draft" value="([^"]+)"/.exec(summary)?.[1] ?? '';
    const key = /name="_idempotency" value="([^"]+)"/.exec(summary)?.[1] ?? '';

    const sent = await post(`/api/forms/${FORM}/submissions?lang=en`, { _draft: draft, _idempotency: key });
    expect(sent.status).toBe(303);
    const status = sent.headers.get('location') ?? '';
    expect(status).toMatch(/^\/api\/status\/[2-9A-Z-]{14}\?submitted=1/);
    // Pressing "Send" again (Back, a double click) shows the same submission, never a second one.
    const again = await post(`/api/forms/${FORM}/submissions?lang=en`, { _draft: draft, _idempotency: key });
    expect(again.headers.get('location')).toBe(status);

    // The form's funnel counted each step reached once, with no person in it: started, the pages shown, the check.
    const funnel = (await portal.items()).filter((item) => item.type === 'funnel' && item.formId === FORM);
    const total = (name: string) => funnel.reduce((sum, item) => sum + Number(item[name] ?? 0), 0);
    expect([total('started'), total('page_household'), total('page_income'), total('check_answers')]).toEqual([
      startedBefore + 1,
      householdBefore + 1,
      incomeBefore + 1,
      checkBefore + 1,
    ]);
    expect(JSON.stringify(funnel)).not.toMatch(/Díaz|ana@example\.com|Main St/);

    const code = /status\/([2-9A-Z-]{14})/.exec(status)?.[1];
    const submissions = (await portal.items()).filter((item) => item.type === 'submission' && item.formId === FORM);
    const stored = submissions.filter((item) => item.code === code);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.answers).toEqual({
      applicantName: { given: 'Ana', family: 'Díaz' },
      email: 'ana@example.com',
      homeAddress: { street1: '1 Main St', city: 'Springfield', state: 'IL', zip: '55501' },
      householdSize: 1,
      hasIncome: 'yes',
      monthlyIncome: 240000,
    });
    // The draft keeps no answers once sent.
    const left = (await draftItems()).find((item) => item.id === draft);
    expect(left?.answers).toEqual({});
  });

  it('drops the answers to questions a later change hides, and asks the pages a change reveals', async () => {
    let at = await startDraft();
    at = await answer(saveTo(at), HOME);
    at = await answer(saveTo(at), { householdSize: '3' });
    expect(pageOf(at)).toBe('household-members');
    at = await answer(saveTo(at), { _item: '0', ...BO });
    expect(pageOf(at)).toBe('household-members');
    at = await answer(saveTo(at), { _continue: '1' });
    // Without JavaScript the amount is on screen whatever the answer: with "no", it is dropped.
    at = await answer(saveTo(at), { hasIncome: 'no', monthlyIncome: '900' });
    expect(pageOf(at)).toBe('right-away');
    at = await answer(saveTo(at), { needsFoodNow: 'yes' });
    expect(pageOf(at)).toBe('check-your-answers');
    const draftId = /drafts\/([^/]+)\//.exec(at)?.[1];
    let kept = (await draftItems()).find((item) => item.id === draftId)?.answers as Record<string, unknown>;
    expect(kept).not.toHaveProperty('monthlyIncome');
    expect(kept['household-members']).toEqual([{ memberName: { given: 'Bo', family: 'Díaz' }, memberBirth: '2015-06-01' }]);

    // From "Check your answers": now one person, with income. The others' names and the urgent answer go.
    const household = at.replace('check-your-answers', 'household');
    let back = await answer(household, { householdSize: '1', _return: 'check' });
    expect(pageOf(back)).toBe('check-your-answers');
    back = await answer(at.replace('check-your-answers', 'income'), {
      hasIncome: 'yes',
      monthlyIncome: '3000',
      _return: 'check',
    });
    expect(pageOf(back)).toBe('check-your-answers');
    kept = (await draftItems()).find((item) => item.id === draftId)?.answers as Record<string, unknown>;
    expect(kept).not.toHaveProperty('household-members');
    expect(kept).not.toHaveProperty('needsFoodNow');

    // Back to "no income": the urgent page is asked before "Check your answers" lets them send.
    back = await answer(at.replace('check-your-answers', 'income'), { hasIncome: 'no', _return: 'check' });
    expect(pageOf(back)).toBe('right-away');
  });

  it('answers 404 in plain words for a draft that does not exist', async () => {
    const response = await fetch(`${portal.url}/api/forms/${FORM}/drafts/AAAAAAAAAAAAAAAAAAAAAA/pages/home?lang=en`, {
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('We could not find these answers');
  });

  it('adds, changes and removes household members one page each, and needs at least one to go on', async () => {
    let at = await startDraft();
    at = await answer(saveTo(at), HOME);
    const members = await answer(saveTo(at), { householdSize: '3' });
    expect(pageOf(members)).toBe('household-members');

    // None yet: "continue" says one is needed, on the list itself.
    const none = await post(members, { _continue: '1' });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Add at least 1 before you continue');

    // A mistake in an item: its own page again, the question named.
    const wrong = await post(members, { _item: '0', 'memberName-given': 'Bo' });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Their name: enter the last name');

    expect(await answer(members, { _item: '0', ...BO })).toBe(members);
    await answer(members, { _item: '1', ...BO, 'memberName-given': 'Cy', memberIncome: '250' });
    // An item that does not exist yet, beyond the next one, is no page.
    expect((await post(members, { _item: '5', ...BO })).status).toBe(404);
    const list = await (await fetch(portal.url + members)).text();
    expect(list).toContain('Person 1');
    expect(list).toContain('Bo Díaz');
    expect(list).toContain('Cy Díaz');

    await answer(members, { _item: '0', ...BO, 'memberName-given': 'Bob' });
    await answer(members, { _remove: '1' });
    const draftId = /drafts\/([^/]+)\//.exec(members)?.[1];
    const kept = (await draftItems()).find((item) => item.id === draftId)?.answers as Record<string, unknown>;
    expect(kept['household-members']).toEqual([{ memberName: { given: 'Bob', family: 'Díaz' }, memberBirth: '2015-06-01' }]);
    expect(pageOf(await answer(members, { _continue: '1' }))).toBe('income');
  });

  it('takes a page as JSON too: 201 with the next page, or 422 naming the fields, in plain words', async () => {
    const send = (body: unknown) =>
      fetch(`${portal.url}/api/forms/${FORM}/drafts?lang=es`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
    const created = await send({
      answers: { applicantName: { given: 'Ana', family: 'Díaz' }, email: 'ana@example.com', shoeSize: 9 },
    });
    expect(created.status).toBe(201);
    const { draftId, next } = (await created.json()) as { draftId: string; next: string };
    expect(next).toBe(`/api/forms/${FORM}/drafts/${draftId}/pages/home?lang=es`);
    // Only the page's own questions are kept.
    expect((await draftItems()).find((item) => item.id === draftId)?.answers).toEqual({
      applicantName: { given: 'Ana', family: 'Díaz' },
      email: 'ana@example.com',
    });

    const refused = await send({ answers: { applicantName: { given: 'Ana' }, email: 'x' } });
    expect(refused.status).toBe(422);
    const { error } = (await refused.json()) as { error: { fields: { field: string; message: string }[] } };
    expect(error.fields).toEqual([
      { field: 'applicantName', message: 'Su nombre: escriba el apellido' },
      { field: 'email', message: 'Escriba un correo electrónico como nombre@ejemplo.com' },
    ]);
    expect((await send({ nothing: true })).status).toBe(400);
  });
});

describe('the birth certificate request, branching on whose certificate it is', () => {
  const BIRTH = 'birth-certificate-request';
  const start = (body: Record<string, string>) => post(`/api/forms/${BIRTH}/drafts?lang=en`, body);

  it('names the question when nothing is chosen on a page of one radio question (an empty post), and keeps nothing', async () => {
    const before = (await draftItems()).length;
    const response = await start({});
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('There is a problem');
    expect(html).toContain('href="#field-relationship-self"');
    expect(html).toContain('Choose whose certificate it is');
    expect(await draftItems()).toHaveLength(before);
  });

  it('asks a parent about their child, someone else how they are related, and goes straight on for one’s own', async () => {
    expect(pageOf(await answer(`/api/forms/${BIRTH}/drafts?lang=en`, { relationship: 'child' }))).toBe('your-child');
    expect(pageOf(await answer(`/api/forms/${BIRTH}/drafts?lang=en`, { relationship: 'self' }))).toBe('the-certificate');
    const other = await answer(`/api/forms/${BIRTH}/drafts?lang=en`, { relationship: 'other' });
    expect(pageOf(other)).toBe('how-you-are-related');
    const related = await post(saveTo(other), { relationToPerson: 'grandchild' });
    expect(related.status).toBe(422);
    const html = await related.text();
    expect(html).toContain('Choose the paper that shows how you are related');
    expect(html).toContain('Tell us why you need the certificate');
    const next = await answer(saveTo(other), {
      relationToPerson: 'grandchild',
      proofDocument: 'birth-certificates',
      reason: 'To claim her survivor benefits.',
    });
    expect(pageOf(next)).toBe('the-certificate');
  });
});
