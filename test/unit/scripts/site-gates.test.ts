/**
 * The build's gates on pages as Astro renders them (scripts/site-gates.ts, decision 0143) say what the same gates
 * say of the written site read back: same problems, same sentences, same order, on the site that is on disk.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { inlineCodeOf } from '../../../scripts/build-site.ts';
import { readBuiltSite } from '../../../scripts/built-pages.ts';
import { checkClickDepthOf, pageFromTags, readPage } from '../../../scripts/check-click-depth.ts';
import { checkLinksOf, linksAndIds } from '../../../scripts/check-links.ts';
import { SiteGates } from '../../../scripts/site-gates.ts';

const TASK = '<meta name="portal:page" content="task">';
const page = (head: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>t</title>${head}</head><body><main id="main">${body}</main></body></html>`;

const sites: string[] = [];
afterEach(() => {
  for (const dist of sites.splice(0)) rmSync(dist, { recursive: true, force: true });
});

function write(dist: string, file: string, html: string) {
  mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  writeFileSync(path.join(dist, file), html);
}

/** What the gates say of the site in `dist` read back from disk. */
function fromDisk(dist: string) {
  const site = readBuiltSite(dist);
  return { inline: inlineCodeOf(site), depth: checkClickDepthOf(site, 3, dist), links: checkLinksOf(site).problems };
}

describe('the gates on rendered pages', () => {
  it('find what the gates find on the written site, problems included', () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'site-gates-'));
    sites.push(dist);
    const pages: Record<string, string> = {
      'index.html': page('', '<a href="/services/x/">x</a><a href="/gone/">gone</a><a href="#main">top</a>'),
      'services/x/index.html': page('', '<a href="apply/">apply</a><a href="#nowhere">?</a><p style="color:red">x</p>'),
      'services/x/apply/index.html': page(TASK, '<form action="/api/nope" method="post"></form>'),
      'services/y/status/index.html': page(TASK, '<img src="/missing.png" alt="">'),
    };
    const gates = new SiteGates();
    for (const [file, html] of Object.entries(pages)) {
      write(dist, file, html);
      gates.add(file, html);
    }
    const { pages: count, ...results } = gates.finish(dist);
    expect(count).toBe(4);
    expect(results).toEqual(fromDisk(dist));
    expect(results.inline).toEqual(['services/x/index.html has a style="" attribute']);
    expect(results.depth.problems).toHaveLength(1);
    expect(results.links).toHaveLength(4);
  });

  it('check the site on disk: a page moved after rendering, a page Astro did not render, not one it did not write', () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'site-gates-'));
    sites.push(dist);
    const gates = new SiteGates();
    const home = page('', '<a href="/about/">about</a>');
    write(dist, 'index.html', home);
    gates.add('index.html', home);
    // Rendered as 404/index.html and moved to 404.html by the build (web/astro.config.ts): a relative link now
    // resolves from /404.html.
    gates.add('404/index.html', page('', '<a href="about/">home</a>'));
    write(dist, '404.html', page('', '<a href="about/">home</a>'));
    // In the site folder without being rendered (web/public): still checked.
    write(dist, 'about/index.html', page('', '<a href="/nowhere/">x</a>'));
    // Rendered, then not written: not checked.
    gates.add('gone/index.html', page('', '<a href="/also-nowhere/">x</a>'));

    const { pages: count, ...results } = gates.finish(dist);
    expect(count).toBe(3);
    expect(results).toEqual(fromDisk(dist));
    // From /404/ the link would lead to /404/about/, which is not built; from /404.html it leads to /about/.
    expect(results.links).toEqual(['/about/: <a href="/nowhere/"> leads to no built page or file']);
  });
});

const DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

describe('one scan of each page for both gates', () => {
  it.runIf(existsSync(DIST))('reads the same links, alternates and task mark as the click-depth gate on every built page', () => {
    const site = readBuiltSite(DIST);
    expect(site.pages.length).toBeGreaterThan(100);
    for (const { file, html } of site.pages) {
      const pagePath = `/${file.replace(/index\.html$/, '')}`;
      expect(pageFromTags(linksAndIds(html).links, html, pagePath), file).toEqual(readPage(html, pagePath));
    }
  });
});
