/**
 * The workspace in real Chromium, with and without JavaScript, at 320 px, axe on every page: a citizen applies; a
 * Vital Records staff member signs in, finds the case in the queue, opens it, asks for more information with a
 * message; the citizen's status page shows it; staff approve; the citizen sees "Approved". Staff of another agency
 * never see the case.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath } from '#ui/paths.ts';
import { expectUsablePage, fillBirthCertificateForm, launchBrowser, openScreen, signAndCheck } from '../support/browser.ts';
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

const newScreen = (javaScriptEnabled: boolean, width?: number) => openScreen(browser, portal.url, javaScriptEnabled, width);

const checkPage = (page: Page, javaScriptEnabled: boolean) => expectUsablePage(browser, page, javaScriptEnabled);

/** The workspace's own sign-in, through the sandbox staff provider's persona picker. */
async function signInAsStaff(page: Page, person: RegExp, javaScriptEnabled: boolean) {
  await page.goto(apiPath('staffSignIn', {}, { idp: 'ExampleStaff' }));
  await page.getByRole('button', { name: person }).waitFor();
  await checkPage(page, javaScriptEnabled);
  await page.getByRole('button', { name: person }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/api/agency/desk/queue/'));
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === '__Host-fd-staff')).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
}

async function citizenApplies(page: Page, email: string): Promise<string> {
  await page.goto('/services/birth-certificate/apply/');
  await fillBirthCertificateForm(page);
  await page.getByLabel('Email address').fill(email);
  await signAndCheck(page);
  await page.getByRole('button', { name: 'Send application' }).click();
  await page.waitForURL(/\/api\/status\/[2-9A-Z-]{14}\?submitted=1/);
  return (await page.locator('[data-confirmation-code]').textContent())?.trim() ?? '';
}

async function citizenSees(page: Page, code: string) {
  await page.goto(apiPath('showStatus', { code }));
  return {
    status: (await page.locator('[data-status]').first().textContent())?.trim(),
    message: (
      await page
        .locator('[data-status-message]')
        .textContent()
        .catch(() => null)
    )?.trim(),
  };
}

/** The case page's status form: back on the case (303), or — refused — the form's answer with the error summary. */
async function changeStatus(page: Page, code: string, label: string, message?: string) {
  await page.getByLabel('New status').selectOption({ label });
  if (message) await page.getByLabel('Message to the applicant', { exact: true }).fill(message);
  await page.getByRole('button', { name: 'Change status' }).click();
  const casePath = apiPath('casePage', { code });
  await page.waitForURL(
    (url) => url.pathname === (message || label !== 'We need more information' ? casePath : `${casePath}/status`),
  );
}

for (const javaScriptEnabled of [true, false]) {
  describe(`staff ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, () => {
    it('work a citizen application from the queue to approval, and the citizen sees each step', async () => {
      const citizen = await newScreen(javaScriptEnabled, 390);
      const code = await citizenApplies(citizen.page, `ana.${javaScriptEnabled ? 'js' : 'nojs'}@example.com`);
      expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);

      const staff = await newScreen(javaScriptEnabled);
      const { page } = staff;
      await signInAsStaff(page, /Vital Records Staff/, javaScriptEnabled);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Work queue');
      await checkPage(page, javaScriptEnabled);

      // Newest first: the application just sent heads the list.
      await page.getByLabel('Order').selectOption('newest');
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      await page.waitForURL(/order=newest/);
      await checkPage(page, javaScriptEnabled);
      await page.locator(`[data-case-link="${code}"]`).click();
      await page.waitForURL((url) => url.pathname === apiPath('casePage', { code }));
      expect(await page.locator('[data-answer="fullName"]').textContent()).toBe('Ana María Núñez');
      await checkPage(page, javaScriptEnabled);

      // "Action needed" without a message is refused with the error summary, on the same page.
      await changeStatus(page, code, 'We need more information');
      expect(await page.locator('[data-error-summary]').textContent()).toContain('Enter a message');
      await checkPage(page, javaScriptEnabled);

      await changeStatus(page, code, 'We need more information', 'Send a copy of your photo ID.');
      expect(await page.locator('[data-case-page]').getAttribute('data-case-status')).toBe('needs-information');
      // The case's timeline: what happened, newest first, written with each change.
      expect(
        await page.locator('[data-timeline] [data-kind]').evaluateAll((items) => items.map((i) => i.getAttribute('data-kind'))),
      ).toEqual(expect.arrayContaining(['status-changed', 'submitted']));
      expect(await page.locator('[data-timeline] [data-kind]').last().getAttribute('data-kind')).toBe('submitted');
      await checkPage(page, javaScriptEnabled);

      expect(await citizenSees(citizen.page, code)).toEqual({
        status: 'We need more information',
        message: 'Send a copy of your photo ID.',
      });
      await checkPage(citizen.page, javaScriptEnabled);

      await changeStatus(page, code, 'Approved');
      expect(await page.locator('[data-case-page]').getAttribute('data-case-status')).toBe('approved');
      expect((await citizenSees(citizen.page, code)).status).toBe('Approved');

      // Found by its code from the queue page too, in Spanish.
      await page.goto(apiPath('agencyQueuePage', { agency: 'vital-records' }, { lang: 'es' }));
      await page.getByLabel('Código de confirmación o correo electrónico de la persona').fill(code.toLowerCase());
      await page.locator('[data-find-case]').getByRole('button', { name: 'Buscar' }).click();
      await page.waitForURL((url) => url.pathname === apiPath('casePage', { code }));
      expect(await page.getAttribute('html', 'lang')).toBe('es');
      await checkPage(page, javaScriptEnabled);

      // Staff of another agency: not in their queue, and the case does not exist for them.
      const other = await newScreen(javaScriptEnabled);
      await signInAsStaff(other.page, /Revenue Staff/, javaScriptEnabled);
      expect(await other.page.content()).not.toContain(code);
      const refused = await other.page.goto(apiPath('casePage', { code }));
      expect(refused?.status()).toBe(404);
      expect(await other.page.content()).not.toContain('Ana María Núñez');
      await checkPage(other.page, javaScriptEnabled);

      // Signing out ends the session: the case page asks to sign in again.
      await page.getByRole('button', { name: 'Cerrar sesión' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/api/agency/'));
      expect((await page.context().cookies()).find((c) => c.name === '__Host-fd-staff')).toBeUndefined();

      await Promise.all([citizen.context.close(), staff.context.close(), other.context.close()]);
      // One long journey with fourteen axe runs (each a page of its own without JavaScript).
    }, 180_000);
  });
}
