/**
 * The birth certificate request branching on whose certificate it is, in real Chromium at 320 px, with JavaScript
 * and without, axe on every page: someone else's certificate asks how the person is related, the proof and why,
 * and their own name; changed to "Mine" from Check your answers, those pages and their answers are gone, and what
 * is sent is the person's own request. The fee shown before sending is per copy (3 × $25.00).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  choose,
  expectUsablePage,
  fillAddress,
  fillMemorableDate,
  launchBrowser,
  saveAndContinue,
  signAndCheck,
  stepHeading,
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

const checkPage = (page: Page, javaScriptEnabled: boolean) => expectUsablePage(browser, page, javaScriptEnabled);

for (const javaScriptEnabled of [true, false]) {
  describe(`the birth certificate request ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, () => {
    it('asks someone else how they are related and for proof, and drops it all when changed to "Mine"', {
      timeout: 180_000,
    }, async () => {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 320, height: 740 }, baseURL: portal.url });
      const page = await context.newPage();
      const check = () => checkPage(page, javaScriptEnabled);
      await page.goto('/services/birth-certificate/apply/');
      expect(await stepHeading(page)).toBe('Whose certificate');
      await check();

      // Someone else's: the branch's own page, with its mistakes named first.
      await choose(page, 'relationship', 'other');
      await saveAndContinue(page, 'How you are related');
      await check();
      await page.getByRole('button', { name: 'Save and continue' }).click();
      const summary = page.locator('[data-error-summary]');
      await expect.poll(() => summary.textContent()).toContain('Choose how you are related');
      expect(await summary.textContent()).toContain('Choose the paper that shows how you are related');
      await check();
      await choose(page, 'relationToPerson', 'grandchild');
      await choose(page, 'proofDocument', 'birth-certificates');
      await page.getByLabel('Why do you need their birth certificate?').fill('To claim her survivor benefits.');
      await saveAndContinue(page, 'The birth certificate');
      await check();

      await page.getByLabel('First name').fill('Rosa');
      await page.getByLabel('Last name').fill('Díaz');
      await fillMemorableDate(page, 'Date of birth', '1940-02-11');
      await page.getByLabel('City or town of birth').fill('Springfield');
      await page.getByLabel('Full name of a parent').fill('Carmen Ruiz');
      await saveAndContinue(page, 'Copies and mailing');
      await check();
      await page.getByLabel('Number of copies').fill('3');
      await fillAddress(page);
      // Not one's own certificate: who is asking.
      await saveAndContinue(page, 'About you');
      await check();
      await page.getByLabel('First name').fill('Ana');
      await page.getByLabel('Last name').fill('Díaz');
      await saveAndContinue(page, 'How to reach you');
      await check();
      await page.getByLabel('Email address').fill('ana@example.com');
      await signAndCheck(page, 'Ana Díaz', { check });

      // Check your answers: the branch's answers, and the fee per copy before sending.
      expect(await page.locator('[data-answer="relationship"]').textContent()).toMatch(/Someone else['’]s/);
      expect(await page.locator('[data-answer="relationToPerson"]').textContent()).toContain('I am their grandchild');
      expect(await page.locator('[data-answer="proofDocument"]').textContent()).toContain('Birth certificates that link us');
      expect(await page.locator('[data-answer="applicantName"]').textContent()).toContain('Ana Díaz');
      expect(await page.locator('[data-fee]').getAttribute('data-fee')).toBe('7500');
      await check();

      // The other way: "Mine". Back to Check your answers, the branch's pages gone.
      await page.getByRole('link', { name: 'Change Whose birth certificate do you need?' }).click();
      await expect.poll(() => stepHeading(page)).toBe('Whose certificate');
      await check();
      await choose(page, 'relationship', 'self');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Send application' }).count()).toBe(1);
      expect(await page.locator('[data-answer="relationship"]').textContent()).toContain('Mine');
      for (const hidden of ['relationToPerson', 'proofDocument', 'reason', 'applicantName'])
        expect(await page.locator(`[data-answer="${hidden}"]`).count(), hidden).toBe(0);
      await check();

      await page.getByRole('button', { name: 'Send application' }).click();
      await page.waitForURL(/\/api\/status\/[2-9A-Z-]{14}\?submitted=1/);
      const code = (await page.locator('[data-confirmation-code]').textContent())?.trim();
      await check();
      const stored = (await portal.items()).find((item) => item.type === 'submission' && item.code === code);
      expect(stored).toMatchObject({
        formVersion: 2,
        fee: { amount: 7500, quantity: 3, unitAmount: 2500 },
        answers: { relationship: 'self', fullName: { given: 'Rosa', family: 'Díaz' }, copies: 3 },
      });
      // Answers to questions that ended up hidden are dropped, never stored.
      for (const hidden of ['relationToPerson', 'proofDocument', 'reason', 'applicantName'])
        expect(stored?.answers as Record<string, unknown>, hidden).not.toHaveProperty(hidden);
      await context.close();
    });
  });
}
