/**
 * axe on every built page (not only the ones a journey visits), on a 375 px phone and a 1280 px laptop: one
 * portal, one browser, one tab reused for every page. Pages whose markup has the same shape (the same elements,
 * classes and attributes, other text and values) get the same axe results, so each shape is checked once: every
 * page is walked, about one in five is run through axe (~1.4 s a run on 2 cores; 257 pages, 50 shapes). What text alone can break is
 * the hostile-string test's and the readability test's job.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST_DIR } from '../../local/portal.ts';
import { expectNoAxeViolations, launchBrowser } from '../support/browser.ts';
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

/** Every page people can reach: each index.html's folder, and the 404 pages (not the shell, never published). */
function builtPages(): string[] {
  const files = readdirSync(DIST_DIR, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
  return files
    .filter((file) => !file.split('/').includes('_shell'))
    .map((file) => (file.endsWith('index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`))
    .sort();
}

/** The page's markup without its text and attribute values (classes kept: they decide the layout). */
function shapeOf(html: string): string {
  return html.replace(/>[^<]+</g, '><').replace(/\s(?!class=)([\w:-]+)="[^"]*"/g, ' $1');
}

describe('every built page', () => {
  it('has no axe violations at 375 px and at 1280 px', { timeout: 900_000 }, async () => {
    const paths = builtPages();
    expect(paths.length).toBeGreaterThan(200);
    const context = await browser.newContext({ baseURL: portal.url, viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    const problems: string[] = [];
    const shapes = new Set<string>();
    for (const path of paths) {
      const file = path.endsWith('/') ? `${path}index.html` : path;
      const shape = shapeOf(readFileSync(join(DIST_DIR, file), 'utf8'));
      if (shapes.has(shape)) continue;
      shapes.add(shape);
      await page.goto(path);
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: width === 375 ? 812 : 800 });
        try {
          await expectNoAxeViolations(page);
        } catch (error) {
          problems.push(`${path} at ${width} px: ${(error as Error).message.split('\n')[0]}`);
        }
      }
      await page.setViewportSize({ width: 375, height: 812 });
    }
    expect(problems).toEqual([]);
    console.log(`axe: ${paths.length} built pages, ${shapes.size} shapes checked at 375 and 1280 px`);
    await context.close();
  });
});
