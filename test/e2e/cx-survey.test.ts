/**
 * A person answers the A-11 survey on the status page and comes back, in real Chromium at 320 px, with and
 * without JavaScript, axe on every page; then the agency's staff see the response counted on the CX dashboard,
 * in its chart and its table, and a call from the contact centre counted in the volume by channel (English and
 * Spanish, axe on both).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, expectNoAxeViolationsWithoutScripts, launchBrowser } from '../support/browser.ts';
import { birthCertificateAnswers } from '../support/form-answers.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { machineToken, signIn } from '../support/sign-in.ts';

let portal: TestPortal;
let browser: Browser;
const answers = birthCertificateAnswers();

beforeAll(async () => {
  [portal, browser] = await Promise.all([startTestPortal(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

async function newSubmission(): Promise<string> {
  const sent = await fetch(`${portal.url}/api/forms/birth-certificate-request/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ answers }),
  });
  return ((await sent.json()) as { code: string }).code;
}

/** A call about the case, as the contact centre's system records it (machine client, interactions scope). */
async function recordCall(code: string): Promise<void> {
  const access_token = await machineToken(portal.url, ['frontdoor/interactions']);
  const recorded = await fetch(`${portal.url}/api/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${access_token}` },
    body: JSON.stringify({
      channel: 'voice',
      direction: 'in',
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      agency: 'vital-records',
      summary: 'Called to ask when the copies are posted',
      externalId: 'e2e-cx-call-1',
      person: { confirmationCode: code },
    }),
  });
  if (recorded.status !== 201) throw new Error(`recording the call: ${recorded.status}`);
}

async function expectUsableAt320(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
}

for (const javaScriptEnabled of [true, false]) {
  describe(`a person ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, () => {
    it('answers the survey on the status page, is thanked, and goes back to the status page', async () => {
      const code = await newSubmission();
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 320, height: 800 }, baseURL: portal.url });
      const page = await context.newPage();
      const check = () => (javaScriptEnabled ? expectNoAxeViolations(page) : expectNoAxeViolationsWithoutScripts(browser, page));
      await page.goto(`/api/status/${code}?lang=en`);
      await check();
      await expectUsableAt320(page);

      const survey = page.locator('[data-feedback-survey="status"]');
      await survey
        .getByRole('group', { name: /I am satisfied/ })
        .getByText('Agree', { exact: true })
        .click();
      await survey
        .getByRole('group', { name: /easy to complete/ })
        .getByText('Strongly agree', { exact: true })
        .click();
      await survey.getByLabel(/Any additional feedback/).fill(`Clear page. My code is ${code}`);
      await survey.getByRole('button', { name: 'Send feedback' }).click();

      await expect.poll(() => page.locator('h1').textContent()).toBe('Thank you for your feedback');
      await check();
      await expectUsableAt320(page);
      await page.getByRole('link', { name: 'Go back to where you were' }).click();
      await expect.poll(() => page.locator('[data-confirmation-code]').textContent()).toContain(code);
      await context.close();
    });
  });
}

describe('the agency', () => {
  it('sees the responses counted on the CX dashboard, in the chart and its table (axe, 320 px)', async () => {
    const staff = (await signIn(portal.url, { persona: 'staff.vital-records', idp: 'ExampleStaff' })).tokens.access_token;
    const context = await browser.newContext({
      viewport: { width: 320, height: 800 },
      baseURL: portal.url,
      extraHTTPHeaders: { authorization: `Bearer ${staff}` },
    });
    const page = await context.newPage();
    await page.goto('/api/agency/vital-records/cx?lang=en');
    await expectNoAxeViolations(page);
    await expectUsableAt320(page);
    const quarter = page.locator('[data-cx-quarter]').last();
    await expect.poll(() => quarter.locator('h3').textContent()).toMatch(/^2 responses in FY\d{4} Q\d$/);
    expect(await quarter.locator('svg[role="img"] [data-cx-bar="satisfaction"]').count()).toBe(1);
    const row = quarter.getByRole('row', { name: /Satisfaction/ });
    expect(await row.getByRole('cell').first().textContent()).toBe('2');
    expect(await page.locator('[data-cx-comments]').textContent()).toContain('Clear page. My code is [code]');
    await context.close();
  });

  it('sees a call from the contact centre in the volume by channel, for the agency and the service (English and Spanish, 320 and 1280 px)', async () => {
    await recordCall(await newSubmission());
    const staff = (await signIn(portal.url, { persona: 'staff.vital-records', idp: 'ExampleStaff' })).tokens.access_token;
    const context = await browser.newContext({
      viewport: { width: 320, height: 800 },
      baseURL: portal.url,
      extraHTTPHeaders: { authorization: `Bearer ${staff}` },
    });
    const page = await context.newPage();
    for (const [lang, call, received] of [
      ['en', 'Phone call', 'In (received)'],
      ['es', 'Llamada telefónica', 'Entrada (recibidos)'],
    ] as const) {
      await page.goto(`/api/agency/vital-records/cx?lang=${lang}`);
      await expectNoAxeViolations(page);
      await expectUsableAt320(page);
      for (const who of ['agency', 'birth-certificate']) {
        const block = page.locator(`[data-cx-volume-for="${who}"]`);
        await expect.poll(() => block.locator('svg[role="img"] [data-cx-channel-bar="voice"]').count()).toBe(1);
        const row = block.getByRole('row', { name: new RegExp(call) });
        const cells = row.getByRole('cell');
        expect(await cells.first().textContent()).toBe('1');
        // At 320 px the table stacks: each cell says its column (the header row is hidden).
        expect(await cells.first().getAttribute('data-label')).toBe(received);
      }
      // On a laptop the tables are tables again and the charts wider: axe once more.
      await page.setViewportSize({ width: 1280, height: 800 });
      await expectNoAxeViolations(page);
      await page.setViewportSize({ width: 320, height: 800 });
    }
    await context.close();
  }, 60_000);
});
