/** The real build output: every task page of every service, in both languages, is within three clicks of home. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

describe('a real government’s site, from agency.config.json', () => {
  const config = JSON.parse(readFileSync(new URL('../../agency.config.json', import.meta.url), 'utf8')) as {
    agency: { name: string; domain: string };
  };
  const page = (file: string) => readFileSync(path.join(DIST_DIR, file), 'utf8');

  it('names the government in the banner and the domain in the identifier, in both languages', () => {
    for (const file of ['index.html', 'es/index.html', 'services/birth-certificate/index.html']) {
      const html = page(file);
      expect(html).toContain(`${config.agency.name}</p>`);
      expect(html).toContain(`<p class="usa-identifier__identity-domain">${config.agency.domain}</p>`);
      expect(html).not.toContain('frontdoor.example.gov');
    }
  });

  it("shows the site's name, the seal and how to reach the government, from the config, in both languages", () => {
    const { agency } = JSON.parse(readFileSync(new URL('../../agency.config.json', import.meta.url), 'utf8')) as {
      agency: {
        name: string;
        siteName: Record<'en' | 'es', string>;
        contact: { phone: string; email: string; hours: Record<'en' | 'es', string> };
      };
    };
    for (const [file, locale] of [
      ['index.html', 'en'],
      ['es/index.html', 'es'],
      ['services/birth-certificate/index.html', 'en'],
      ['es/status/index.html', 'es'],
    ] as const) {
      const html = page(file);
      const seal = /<img class="portal-logo__seal" src="(\/_astro\/seal\.[\w-]+\.svg)" alt[ />]/.exec(html)?.[1];
      expect(seal, file).toBeDefined();
      expect(existsSync(path.join(DIST_DIR, seal ?? ''))).toBe(true);
      expect(html).toContain(`${agency.siteName[locale]}</a>`);
      expect(html).toMatch(new RegExp(`<title>[^<]*${agency.siteName[locale]}</title>`));
      expect(html).toContain(
        `class="usa-identifier__logo-img" src="${seal}" alt="${locale === 'en' ? 'Seal of the' : 'Sello de'} ${agency.name}"`,
      );
      expect(html).toContain(`href="tel:18005550100">${agency.contact.phone}</a> (${agency.contact.hours[locale]})`);
      expect(html).toContain(`href="mailto:${agency.contact.email}">${agency.contact.email}</a>`);
    }
  });

  it('links the identifier’s required pages from every page, and each exists in English and Spanish', () => {
    for (const file of ['index.html', 'es/account/index.html', 'services/birth-certificate/apply/index.html']) {
      const links = [
        ...page(file).matchAll(
          /class="usa-identifier__required-link usa-link"[^>]*>|href="([^"]+)" class="usa-identifier__required-link/g,
        ),
      ]
        .map((m) => m[1])
        .filter(Boolean);
      expect(links, file).toHaveLength(7);
    }
    for (const id of ['about', 'accessibility', 'foia', 'no-fear-act', 'inspector-general', 'performance', 'privacy'])
      for (const prefix of ['', 'es/']) expect(page(`${prefix}about/${id}/index.html`)).toContain('<h1>');
  });

  it('has a favicon at /favicon.ico, for pages that do not name one', () => {
    expect(readFileSync(path.join(DIST_DIR, 'favicon.ico')).length).toBeGreaterThan(0);
  });
});
