/**
 * Save and come back later in real Chromium at 320 px, with JavaScript and without (decision 82): the unemployment
 * claim half done in one browser, saved with the date of birth as the check, resumed with the code in another
 * browser, finished and sent. The SSN typed at the start is shown masked on Check your answers; the declaration is
 * signed with the typed name after agreeing to sign electronically. Then a birth certificate request saved in one
 * browser, resumed with the code in another, sent and its fee per copy paid in the local payment sandbox.
 * axe on every page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  choose,
  expectUsablePage,
  fillAddress as fillCertificateAddress,
  fillMemorableDate,
  launchBrowser,
  saveAndContinue,
  signAndCheck,
  stepHeading,
} from '../support/browser.ts';
import { CARDS } from '../support/payments.ts';
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

const checkPage = expectUsablePage;

const heading = (page: Page) => page.locator('.usa-step-indicator__heading-text').textContent();
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

async function next(page: Page, title: string) {
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect.poll(() => heading(page)).toBe(title);
}

async function fillAddress(page: Page) {
  await page.getByLabel('Street address').fill('1 Main St');
  await page.getByLabel('City or town').fill('Springfield');
  await page.getByLabel('State', { exact: true }).selectOption('IL');
  await page.getByLabel('ZIP code').fill('55501');
}

for (const javaScriptEnabled of [true, false]) {
  describe(`save and come back later ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, () => {
    it('saves half a claim in one browser and finishes it in another with the code and the date of birth', {
      timeout: 180_000,
    }, async () => {
      const options = { javaScriptEnabled, viewport: { width: 320, height: 740 }, baseURL: portal.url };
      const first = await browser.newContext(options);
      const page = await first.newPage();
      await page.goto('/services/unemployment-benefits/apply/');
      expect(await heading(page)).toBe('About you');
      await page.getByLabel('First name').fill('Ana');
      await page.getByLabel('Last name').fill('Díaz');
      await page.getByLabel('Social Security number').fill('401234567');
      await fillMemorableDate(page, 'Date of birth', '1986-04-28');
      await page.locator('label[for="field-citizen-yes"]').click();
      await next(page, 'How to reach you');

      // Half a page, then "Save and come back later": no inline check stands in the way.
      await page.getByLabel('Email address').fill('ana@example.com');
      await page.getByRole('button', { name: 'Save and come back later' }).click();
      await expect.poll(() => h1(page)).toBe('Save your answers and come back later');
      await checkPage(browser, page, javaScriptEnabled);
      expect(await page.getByLabel('Email address (optional)').inputValue()).toBe('ana@example.com');
      await fillMemorableDate(page, 'Your date of birth', '1986-04-28');
      await page.getByRole('button', { name: 'Save my answers' }).click();
      await expect.poll(() => h1(page)).toBe('Your answers are saved');
      const code = (await page.locator('[data-resume-code]').textContent())?.trim() ?? '';
      expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      expect(await page.locator('main').textContent()).toContain('We keep your answers until');
      await checkPage(browser, page, javaScriptEnabled);
      await first.close();

      // Another browser: the code alone is not enough, the date of birth opens it.
      const second = await browser.newContext(options);
      const later = await second.newPage();
      await later.goto('/api/resume?lang=en');
      await later.getByLabel('Your code').fill(code.toLowerCase());
      await fillMemorableDate(later, 'Your date of birth', '1986-04-29');
      await later.getByRole('button', { name: 'Continue my form' }).click();
      await expect
        .poll(() => later.locator('.usa-error-message:not([hidden])').first().textContent())
        .toContain('do not match a saved form');
      await checkPage(browser, later, javaScriptEnabled);
      await fillMemorableDate(later, 'Your date of birth', '1986-04-28');
      await later.getByRole('button', { name: 'Continue my form' }).click();
      await expect.poll(() => heading(later)).toBe('How to reach you');
      expect(await later.getByLabel('Email address').inputValue()).toBe('ana@example.com');
      await checkPage(browser, later, javaScriptEnabled);

      await fillAddress(later);
      await later.getByLabel('Phone number').fill('555-010-2000');
      await next(later, 'Your jobs in the last 18 months');
      await later.locator('[data-add-item]').click();
      await expect.poll(() => later.locator('.portal-item-heading').count()).toBe(1);
      await later.getByLabel('Employer name').fill('Acme Bakery');
      await fillAddress(later);
      await fillMemorableDate(later, 'First day you worked there', '2020-01-06');
      await fillMemorableDate(later, 'Last day you worked there', '2026-11-20');
      await later.locator('label[for="field-reasonJobEnded-laid-off"]').click();
      await later.getByRole('button', { name: 'Save and continue' }).click();
      await expect.poll(() => later.locator('[data-item]').count()).toBe(1);
      await next(later, 'Your last job');
      await later.locator('label[for="field-separationReason-laid-off"]').click();
      await later.locator('label[for="field-gotSeverance-no"]').click();
      await next(later, 'Able to work');
      await later.locator('label[for="field-ableToWork-yes"]').click();
      await later.locator('label[for="field-availableForWork-yes"]').click();
      await next(later, 'Sign your application');
      await checkPage(browser, later, javaScriptEnabled);

      // The typed name alone is not a signature: agree to sign electronically first.
      await later.getByLabel('Type your full name to sign').fill('Ana Díaz');
      await later.getByRole('button', { name: 'Save and continue' }).click();
      await expect.poll(() => later.locator('[data-error-summary]').count()).toBe(1);
      await later.locator('label[for="field-declaration-agree"]').click();
      await later.getByRole('button', { name: 'Save and continue' }).click();
      await expect.poll(() => later.getByRole('button', { name: 'Send application' }).count()).toBe(1);

      // Check your answers: the SSN only by its last four digits, the signature with its time.
      expect(await later.locator('[data-answer="ssn"]').textContent()).toContain('***-**-4567');
      expect(await later.content()).not.toContain('401-23-4567');
      expect(await later.locator('[data-answer="declaration"]').textContent()).toMatch(/Ana Díaz, \w+ \d+, \d{4} at .+ UTC/);
      await checkPage(browser, later, javaScriptEnabled);
      await later.getByRole('button', { name: 'Send application' }).click();
      await later.waitForURL(/\/api\/status\/[2-9A-Z-]{14}\?submitted=1/);
      const sent = (await later.locator('[data-confirmation-code]').textContent())?.trim();
      const stored = (await portal.items()).find((item) => item.type === 'submission' && item.code === sent);
      expect(stored).toMatchObject({
        formVersion: 1,
        answers: { ssn: '401-23-4567', applicantName: { given: 'Ana', family: 'Díaz' } },
      });
      expect((stored?.answers as { declaration?: { signedAt?: string } } | undefined)?.declaration?.signedAt).toMatch(
        /^\d{4}-\d\d-\d\dT/,
      );
      await checkPage(browser, later, javaScriptEnabled);
      await second.close();
    });
  });
}

for (const javaScriptEnabled of [true, false]) {
  describe(`save, resume in another browser, finish and pay ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, () => {
    it('saves a birth certificate request half done, resumes it with the code, sends it and pays the fee per copy', {
      timeout: 180_000,
    }, async () => {
      const options = { javaScriptEnabled, viewport: { width: 320, height: 740 }, baseURL: portal.url };
      const check = (page: Page) => checkPage(browser, page, javaScriptEnabled);
      const first = await browser.newContext(options);
      const page = await first.newPage();
      await page.goto('/services/birth-certificate/apply/');
      await choose(page, 'relationship', 'self');
      await saveAndContinue(page, 'The birth certificate');
      await page.getByLabel('First name').fill('Ana');
      await page.getByLabel('Last name').fill('Díaz');
      await fillMemorableDate(page, 'Date of birth', '1986-04-28');
      await page.getByLabel('City or town of birth').fill('Springfield');
      await page.getByLabel('Full name of a parent').fill('María López');
      await saveAndContinue(page, 'Copies and mailing');
      await page.getByLabel('Number of copies').fill('2');
      await fillCertificateAddress(page);
      await saveAndContinue(page, 'How to reach you');
      await check(page);
      await page.getByLabel('Email address').fill('ana@example.com');
      await page.getByRole('button', { name: 'Save and come back later' }).click();
      await expect.poll(() => h1(page)).toBe('Save your answers and come back later');
      await fillMemorableDate(page, 'Your date of birth', '1986-04-28');
      await page.getByRole('button', { name: 'Save my answers' }).click();
      await expect.poll(() => h1(page)).toBe('Your answers are saved');
      const code = (await page.locator('[data-resume-code]').textContent())?.trim() ?? '';
      expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      await check(page);
      await first.close();

      // Another browser, nothing shared with the first: the code and the date of birth open the draft.
      const second = await browser.newContext(options);
      const later = await second.newPage();
      await later.goto('/api/resume?lang=en');
      await later.getByLabel('Your code').fill(code);
      await fillMemorableDate(later, 'Your date of birth', '1986-04-28');
      await later.getByRole('button', { name: 'Continue my form' }).click();
      await expect.poll(() => stepHeading(later)).toBe('How to reach you');
      expect(await later.getByLabel('Email address').inputValue()).toBe('ana@example.com');
      await check(later);
      await signAndCheck(later, 'Ana Díaz', { check: () => check(later) });
      // The fee these answers make, before sending: 2 copies × $25.00.
      expect(await later.locator('[data-fee]').getAttribute('data-fee')).toBe('5000');
      await check(later);
      await later.getByRole('button', { name: 'Send application' }).click();
      await later.waitForURL(/\/api\/status\/[2-9A-Z-]{14}\?submitted=1/);
      const sent = (await later.locator('[data-confirmation-code]').textContent())?.trim() ?? '';
      expect(await later.locator('[data-payment-section] [data-payment-state]').textContent()).toBe('Not paid');
      await check(later);

      // Pay in the provider's (local sandbox's) hosted checkout.
      await later.getByRole('button', { name: 'Pay $50.00' }).click();
      await later.waitForURL(/\/sandbox\/checkout\/cs_test_/);
      await check(later);
      await later.getByLabel('Card number').fill(CARDS.pays);
      await later.getByLabel('Expiration date').fill('12/40');
      await later.getByLabel('Security code (CVC)').fill('123');
      await later.getByRole('button', { name: /^Pay \$/ }).click();
      await later.waitForURL(/\/api\/payments\/.*from=checkout/);
      expect(await later.getByRole('heading', { level: 1 }).textContent()).toBe('Payment received');
      expect(await later.locator('[data-receipt] [data-amount]').textContent()).toBe('$50.00');
      await check(later);
      await later.getByRole('link', { name: 'See where your application stands' }).click();
      await later.waitForURL(new RegExp(`/api/status/${sent}`));
      expect(await later.locator('[data-payment-section] [data-payment-state]').textContent()).toBe('Paid');
      await check(later);

      const stored = (await portal.items()).find((item) => item.type === 'submission' && item.code === sent);
      expect(stored).toMatchObject({ formVersion: 2, fee: { amount: 5000, quantity: 2 }, answers: { copies: 2 } });
      await portal.paymentSandbox.settled();
      await second.close();
    });
  });
}

describe('a signed-in person’s draft, with JavaScript', () => {
  it('is prefilled from the sign-in, saved to My account, and continued from there', { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 740 }, baseURL: portal.url });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Sign in with Login.gov' }).click();
    await page.getByRole('heading', { name: 'Sandbox: Login.gov' }).waitFor();
    await page.getByRole('button', { name: /Ana Rivera/ }).click();
    await expect.poll(() => page.getByRole('strong').first().textContent()).toBe('Ana Rivera');

    // The site's first page: filled in from the sign-in by the browser, and marked so.
    await page.goto('/services/unemployment-benefits/apply/');
    expect(await page.getByLabel('First name').inputValue()).toBe('Ana');
    expect(await page.getByLabel('Last name').inputValue()).toBe('Rivera');
    expect(await page.locator('[data-prefilled-note]').count()).toBe(1);
    await checkPage(browser, page, true);
    await page.getByLabel('Social Security number').fill('401-23-4567');
    await fillMemorableDate(page, 'Date of birth', '1986-04-28');
    await page.locator('label[for="field-citizen-yes"]').click();
    await next(page, 'How to reach you');
    // A later page: filled in by the server when the signed-in draft started.
    expect(await page.getByLabel('Email address').inputValue()).toBe('ana.rivera@example.com');
    expect(await page.locator('main').textContent()).toContain('We filled this in from your sign-in');
    await checkPage(browser, page, true);

    await page.getByRole('button', { name: 'Save and come back later' }).click();
    await expect.poll(() => h1(page)).toBe('Your answers are saved');
    expect(await page.locator('[data-resume-code]').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('the form is kept in your account');
    await checkPage(browser, page, true);

    await page.goto('/account/');
    const row = page.locator('[data-drafts] tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('Unemployment benefits application');
    await checkPage(browser, page, true);
    await row
      .first()
      .getByRole('button', { name: /Continue/ })
      .click();
    await expect.poll(() => heading(page)).toBe('How to reach you');
    await context.close();
  });
});

describe('a date range, checked in the browser by the server’s rule', () => {
  it('names a birth date in the future as the person leaves the question, with the server’s words', {
    timeout: 60_000,
  }, async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 740 }, baseURL: portal.url });
    const page = await context.newPage();
    await page.goto('/services/unemployment-benefits/apply/');
    const nextYear = new Date().getUTCFullYear() + 1;
    await fillMemorableDate(page, 'Date of birth', `${nextYear}-01-15`);
    await page.getByLabel('Social Security number').focus();
    const message = page.locator('[data-error-for="dateOfBirth"]');
    await expect.poll(() => message.textContent()).toBe('Date of birth must be today or in the past');
    // The same words the server gives for the same answer.
    const server = await fetch(`${portal.url}/api/forms/unemployment-benefits-application/drafts?lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ 'dateOfBirth-month': '1', 'dateOfBirth-day': '15', 'dateOfBirth-year': String(nextYear) }),
    });
    const { error } = (await server.json()) as { error: { fields: { field: string; message: string }[] } };
    expect(error.fields.find((field) => field.field === 'dateOfBirth')?.message).toBe(await message.textContent());
    // Sending is stopped in the browser: still the first page.
    await page.getByRole('button', { name: 'Save and continue' }).click();
    expect(new URL(page.url()).pathname).toBe('/services/unemployment-benefits/apply/');
    await fillMemorableDate(page, 'Date of birth', '1986-04-28');
    await page.getByLabel('Social Security number').focus();
    await expect.poll(() => message.isHidden()).toBe(true);
    await context.close();
  });
});
