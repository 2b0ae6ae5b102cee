/**
 * A citizen, on a phone-sized screen, in real Chromium: home → life event → service → apply → confirmation
 * code → status page shows "Received". Once with JavaScript and once without; axe on every page visited.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutScripts,
  fillBirthCertificateForm,
  launchBrowser,
  signAndCheck,
} from '../support/browser.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';

let portal: TestPortal;
let browser: Browser;

beforeAll(async () => {
  [portal, browser] = await Promise.all([startTestPortal(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

async function newPhone(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page; visited: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 }, baseURL: portal.url });
  const page = await context.newPage();
  const visited: string[] = [];
  return { context, page, visited };
}

/** With JavaScript off, axe checks the same HTML in a page whose own scripts are blocked. */
async function checkAccessibility(page: Page, javaScriptEnabled: boolean) {
  if (javaScriptEnabled) await expectNoAxeViolations(page);
  else await expectNoAxeViolationsWithoutScripts(browser, page);
}

/**
 * The confirmation page says only what is true and leaves no dead end: what "Received" means, what happens next
 * and how long it takes, a number to call, times with their time zone, and no e-mail that was never sent.
 */
async function expectHonestConfirmation(page: Page) {
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).not.toMatch(/email we sent/i);
  expect(await page.locator('[data-status-meaning]').textContent()).toContain('Staff will look at it soon');
  const next = page.locator('[data-next-steps]');
  expect(await next.textContent()).toContain('About 2 weeks');
  expect(await next.getByRole('link', { name: '(555) 010-1000' }).getAttribute('href')).toBe('tel:5550101000');
  expect(await page.locator('time').first().textContent()).toMatch(/ E[SD]T$/);
}

for (const javaScriptEnabled of [true, false]) {
  describe(`a citizen ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, () => {
    // Eight pages with axe on each: longer than one page's 30 s on a shared machine.
    it('finds the birth certificate service by life event, applies, and sees "Received" on the status page', {
      timeout: 120_000,
    }, async () => {
      const { context, page } = await newPhone(javaScriptEnabled);
      await page.goto('/');
      await checkAccessibility(page, javaScriptEnabled);

      await page
        .getByRole('link', { name: /Having a child/ })
        .first()
        .click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/life-events/having-a-child/');
      await checkAccessibility(page, javaScriptEnabled);

      await page
        .getByRole('link', { name: /Order a birth certificate/ })
        .first()
        .click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/services/birth-certificate/');
      await checkAccessibility(page, javaScriptEnabled);

      await page.locator('a[href="/services/birth-certificate/apply/"]').first().click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/services/birth-certificate/apply/');
      // The paper form's sections, one page each; Check your answers before sending.
      expect(await page.locator('.usa-step-indicator__segment-label').allTextContents()).toEqual([
        expect.stringContaining('Whose certificate'),
        expect.stringContaining('The birth certificate'),
        expect.stringContaining('Copies and mailing'),
        expect.stringContaining('How to reach you'),
        expect.stringContaining('Sign your request'),
        expect.stringContaining('Check your answers'),
      ]);
      await checkAccessibility(page, javaScriptEnabled);

      // A parent's request, every page checked; on "How to reach you" first a mistake: the error summary names the
      // field, the page stays, and nothing is sent.
      await fillBirthCertificateForm(page, { check: () => checkAccessibility(page, javaScriptEnabled) });
      const contactPage = new URL(page.url()).pathname;
      expect(contactPage).toMatch(/^\/api\/forms\/birth-certificate-request\/drafts\/[\w-]+\/pages\/contact$/);
      await page.getByLabel('Email address').fill('ana-at-example');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      const summary = page.locator('[data-error-summary]');
      await expect.poll(() => summary.textContent()).toContain('Enter an email address like name@example.com');
      expect(new URL(page.url()).pathname).toBe(contactPage);
      await checkAccessibility(page, javaScriptEnabled);

      await page.getByLabel('Email address').fill('ana@example.com');
      await signAndCheck(page, 'Luisa Núñez', { check: () => checkAccessibility(page, javaScriptEnabled) });
      await checkAccessibility(page, javaScriptEnabled);
      await page.getByRole('button', { name: 'Send application' }).click();
      await page.waitForURL(/\/api\/status\/[2-9A-Z-]{14}\?submitted=1/);
      const code = (await page.locator('[data-confirmation-code]').textContent())?.trim() ?? '';
      expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Application sent');
      await expectHonestConfirmation(page);
      await checkAccessibility(page, javaScriptEnabled);

      await page.getByRole('link', { name: 'Check another confirmation code' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/status/');
      await checkAccessibility(page, javaScriptEnabled);
      await page.getByLabel('Confirmation code').fill(code.toLowerCase().replaceAll('-', ' '));
      await page.getByRole('button', { name: 'Check status' }).click();
      await page.waitForURL(/\/api\/status/);
      expect(await page.locator('[data-status]').textContent()).toBe('Received');
      expect(await page.locator('[data-confirmation-code]').textContent()).toBe(code);
      expect(await page.content()).not.toContain('ana@example.com');
      await checkAccessibility(page, javaScriptEnabled);

      const stored = (await portal.items()).filter((item) => item.type === 'submission');
      expect(stored.filter((item) => item.code === code)).toHaveLength(1);
      await context.close();
    });
  });
}

describe('a Spanish-speaking citizen', () => {
  it('reads the whole path in Spanish and gets the confirmation in Spanish', async () => {
    const { context, page } = await newPhone(false);
    await page.goto('/es/');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await page
      .getByRole('link', { name: /Tener un bebé/ })
      .first()
      .click();
    await page
      .getByRole('link', { name: /Pedir un acta de nacimiento/ })
      .first()
      .click();
    await page.locator('a[href="/es/services/birth-certificate/apply/"]').first().click();
    await checkAccessibility(page, false);
    await page.getByRole('button', { name: 'Guardar y continuar' }).click();
    expect(await page.locator('[data-error-summary]').textContent()).toContain('Hay un problema');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await context.close();
  });
});
