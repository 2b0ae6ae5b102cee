/**
 * What a new user tripped over, each as the browser test that would have caught it: one portal and one browser
 * for the whole file.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser } from '../support/browser.ts';
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

async function phone(options: { javaScriptEnabled?: boolean; locale?: string } = {}): Promise<BrowserContext> {
  return browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: 375, height: 812 },
    baseURL: portal.url,
    ...(options.locale && { locale: options.locale, extraHTTPHeaders: { 'accept-language': options.locale } }),
  });
}

describe('a form after a failed submit', () => {
  it('takes the first tap on a radio button after the date is fixed', async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto('/services/birth-certificate/apply/');
    await page.getByRole('button', { name: 'Send application' }).click();
    await page.locator('[data-error-summary]').waitFor();
    await page.getByLabel('Full name on the birth certificate').fill('Ana María Núñez');
    await page.getByLabel('Date of birth').fill('2020-02-29');
    // One tap, as a person makes it: where the label is now.
    await page
      .getByText('My child’s', { exact: true })
      .or(page.getByText("My child's", { exact: true }))
      .first()
      .click();
    expect(await page.locator('input[type="radio"]:checked').count()).toBe(1);
    // The question's own message went away once it was answered.
    expect(await page.getByText('Choose whose certificate it is').count()).toBeLessThanOrEqual(1);
    await expectNoAxeViolations(page);
    await context.close();
  });
});

describe('a Spanish speaker', () => {
  it('lands on the Spanish home page at /, and an explicit choice of English is remembered', async () => {
    const context = await phone({ locale: 'es-MX' });
    const page = await context.newPage();
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/es/');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'English', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/' && url.search === '');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/');

    // And back: choosing Spanish is remembered too.
    await page.getByRole('link', { name: 'Español', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/es/');
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/es/');
    await context.close();
  });
});
