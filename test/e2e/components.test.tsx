/**
 * The component gallery: every ui/ component's fixture, in the real site's stylesheet, checked by axe and at
 * 320 px (nothing may scroll sideways), as Chromium shows it with and without JavaScript (the page's scripts blocked).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assets } from '#generated/site.js';
import { Document } from '#ui/chrome/Document.tsx';
import { renderDocument } from '#ui/render.ts';
import { componentFixtures, lang } from '../fixtures/ui/components.tsx';
import { expectNoAxeViolations, expectNoAxeViolationsWithoutScripts, launchBrowser } from '../support/browser.ts';
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

// The chrome is in every Document already; a second banner or header on one page would repeat ids.
const CHROME = new Set(['GovBanner', 'SiteHeader', 'SiteIdentifier', 'SiteTop']);
const gallery = ['Document (the chrome)', ...componentFixtures.filter((fixture) => !CHROME.has(fixture.name)).map((f) => f.name)];

function contentOf(name: string) {
  return componentFixtures.find((fixture) => fixture.name === name)?.render('Ana Rivera, 123 Main Street') ?? null;
}

describe('the component gallery', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 320, height: 640 }, baseURL: portal.url });
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  it.each(gallery)('%s passes axe with and without JavaScript, and fits a 320 px screen', async (name) => {
    const html = renderDocument(
      <Document
        lang={lang}
        title={name}
        switchTo={{ locale: 'es', href: '/es/', label: 'Español' }}
        assets={assets}
        agencies={['Department of Health']}
      >
        <h1>{name}</h1>
        {contentOf(name)}
      </Document>,
    );
    await page.route(`${portal.url}/gallery/`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
    await page.goto('/gallery/');
    await page.unroute(`${portal.url}/gallery/`);
    await expectNoAxeViolations(page);
    await expectNoAxeViolationsWithoutScripts(browser, page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
  });
});
