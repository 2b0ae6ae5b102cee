/**
 * The link gate: every internal link, form action and asset on every built page leads somewhere. A site path
 * must be a built file or page; an /api/ path must be a route of the route table, with the form's method; a
 * "#fragment" must be an id on the page. Run by the build (scripts/build-site.ts) and by the tests, which also
 * feed it the pages the functions render.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { type Route, routes } from '../functions/http/routes.ts';
import { type BuiltSite, readBuiltSite } from './built-pages.ts';

type Element = DefaultTreeAdapterMap['element'];
const ORIGIN = 'http://portal.invalid';
const LINKING: Record<string, string> = { a: 'href', link: 'href', form: 'action', img: 'src', script: 'src' };

function elements(node: DefaultTreeAdapterMap['parentNode']): Element[] {
  return node.childNodes.flatMap((child) => ('tagName' in child ? [child, ...elements(child)] : []));
}

// Compiled once: a 1,000-form site has ~7,000 pages and ~100 API links on some of them.
const ROUTE_PATTERNS = (routes as readonly Route[]).map((route) => ({
  route,
  pattern: new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`),
}));

function routeFor(pathname: string, method: string): Route | undefined {
  const path = decodeURIComponent(pathname);
  return ROUTE_PATTERNS.find(({ route, pattern }) => route.method === method && pattern.test(path))?.route;
}

/** The site's own files: `/x/` is x/index.html, `/x.css` is x.css. */
export function builtSite(distDir: string): (pathname: string) => boolean {
  return (pathname) => {
    const file = path.join(distDir, decodeURIComponent(pathname));
    if (!file.startsWith(path.resolve(distDir))) return false;
    if (pathname.endsWith('/')) return existsSync(path.join(file, 'index.html'));
    return existsSync(file) && statSync(file).isFile();
  };
}

const TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|quot|apos|lt|gt));/gi;
const NAMED: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };
const decode = (value: string) =>
  !value.includes('&')
    ? value
    : value.replace(ENTITY, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) =>
        dec
          ? String.fromCodePoint(Number(dec))
          : hex
            ? String.fromCodePoint(Number.parseInt(hex, 16))
            : (NAMED[name?.toLowerCase() ?? ''] ?? ''),
      );

/**
 * The page's start tags and their attributes, read with two regular expressions instead of a full HTML parse:
 * built pages have no inline scripts or styles (the CSP gate) and no comments that matter, and a 1,000-form site's
 * ~7,000 pages are read ~5× faster (decision 118). Tests check it against parse5 on every built page.
 */
export function startTags(html: string): { tagName: string; attrs: Map<string, string> }[] {
  const tags: { tagName: string; attrs: Map<string, string> }[] = [];
  for (const match of html.replace(/<!--[\s\S]*?-->/g, '').matchAll(TAG)) {
    const attrs = new Map<string, string>();
    for (const part of (match[2] ?? '').matchAll(ATTRIBUTE)) {
      const name = (part[1] ?? '').toLowerCase();
      if (!attrs.has(name)) attrs.set(name, decode(part[2] ?? part[3] ?? part[4] ?? ''));
    }
    tags.push({ tagName: (match[1] ?? '').toLowerCase(), attrs });
  }
  return tags;
}

/** The same, from parse5: what startTags must agree with. */
export function parsedStartTags(html: string): { tagName: string; attrs: Map<string, string> }[] {
  return elements(parse(html)).map((element) => ({
    tagName: element.tagName,
    attrs: new Map(element.attrs.map((a) => [a.name, a.value])),
  }));
}

/**
 * What the link check needs of a page: the tags that link (parsed as startTags parses them) and every id on it.
 * The same scan as startTags, but a tag that cannot link has its attributes read only when it may have an id: most
 * of a page's tags, and most of the gate's time before (decision 0135).
 */
// Every attribute follows white space, so a tag whose text has no " id=" has no id with a value.
const MAY_HAVE_ID = /\sid\s*=/i;

export function linksAndIds(html: string): { links: { tagName: string; attrs: Map<string, string> }[]; ids: Set<string> } {
  const links: { tagName: string; attrs: Map<string, string> }[] = [];
  const ids = new Set<string>();
  for (const match of (html.includes('<!--') ? html.replace(/<!--[\s\S]*?-->/g, '') : html).matchAll(TAG)) {
    const tagName = (match[1] ?? '').toLowerCase();
    const source = match[2] ?? '';
    const linking = tagName in LINKING;
    if (!linking && !MAY_HAVE_ID.test(source)) continue;
    const attrs = new Map<string, string>();
    for (const part of source.matchAll(ATTRIBUTE)) {
      const name = (part[1] ?? '').toLowerCase();
      if (!attrs.has(name)) attrs.set(name, decode(part[2] ?? part[3] ?? part[4] ?? ''));
    }
    const id = attrs.get('id');
    if (id) ids.add(id);
    if (linking) links.push({ tagName, attrs });
  }
  return { links, ids };
}

// A path that starts with "/" means the same URL from every page: resolved once (a site has ~280,000 links).
const ORIGIN_URL = new URL(ORIGIN);
const absolute = new Map<string, URL | null>();
function resolved(value: string, pagePath: string): URL | null {
  if (!value.startsWith('/')) return URL.parse(value, ORIGIN + pagePath);
  let url = absolute.get(value);
  if (url === undefined) {
    url = URL.parse(value, ORIGIN_URL);
    absolute.set(value, url);
  }
  return url;
}

/** The problems on one page, one plain sentence each; empty when every link leads somewhere. */
export function linkProblems(pagePath: string, html: string, exists: (pathname: string) => boolean): string[] {
  const { links, ids } = linksAndIds(html);
  const problems: string[] = [];
  for (const element of links) {
    const name = LINKING[element.tagName];
    const value = name && element.attrs.get(name);
    if (!name || value === undefined) continue;
    const what = () => `${pagePath}: <${element.tagName} ${name}="${value}">`;
    if (value.startsWith('#')) {
      if (value.length > 1 && !ids.has(decodeURIComponent(value.slice(1))))
        problems.push(`${what()} names no element on the page`);
      continue;
    }
    const url = resolved(value, pagePath);
    if (url === null) {
      problems.push(`${what()} is not a URL`);
      continue;
    }
    if (url.origin !== ORIGIN) {
      if (!['https:', 'http:', 'mailto:', 'tel:'].includes(url.protocol))
        problems.push(`${what()} is not a web, mail or phone link`);
      continue;
    }
    if (url.pathname.startsWith('/api/')) {
      const method = element.tagName === 'form' ? (element.attrs.get('method') ?? 'get').toUpperCase() : 'GET';
      if (!routeFor(url.pathname, method)) problems.push(`${what()} is no ${method} route in functions/http/routes.ts`);
      continue;
    }
    if (!exists(url.pathname)) problems.push(`${what()} leads to no built page or file`);
  }
  return problems;
}

/** Every page of a built site, read once (scripts/built-pages.ts). */
export function checkLinksOf(site: BuiltSite): { pages: number; problems: string[] } {
  const problems = site.pages.flatMap(({ file, html }) =>
    linkProblems(`/${file.replace(/index\.html$/, '')}`, html, site.exists),
  );
  return { pages: site.pages.length, problems };
}

/** Every page of the built site. */
export function checkLinks(distDir: string): { pages: number; problems: string[] } {
  return checkLinksOf(readBuiltSite(distDir));
}
