/** Real Chromium (Debian's) driven by playwright-core, and an axe-core check for every page a test visits. */
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_PATH } from '../../scripts/preflight-paths.ts';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Fails the test with a readable list when axe finds any violation (WCAG 2.2 AA and best practice). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** A memorable date (three boxes in a fieldset) filled as a person types it: 2 29 2020. */
export async function fillMemorableDate(page: Page, legend: string, iso: string) {
  const [year = '', month = '', day = ''] = iso.split('-');
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel(/^(Month|Mes)$/).fill(String(Number(month)));
  await group.getByLabel(/^(Day|Día)$/).fill(String(Number(day)));
  await group.getByLabel(/^(Year|Año)$/).fill(year);
}

/** The birth certificate form, answered the way a person would (labels, not ids). */
export async function fillBirthCertificateForm(page: Page) {
  await page.getByLabel('Full name on the birth certificate').fill('Ana María Núñez');
  await fillMemorableDate(page, 'Date of birth', '2020-02-29');
  await page
    .getByText('My child’s', { exact: true })
    .or(page.getByText("My child's", { exact: true }))
    .first()
    .click();
  await page.getByLabel('Number of copies').fill('2');
  await page.getByLabel('Email address').fill('ana@example.com');
}

/**
 * axe runs as a script, so a page visited with JavaScript off is checked as the same HTML in a page whose
 * own scripts are blocked.
 */
export async function expectNoAxeViolationsWithoutScripts(browser: Browser, page: Page): Promise<void> {
  const html = await page.content();
  const context = await browser.newContext({ viewport: page.viewportSize() ?? { width: 390, height: 844 } });
  const probe = await context.newPage();
  await probe.route(page.url(), (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  await probe.route('**/*.js', (route) => route.abort());
  await probe.goto(page.url());
  await expectNoAxeViolations(probe);
  await context.close();
}
