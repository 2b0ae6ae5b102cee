import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkClickDepth } from '../../../scripts/check-click-depth.ts';

const TASK_META = '<meta name="portal:page" content="task">';

interface FakePage {
  links?: string[];
  task?: boolean;
  head?: string;
}

const sites: string[] = [];

/** Writes a tiny built site: one index.html per path, each with the given links. */
function fakeSite(pages: Record<string, FakePage>): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'click-depth-'));
  sites.push(dist);
  for (const [pagePath, page] of Object.entries(pages)) {
    const dir = path.join(dist, ...pagePath.split('/').filter(Boolean));
    mkdirSync(dir, { recursive: true });
    const links = (page.links ?? []).map((href) => `<a class="usa-link" href="${href}">link</a>`).join('');
    writeFileSync(
      path.join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><title>t</title>${page.task ? TASK_META : ''}${page.head ?? ''}</head><body><main>${links}</main></body></html>`,
    );
  }
  return dist;
}

afterEach(() => {
  for (const dist of sites.splice(0)) rmSync(dist, { recursive: true, force: true });
});

describe('checkClickDepth', () => {
  it('accepts a task page three clicks from the home page', () => {
    const dist = fakeSite({
      '/': { links: ['/life-events/moving/'] },
      '/life-events/moving/': { links: ['/services/id-card/'] },
      '/services/id-card/': { links: ['/services/id-card/apply/'] },
      '/services/id-card/apply/': { task: true },
    });

    const report = checkClickDepth(dist);

    expect(report.problems).toEqual([]);
    expect(report.pages).toBe(4);
    expect(report.tasks).toEqual([{ path: '/services/id-card/apply/', depth: 3 }]);
  });

  it("names a service's catalog file and the fix when its task page is out of reach", () => {
    const dist = fakeSite({
      '/': { links: ['/services/'] },
      '/services/': { links: ['/services/boat-permit/'] },
      '/services/boat-permit/': { links: ['/more/'] },
      '/more/': { links: ['/services/boat-permit/apply/'] },
      '/services/boat-permit/apply/': { task: true },
      '/es/services/fishing/apply/': { task: true },
    });
    const report = checkClickDepth(dist, 3);
    expect(report.problems).toEqual([
      expect.stringContaining(
        'Its service is catalog/services/fishing.json: list "fishing" in a life event\'s "services" (catalog/life-events/)',
      ),
      expect.stringContaining('/services/boat-permit/apply/ is 4 clicks from the home page'),
    ]);
    expect(report.problems[1]).toContain('Its service is catalog/services/boat-permit.json');
  });

  it('rejects a task page four clicks from the home page and names it', () => {
    const dist = fakeSite({
      '/': { links: ['/a/'] },
      '/a/': { links: ['/b/'] },
      '/b/': { links: ['/c/'] },
      '/c/': { links: ['/c/apply/'] },
      '/c/apply/': { task: true },
    });

    const report = checkClickDepth(dist);

    expect(report.tasks).toEqual([{ path: '/c/apply/', depth: 4 }]);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toContain('/c/apply/ is 4 clicks from the home page');
    expect(report.problems[0]).toContain('/ → /a/ → /b/ → /c/ → /c/apply/');
  });

  it('rejects a task page that no link reaches', () => {
    const dist = fakeSite({
      '/': { links: ['/a/'] },
      '/a/': {},
      '/orphan/apply/': { task: true },
    });

    const report = checkClickDepth(dist);

    expect(report.tasks).toEqual([{ path: '/orphan/apply/', depth: -1 }]);
    expect(report.problems).toEqual([expect.stringContaining('/orphan/apply/ is a task page but no link leads to it')]);
  });

  it('treats links with a #fragment, a ?query, no trailing slash or index.html as links to the page', () => {
    const dist = fakeSite({
      '/': { links: ['/a#top', '/b/?q=1', '/c/index.html', 'd/'] },
      '/a/': { task: true },
      '/b/': { task: true },
      '/c/': { task: true },
      '/d/': { task: true },
    });

    const report = checkClickDepth(dist, 1);

    expect(report.problems).toEqual([]);
    expect(report.tasks.map((task) => task.depth)).toEqual([1, 1, 1, 1]);
  });

  it('does not follow links to other sites, files or the same page', () => {
    const dist = fakeSite({
      '/': { links: ['https://example.com/a/', 'mailto:help@example.gov', '/guide.pdf', '#main-content'] },
      '/a/': { task: true },
    });

    const report = checkClickDepth(dist);

    expect(report.tasks).toEqual([{ path: '/a/', depth: -1 }]);
  });

  it('counts the home page in every language as the home page', () => {
    const dist = fakeSite({
      '/': { head: '<link rel="alternate" hreflang="en" href="/"><link rel="alternate" hreflang="es" href="/es/">' },
      '/es/': { links: ['/es/a/'] },
      '/es/a/': { links: ['/es/a/b/'] },
      '/es/a/b/': { links: ['/es/a/b/apply/'] },
      '/es/a/b/apply/': { task: true },
    });

    const report = checkClickDepth(dist);

    expect(report.problems).toEqual([]);
    expect(report.tasks).toEqual([{ path: '/es/a/b/apply/', depth: 3 }]);
  });

  it('does not follow links from the shell page', () => {
    const dist = fakeSite({
      '/': { links: ['/_shell/'] },
      '/_shell/': { links: ['/a/'] },
      '/a/': { task: true },
    });

    const report = checkClickDepth(dist);

    expect(report.tasks).toEqual([{ path: '/a/', depth: -1 }]);
  });
});
