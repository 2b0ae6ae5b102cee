/**
 * Paying, in real Chromium on a phone-sized screen, with axe on every page: a life event → a service with a
 * fee → apply → pay in the sandbox's hosted checkout → the receipt and the status page say "Paid". Then a
 * declined card and a second try; a parking ticket paid by reference from the home page; the sandbox in
 * Spanish, without JavaScript.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleBills } from '../../local/payment-sandbox-bills.ts';
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutScripts,
  fillBirthCertificateForm,
  launchBrowser,
  signAndCheck,
} from '../support/browser.ts';
import { CARDS, paymentHelpers } from '../support/payments.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';

let portal: TestPortal;
let browser: Browser;

beforeAll(async () => {
  [portal, browser] = await Promise.all([startTestPortal(), launchBrowser()]);
  await seedSampleBills(portal.client, portal.tableName);
});
afterAll(async () => {
  await portal?.paymentSandbox.settled();
  await browser?.close();
  await portal?.close();
});

const { apply } = paymentHelpers(() => portal);

async function phone(javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 }, baseURL: portal.url });
  const page = await context.newPage();
  const check = () => (javaScriptEnabled ? expectNoAxeViolations(page) : expectNoAxeViolationsWithoutScripts(browser, page));
  return { context, page, check };
}

async function payWithCard(page: Page, card: string) {
  await page.getByLabel('Card number').fill(card);
  await page.getByLabel('Expiration date').fill('12/40');
  await page.getByLabel('Security code (CVC)').fill('123');
  await page.getByRole('button', { name: /^Pay \$/ }).click();
}

describe('a citizen paying a fee', { timeout: 120_000 }, () => {
  it('goes from a life event to a paid receipt and a status page that says "Paid"', async () => {
    const { context, page, check } = await phone(true);
    await page.goto('/');
    await page
      .getByRole('link', { name: /Having a child/ })
      .first()
      .click();
    await page
      .getByRole('link', { name: /Order a birth certificate/ })
      .first()
      .click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/services/birth-certificate/');
    await page.locator('a[href="/services/birth-certificate/apply/"]').first().click();
    // Two copies: the fee is per copy (decision 87), 2 × $25.00.
    await fillBirthCertificateForm(page);
    await signAndCheck(page);
    await page.getByRole('button', { name: 'Send application' }).click();
    await page.waitForURL(/\/api\/status\/.*submitted=1/);
    const code = (await page.locator('[data-confirmation-code]').textContent())?.trim() ?? '';
    expect(await page.locator('[data-payment-section] [data-payment-state]').textContent()).toBe('Not paid');
    await check();

    await page.getByRole('button', { name: 'Pay $50.00' }).click();
    await page.waitForURL(/\/sandbox\/checkout\/cs_test_/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Pay $50.00');
    await check();

    await payWithCard(page, CARDS.pays);
    await page.waitForURL(/\/api\/payments\/.*from=checkout/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Payment received');
    expect(await page.locator('[data-receipt] [data-amount]').textContent()).toBe('$50.00');
    const receiptNumber = (await page.locator('[data-receipt-number]').textContent())?.trim();
    expect(receiptNumber).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await check();

    await page.getByRole('link', { name: 'See where your application stands' }).click();
    await page.waitForURL(new RegExp(`/api/status/${code}`));
    expect(await page.locator('[data-payment-section] [data-payment-state]').textContent()).toBe('Paid');
    await check();
    await page.getByRole('link', { name: 'View your receipt' }).click();
    expect(await page.locator('[data-receipt-number]').textContent()).toBe(receiptNumber);
    await context.close();
  });

  it('is told a declined card did not go through, tries again without JavaScript, and pays', async () => {
    const code = await apply();
    const { context, page, check } = await phone(false);
    await page.goto(`/api/status/${code}?lang=en`);
    await page.getByRole('button', { name: 'Pay $25.00' }).click();
    await page.waitForURL(/\/sandbox\/checkout\//);
    const checkout = page.url();

    await page.getByLabel('Card number').fill('4242 4242 4242 4241');
    await page.getByRole('button', { name: /^Pay \$/ }).click();
    expect(await page.locator('[data-error-summary]').textContent()).toContain('Check the card number');
    await check();

    await payWithCard(page, CARDS.declined);
    await page.waitForURL(/\/api\/payments\/.*from=cancel/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your payment did not go through');
    expect(await page.getByRole('alert').textContent()).toContain('Your card was declined');
    await check();

    await page.getByRole('button', { name: 'Try again: pay $25.00' }).click();
    await page.waitForURL(/\/sandbox\/checkout\//);
    expect(page.url()).toBe(checkout);
    await payWithCard(page, CARDS.pays);
    await page.waitForURL(/from=checkout/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Payment received');
    await context.close();
  });
});

describe('a driver paying a parking ticket by reference', { timeout: 60_000 }, () => {
  it('gets from the home page to the checkout in three clicks, after one mistake, and pays', async () => {
    const { context, page, check } = await phone(false);
    await page.goto('/');
    await page.getByRole('link', { name: 'Pay a parking ticket or another bill' }).click(); // 1
    await expect.poll(() => new URL(page.url()).pathname).toBe('/pay/');
    await check();

    await page.getByLabel('Reference number').fill('PT-2026-0001');
    await page.getByLabel('License plate or ZIP code').fill('ABC 9999');
    await page.getByRole('button', { name: 'Find my bill' }).click();
    expect(await page.locator('[data-error-summary]').textContent()).toContain('We could not find a bill');
    expect(await page.getByLabel('Reference number').inputValue()).toBe('PT-2026-0001');
    await check();

    await page.getByLabel('License plate or ZIP code').fill('abc1234');
    await page.getByRole('button', { name: 'Find my bill' }).click(); // 2
    expect(await page.locator('[data-bill-page] [data-amount]').textContent()).toBe('$45.00');
    // Not paid yet, so not "Paid for"; the due date as people write it, not 2026-12-31.
    const bill = (await page.locator('[data-bill-page]').textContent()) ?? '';
    expect(bill).not.toContain('Paid for');
    expect(bill).toContain('December 31, 2026');
    await check();

    await page.getByRole('button', { name: 'Pay $45.00' }).click(); // 3
    await page.waitForURL(/\/sandbox\/checkout\//);
    await payWithCard(page, CARDS.pays);
    await page.waitForURL(/from=checkout/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Payment received');
    expect(await page.locator('[data-receipt]').textContent()).toContain('PT20260001');
    await check();
    await context.close();
  });
});

describe('a Spanish-speaking citizen', { timeout: 60_000 }, () => {
  it('pays on a checkout page in Spanish and is told it is still processing while the bank confirms', async () => {
    const code = await apply();
    const { context, page, check } = await phone(false);
    await page.goto(`/api/status/${code}?lang=es`);
    await page.getByRole('button', { name: /Pagar/ }).click();
    await page.waitForURL(/\/sandbox\/checkout\//);
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await check();
    await page.getByLabel('Número de tarjeta').fill(CARDS.delayed);
    await page.getByLabel('Fecha de vencimiento').fill('12/40');
    await page.getByLabel('Código de seguridad (CVC)').fill('123');
    await page.getByRole('button', { name: /^Pagar/ }).click();
    await page.waitForURL(/from=checkout/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Su pago está en proceso');
    await check();
    await context.close();
  });
});
