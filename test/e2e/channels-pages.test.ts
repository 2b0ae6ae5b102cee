/**
 * The pages issue #11's remainder added, in real Chromium at 320 px, axe on each, with and without JavaScript where
 * the page works without it: "send me my codes" on the status page and its answer (and its mistake page); the staff
 * unlinked contacts page, a contact linked with its plain form, and the person page; My account's "How we contact
 * you" (a signed-in page, so with JavaScript), saved and read back.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath } from '#ui/paths.ts';
import { expectUsablePage, launchBrowser, openScreen } from '../support/browser.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { machineToken } from '../support/sign-in.ts';

let portal: TestPortal;
let browser: Browser;
let machine = '';

beforeAll(async () => {
  [portal, browser] = await Promise.all([startTestPortal(), launchBrowser()]);
  machine = await machineToken(portal.url, ['frontdoor/interactions']);
});
afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

const newScreen = (javaScriptEnabled: boolean, width?: number) => openScreen(browser, portal.url, javaScriptEnabled, width);

const checkPage = (page: Page, javaScriptEnabled: boolean) => expectUsablePage(browser, page, javaScriptEnabled);

let contacts = 0;
async function unlinkedCall(summary: string) {
  const answer = await fetch(`${portal.url}${apiPath('recordInteraction')}`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${machine}` },
    body: JSON.stringify({
      channel: 'voice',
      direction: 'in',
      occurredAt: new Date().toISOString(),
      agency: 'vital-records',
      summary,
      externalId: `e2e-${Date.now()}-${++contacts}`,
      person: { phone: '+12025550188' },
    }),
  });
  expect(answer.status).toBe(201);
}

for (const javaScriptEnabled of [true, false]) {
  describe(`${javaScriptEnabled ? 'with' : 'without'} JavaScript`, () => {
    it('asks for the codes from the status page and is told to check the e-mail, in English and Spanish', async () => {
      const { context, page } = await newScreen(javaScriptEnabled);
      await page.goto('/status/');
      await page.getByLabel('Email address').fill('someone@example.com');
      await checkPage(page, javaScriptEnabled);
      await page.getByRole('button', { name: 'Email me my codes' }).click();
      await page.getByRole('heading', { name: 'Check your email' }).waitFor();
      await checkPage(page, javaScriptEnabled);
      await page.goto('/es/status/');
      await page.getByLabel('Correo electrónico').fill('ana@example');
      await page.getByRole('button', { name: 'Envíenme mis códigos' }).click();
      await page.getByText('Escriba un correo electrónico como nombre@example.com').first().waitFor();
      await checkPage(page, javaScriptEnabled);
      await context.close();
    }, 90_000);

    it('staff link an unlinked call to a person, and open the person page', async () => {
      const summary = `Unknown caller ${javaScriptEnabled ? 'js' : 'nojs'}`;
      await unlinkedCall(summary);
      const { context, page } = await newScreen(javaScriptEnabled);
      await page.goto(
        apiPath('staffSignIn', {}, { idp: 'ExampleStaff', return: apiPath('unlinkedContactsPage', { agency: 'vital-records' }) }),
      );
      await page.getByRole('button', { name: /Vital Records Staff/ }).click();
      await page.waitForURL((url) => url.pathname === apiPath('unlinkedContactsPage', { agency: 'vital-records' }));
      await page.getByText(summary).waitFor();
      await checkPage(page, javaScriptEnabled);
      const item = page.locator('[data-unlinked-contact]', { hasText: summary });
      const person = `sub-person-${javaScriptEnabled ? 'js' : 'nojs'}`;
      await item.getByLabel("Or the person's id (optional)").fill(person);
      await item.getByRole('button', { name: 'Link this contact' }).click();
      await page.getByText(`Linked to ${person}.`).waitFor();
      await checkPage(page, javaScriptEnabled);
      await page.goto(apiPath('personPage', { agency: 'vital-records', person }));
      await page.getByText(summary).waitFor();
      await checkPage(page, javaScriptEnabled);
      await context.close();
    }, 90_000);
  });
}

describe('My account, signed in', () => {
  it('chooses texts for status changes, saves, and finds the choice again after a reload', async () => {
    const { context, page } = await newScreen(true);
    await page.goto('/account/');
    await page.getByRole('button', { name: 'Sign in with Login.gov' }).click();
    await page.getByRole('button', { name: /Ana Rivera/ }).click();
    await page.waitForURL((url) => url.pathname === '/account/');
    const form = page.locator('[data-preferences-form]');
    await form.waitFor();
    await form.locator('fieldset', { hasText: 'When its status changes' }).getByText('Text message').click();
    await form.getByRole('button', { name: 'Save how we contact you' }).click();
    await page.getByText('Saved.').waitFor({ state: 'attached' });
    await checkPage(page, true);
    await page.reload();
    await form.waitFor();
    await expect.poll(() => form.locator('input[name="status-changed"][value="sms"]').isChecked()).toBe(true);
    await context.close();
  }, 90_000);
});
