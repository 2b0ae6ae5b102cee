/**
 * Attaching files in real Chromium, with JavaScript and without: the veterans' mark request page by page, two
 * files attached to the discharge papers question (without JavaScript one plain post to the bucket each, with it
 * both at once with progress), Check your answers naming them, Send, then DMV staff open both from the case page.
 * axe on every page of the citizen's; one portal and one browser for the file.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath } from '#ui/paths.ts';
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

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n% discharge papers\n'), Buffer.alloc(4000, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(3000, 7)]);
const FILES = [
  { name: 'dd214.pdf', mimeType: 'application/pdf', buffer: PDF },
  { name: 'back page.png', mimeType: 'image/png', buffer: PNG },
];

const checkPage = (page: Page, javaScriptEnabled: boolean) => expectUsablePage(browser, page, javaScriptEnabled);

const heading = (page: Page) => page.locator('.usa-step-indicator__heading-text').textContent();

async function next(page: Page, title: string) {
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect.poll(() => heading(page)).toBe(title);
}

async function attach(page: Page, javaScriptEnabled: boolean) {
  const input = page.getByLabel('Choose a file');
  if (javaScriptEnabled) {
    // Both at once; each shows its own progress line, then the page lists them. The release step is held back a
    // moment, so the lines can be read before the page moves on.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/uploads/dischargePapers/**', async (route) => {
      await held;
      await route.continue();
    });
    await input.setInputFiles(FILES);
    await page.getByRole('button', { name: 'Upload file' }).click();
    await expect.poll(() => page.locator('[data-upload-file="dd214.pdf"]').textContent()).toMatch(/^Uploading dd214\.pdf: \d+%$/);
    release();
    await expect.poll(() => page.locator('[data-file]').count(), { timeout: 15_000 }).toBe(2);
    await page.unroute('**/uploads/dischargePapers/**');
    return;
  }
  for (const [index, file] of FILES.entries()) {
    // A plain form post straight to the bucket, which sends the browser back through the release step.
    await page.getByLabel('Choose a file').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload file' }).click();
    await expect.poll(() => page.locator('[data-file]').count(), { timeout: 15_000 }).toBe(index + 1);
  }
}

for (const javaScriptEnabled of [true, false]) {
  describe(`attaching files ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, () => {
    it('sends two files with the form, and DMV staff open both from the case page', { timeout: 90_000 }, async () => {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 320, height: 740 }, baseURL: portal.url });
      const page = await context.newPage();
      await page.goto('/services/veteran-drivers-license-designation/apply/');
      expect(await heading(page)).toBe('About you');
      await page.getByLabel("Driver's license or ID card number").fill('D12345678');
      await fillMemorableDate(page, 'Date of birth', '1986-04-28');
      await page.getByLabel('Email address').fill('ana@example.com');
      await next(page, 'Your service');
      await page.getByLabel('Branch of service').selectOption('navy');
      await fillMemorableDate(page, 'Date you left the military', '2010-06-01');
      await next(page, 'Discharge papers');
      await checkPage(page, javaScriptEnabled);

      // Going on without a file: the question is named.
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await expect.poll(() => page.locator('[data-error-summary]').textContent()).toContain('Upload your DD-214');
      await checkPage(page, javaScriptEnabled);

      await attach(page, javaScriptEnabled);
      await portal.uploads.settle();
      await page.reload();
      expect(
        await page.locator('[data-file]').evaluateAll((items) => items.map((item) => item.getAttribute('data-file'))),
      ).toEqual(['dd214.pdf', 'back page.png']);
      await expect.poll(() => page.locator('[data-file-state="checked"]').count()).toBe(2);
      // Names only: no link to a file anywhere on the citizen's page.
      expect(await page.locator(`a[href*="${portal.uploads.endpoint}"]`).count()).toBe(0);
      await checkPage(page, javaScriptEnabled);

      await page.getByRole('button', { name: 'Save and continue' }).click();
      await page.waitForURL(/\/pages\/check-your-answers/);
      expect(await page.locator('main').textContent()).toContain('dd214.pdf, back page.png');
      await checkPage(page, javaScriptEnabled);
      await page.getByRole('button', { name: 'Send application' }).click();
      await page.waitForURL(/\/api\/status\/[2-9A-Z-]{14}\?submitted=1/);
      const code = (await page.locator('[data-confirmation-code]').textContent())?.trim() ?? '';

      const staff = await browser.newContext({ javaScriptEnabled, viewport: { width: 1024, height: 800 }, baseURL: portal.url });
      const desk = await staff.newPage();
      await desk.goto(apiPath('staffSignIn', {}, { idp: 'ExampleStaff' }));
      await desk.getByRole('button', { name: /DMV Staff/ }).click();
      await desk.waitForURL((url) => url.pathname.startsWith('/api/agency/desk/queue/'));
      await desk.goto(apiPath('casePage', { code }, { lang: 'en' }));
      const before = (await portal.items()).filter((item) => item.action === 'case.file').length;
      for (const file of FILES) {
        const download = desk.waitForEvent('download');
        await desk.locator(`[data-case-file="${file.name}"]`).click();
        const saved = await (await download).path();
        expect(readFileSync(saved).equals(file.buffer)).toBe(true);
        expect((await download).suggestedFilename()).toBe(file.name);
      }
      expect((await portal.items()).filter((item) => item.action === 'case.file').length - before).toBe(2);
      await Promise.all([context.close(), staff.close()]);
    });
  });
}
