/**
 * Signing in in real Chromium: a citizen signs in through the local issuer (Login.gov's sandbox), applies,
 * and finds the submission under "My account"; the other citizen, signed in through Google, does not. My account
 * shows each status as the status page does (its meaning, the agency's message) and withdraws an application.
 * axe on every page visited, the issuer's pages included.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath } from '#ui/paths.ts';
import { expectNoAxeViolations, fillBirthCertificateForm, launchBrowser, signAndCheck } from '../support/browser.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { signIn } from '../support/sign-in.ts';

let portal: TestPortal;
let browser: Browser;

beforeAll(async () => {
  [portal, browser] = await Promise.all([startTestPortal(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

async function signInFromHeader(page: Page, provider: string, person: RegExp) {
  await page.getByRole('link', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/account/');
  await page.getByRole('button', { name: `Sign in with ${provider}` }).waitFor();
  await expectSignInButtonsApart(page);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: `Sign in with ${provider}` }).click();
  // The sandbox provider's persona picker (identity_provider= skipped the chooser).
  await page.getByRole('heading', { name: `Sandbox: ${provider}` }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: person }).click();
  await page.waitForURL((url) => url.pathname === '/account/');
  await page.getByText('Signed in as').waitFor();
}

/** The sign-in choices are a USWDS button group: no list bullets, and no two buttons touching. */
async function expectSignInButtonsApart(page: Page) {
  const group = page.locator('[data-providers="citizen"]');
  expect(await group.evaluate((list) => getComputedStyle(list).listStyleType)).toBe('none');
  const boxes = await group.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().toJSON()));
  expect(boxes.length).toBeGreaterThan(1);
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) {
      const apart = a.bottom + 4 <= b.top || b.bottom + 4 <= a.top || a.right + 4 <= b.left || b.right + 4 <= a.left;
      expect(apart, `buttons touch: ${JSON.stringify([a, b])}`).toBe(true);
    }
}

/** My account on a 375 px phone: nothing scrolls sideways, each submission is a stacked block with its labels. */
async function expectStackedOnPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const cells = page.locator('[data-submissions] tbody tr').first().locator('td');
  expect(await cells.first().evaluate((td) => getComputedStyle(td).display)).toBe('block');
  const payment = cells.last();
  expect(await payment.evaluate((td) => td.getBoundingClientRect().right)).toBeLessThanOrEqual(375);
  expect(await payment.getAttribute('data-label')).toBe('Payment');
}

describe('a signed-in citizen', () => {
  it('applies while signed in, sees it under My account; the other citizen does not', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, baseURL: portal.url });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto('/');
    await signInFromHeader(page, 'Login.gov', /Ana Rivera/);
    await expect.poll(() => page.getByRole('strong').first().textContent()).toBe('Ana Rivera');
    await page.getByText('Nothing yet').waitFor();
    await expectNoAxeViolations(page);
    await expect.poll(() => page.locator('[data-account-link]').textContent()).toBe('My account');

    await page.goto('/services/birth-certificate/apply/');
    await fillBirthCertificateForm(page);
    await signAndCheck(page);
    await page.getByRole('button', { name: /Send|Submit/ }).click();
    await page.waitForURL((url) => /^\/api\/status\/[0-9A-Z-]{14}$/.test(url.pathname));
    const code = (await page.locator('[data-confirmation-code]').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expectNoAxeViolations(page);

    await page.goto('/account/');
    const row = page.getByRole('row').filter({ hasText: code });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('Received');
    // The fee is not paid yet: said so, with the way to pay it (the status page's payment section).
    await expect.poll(() => row.getByRole('link', { name: 'Not paid' }).count()).toBe(1);
    // A PDF of the answers: fetched with the sign-in's token, handed to the browser as a download.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: `Download a PDF of your answers for ${code}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${code}.pdf`);
    // My activity: the same submission on the person's timeline, linked to its status page.
    const activity = page.locator('[data-activity-list] li').filter({ hasText: 'Application received' });
    await activity.waitFor();
    await expect.poll(() => activity.getByRole('link', { name: code }).getAttribute('href')).toBe(`/api/status/${code}?lang=en`);
    expect(await page.getByRole('heading', { name: 'My activity' }).count()).toBe(1);
    await expect.poll(() => page.locator('[data-account-intro]').textContent()).toMatch(/^Here is everything you sent/);
    await expectStackedOnPhone(page);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.locator('[data-account-link]').textContent()).toBe('Sign in');

    await signInFromHeader(page, 'Google', /Ben Okafor/);
    await page.getByText('Nothing yet').waitFor();
    expect(await page.getByText(code).count()).toBe(0);
    await context.close();
  });

  it('sees what the agency asked for, with the status page’s meaning, and withdraws the application', {
    timeout: 120_000,
  }, async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, baseURL: portal.url });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto('/');
    await signInFromHeader(page, 'Login.gov', /Ana Rivera/);
    await page.goto('/services/birth-certificate/apply/');
    await fillBirthCertificateForm(page);
    await signAndCheck(page);
    await page.getByRole('button', { name: /Send|Submit/ }).click();
    await page.waitForURL((url) => /^\/api\/status\/[0-9A-Z-]{14}$/.test(url.pathname));
    const code = (await page.locator('[data-confirmation-code]').textContent())?.trim() ?? '';

    // Staff ask for more information (the workspace's JSON route, as a staff member signed in).
    const staff = (await signIn(portal.url, { persona: 'staff.vital-records', idp: 'ExampleStaff' })).tokens.access_token;
    const asked = await fetch(`${portal.url}${apiPath('changeCaseStatus', { code })}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ status: 'needs-information', version: '0', message: 'Send a copy of your photo ID.' }),
    });
    expect(asked.status).toBe(200);

    await page.goto('/account/');
    const row = page.getByRole('row').filter({ hasText: code });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('We need more information');
    await expect
      .poll(() => row.locator('[data-status-meaning]').textContent())
      .toBe('We need something from you before we can go on. Read the message below.');
    await expect.poll(() => row.locator('[data-status-message]').textContent()).toBe('Send a copy of your photo ID.');
    await expectStackedOnPhone(page);
    await expectNoAxeViolations(page);

    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: `Withdraw application ${code}` }).click();
    await expect
      .poll(() => row.locator('[data-status-meaning]').textContent())
      .toBe('You took back this application. We will not work on it.');
    await expect.poll(() => row.textContent()).toContain('Withdrawn');
    expect(await row.getByRole('button', { name: /Withdraw/ }).count()).toBe(0);
    expect(await row.locator('[data-status-message]').count()).toBe(0);
    await expectNoAxeViolations(page);

    await row.getByRole('link', { name: code }).click();
    await page.waitForURL((url) => url.pathname === apiPath('showStatus', { code }));
    await expect
      .poll(() => page.locator('[data-status-meaning]').textContent())
      .toBe('You took back this application. We will not work on it.');
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('in Spanish, through a second provider: linked to the same person, the one-time retry unseen', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, baseURL: portal.url });
    const page = await context.newPage();
    const callbacks: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url().includes('/auth/callback/')) callbacks.push(frame.url());
    });
    await page.goto('/es/account/');
    await page.getByRole('button', { name: 'Iniciar sesión con ID.me' }).click();
    await page.getByRole('heading', { name: 'Prueba: ID.me' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: /Ben Okafor/ }).click();
    await page.waitForURL((url) => url.pathname === '/es/account/');
    await page.getByText('Sesión iniciada como').waitFor();
    await page.getByRole('heading', { name: 'Mi actividad' }).waitFor();
    await expectNoAxeViolations(page);
    // Ben first signed in with Google (above); ID.me is linked to him now: Cognito's refusal, then the retry.
    expect(callbacks).toHaveLength(2);
    expect(callbacks[0]).toContain('FRONT_DOOR%3Aaccount-linked');
    await context.close();
  });

  it('without JavaScript, the account page says how to do every task without signing in', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: portal.url });
    const page = await context.newPage();
    await page.goto('/account/');
    expect(await page.locator('noscript').first().innerHTML()).toContain('confirmation code');
    await context.close();
  });
});
