/**
 * Issue #11's journey in real Chromium, axe on every page: a citizen applies giving an e-mail address; the
 * "submission received" e-mail arrives in the local SES inbox (through the outbox, DynamoDB Local's stream and the
 * notifier, as `npm start` runs them) and its link opens the status page; a Vital Records staff member changes the
 * status in the workspace; the "new status" e-mail arrives; a contact centre sends a phone call in through the
 * machine ingest route naming the confirmation code. Then the citizen's "My activity" (reached from the e-mail's
 * own link) and the staff case page's timeline both show the submission, both e-mails and the call, newest first.
 * With JavaScript the citizen is signed in (My account needs it); without, the citizen applies and reads the status
 * page anonymously and staff work the case with plain forms, and the case page's timeline shows the same story.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath } from '#ui/paths.ts';
import { type LocalNotifications, startLocalNotifications } from '../../local/notifications.ts';
import type { StoredEmail } from '../../local/ses-local.ts';
import { expectUsablePage, fillBirthCertificateForm, launchBrowser, openScreen, signAndCheck } from '../support/browser.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { machineToken } from '../support/sign-in.ts';

const AGENCY = 'Office of Vital Records, Department of Health';
let portal: TestPortal;
let browser: Browser;
let notifications: LocalNotifications;
let machine = '';

beforeAll(async () => {
  [portal, browser] = await Promise.all([startTestPortal(), launchBrowser()]);
  // After the portal's server: the notifier reads PORTAL_ORIGIN (the server sets it) for the e-mails' links.
  notifications = await startLocalNotifications({
    client: portal.client,
    endpoint: portal.dynamoDbEndpoint,
    tableName: portal.tableName,
    log: () => undefined,
  });
  machine = await machineToken(portal.url, ['frontdoor/interactions']);
});
afterAll(async () => {
  await browser?.close();
  await notifications?.stop();
  await portal?.close();
});

const newScreen = (javaScriptEnabled: boolean, width?: number) => openScreen(browser, portal.url, javaScriptEnabled, width);

const checkPage = (page: Page, javaScriptEnabled: boolean) => expectUsablePage(browser, page, javaScriptEnabled);

/** What the local SES holds for one address, once the stream poller has handed every change to the notifier. */
async function inboxOf(address: string): Promise<StoredEmail[]> {
  await notifications.poller.settle();
  return (await notifications.ses.emails()).filter((email) => email.destination.to.includes(address));
}

/** The e-mail's HTML part opened in the citizen's browser, as a mail program shows it; axe on it too. */
async function openEmail(page: Page, email: StoredEmail, javaScriptEnabled: boolean, check = true) {
  expect(email.body.html, `"${email.subject}" has an HTML part`).toBeTruthy();
  await page.setContent(email.body.html ?? '');
  if (check) await checkPage(page, javaScriptEnabled);
}

/** Each entry of a timeline as a reader sees it: what, the other system's words, and the line under it. */
function entriesOf(list: Locator) {
  return list.locator('li[data-kind]').evaluateAll((items) =>
    items.map((item) => ({
      kind: item.getAttribute('data-kind'),
      label: item.querySelector('.portal-timeline__what')?.textContent?.trim(),
      summary: item.querySelector('.portal-timeline__summary')?.textContent?.trim(),
      // The date is its own element; the rest of the line is channel · direction · who · agency · case.
      meta: item.querySelector('.portal-timeline__meta')?.textContent?.replace(item.querySelector('time')?.textContent ?? '', ''),
      at: item.querySelector('time')?.getAttribute('datetime'),
    })),
  );
}

type Entry = Awaited<ReturnType<typeof entriesOf>>[number];

/** The story both timelines tell, newest first (each e-mail: its "sent" entry, then SES's "delivered"). */
function expectTheStory(entries: Entry[], who: { applicant: string; caseLink: string }, call: string) {
  const line = (channel: string, direction: string, actor: string) => ` · ${channel} · ${direction} · ${actor} · ${AGENCY} · `;
  expect(entries.map(({ kind, label, summary, meta }) => ({ kind, label, summary, meta }))).toEqual([
    {
      kind: 'contact',
      label: 'Contact: Phone call',
      summary: call,
      meta: line('Phone call', 'Incoming', who.applicant) + who.caseLink,
    },
    {
      kind: 'delivered',
      label: 'Email delivered',
      summary: undefined,
      meta: line('Email', 'Outgoing', 'Automatic') + who.caseLink,
    },
    {
      kind: 'notification-sent',
      label: 'Email sent',
      summary: undefined,
      meta: line('Email', 'Outgoing', 'Automatic') + who.caseLink,
    },
    {
      kind: 'status-changed',
      label: 'Status changed: In review',
      summary: undefined,
      meta: line('Website', 'Outgoing', 'Agency staff') + who.caseLink,
    },
    {
      kind: 'delivered',
      label: 'Email delivered',
      summary: undefined,
      meta: line('Email', 'Outgoing', 'Automatic') + who.caseLink,
    },
    {
      kind: 'notification-sent',
      label: 'Email sent',
      summary: undefined,
      meta: line('Email', 'Outgoing', 'Automatic') + who.caseLink,
    },
    {
      kind: 'submitted',
      label: 'Application received',
      summary: undefined,
      meta: line('Website', 'Incoming', who.applicant) + who.caseLink,
    },
  ]);
  const times = entries.map((entry) => entry.at ?? '');
  expect(times.every((at) => !Number.isNaN(Date.parse(at)))).toBe(true);
  expect(times).toEqual([...times].sort().reverse());
}

/** My account's sign-in, through the sandbox Login.gov's persona picker (a page of the local issuer). */
async function citizenSignsIn(page: Page) {
  await page.goto('/account/');
  await page.getByRole('button', { name: 'Sign in with Login.gov' }).click();
  await page.getByRole('heading', { name: 'Sandbox: Login.gov' }).waitFor();
  await checkPage(page, true);
  await page.getByRole('button', { name: /Ana Rivera/ }).click();
  await page.waitForURL((url) => url.pathname === '/account/');
  await page.getByText('Signed in as').waitFor();
}

async function citizenApplies(page: Page, email: string, javaScriptEnabled: boolean): Promise<string> {
  await page.goto('/services/birth-certificate/apply/');
  await fillBirthCertificateForm(page);
  await page.getByLabel('Email address').fill(email);
  await checkPage(page, javaScriptEnabled);
  await signAndCheck(page);
  await checkPage(page, javaScriptEnabled);
  await page.getByRole('button', { name: 'Send application' }).click();
  await page.waitForURL((url) => /^\/api\/status\/[2-9A-Z-]{14}$/.test(url.pathname));
  const code = (await page.locator('[data-confirmation-code]').textContent())?.trim() ?? '';
  await checkPage(page, javaScriptEnabled);
  return code;
}

/** The workspace's own sign-in (the sandbox staff provider), straight back to the case page. */
async function staffOpensCase(page: Page, code: string, javaScriptEnabled: boolean) {
  const casePath = apiPath('casePage', { code });
  await page.goto(apiPath('staffSignIn', {}, { idp: 'ExampleStaff', return: casePath }));
  await page.getByRole('button', { name: /Vital Records Staff/ }).click();
  await page.waitForURL((url) => url.pathname === casePath);
  await checkPage(page, javaScriptEnabled);
}

async function callCentreRecords(code: string, summary: string, externalId: string) {
  const answer = await fetch(`${portal.url}${apiPath('recordInteraction')}`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${machine}` },
    body: JSON.stringify({
      channel: 'voice',
      direction: 'in',
      occurredAt: new Date().toISOString(),
      agency: 'vital-records',
      summary,
      externalId,
      person: { confirmationCode: code },
    }),
  });
  expect(answer.status).toBe(201);
}

for (const javaScriptEnabled of [true, false]) {
  const how = javaScriptEnabled ? 'js' : 'nojs';
  describe(`${javaScriptEnabled ? 'with' : 'without'} JavaScript`, () => {
    it('applies, reads both e-mails, and finds the submission, the e-mails and a phone call on both timelines', async () => {
      const address = `ana.timeline.${how}@example.com`;
      const citizen = await newScreen(javaScriptEnabled, 390);
      if (javaScriptEnabled) await citizenSignsIn(citizen.page);
      const code = await citizenApplies(citizen.page, address, javaScriptEnabled);
      expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);

      // 1. The "submission received" e-mail, with the code, and its link to the status page.
      const [received, ...more] = await inboxOf(address);
      expect(more).toEqual([]);
      expect(received?.subject).toBe(`We received your application (${code})`);
      expect(received?.body.text).toContain(`Your confirmation code: ${code}`);
      // The plain-text part carries the same link, for mail programs that show no HTML.
      expect(received?.body.text).toContain(`${portal.url}${apiPath('showStatus', { code })}`);
      // The citizen's own tab reads the e-mail (a signed-in session lives in the tab's sessionStorage).
      const mail = citizen.page;
      await openEmail(mail, received as StoredEmail, javaScriptEnabled);
      expect(await mail.getByText(code, { exact: true }).count()).toBe(1);
      await mail.getByRole('link', { name: 'See where your application stands' }).click();
      await mail.waitForURL((url) => url.pathname === apiPath('showStatus', { code }));
      expect((await mail.locator('[data-confirmation-code]').textContent())?.trim()).toBe(code);
      expect((await mail.locator('[data-status]').first().textContent())?.trim()).toBe('Received');
      await checkPage(mail, javaScriptEnabled);

      // 2. Staff of the agency move the case on from its page in the workspace.
      const staff = await newScreen(javaScriptEnabled);
      await staffOpensCase(staff.page, code, javaScriptEnabled);
      await staff.page.getByLabel('New status').selectOption({ label: 'In review' });
      await staff.page.getByRole('button', { name: 'Change status' }).click();
      await staff.page.waitForURL((url) => url.pathname === apiPath('casePage', { code }));
      expect(await staff.page.locator('[data-case-page]').getAttribute('data-case-status')).toBe('in-review');

      // 3. The second e-mail says the new status; the code read from it, typed on the status page, shows it.
      const inbox = await inboxOf(address);
      expect(inbox.map((email) => email.subject)).toEqual([
        `We received your application (${code})`,
        `Your application has a new status (${code})`,
      ]);
      const changed = inbox[1] as StoredEmail;
      expect(changed.body.text).toContain('Its status is now: In review.');
      await openEmail(mail, changed, javaScriptEnabled);
      const typed = (await mail.getByText(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/).textContent()) ?? '';
      expect(typed).toBe(code);
      await mail.goto('/status/');
      await mail.getByLabel('Confirmation code').fill(typed.toLowerCase());
      await checkPage(mail, javaScriptEnabled);
      await mail.getByRole('button', { name: 'Check status' }).click();
      // A plain GET form: the status function answers the page itself.
      await mail.waitForURL((url) => url.pathname === apiPath('findStatus'));
      expect((await mail.locator('[data-confirmation-code]').textContent())?.trim()).toBe(code);
      expect((await mail.locator('[data-status]').first().textContent())?.trim()).toBe('In review');
      await checkPage(mail, javaScriptEnabled);

      // 4. A contact centre sends in the call it took, naming the confirmation code.
      const call = `Asked when the certificate will arrive (${how})`;
      await callCentreRecords(code, call, `connect-contact-${how}-${code}`);

      // 5. The staff case page's timeline: the whole story, for the agency.
      await staff.page.reload();
      const caseTimeline = staff.page.locator('[data-timeline]');
      expectTheStory(await entriesOf(caseTimeline), { applicant: 'The applicant', caseLink: `Application ${code}` }, call);
      // An entry says what happened, never to whom it was written.
      expect(await caseTimeline.textContent()).not.toContain(address);
      await checkPage(staff.page, javaScriptEnabled);
      if (javaScriptEnabled) {
        // A signed-in applicant's case links to the person's page: the same story, each entry linking to its case.
        await staff.page.locator('[data-person-link]').getByRole('link').click();
        await staff.page.locator('[data-person-page]').waitFor();
        const personTimeline = staff.page.locator('[data-timeline]');
        expectTheStory(await entriesOf(personTimeline), { applicant: 'The applicant', caseLink: `Application ${code}` }, call);
        expect(
          await personTimeline
            .getByRole('link', { name: `Application ${code}` })
            .first()
            .getAttribute('href'),
        ).toBe(apiPath('casePage', { code }, { lang: 'en' }));
        await checkPage(staff.page, true);
      } else {
        // An applicant who was not signed in is nobody's person: no person page to go to.
        expect(await staff.page.locator('[data-person-link]').count()).toBe(0);
      }

      // 6. The citizen's "My activity", reached from the e-mail's "Change how we contact you" link.
      if (javaScriptEnabled) {
        await openEmail(mail, changed, javaScriptEnabled, false);
        await mail.getByRole('link', { name: 'Change how we contact you' }).click();
        await mail.waitForURL((url) => url.pathname === '/account/');
        const activity = mail.locator('[data-activity]');
        await activity.locator('li[data-kind="contact"]').waitFor();
        expectTheStory(await entriesOf(activity), { applicant: 'You', caseLink: code }, call);
        expect(await activity.textContent()).not.toContain(address);
        expect(await activity.getByRole('link', { name: code }).first().getAttribute('href')).toBe(
          `${apiPath('showStatus', { code })}?lang=en`,
        );
        await checkPage(mail, true);
      } else {
        // Not signed in, the status page still shows only status and dates: no timeline, no call.
        expect(await mail.locator('[data-timeline]').count()).toBe(0);
        expect(await mail.content()).not.toContain(call);
      }
      await Promise.all([citizen.context.close(), staff.context.close()]);
    }, 180_000);
  });
}
