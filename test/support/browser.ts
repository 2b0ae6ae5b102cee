/** Real Chromium (Debian's) driven by playwright-core, and an axe-core check for every page a test visits. */
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
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

/** The heading of the page a multi-page form is on (the step indicator's). */
export const stepHeading = (page: Page) => page.locator('.usa-step-indicator__heading-text').textContent();

/** "Save and continue", then waits for the next page's step heading. */
export async function saveAndContinue(page: Page, nextTitle: string) {
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect.poll(() => stepHeading(page)).toBe(nextTitle);
}

/** A US address question's boxes (the page's only address question). */
export async function fillAddress(
  page: Page,
  address = { street: '12 Elm Street', city: 'Springfield', state: 'IL', zip: '62701' },
) {
  await page.getByLabel('Street address', { exact: true }).fill(address.street);
  await page.getByLabel('City or town', { exact: true }).fill(address.city);
  await page.getByLabel('State', { exact: true }).selectOption(address.state);
  await page.getByLabel('ZIP code').fill(address.zip);
}

/** A radio or yes/no answer, by its input's id (USWDS hides the input: the label is what a person clicks). */
export const choose = (page: Page, question: string, value: string) =>
  page.locator(`label[for="field-${question}-${value}"]`).click();

/**
 * The birth certificate request (version 2) as a parent answers it for their child, the way a person would
 * (labels, not ids): whose certificate, "You and your child", the certificate, 2 copies and where to mail them,
 * their own name, and on "How to reach you" the e-mail address. `check` runs on every page reached (axe).
 */
export async function fillBirthCertificateForm(page: Page, options: { check?: () => Promise<void> } = {}) {
  const check = options.check ?? (async () => {});
  await expect.poll(() => stepHeading(page)).toBe('Whose certificate');
  await choose(page, 'relationship', 'child');
  await saveAndContinue(page, 'You and your child');
  await check();
  await choose(page, 'parentOnCertificate', 'yes');
  await saveAndContinue(page, 'The birth certificate');
  await check();
  await page.getByLabel('First name').fill('Ana María');
  await page.getByLabel('Last name').fill('Núñez');
  await fillMemorableDate(page, 'Date of birth', '2020-02-29');
  await page.getByLabel('City or town of birth').fill('Springfield');
  await page.getByLabel('Full name of a parent').fill('Luisa Núñez');
  await saveAndContinue(page, 'Copies and mailing');
  await check();
  await page.getByLabel('Number of copies').fill('2');
  await fillAddress(page);
  await saveAndContinue(page, 'About you');
  await check();
  await page.getByLabel('First name').fill('Luisa');
  await page.getByLabel('Last name').fill('Núñez');
  await saveAndContinue(page, 'How to reach you');
  await check();
  await page.getByLabel('Email address').fill('ana@example.com');
}

/** From "How to reach you" on: the declaration agreed and signed, then Check your answers. */
export async function signAndCheck(page: Page, name = 'Luisa Núñez', options: { check?: () => Promise<void> } = {}) {
  await saveAndContinue(page, 'Sign your request');
  await options.check?.();
  await page.locator('label[for="field-declaration-agree"]').click();
  await page.getByLabel('Type your full name to sign').fill(name);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Send application' }).count()).toBe(1);
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

/** A fresh context and page on the portal, a phone's width unless told, with JavaScript on or off. */
export async function openScreen(
  browser: Browser,
  baseURL: string,
  javaScriptEnabled: boolean,
  width = 320,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 800 }, baseURL });
  return { context, page: await context.newPage() };
}

/**
 * What every page of a journey must pass: axe (with JavaScript off, the same HTML with the page's own scripts
 * blocked), and nothing wider than the screen.
 */
export async function expectUsablePage(browser: Browser, page: Page, javaScriptEnabled: boolean): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(page.viewportSize()?.width ?? 320);
  if (javaScriptEnabled) await expectNoAxeViolations(page);
  else await expectNoAxeViolationsWithoutScripts(browser, page);
}
