/**
 * The pages this work added, in real Chromium at 320 px with JavaScript off and on, axe on every page: the
 * export's parts page (reached from the queue's export action, in English and Spanish), the CX dashboard with its
 * weekly trend and exact time to decision, and the status page's survey about a staff reply, answered without
 * JavaScript.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath } from '#ui/paths.ts';
import { expectUsablePage, launchBrowser, openScreen } from '../support/browser.ts';
import { paymentHelpers } from '../support/payments.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { signIn } from '../support/sign-in.ts';

let portal: TestPortal;
let browser: Browser;
let replied: string;

beforeAll(async () => {
  [portal, browser] = await Promise.all([startTestPortal(), launchBrowser()]);
  const { apply } = paymentHelpers(() => portal);
  const codes = [await apply(), await apply(), await apply(), await apply()];
  const token = (await signIn(portal.url, { persona: 'staff.vital-records', idp: 'ExampleStaff' })).tokens.access_token;
  const move = (code: string, body: Record<string, string>) =>
    fetch(`${portal.url}${apiPath('changeCaseStatus', { code })}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  replied = codes[0] as string;
  await move(replied, { status: 'needs-information', version: '0', message: 'Send a copy of your photo ID.' });
  await move(codes[1] as string, { status: 'in-review', version: '0' });
  await move(codes[1] as string, { status: 'approved', version: '1' });
  // One answer, so the dashboard draws its charts.
  await fetch(`${portal.url}${apiPath('submitFeedback')}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ task: 'status', code: codes[2], satisfaction: 4, trust: 2 }),
  });
});
afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

const newScreen = (javaScriptEnabled: boolean, width?: number) => openScreen(browser, portal.url, javaScriptEnabled, width);

const checkPage = (page: Page, javaScriptEnabled: boolean) => expectUsablePage(browser, page, javaScriptEnabled);

async function signInAsStaff(page: Page) {
  await page.goto(apiPath('staffSignIn', {}, { idp: 'ExampleStaff' }));
  await page.getByRole('button', { name: /Vital Records Staff/ }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/api/agency/desk/queue/'));
}

for (const javaScriptEnabled of [false, true]) {
  describe(`${javaScriptEnabled ? 'with' : 'without'} JavaScript, at 320 px`, () => {
    it('staff reach every part of the export from the queue, in English and Spanish', async () => {
      const { context, page } = await newScreen(javaScriptEnabled);
      await signInAsStaff(page);
      await page.getByRole('link', { name: 'More than 5,000 cases? Download them in parts' }).click();
      await page.waitForURL((url) => url.pathname === apiPath('exportPartsPage', { agency: 'vital-records' }));
      expect(await page.locator('[data-export-summary]').textContent()).toContain('They fit in one file.');
      await checkPage(page, javaScriptEnabled);

      // Two cases still received, one a part (the size knob): two parts.
      await page.goto(apiPath('exportPartsPage', { agency: 'vital-records' }, { status: 'received', size: '1', lang: 'en' }));
      expect(await page.getByRole('link', { name: /^Download part \d of 2 \(CSV\)$/ }).count()).toBe(2);
      await checkPage(page, javaScriptEnabled);
      await page.getByRole('link', { name: 'Español' }).click();
      await page.waitForURL(/lang=es/);
      expect(await page.getByRole('link', { name: 'Descargar la parte 2 de 2 (CSV)' }).count()).toBe(1);
      await checkPage(page, javaScriptEnabled);
      await context.close();
    });

    it('staff read the weekly trend and the exact time to decision on the CX dashboard', async () => {
      const { context, page } = await newScreen(javaScriptEnabled);
      await signInAsStaff(page);
      await page.goto(apiPath('cxDashboardPage', { agency: 'vital-records' }, { lang: 'en' }));
      // On a loaded machine the page can still be arriving (CI once counted the heading before it had): wait for it.
      const trend = page.getByRole('heading', { name: 'Satisfaction and trust, week by week' });
      await trend.waitFor();
      expect(await trend.count()).toBe(1);
      expect(await page.getByRole('img', { name: /^Share who agreed each week/ }).count()).toBe(1);
      const decisions = page.locator('section[aria-labelledby="cx-decisions"] tbody tr').first();
      expect(await decisions.locator('th').textContent()).toBe('Whole agency');
      expect(Number(await decisions.locator('td').first().textContent())).toBeGreaterThanOrEqual(1);
      await checkPage(page, javaScriptEnabled);
      await context.close();
    });

    it('a citizen rates the staff reply on the status page, employee helpfulness included', async () => {
      const { context, page } = await newScreen(javaScriptEnabled);
      await page.goto(apiPath('showStatus', { code: replied }, { lang: 'en' }));
      expect(await page.locator('[data-status-message]').textContent()).toBe('Send a copy of your photo ID.');
      expect(await page.locator('[data-feedback-survey]').getAttribute('data-feedback-survey')).toBe('staff-reply');
      await checkPage(page, javaScriptEnabled);
      await page.getByRole('link', { name: 'Tell us whether this reply helped' }).click();
      const employee = page.getByRole('group', { name: /Employees I interacted with were helpful\./ });
      await employee.getByText('Strongly agree', { exact: true }).click();
      await page.getByRole('button', { name: 'Send feedback' }).click();
      await page.waitForURL((url) => url.pathname === apiPath('showFeedbackThanks'));
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Thank you for your feedback');
      await checkPage(page, javaScriptEnabled);
      await context.close();
    });
  });
}
