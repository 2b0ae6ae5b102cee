/** The real build output: every task page of every service, in both languages, is within three clicks of home. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '#catalog/load';
import { DIST_DIR } from '../../local/portal.ts';
import { checkClickDepth } from '../../scripts/check-click-depth.ts';

describe('the built site', () => {
  const catalog = loadCatalog();
  const result = checkClickDepth(DIST_DIR);

  it('has no task page deeper than three clicks or unreachable', () => {
    expect(result.problems).toEqual([]);
  });

  it('has apply and status task pages for every service, and a pay page for every fee, in English and Spanish', () => {
    const paths = new Set(result.tasks.map((task) => task.path));
    for (const service of catalog.services.values()) {
      for (const prefix of ['', '/es']) {
        expect(paths).toContain(`${prefix}/services/${service.id}/apply/`);
        expect(paths).toContain(`${prefix}/services/${service.id}/status/`);
        if (service.fee) expect(paths).toContain(`${prefix}/services/${service.id}/pay/`);
      }
    }
    expect(Math.max(...result.tasks.map((task) => task.depth))).toBeLessThanOrEqual(3);
  });
});

describe('the stylesheets each built page links', () => {
  const html = readdirSync(DIST_DIR, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
  const css = new Map<string, string>();
  const stylesheet = (href: string) => {
    if (!css.has(href)) css.set(href, readFileSync(path.join(DIST_DIR, href), 'utf8'));
    return css.get(href) ?? '';
  };
  // What the page's own scripts add (My account's sign-in buttons and table rows).
  const scriptClasses = (page: string) =>
    [...readFileSync(new URL('../../web/src/scripts/account.ts', import.meta.url), 'utf8').matchAll(/'(usa-[a-z0-9_-]+)/g)]
      .map((m) => m[1] ?? '')
      .filter(() => page.includes('account'));

  // USWDS markup hooks that its own CSS never styles by that name (the banner's accordion, the step heading).
  const unstyledInUswds = new Set([
    'usa-accordion__button',
    'usa-accordion__content',
    'usa-step-indicator__heading-counter',
    'usa-step-indicator__heading-text',
  ]);

  it('style every USWDS class the page uses (a package left out of the Sass shows as an unstyled page)', () => {
    const problems: string[] = [];
    for (const file of html) {
      const page = readFileSync(path.join(DIST_DIR, file), 'utf8');
      const sheets = [...page.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => stylesheet(m[1] ?? '')).join('\n');
      const used = new Set([
        ...[...page.matchAll(/class="([^"]*)"/g)].flatMap((m) => (m[1] ?? '').split(/\s+/)),
        ...scriptClasses(file),
      ]);
      for (const name of used)
        if (
          /^usa-/.test(name) &&
          !unstyledInUswds.has(name) &&
          !new RegExp(`\\.${name.replace(/[-_]/g, (c) => `\\${c}`)}(?![\\w-])`).test(sheets)
        )
          problems.push(`${file}: .${name}`);
    }
    expect(problems).toEqual([]);
  });
});
