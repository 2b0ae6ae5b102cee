/**
 * Save and come back later through what `npm start` runs (decision 0082), as a browser without JavaScript sends it:
 * "Save and come back later" on a page, the date of birth as the check, the resume link e-mailed through the
 * notifier to the local SES inbox, and back to the page left with the code and the date of birth — never with the
 * code alone. A signed-in person's draft opens only for them and is listed in My account. All the while, the
 * Social Security number typed on the first page is never written to the log (with the log at DEBUG and event
 * logging asked for) and never sent back to the browser in full.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { apiPath } from '#ui/paths.ts';
import { type RunningPortal, startPortal } from '../../local/portal.ts';
import { signIn } from '../support/sign-in.ts';

process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
process.env.POWERTOOLS_LOGGER_LOG_EVENT = 'true';

const FORM = 'unemployment-benefits-application';
const SSN = '401-23-4567';
const written: string[] = [];
let portal: RunningPortal;

beforeAll(async () => {
  // Everything the process writes while the portal runs: the logger's output included.
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
      written.push(String(chunk));
      return original(chunk, ...rest);
    }) as typeof stream.write);
  }
  portal = await startPortal({
    port: 0,
    tableName: `test-${randomUUID()}`,
    dynamoDbEndpoint: inject('dynamoDbEndpoint'),
    log: (line) => written.push(line),
  });
});
afterAll(async () => {
  await portal?.stop();
  vi.restoreAllMocks();
});

const ABOUT_YOU = {
  'applicantName-given': 'Ana',
  'applicantName-family': 'Díaz',
  ssn: '401 23 4567',
  'dateOfBirth-month': '4',
  'dateOfBirth-day': '28',
  'dateOfBirth-year': '1986',
  citizen: 'yes',
};

async function post(path: string, body: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(portal.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
    body: new URLSearchParams(body),
  });
}
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(portal.url + path, { redirect: 'manual', headers: { accept: 'text/html', ...headers } });

async function seeOther(response: Response): Promise<string> {
  expect(response.status, await response.clone().text()).toBe(303);
  return response.headers.get('location') ?? '';
}

async function inboxOf(address: string) {
  await portal.notifications.poller.settle();
  return (await portal.notifications.ses.emails()).filter((email) => email.destination.to.includes(address));
}

const draftOf = (location: string) => /\/drafts\/([A-Za-z0-9_-]{22})\//.exec(location)?.[1] ?? '';
const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .find((c) => c.startsWith('__Host-fd-draft-'))
    ?.split(';')[0] ?? '';

describe('save and come back later, without an account', () => {
  const address = `ana-${randomUUID()}@example.com`;
  let contactPage = '';
  let code = '';

  it('saves the page as it is and asks for the date of birth and an e-mail address', async () => {
    contactPage = await seeOther(await post(apiPath('startFormDraft', { formId: FORM }, { lang: 'en' }), ABOUT_YOU));
    expect(contactPage).toContain('/pages/contact');
    // Half a page: the address is not finished, the e-mail is given. Nothing is refused.
    const save = await seeOther(
      await post(contactPage, { 'homeAddress-street1': '1 Main St', email: address, phone: '', _save: 'later' }),
    );
    expect(save).toBe(apiPath('showSaveForLater', { formId: FORM, draftId: draftOf(contactPage) }, { lang: 'en' }));
    const page = await (await get(save)).text();
    expect(page).toContain('Save your answers and come back later');
    expect(page).toContain(`value="${address}"`);
  });

  it('refuses a save without a date of birth, naming it', async () => {
    const save = apiPath('saveForLater', { formId: FORM, draftId: draftOf(contactPage) }, { lang: 'en' });
    const refused = await post(save, { email: address });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Enter your date of birth');
  });

  it('gives a resume code, says until when the answers are kept, and e-mails the link', async () => {
    const save = apiPath('saveForLater', { formId: FORM, draftId: draftOf(contactPage) }, { lang: 'en' });
    const saved = await seeOther(
      await post(save, { 'dateOfBirth-month': '4', 'dateOfBirth-day': '28', 'dateOfBirth-year': '1986', email: address }),
    );
    const page = await (await get(saved)).text();
    code = /data-resume-code[^>]*>([A-Z0-9-]{14})</.exec(page)?.[1] ?? '';
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(page).toMatch(/We keep your answers until \w+ \d+, \d{4}/);
    expect(page).toContain('We sent a link to come back to the email address you gave');

    const [mail] = await inboxOf(address);
    expect(mail?.subject).toBe('Come back to your Unemployment benefits application');
    expect(mail?.body.text).toContain(code);
    expect(mail?.body.text).toContain(`${apiPath('showResumeForm', {}, { code })}`);
    expect(mail?.body.text).not.toContain(draftOf(contactPage));
  });

  it('opens the resume page from the link with the code filled in, in English and Spanish', async () => {
    const page = await (await get(apiPath('showResumeForm', {}, { code }))).text();
    expect(page).toContain(`value="${code}"`);
    expect(page).toContain('Your date of birth');
    const spanish = await (await get(apiPath('showResumeForm', {}, { code, lang: 'es' }))).text();
    expect(spanish).toContain('Volver a un formulario guardado');
    expect(spanish).toContain('Su fecha de nacimiento');
  });

  it('does not open the draft with the code and a wrong date of birth', async () => {
    const refused = await post(apiPath('resumeForm', {}, { lang: 'en' }), {
      code,
      'dateOfBirth-month': '4',
      'dateOfBirth-day': '29',
      'dateOfBirth-year': '1986',
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('The code and date of birth do not match a saved form');
  });

  it('brings the person back to the page they left, with what they had typed right', async () => {
    const back = await seeOther(
      await post(apiPath('resumeForm', {}, { lang: 'en' }), {
        code: code.toLowerCase().replaceAll('-', ' '),
        'dateOfBirth-month': '04',
        'dateOfBirth-day': '28',
        'dateOfBirth-year': '1986',
      }),
    );
    expect(back.split('?')[0]).toBe(contactPage.split('?')[0]);
    const page = await (await get(back)).text();
    expect(page).toContain(`value="${address}"`);
    // The address was half typed: it is asked again, never kept half-right.
    expect(page).not.toContain('value="1 Main St"');
  });

  it('shows the saved SSN only by its last four digits, and an empty box keeps it', async () => {
    const aboutYou = apiPath(
      'showFormPage',
      { formId: FORM, draftId: draftOf(contactPage), pageId: 'about-you' },
      { lang: 'en' },
    );
    const page = await (await get(aboutYou)).text();
    expect(page).toContain('***-**-4567');
    expect(page).not.toContain(SSN);
    expect(page).not.toContain('401234567');
    const { ssn: _typed, ...withoutSsn } = ABOUT_YOU;
    expect(await seeOther(await post(aboutYou, withoutSsn))).toContain('/pages/contact');
  });

  it('never wrote the SSN to the log', () => {
    const log = written.join('');
    // The log was on and busy (a notification sent, requests refused): it just never holds the number.
    expect(log).toContain('Notification');
    expect(log).not.toContain(SSN);
    expect(log).not.toContain('401 23 4567');
    expect(log).not.toContain('401+23+4567');
    expect(log).not.toContain('401234567');
  });
});

describe('save and come back later on a repeating page', () => {
  it('from an item or the list: a half-typed item is dropped, to be asked again, and the save page follows', async () => {
    const contact = await seeOther(await post(apiPath('startFormDraft', { formId: FORM }, { lang: 'en' }), ABOUT_YOU));
    const jobs = await seeOther(
      await post(contact, {
        'homeAddress-street1': '1 Main St',
        'homeAddress-city': 'Springfield',
        'homeAddress-state': 'IL',
        'homeAddress-zip': '55501',
        email: 'ana@example.com',
        phone: '555-010-2000',
      }),
    );
    expect(jobs).toContain('/pages/employers');
    const save = await seeOther(await post(jobs, { _item: '0', employerName: 'Acme Bakery', _save: 'later' }));
    expect(save).toContain('/save');
    const back = await (await get(jobs)).text();
    expect(back).not.toContain('Acme Bakery');
    const listSave = await seeOther(await post(jobs, { _continue: '1', _save: 'later' }));
    expect(listSave).toBe(save);
  });
});

describe('a signed-in person’s draft', () => {
  let ana = '';
  let bo = '';
  let next = '';
  let cookie = '';
  beforeAll(async () => {
    ana = (await signIn(portal.url, { persona: 'ana.rivera', idp: 'IdMe' })).tokens.access_token;
    bo = (await signIn(portal.url, { persona: 'ben.okafor', idp: 'IdMe' })).tokens.access_token;
    const started = await fetch(portal.url + apiPath('startMyFormDraft', { formId: FORM }, { lang: 'en' }), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        authorization: `Bearer ${ana}`,
      },
      body: new URLSearchParams(ABOUT_YOU),
    });
    expect(started.status).toBe(201);
    next = ((await started.json()) as { next: string }).next;
    cookie = cookieOf(started);
  });

  it('opens only in the browser that holds its key', async () => {
    expect(cookie).toMatch(/^__Host-fd-draft-[A-Za-z0-9_-]{22}=/);
    expect((await get(next)).status).toBe(403);
    expect((await get(next, { cookie: `${cookie.split('=')[0]}=not-the-key` })).status).toBe(403);
    expect((await get(next, { cookie })).status).toBe(200);
  });

  it('is prefilled from the sign-in, marked so, and the person can change it', async () => {
    const page = await (await get(next, { cookie })).text();
    expect(page).toContain('value="ana.rivera@example.com"');
    expect(page).toContain('We filled this in from your sign-in');
  });

  it('is listed in My account with the date it is kept until, for its owner only', async () => {
    const list = async (token: string) =>
      (
        (await (
          await fetch(portal.url + apiPath('listMyDrafts', {}, { lang: 'en' }), { headers: { authorization: `Bearer ${token}` } })
        ).json()) as {
          drafts: { draftId: string; expiresAt: string; formTitle: string }[];
        }
      ).drafts;
    const mine = await list(ana);
    expect(mine.map((d) => d.draftId)).toContain(draftOf(next));
    const listed = mine.find((d) => d.draftId === draftOf(next));
    expect(listed?.formTitle).toBe('Unemployment benefits application');
    expect(new Date(listed?.expiresAt ?? 0).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect((await list(bo)).map((d) => d.draftId)).not.toContain(draftOf(next));
  });

  it('continues from My account in a new browser, which then holds the only working key', async () => {
    const continueUrl = apiPath('continueMyDraft', { draftId: draftOf(next) }, { lang: 'en' });
    const other = await fetch(portal.url + continueUrl, { method: 'POST', headers: { authorization: `Bearer ${bo}` } });
    expect(other.status).toBe(404);
    const again = await fetch(portal.url + continueUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${ana}`, accept: 'application/json' },
    });
    expect(again.status).toBe(200);
    const { next: left } = (await again.json()) as { next: string };
    expect(left.split('?')[0]).toBe(next.split('?')[0]);
    const fresh = cookieOf(again);
    expect((await get(left, { cookie: fresh })).status).toBe(200);
    expect((await get(left, { cookie })).status).toBe(403);
    cookie = fresh;
  });

  it('needs no code to save for later: the saved page sends the person to My account', async () => {
    const saved = await seeOther(await post(next, { email: 'ana.rivera@example.com', _save: 'later' }, { cookie }));
    expect(saved).toContain('/saved');
    const page = await (await get(saved, { cookie })).text();
    expect(page).toContain('the form is kept in your account');
    expect(page).not.toContain('data-resume-code');
  });
});

describe('prefill of the phone number from sign-in (decision 0124)', () => {
  /** A signed-in birth certificate request walked to "How to reach you"; that page's HTML. */
  async function contactPageFor(persona: string): Promise<string> {
    const token = (await signIn(portal.url, { persona, idp: 'LoginGov' })).tokens.access_token;
    const started = await fetch(
      portal.url + apiPath('startMyFormDraft', { formId: 'birth-certificate-request' }, { lang: 'en' }),
      {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', authorization: `Bearer ${token}` },
        body: new URLSearchParams({ relationship: 'self' }),
      },
    );
    const cookie = cookieOf(started);
    let location = await seeOther(started);
    const pages: Record<string, string>[] = [
      {
        'fullName-given': 'Ana',
        'fullName-family': 'Rivera',
        'dateOfBirth-month': '4',
        'dateOfBirth-day': '28',
        'dateOfBirth-year': '1986',
        placeOfBirth: 'Springfield',
        parentOneName: 'María López',
      },
      {
        copies: '1',
        'mailingAddress-street1': '12 Elm Street',
        'mailingAddress-city': 'Springfield',
        'mailingAddress-state': 'IL',
        'mailingAddress-zip': '62701',
      },
    ];
    for (const body of pages) location = await seeOther(await post(location, body, { cookie }));
    expect(location).toContain('/pages/contact');
    return (await get(location, { cookie })).text();
  }

  it('fills the phone question from a verified phone number, marked as from the sign-in, and editable', async () => {
    const page = await contactPageFor('ana.rivera');
    const phone = /<input[^>]*name="phone"[^>]*>/.exec(page)?.[0] ?? '';
    expect(phone).toContain('value="+15555550142"');
    expect(phone).not.toMatch(/readonly|disabled/);
    const group = page.slice(page.indexOf('data-field="phone"'), page.indexOf('name="phone"'));
    expect(group).toContain('We filled this in from your sign-in');
    expect(page).toContain('value="ana.rivera@example.com"');
  });

  it('leaves it empty for a person whose sign-in has no phone number', async () => {
    const page = await contactPageFor('ben.okafor');
    const phone = /<input[^>]*name="phone"[^>]*>/.exec(page)?.[0] ?? '';
    expect(phone).not.toContain('value=');
    expect(page).toContain('value="ben.okafor@example.com"');
  });
});
