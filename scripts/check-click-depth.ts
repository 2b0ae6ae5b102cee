/**
 * The click-depth gate: every task page (apply, pay, check status) must be at most `maxDepth` clicks from the
 * home page. Reads the built site (every index.html), follows internal <a href> links breadth-first from the
 * home page, and names each task page that is too deep or that no link reaches.
 *
 * The home page in every language counts as the home page (the <link rel="alternate" hreflang> pages of `/`):
 * a Spanish reader starts at /es/, and switching language is a choice of language, not a step towards a task.
 * Shell pages (/_shell/) are templates for the functions, so their links are not followed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuiltSite, readBuiltSite } from './built-pages.ts';

export interface ClickDepthReport {
  /** How many pages (index.html files) the site has. */
  pages: number;
  /** Every task page and its depth in clicks from the home page; -1 when no link leads to it. */
  tasks: { path: string; depth: number }[];
  /** One plain sentence per task page that breaks the rule; empty when all is well. */
  problems: string[];
}

interface Page {
  links: string[];
  isTask: boolean;
  alternates: string[];
}

const ORIGIN = 'http://portal.invalid';
const TAG = /<(a|link|meta)\b([^>]*)>/gi;
const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    attributes.set(match[1]!.toLowerCase(), (match[2] ?? match[3] ?? match[4] ?? '').replaceAll('&amp;', '&'));
  }
  return attributes;
}

// A link that starts with "/" leads to the same place from every page: worked out once (decision 0135).
const fromAnyPage = new Map<string, string | null>();

/** The site path a link leads to ("/services/x/"), or null for other sites, files and non-page links. */
export function normalizeHref(href: string, fromPath: string): string | null {
  const trimmed = href.trim();
  if (!trimmed.startsWith('/')) return targetOf(trimmed, fromPath);
  let target = fromAnyPage.get(trimmed);
  if (target === undefined) {
    target = targetOf(trimmed, '/');
    fromAnyPage.set(trimmed, target);
  }
  return target;
}

function targetOf(trimmed: string, fromPath: string): string | null {
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  let url: URL;
  try {
    url = new URL(trimmed, ORIGIN + fromPath);
  } catch {
    return null;
  }
  if (url.origin !== ORIGIN) return null; // Another site, or mailto:, tel:, javascript:.
  let pathname = decodeURI(url.pathname);
  if (pathname.endsWith('/index.html')) pathname = pathname.slice(0, -'index.html'.length);
  const last = pathname.split('/').pop() ?? '';
  if (last.includes('.')) return null; // A file (image, stylesheet, 404.html), not a page.
  return pathname.endsWith('/') ? pathname : `${pathname}/`;
}

function readPage(html: string, pagePath: string): Page {
  const page: Page = { links: [], isTask: false, alternates: [] };
  for (const match of html.matchAll(TAG)) {
    const tag = match[1]!.toLowerCase();
    // Only &amp; is decoded, so a value the check looks for is in the tag as written: a tag without it is skipped
    // unread (most <meta> and <link> tags).
    if (tag === 'meta' ? !match[2]!.includes('portal:page') : tag === 'link' && !match[2]!.includes('alternate')) continue;
    const attributes = attributesOf(match[2]!);
    if (tag === 'a') {
      const target = normalizeHref(attributes.get('href') ?? '', pagePath);
      if (target) page.links.push(target);
    } else if (tag === 'meta') {
      if (attributes.get('name') === 'portal:page' && attributes.get('content') === 'task') page.isTask = true;
    } else if (attributes.get('rel')?.split(/\s+/).includes('alternate') && attributes.has('hreflang')) {
      // Absolute on the site's own domain (search engines need that): only the path says which page.
      const href = attributes.get('href') ?? '';
      const target = normalizeHref(URL.canParse(href) ? new URL(href).pathname : href, pagePath);
      if (target) page.alternates.push(target);
    }
  }
  return page;
}

function readSite(site: BuiltSite): Map<string, Page> {
  const pages = new Map<string, Page>();
  const files = site.pages.filter(({ file }) => path.posix.basename(file) === 'index.html');
  for (const { file, html } of files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const directory = path.posix.dirname(file);
    const pagePath = directory === '.' ? '/' : `/${directory}/`;
    pages.set(pagePath, readPage(html, pagePath));
  }
  return pages;
}

const isShell = (pagePath: string) => pagePath.split('/').includes('_shell');

/**
 * The catalog file a task page is built from and what to change in it: a service's pages come from
 * catalog/services/<id>.json and are reached home → life event → service → task.
 */
function fixFor(pagePath: string): string {
  const service = /^\/(?:[a-z]{2}\/)?services\/([a-z0-9-]+)\//.exec(pagePath)?.[1];
  return service
    ? ` Its service is catalog/services/${service}.json: list "${service}" in a life event's "services" (catalog/life-events/), so it is home → life event → service → task.`
    : '';
}

export function checkClickDepth(distDir: string, maxDepth = 3): ClickDepthReport {
  return checkClickDepthOf(readBuiltSite(distDir), maxDepth, distDir);
}

/** The same, on a site already read (scripts/built-pages.ts); `distDir` only names the folder in a problem. */
export function checkClickDepthOf(site: BuiltSite, maxDepth = 3, distDir = '.'): ClickDepthReport {
  const pages = readSite(site);
  const home = pages.get('/');
  const depth = new Map<string, number>();
  const cameFrom = new Map<string, string>();
  const queue: string[] = [];
  if (home) {
    for (const root of ['/', ...home.alternates]) {
      if (pages.has(root) && !depth.has(root)) {
        depth.set(root, 0);
        queue.push(root);
      }
    }
  }
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (isShell(next)) continue;
    for (const target of pages.get(next)?.links ?? []) {
      if (!pages.has(target) || depth.has(target)) continue;
      depth.set(target, depth.get(next)! + 1);
      cameFrom.set(target, next);
      queue.push(target);
    }
  }

  const trail = (pagePath: string): string => {
    const steps = [pagePath];
    for (let step = cameFrom.get(pagePath); step !== undefined; step = cameFrom.get(step)) steps.unshift(step);
    return steps.join(' → ');
  };

  const tasks: ClickDepthReport['tasks'] = [];
  const problems: string[] = [];
  if (!home) problems.push(`There is no home page (${path.join(distDir, 'index.html')}), so no page can be reached.`);
  for (const [pagePath, page] of pages) {
    if (!page.isTask) continue;
    const clicks = depth.get(pagePath) ?? -1;
    tasks.push({ path: pagePath, depth: clicks });
    if (clicks === -1) {
      problems.push(
        `${pagePath} is a task page but no link leads to it from the home page. Link it from its service page.${fixFor(pagePath)}`,
      );
    } else if (clicks > maxDepth) {
      problems.push(
        `${pagePath} is ${clicks} clicks from the home page; tasks must be at most ${maxDepth}. Shortest path: ${trail(pagePath)}.${fixFor(pagePath)}`,
      );
    }
  }
  return { pages: pages.size, tasks, problems };
}

if (import.meta.main) {
  const distDir = path.resolve(process.argv[2] ?? fileURLToPath(new URL('../web/dist', import.meta.url)));
  const report = checkClickDepth(distDir);
  const deepest = Math.max(0, ...report.tasks.map((task) => task.depth));
  console.log(
    `Click depth: ${report.pages} pages, ${report.tasks.length} task pages, deepest task ${deepest} clicks from home, ` +
      `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}.`,
  );
  if (report.problems.length > 0) {
    for (const problem of report.problems) console.error(`- ${problem}`);
    process.exit(1);
  }
}
