/**
 * The API reference page, in real Chromium with JavaScript off: every operation of the document the API serves
 * is on it, in English and in Spanish; axe finds nothing at 320 px and at 1280 px; nothing scrolls sideways on a
 * phone; and its download link is the document itself.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath, pageHref, pages } from '#ui/paths.ts';
import { expectNoAxeViolationsWithoutScripts, launchBrowser } from '../support/browser.ts';
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

describe('the API reference page', () => {
  for (const [locale, heading] of [
    ['en', 'API reference'],
    ['es', 'Referencia de la API'],
  ] as const) {
    it(`lists every operation of the served document, axe-clean at 320 and 1280 px, without JavaScript (${locale})`, async () => {
      const served = await fetch(`${portal.url}${apiPath('getOpenApi')}`);
      expect(served.status).toBe(200);
      const openApi = (await served.json()) as { paths: Record<string, Record<string, { operationId: string }>> };
      const operations = Object.values(openApi.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));

      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${portal.url}${pageHref(locale, pages.apiReference())}`);
      expect(await page.locator('h1').textContent()).toBe(heading);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      for (const id of operations) expect(await page.locator(`[id="op-${id}"]`).count(), id).toBe(1);
      expect(await page.getByRole('link', { name: /OpenAPI 3\.1/ }).getAttribute('href')).toBe(apiPath('getOpenApi'));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // axe is a script: it runs on the same HTML in a page whose own scripts are blocked.
      await expectNoAxeViolationsWithoutScripts(browser, page);
      await page.setViewportSize({ width: 1280, height: 800 });
      await expectNoAxeViolationsWithoutScripts(browser, page);
      await context.close();
    }, 120_000);
  }
});
