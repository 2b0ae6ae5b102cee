/**
 * What a new user tripped over, each as the browser test that would have caught it: one portal and one browser
 * for the whole file.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutScripts,
  fillMemorableDate,
  launchBrowser,
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

async function phone(options: { javaScriptEnabled?: boolean; locale?: string } = {}): Promise<BrowserContext> {
  return browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: 375, height: 812 },
    baseURL: portal.url,
    ...(options.locale && { locale: options.locale, extraHTTPHeaders: { 'accept-language': options.locale } }),
  });
}

describe('a form after a failed submit', () => {
  // A one-page form with a date before a radio question (the birth certificate's radio is now a page of its own).
  it('takes the first tap on a radio button after the date is fixed', async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto('/services/disability-parking-placard/apply/');
    await page.getByRole('button', { name: 'Send application' }).click();
    await page.locator('[data-error-summary]').waitFor();
    await page.getByLabel('Full name of the person with the disability').fill('Ana María Núñez');
    await fillMemorableDate(page, 'Date of birth', '1950-02-28');
    // One tap, as a person makes it: where the label is now.
    await page.getByText('For a short-term condition (up to 6 months)', { exact: true }).click();
    expect(await page.locator('input[type="radio"]:checked').count()).toBe(1);
    // The question's own message went away once it was answered.
    expect(await page.getByText('Choose how long you need the placard').count()).toBeLessThanOrEqual(1);
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

describe('site search', () => {
  it('works without JavaScript and lists each service once, with a clean summary', async () => {
    const context = await phone({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search' }).fill('birth certificate');
    await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
    await page.waitForURL((url) => url.pathname === '/api/search');
    const results = page.locator('[data-search-list] > li');
    const links = await results
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links[0]).toBe('/services/birth-certificate/');
    expect(new Set(links).size).toBe(links.length);
    expect(links.filter((href) => href.startsWith('/services/birth-certificate/'))).toHaveLength(1);
    expect(await results.first().locator('p').textContent()).toBe(
      'Get a certified copy of a birth certificate for school, a passport or benefits.',
    );
    // The search box on the results page still holds the words.
    expect(await page.locator('#search-page-q').inputValue()).toBe('birth certificate');
    await expectNoAxeViolationsWithoutScripts(browser, page);

    await results.first().getByRole('link').click();
    await page.waitForURL((url) => url.pathname === '/services/birth-certificate/');
    await context.close();
  });

  it('searches in Spanish from a Spanish page', async () => {
    const context = await phone({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/es/');
    await page.getByRole('searchbox', { name: 'Buscar' }).fill('multa');
    await page.getByRole('searchbox', { name: 'Buscar' }).press('Enter');
    await page.waitForURL((url) => url.pathname === '/api/search');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect(await page.locator('[data-search-list] a').first().getAttribute('href')).toBe('/es/pay/');
    await context.close();
  });
});

describe('the home page on a phone', () => {
  it('shows paying a bill and checking a status near the top, and every service A to Z', async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto('/');
    for (const name of ['Pay a parking ticket or another bill', 'Check the status of an application']) {
      const box = await page.getByRole('link', { name, exact: true }).boundingBox();
      expect(box?.y ?? Number.POSITIVE_INFINITY, name).toBeLessThan(812);
    }
    await page.getByRole('link', { name: 'See all services from A to Z' }).click();
    await page.waitForURL((url) => url.pathname === '/services/');
    const titles = await page.locator('.usa-card__heading').allTextContents();
    expect(titles.length).toBeGreaterThan(20);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    await expectNoAxeViolations(page);
    await context.close();
  });
});

describe('Back after a mistake, without JavaScript', () => {
  it('goes back to the form with its mistakes marked, not to a "Confirm form resubmission" error', async () => {
    const context = await phone({ javaScriptEnabled: false });
    const page = await context.newPage();
    // A one-page form: the whole form is posted and shown again with its mistakes (a multi-page form's pages are
    // each a page of their own, answered 303).
    await page.goto('/services/death-certificate/apply/');
    await page.getByLabel('Full name of the person who died').fill('José Núñez');
    await fillMemorableDate(page, 'Date of death', '2026-10-02');
    await page.getByLabel('County where the person died').fill('Cañón');
    await page.getByLabel('How were you related to the person?').selectOption('child');
    await page.getByLabel('Number of copies').fill('1');
    await page.getByLabel('Email address').fill('ana-at-example');
    await page.getByRole('button', { name: 'Send application' }).click();
    await page.locator('[data-error-summary]').waitFor();
    await page.getByLabel('Email address').fill('ana@example.com');
    await page.getByRole('button', { name: 'Send application' }).click();
    await page.waitForURL(/\/api\/status\/[2-9A-Z-]{14}\?submitted=1/);

    await page.goBack();
    expect(await page.locator('[data-error-summary]').textContent()).toContain('Enter an email address like name@example.com');
    // Nothing was sent twice.
    expect((await portal.items()).filter((item) => item.type === 'submission')).toHaveLength(1);
    await context.close();
  });
});
