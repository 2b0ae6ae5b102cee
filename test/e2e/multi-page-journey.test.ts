/**
 * A multi-page form in real Chromium on a 320 px phone, with JavaScript and without: the SNAP application page by
 * page, a question that shows only for some answers on the same page, a page that shows only for some answers on
 * earlier pages, "Check your answers" with a change that removes a page, and the confirmation. axe on every page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectUsablePage, fillMemorableDate, launchBrowser } from '../support/browser.ts';
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

const checkPage = (page: Page, javaScriptEnabled: boolean) => expectUsablePage(browser, page, javaScriptEnabled);

const heading = (page: Page) => page.locator('.usa-step-indicator__heading-text').textContent();

async function next(page: Page, title: string) {
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect.poll(() => heading(page)).toBe(title);
}

for (const javaScriptEnabled of [true, false]) {
  describe(`the SNAP application ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, () => {
    it('goes page by page, branches on the answers, lets the person change an answer, and sends', {
      timeout: 60_000,
    }, async () => {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 320, height: 740 }, baseURL: portal.url });
      const page = await context.newPage();
      await page.goto('/services/snap-food-assistance/apply/');
      expect(await heading(page)).toBe('About you');
      await checkPage(page, javaScriptEnabled);

      // A mistake on the first page: named in the summary, nothing kept.
      await page.getByLabel('First name').fill('Ana');
      await page.getByLabel('Last name').fill('Díaz');
      await page.getByLabel('Email address').fill('ana-at-example');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await expect.poll(() => page.locator('[data-error-summary]').textContent()).toContain('Enter an email address like');
      await checkPage(page, javaScriptEnabled);
      await page.getByLabel('Email address').fill('ana@example.com');
      await next(page, 'Where you live');
      expect(new URL(page.url()).pathname).toMatch(/^\/api\/forms\/snap-application\/drafts\/[\w-]{22}\/pages\/home$/);
      await checkPage(page, javaScriptEnabled);

      await page.getByLabel('Street address').fill('1 Main St');
      await page.getByLabel('City or town').fill('Springfield');
      await page.getByLabel('State', { exact: true }).selectOption('IL');
      await page.getByLabel('ZIP code').fill('55501');
      await next(page, 'Your household');
      // Back keeps what was typed.
      await page.locator('[data-back-link]').click();
      await expect.poll(() => heading(page)).toBe('Where you live');
      expect(await page.getByLabel('Street address').inputValue()).toBe('1 Main St');
      expect(await page.getByLabel('State', { exact: true }).inputValue()).toBe('IL');
      await next(page, 'Your household');
      await page.getByLabel('How many people live and eat with you?').fill('3');
      await next(page, 'Others in your household');
      // Three household members, one page each; one removed again.
      for (const given of ['Bo', 'Cy', 'Di']) {
        await page.locator('[data-add-item]').click();
        await expect.poll(() => page.locator('.portal-item-heading').count()).toBe(1);
        await page.getByLabel('First name').fill(given);
        await page.getByLabel('Last name').fill('Díaz');
        await fillMemorableDate(page, 'Their date of birth', '2015-06-01');
        await page.getByRole('button', { name: 'Save and continue' }).click();
        await expect.poll(() => page.locator('[data-item]').count()).toBeGreaterThan(0);
      }
      expect(await page.locator('[data-item]').allTextContents()).toEqual([
        expect.stringContaining('Bo Díaz'),
        expect.stringContaining('Cy Díaz'),
        expect.stringContaining('Di Díaz'),
      ]);
      await checkPage(page, javaScriptEnabled);
      await page.getByRole('button', { name: 'Remove Person 2' }).click();
      await expect.poll(() => page.locator('[data-item]').count()).toBe(2);
      await next(page, 'Money coming in');

      const amount = page.locator('[data-field="monthlyIncome"]');
      if (javaScriptEnabled) {
        // Asked only after "Yes", on the same page.
        expect(await amount.isHidden()).toBe(true);
        await page.locator('label[for="field-hasIncome-yes"]').click();
        expect(await amount.isVisible()).toBe(true);
      } else {
        expect(await amount.isVisible()).toBe(true);
        await page.locator('label[for="field-hasIncome-yes"]').click();
      }
      await checkPage(page, javaScriptEnabled);
      await page.getByLabel('Money your household gets each month').fill('1,000');
      await page.locator('label[for="field-incomeSources-pay"]').click();
      // Little income: the page about help right away is asked.
      await next(page, 'Help right away');
      await page.locator('label[for="field-needsFoodNow-no"]').click();
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Others in your household' }).count()).toBe(1);
      expect(await page.locator('[data-answer="household-members.1"]').textContent()).toContain('Di Díaz');
      await checkPage(page, javaScriptEnabled);

      // Change one member from "Check your answers": the list, their page, the list, and back.
      await page.getByRole('link', { name: 'Change Person 1' }).click();
      await expect.poll(() => page.locator('[data-item]').count()).toBe(2);
      await page.getByRole('link', { name: 'Change Person 1' }).click();
      await page.getByLabel('First name').fill('Bob');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await expect.poll(() => page.locator('[data-item="0"]').textContent()).toContain('Bob Díaz');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await expect.poll(() => page.locator('[data-answer="household-members.0"]').textContent()).toContain('Bob Díaz');
      // The draft behind the page holds the two members left, the change made.
      const draftId = /drafts\/([\w-]{22})\//.exec(page.url())?.[1];
      const draft = (await portal.items()).find((item) => item.type === 'draft' && item.id === draftId);
      const members = (draft?.answers as Record<string, { memberName: { given: string } }[]> | undefined)?.['household-members'];
      expect(members?.map((member) => member.memberName.given)).toEqual(['Bob', 'Di']);

      // Change the household to one person: back to "Check your answers", and the page about the others is gone.
      await page.getByRole('link', { name: 'Change How many people live and eat with you?' }).click();
      await expect.poll(() => heading(page)).toBe('Your household');
      await page.getByLabel('How many people live and eat with you?').fill('1');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await expect.poll(() => page.locator('[data-answer="householdSize"]').textContent()).toContain('1');
      expect(await page.getByRole('heading', { level: 2, name: 'Others in your household' }).count()).toBe(0);

      await page.getByRole('button', { name: 'Send application' }).click();
      await page.waitForURL(/\/api\/status\/[2-9A-Z-]{14}\?submitted=1/);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Application sent');
      const code = (await page.locator('[data-confirmation-code]').textContent())?.trim();
      await checkPage(page, javaScriptEnabled);

      const stored = (await portal.items()).find((item) => item.type === 'submission' && item.code === code);
      expect(stored?.answers).toEqual({
        applicantName: { given: 'Ana', family: 'Díaz' },
        email: 'ana@example.com',
        homeAddress: { street1: '1 Main St', city: 'Springfield', state: 'IL', zip: '55501' },
        householdSize: 1,
        hasIncome: 'yes',
        monthlyIncome: 100000,
        incomeSources: ['pay'],
        needsFoodNow: 'no',
      });
      await context.close();
    });
  });
}
