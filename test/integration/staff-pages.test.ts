/**
 * The staff pages over real HTTP against the local portal (DynamoDB Local, the local issuer): the sign-in that
 * ends in the `__Host-fd-staff` cookie, the cookie checked like a Bearer token, the CSRF locks on every form post,
 * and the pages themselves — the queue, a case worked with plain form posts, a refused change, a conflict.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#http/routes';
import { apiPath } from '#ui/paths.ts';
import { businessRegistrationAnswers } from '../support/form-answers.ts';
import { CARDS, paymentHelpers } from '../support/payments.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { machineToken, signIn } from '../support/sign-in.ts';
import { csrfOf, type StaffSession, signInToStaffPages, staffGet, staffPost, versionOf } from '../support/staff-session.ts';

let portal: TestPortal;
let staff: StaffSession;
/** Who a token is about (its `sub`), read off the token the test holds. */
const subjectOf = (token: string): string => String(decodeJwt(token).sub);
let code: string;

beforeAll(async () => {
  portal = await startTestPortal();
  staff = await signInToStaffPages(portal.url, { persona: 'staff.vital-records', idp: 'ExampleStaff' });
  code = await paymentHelpers(() => portal).apply();
});
afterAll(async () => {
  await portal?.paymentSandbox.settled();
  await portal?.close();
});

const casePath = () => apiPath('casePage', { code });

/**
 * A refusal shows nothing of the case: no answers, no applicant, no status. (An HTML error page's language link
 * repeats the address asked for, so the code the caller typed may appear in it; nothing else does.)
 */
function expectNothingOfTheCase(body: string) {
  for (const secret of ['Ana Díaz', 'ana@example.com', 'data-case-page', 'data-answer', 'Received', 'Checked the ID'])
    expect(body).not.toContain(secret);
}

async function casePage(session: StaffSession = staff) {
  const response = await staffGet(portal.url, session, casePath());
  expect(response.status).toBe(200);
  return response.text();
}

describe('signing in to the staff pages', () => {
  it('ends on the queue of their agency with an HttpOnly, Secure, SameSite=Strict __Host- cookie', () => {
    expect(staff.landing).toBe(apiPath('agencyQueuePage', { agency: 'vital-records' }, { lang: 'en' }));
    const attributes = staff.setCookie.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['path=/', 'secure', 'httponly', 'samesite=strict']));
    expect(attributes.some((a) => a.startsWith('domain='))).toBe(false);
    const maxAge = Number(attributes.find((a) => a.startsWith('max-age='))?.slice('max-age='.length));
    expect(maxAge).toBeGreaterThan(3000);
    expect(maxAge).toBeLessThanOrEqual(3600);
  });

  it('comes back to the page that asked for sign-in', async () => {
    const session = await signInToStaffPages(portal.url, {
      persona: 'staff.vital-records',
      idp: 'ExampleStaff',
      returnTo: casePath(),
    });
    expect(session.landing).toBe(casePath());
  });

  it('never sends anyone back to another site', async () => {
    const session = await signInToStaffPages(portal.url, {
      persona: 'staff.vital-records',
      idp: 'ExampleStaff',
      returnTo: '//evil.example/api/agency/desk/',
    });
    expect(session.landing).toBe(apiPath('agencyQueuePage', { agency: 'vital-records' }, { lang: 'en' }));
  });

  it('sends a page asked for without a session to sign in, and back', async () => {
    const response = await fetch(`${portal.url}${casePath()}`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location') ?? '', portal.url);
    expect(location.pathname).toBe(apiPath('staffSignIn'));
    expect(location.searchParams.get('return')).toBe(casePath());
    expect(await response.text()).not.toContain(code);
  });

  it('refuses a callback whose state was already used, and sets no cookie', async () => {
    const start = await fetch(`${portal.url}${apiPath('staffSignIn')}`, { redirect: 'manual' });
    const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
    // A made-up code with a real state: the state is consumed even though the exchange fails.
    const first = await fetch(`${portal.url}${apiPath('staffSignInCallback', {}, { state, code: 'made-up' })}`, {
      headers: { accept: 'text/html' },
      redirect: 'manual',
    });
    expect(first.status).toBe(400);
    const again = await fetch(`${portal.url}${apiPath('staffSignInCallback', {}, { state, code: 'made-up' })}`, {
      headers: { accept: 'text/html' },
      redirect: 'manual',
    });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('expired or was already used');
    expect(again.headers.getSetCookie()).toEqual([]);
  });

  it('refuses an unknown state', async () => {
    const response = await fetch(
      `${portal.url}${apiPath('staffSignInCallback', {}, { state: 'x'.repeat(43), code: 'whatever' })}`,
      { headers: { accept: 'text/html' }, redirect: 'manual' },
    );
    expect(response.status).toBe(400);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a citizen: the workspace sign-in sets no cookie for someone who is not staff', async () => {
    const session = await signInToStaffPages(portal.url, { persona: 'ana.rivera', idp: 'LoginGov' });
    expect(session.setCookie).toBe('');
    expect(session.landing).toBe('(403)');
  });

  it('signs out: the cookie cleared, then the user pool signs them out and sends them home', async () => {
    const session = await signInToStaffPages(portal.url, { persona: 'staff.vital-records', idp: 'ExampleStaff' });
    const response = await staffPost(portal.url, session, apiPath('staffSignOut'), {});
    expect(response.status).toBe(303);
    expect(response.headers.getSetCookie()[0]).toMatch(/^__Host-fd-staff=; .*Max-Age=0/);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.pathname).toBe('/auth/logout');
    expect(location.searchParams.get('logout_uri')).toBe(`${portal.url}/`);
  });
});

describe('the cookie is a credential only where the route table says so', () => {
  it('a Bearer token does not open a page route (its cookie is all that counts)', async () => {
    const response = await fetch(`${portal.url}${casePath()}`, {
      headers: { accept: 'text/html', authorization: `Bearer ${staff.token}` },
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(await response.text()).not.toContain(code);
  });

  it('the cookie does not open a Bearer route (the gateway reads the header only)', async () => {
    const response = await fetch(`${portal.url}${apiPath('showCase', { code })}`, {
      headers: { accept: 'application/json', cookie: `__Host-fd-staff=${staff.token}` },
    });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain(code);
  });
});

describe('CSRF: every cookie POST needs the portal as its origin and the form token', () => {
  async function attempt(fields: Record<string, string>, headers?: Record<string, string>) {
    const before = await portal.items();
    const response = await staffPost(portal.url, staff, apiPath('addCaseMessageForm', { code }), fields, headers);
    const body = await response.text();
    const after = await portal.items();
    return { status: response.status, body, wrote: after.length !== before.length };
  }

  it('refuses a post without the form token, writing nothing', async () => {
    const answer = await attempt({ kind: 'note', text: 'no token' });
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('Reload the page and try again');
    expect(answer.wrote).toBe(false);
  });

  it('refuses a wrong form token', async () => {
    const answer = await attempt({ kind: 'note', text: 'wrong token', _csrf: 'A'.repeat(43) });
    expect(answer.status).toBe(403);
    expect(answer.wrote).toBe(false);
  });

  it("refuses a token from another staff member's session", async () => {
    const other = await signInToStaffPages(portal.url, { persona: 'staff.vital-records', idp: 'ExampleStaff' });
    const answer = await attempt({ kind: 'note', text: 'their token', _csrf: csrfOf(await casePage(other)) });
    expect(answer.status).toBe(403);
    expect(answer.wrote).toBe(false);
  });

  it('refuses the right token sent from another origin', async () => {
    const answer = await attempt(
      { kind: 'note', text: 'elsewhere', _csrf: csrfOf(await casePage()) },
      { origin: 'https://evil.example' },
    );
    expect(answer.status).toBe(403);
    expect(answer.wrote).toBe(false);
  });

  it('refuses a post with no Origin that the browser says came from another site', async () => {
    const answer = await attempt(
      { kind: 'note', text: 'cross-site', _csrf: csrfOf(await casePage()) },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(answer.status).toBe(403);
    expect(answer.wrote).toBe(false);
  });

  it('takes a same-origin post with the right token, and answers 303 back to the case', async () => {
    const answer = await staffPost(portal.url, staff, apiPath('addCaseMessageForm', { code }), {
      kind: 'note',
      text: 'Checked the ID.',
      _csrf: csrfOf(await casePage()),
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(apiPath('casePage', { code }, { lang: 'en' }));
    expect(await casePage()).toContain('Checked the ID.');
  });
});

describe('working a case on its page', () => {
  it('shows the answers with the form labels in the staff member language', async () => {
    const english = await casePage();
    expect(english).toContain('Ana Díaz');
    expect(english).toMatch(/data-answer="fullName"/);
    const spanish = await (await staffGet(portal.url, staff, apiPath('casePage', { code }, { lang: 'es' }))).text();
    expect(spanish).toContain('<html lang="es"');
    expect(spanish).toContain('Respuestas');
  });

  it('keeps a Spanish-speaking staff member in Spanish after a form post', async () => {
    const page = await (await staffGet(portal.url, staff, apiPath('casePage', { code }, { lang: 'es' }))).text();
    const action = /action="([^"]*\/messages[^"]*)"/.exec(page)?.[1]?.replaceAll('&amp;', '&') ?? '';
    expect(action).toBe(apiPath('addCaseMessageForm', { code }, { lang: 'es' }));
    const response = await staffPost(portal.url, staff, action, { kind: 'note', text: 'Nota', _csrf: csrfOf(page) });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(apiPath('casePage', { code }, { lang: 'es' }));
  });

  it('re-renders the page with the error summary when a change is refused, writing nothing', async () => {
    const page = await casePage();
    const before = await portal.items();
    const response = await staffPost(portal.url, staff, apiPath('changeCaseStatusForm', { code }), {
      status: 'needs-information',
      version: versionOf(page),
      message: '',
      _csrf: csrfOf(page),
    });
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).toContain('data-error-summary');
    expect(body).toContain('Enter a message that tells the applicant what to do next.');
    expect(body).toContain('href="#status-message"');
    const after = await portal.items();
    // Only the audited read of the page shown again was written.
    expect(after.filter((i) => String(i.pk).startsWith('SUB#')).length).toBe(
      before.filter((i) => String(i.pk).startsWith('SUB#')).length,
    );
  });

  it('answers "Someone else changed this case" with the case as it stands when the version is old', async () => {
    const page = await casePage();
    const version = versionOf(page);
    const first = await staffPost(portal.url, staff, apiPath('assignCaseForm', { code }), {
      to: 'me',
      version,
      _csrf: csrfOf(page),
    });
    expect(first.status).toBe(303);
    const second = await staffPost(portal.url, staff, apiPath('changeCaseStatusForm', { code }), {
      status: 'in-review',
      version,
      _csrf: csrfOf(page),
    });
    expect(second.status).toBe(409);
    const body = await second.text();
    expect(body).toContain('Someone else changed this case a moment ago');
    expect(body).toContain('Assigned to</dt><dd>Vital Records Staff');
    expect(body).toContain('data-case-status="received"');
  });

  it('moves the case on and sends the applicant the message, then the queue shows it under its new status', async () => {
    const page = await casePage();
    const response = await staffPost(portal.url, staff, apiPath('changeCaseStatusForm', { code }), {
      status: 'needs-information',
      version: versionOf(page),
      message: 'Send a copy of your ID.',
      _csrf: csrfOf(page),
    });
    expect(response.status).toBe(303);
    const status = (await (
      await fetch(`${portal.url}${apiPath('showStatus', { code })}`, { headers: { accept: 'application/json' } })
    ).json()) as {
      status: string;
      message?: string;
    };
    expect(status).toMatchObject({ status: 'needs-information', message: 'Send a copy of your ID.' });
    const queue = await staffGet(
      portal.url,
      staff,
      apiPath('agencyQueuePage', { agency: 'vital-records' }, { status: 'needs-information' }),
    );
    expect(await queue.text()).toContain(`data-case-link="${code}"`);
  });
});

describe('the queue page', () => {
  it('finds a case by its code and goes straight to it', async () => {
    const response = await staffGet(portal.url, staff, apiPath('findAgencyCasesPage', { agency: 'vital-records' }, { q: code }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(apiPath('casePage', { code }, { lang: 'en' }));
  });

  it('helps with a typing mistake in a code', async () => {
    const typo = code.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const response = await staffGet(portal.url, staff, apiPath('findAgencyCasesPage', { agency: 'vital-records' }, { q: typo }));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('typing mistake');
  });

  it('finds cases by the applicant e-mail, whatever the case of its letters', async () => {
    const response = await staffGet(
      portal.url,
      staff,
      apiPath('findAgencyCasesPage', { agency: 'vital-records' }, { q: 'ANA@example.com' }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`data-case-link="${code}"`);
  });

  it("does not exist for another agency's staff", async () => {
    const other = await signInToStaffPages(portal.url, { persona: 'staff.revenue', idp: 'ExampleStaff' });
    const response = await staffGet(portal.url, other, apiPath('agencyQueuePage', { agency: 'vital-records' }));
    expect(response.status).toBe(404);
    expectNothingOfTheCase(await response.text());
  });
});

describe('the citizen persona cannot borrow a staff cookie', () => {
  it('a valid citizen token in the cookie is refused (403) with nothing of the case', async () => {
    const citizen = (await signIn(portal.url, { persona: 'ana.rivera', idp: 'LoginGov' })).tokens.access_token;
    const response = await fetch(`${portal.url}${casePath()}`, {
      headers: { accept: 'text/html', cookie: `__Host-fd-staff=${citizen}` },
      redirect: 'manual',
    });
    expect(response.status).toBe(403);
    expectNothingOfTheCase(await response.text());
  });
});

describe('who reaches the staff pages (every session route, by cookie and by Bearer token)', () => {
  const people: Record<string, string> = {};
  let matrixCode: string;
  const fakePayment = 'ZZZZ-ZZZZ-ZZZZ';

  beforeAll(async () => {
    matrixCode = await paymentHelpers(() => portal).apply();
    for (const [who, persona, idp] of [
      ['citizen', 'ana.rivera', 'LoginGov'],
      ['admin', 'admin', 'ExampleStaff'],
      ['otherStaff', 'staff.revenue', 'ExampleStaff'],
    ] as const)
      people[who] = (await signIn(portal.url, { persona, idp })).tokens.access_token;
    people.machine = await machineToken(portal.url, ['frontdoor/bills']);
  });

  /** Every session route, with a request that would work for the case's own staff. */
  function pageRequests(): [string, 'GET' | 'POST', string, Record<string, string>][] {
    return [
      ['agencyQueuePage', 'GET', apiPath('agencyQueuePage', { agency: 'vital-records' }), {}],
      ['findAgencyCasesPage', 'GET', apiPath('findAgencyCasesPage', { agency: 'vital-records' }, { q: matrixCode }), {}],
      ['casePage', 'GET', apiPath('casePage', { code: matrixCode }), {}],
      ['casePdfPage', 'GET', apiPath('casePdfPage', { code: matrixCode }), {}],
      ['exportAgencyQueuePage', 'GET', apiPath('exportAgencyQueuePage', { agency: 'vital-records' }), {}],
      ['exportPartsPage', 'GET', apiPath('exportPartsPage', { agency: 'vital-records' }), {}],
      ['cxDashboardPage', 'GET', apiPath('cxDashboardPage', { agency: 'vital-records' }), {}],
      [
        'staffActivityPage',
        'GET',
        apiPath('staffActivityPage', { agency: 'vital-records', subject: subjectOf(staff.token) }),
        {},
      ],
      [
        'changeCaseStatusForm',
        'POST',
        apiPath('changeCaseStatusForm', { code: matrixCode }),
        { status: 'in-review', version: '0' },
      ],
      ['openCaseFile', 'GET', apiPath('openCaseFile', { code: matrixCode, fileId: 'AAAAAAAAAAAAAAAAAAAAAA' }), {}],
      ['addCaseMessageForm', 'POST', apiPath('addCaseMessageForm', { code: matrixCode }), { kind: 'note', text: 'hello' }],
      ['assignCaseForm', 'POST', apiPath('assignCaseForm', { code: matrixCode }), { to: 'me', version: '0' }],
      [
        'refundPaymentForm',
        'POST',
        apiPath('refundPaymentForm', { code: matrixCode, paymentId: fakePayment }),
        { amount: '100' },
      ],
      ['personPage', 'GET', apiPath('personPage', { agency: 'vital-records', person: 'sub-someone' }), {}],
      ['unlinkedContactsPage', 'GET', apiPath('unlinkedContactsPage', { agency: 'vital-records' }), {}],
      // A contact nobody has: its own staff are sent back to the list ("already linked").
      [
        'linkContactForm',
        'POST',
        apiPath('linkContactForm', { agency: 'vital-records', contact: 'MjAyNg' }),
        { code: matrixCode },
      ],
    ];
  }

  it('covers every session route of the route table', () => {
    const session = routes.filter((r) => 'credentials' in r && r.credentials === 'session').map((r) => r.name);
    expect(
      pageRequests()
        .map(([name]) => name)
        .sort(),
    ).toEqual([...session].sort());
  });

  async function send(method: string, path: string, fields: Record<string, string>, headers: Record<string, string>) {
    return fetch(`${portal.url}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        accept: 'text/html',
        ...(method === 'POST' && { 'content-type': 'application/x-www-form-urlencoded', origin: portal.url }),
        ...headers,
      },
      ...(method === 'POST' && { body: new URLSearchParams(fields).toString() }),
    });
  }

  const cookieOf = (token: string) => ({ cookie: `__Host-fd-staff=${token}` });
  /** What each caller gets: [GET, POST]. A session that does not verify is sent to sign in (GET) or refused (401). */
  const refused: Record<string, { headers: () => Record<string, string>; get: number; post: number }> = {
    'nobody (no cookie)': { headers: () => ({}), get: 303, post: 401 },
    'a citizen (cookie)': { headers: () => cookieOf(people.citizen ?? ''), get: 403, post: 403 },
    'an administrator without an agency (cookie)': { headers: () => cookieOf(people.admin ?? ''), get: 403, post: 403 },
    'a machine client (its token in the cookie: not for this client)': {
      headers: () => cookieOf(people.machine ?? ''),
      get: 303,
      post: 401,
    },
    'a forged cookie': { headers: () => cookieOf(`${staff.token.slice(0, -4)}AAAA`), get: 303, post: 401 },
    'their own staff by Bearer token (the pages read only the cookie)': {
      headers: () => ({ authorization: `Bearer ${staff.token}` }),
      get: 303,
      post: 401,
    },
  };
  for (const [who, expected] of Object.entries(refused))
    it(`refuses ${who} on every page, with nothing of the case, and writes nothing`, async () => {
      const before = (await portal.items()).length;
      for (const [name, method, path, fields] of pageRequests()) {
        const response = await send(method, path, fields, expected.headers());
        expect(response.status, name).toBe(method === 'GET' ? expected.get : expected.post);
        expectNothingOfTheCase(await response.text());
      }
      expect((await portal.items()).length).toBe(before);
    });

  it("refuses another agency's staff (404) on every page, with nothing of the case, and writes nothing", async () => {
    const other = await signInToStaffPages(portal.url, { persona: 'staff.revenue', idp: 'ExampleStaff' });
    const csrf = csrfOf(await (await staffGet(portal.url, other, apiPath('agencyQueuePage', { agency: 'revenue' }))).text());
    const before = (await portal.items()).length;
    for (const [name, method, path, fields] of pageRequests()) {
      const response =
        method === 'GET'
          ? await staffGet(portal.url, other, path)
          : await staffPost(portal.url, other, path, { ...fields, _csrf: csrf });
      expect(response.status, name).toBe(404);
      expectNothingOfTheCase(await response.text());
    }
    expect((await portal.items()).length).toBe(before);
  });

  it("lets the case's own staff in on every page", async () => {
    for (const [name, method, path, fields] of pageRequests()) {
      const page = await (await staffGet(portal.url, staff, apiPath('casePage', { code: matrixCode }))).text();
      const response =
        method === 'GET'
          ? await staffGet(portal.url, staff, path)
          : await staffPost(portal.url, staff, path, { ...fields, version: versionOf(page), _csrf: csrfOf(page) });
      // The made-up payment is not this case's: the refund form answers 404 (its own refusal page); so does a
      // made-up file (test/integration/uploads.test.ts opens real ones).

      // A staff member's activity is for the agency's administrators (decision 66): plain staff are refused.
      expect(response.status, name).toBe(
        name === 'refundPaymentForm' || name === 'openCaseFile'
          ? 404
          : name === 'staffActivityPage'
            ? 403
            : method === 'GET' && name !== 'findAgencyCasesPage'
              ? 200
              : 303,
      );
    }
  });

  it("shows the agency's administrator a staff member's activity, the CX dashboard and the export, linked from the pages", async () => {
    const administrator = await signInToStaffPages(portal.url, { persona: 'admin.vital-records', idp: 'ExampleStaff' });
    const queue = await (
      await staffGet(portal.url, administrator, apiPath('agencyQueuePage', { agency: 'vital-records' }))
    ).text();
    const exportHref = /href="([^"]+)" data-export-link/.exec(queue)?.[1]?.replaceAll('&amp;', '&');
    expect(exportHref?.startsWith(apiPath('exportAgencyQueuePage', { agency: 'vital-records' }))).toBe(true);
    const csv = await staffGet(portal.url, administrator, exportHref ?? '');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
    expect(await csv.text()).toMatch(/^\uFEFF?Confirmation code,Service,Status/);
    expect(queue).toContain(`href="${apiPath('cxDashboardPage', { agency: 'vital-records' }, { lang: 'en' })}"`);
    expect((await staffGet(portal.url, administrator, apiPath('cxDashboardPage', { agency: 'vital-records' }))).status).toBe(200);

    // The case page's audit trail names who read the case, each linked to their activity.
    const casePage = await (await staffGet(portal.url, administrator, apiPath('casePage', { code: matrixCode }))).text();
    const activity = apiPath(
      'staffActivityPage',
      { agency: 'vital-records', subject: subjectOf(administrator.token) },
      { lang: 'en' },
    );
    expect(casePage).toContain(`href="${activity}"`);
    const page = await staffGet(portal.url, administrator, activity);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(matrixCode);
  });
});

describe('refunding from the case page', () => {
  it('refunds part of a refundable fee with a plain form post, and the page shows it', async () => {
    const { apply, pay, payInSandbox, payment } = paymentHelpers(() => portal);
    const business = await apply('business-registration-application', businessRegistrationAnswers());
    const { body } = await pay({ code: business });
    await payInSandbox(String(body.checkoutUrl), CARDS.pays);
    await portal.paymentSandbox.settled();
    expect((await payment(String(body.paymentId))).state).toBe('paid');

    const clerk = await signInToStaffPages(portal.url, { persona: 'staff.secretary-of-state', idp: 'ExampleStaff' });
    const page = await (await staffGet(portal.url, clerk, apiPath('casePage', { code: business }))).text();
    expect(page).toContain('data-refund-form');
    const tooMuch = await staffPost(
      portal.url,
      clerk,
      apiPath('refundPaymentForm', { code: business, paymentId: String(body.paymentId) }),
      { amount: '999999', _csrf: csrfOf(page) },
    );
    expect(tooMuch.status).toBe(409);
    expect(await tooMuch.text()).toContain('href="#refund-amount"');

    const refunded = await staffPost(
      portal.url,
      clerk,
      apiPath('refundPaymentForm', { code: business, paymentId: String(body.paymentId) }),
      { amount: '2500', reason: 'Paid twice', _csrf: csrfOf(page) },
    );
    expect(refunded.status).toBe(303);
    expect(refunded.headers.get('location')).toBe(apiPath('casePage', { code: business }, { lang: 'en' }));
    await portal.paymentSandbox.settled();
    expect((await payment(String(body.paymentId))).refunded).toBe(2500);
    const after = await (await staffGet(portal.url, clerk, apiPath('casePage', { code: business }))).text();
    expect(after).toContain('$25.00 refunded');
    // Audited with the refund itself, on the case: who, what, how much, from where.
    const audits = (await portal.items()).filter((i) => i.pk === `AUDIT#${business}` && i.action === 'payment.refund');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actor: { name: 'Secretary of State Staff', agency: 'secretary-of-state' },
      detail: { payment: String(body.paymentId), amount: '2500' },
      from: { address: '127.0.0.1' },
    });
  });
});

describe('paging through the queue', () => {
  const rowsOf = (html: string) => [...html.matchAll(/data-case-link="([^"]+)"/g)].map((m) => m[1]);
  const linkOf = (html: string, data: string) =>
    new RegExp(`href="([^"]+)"[^>]*${data}`).exec(html)?.[1]?.replaceAll('&amp;', '&') ?? '';

  it('shows 25 a page, with next and previous links that keep the filter, and no case twice', async () => {
    const { apply } = paymentHelpers(() => portal);
    for (let i = 0; i < 27; i += 1) await apply();
    const first = await (
      await staffGet(portal.url, staff, apiPath('agencyQueuePage', { agency: 'vital-records' }, { order: 'newest', lang: 'es' }))
    ).text();
    expect(rowsOf(first)).toHaveLength(25);
    expect(first).not.toContain('data-previous-page');
    const next = new URL(linkOf(first, 'data-next-page'), portal.url);
    expect(Object.fromEntries(next.searchParams)).toMatchObject({ status: 'received', order: 'newest', lang: 'es' });

    const second = await (await staffGet(portal.url, staff, next.pathname + next.search)).text();
    const later = rowsOf(second);
    expect(later.length).toBeGreaterThan(0);
    expect(later.filter((c) => rowsOf(first).includes(c))).toEqual([]);
    const previous = linkOf(second, 'data-previous-page');
    const back = await (await staffGet(portal.url, staff, previous)).text();
    expect(rowsOf(back)).toEqual(rowsOf(first));
  });

  it('filters to the cases assigned to me', async () => {
    const { apply } = paymentHelpers(() => portal);
    const mine = await apply();
    const page = await (await staffGet(portal.url, staff, apiPath('casePage', { code: mine }))).text();
    const assigned = await staffPost(portal.url, staff, apiPath('assignCaseForm', { code: mine }), {
      to: 'me',
      version: versionOf(page),
      _csrf: csrfOf(page),
    });
    expect(assigned.status).toBe(303);
    const queue = await (
      await staffGet(portal.url, staff, apiPath('agencyQueuePage', { agency: 'vital-records' }, { mine: 'yes' }))
    ).text();
    expect(rowsOf(queue)).toEqual([mine]);
    expect(queue).toMatch(/id="filter-mine"[^>]*checked/);
  });
});
