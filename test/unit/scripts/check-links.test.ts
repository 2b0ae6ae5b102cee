import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readBuiltSite } from '../../../scripts/built-pages.ts';
import { builtSite, linkProblems, linksAndIds, parsedStartTags, startTags } from '../../../scripts/check-links.ts';

const built = new Set(['/', '/status/', '/_astro/site.css']);
const exists = (pathname: string) => built.has(pathname);
const problemsOf = (body: string) => linkProblems('/status/', `<!doctype html><html><body>${body}</body></html>`, exists);

describe('the link gate', () => {
  it('passes links to built pages, built files, routes and ids on the page', () => {
    expect(
      problemsOf(
        '<a href="/">Home</a><a href="../status/">Status</a><link rel="stylesheet" href="/_astro/site.css">' +
          '<a href="/api/status/K7M2-9QXR?lang=es">Yours</a><form method="post" action="/api/payments?lang=en"></form>' +
          '<form action="/api/status"></form><main id="main"><a href="#main">Skip</a></main>' +
          '<a href="https://www.usa.gov/">USA.gov</a><a href="tel:+15550102000">Call</a>',
      ),
    ).toEqual([]);
  });

  it('names a link to a page that was not built', () => {
    expect(problemsOf('<a href="/services/nope/">x</a>')).toEqual([
      '/status/: <a href="/services/nope/"> leads to no built page or file',
    ]);
  });

  it('names a path without its trailing slash (the page lives at /status/)', () => {
    expect(problemsOf('<a href="/status">x</a>')).toHaveLength(1);
  });

  it('names an API path that is no route, and a form whose method the route does not take', () => {
    expect(problemsOf('<a href="/api/nothing">x</a><form method="get" action="/api/payments"></form>')).toEqual([
      '/status/: <a href="/api/nothing"> is no GET route in functions/http/routes.ts',
      '/status/: <form action="/api/payments"> is no GET route in functions/http/routes.ts',
    ]);
  });

  it('names a fragment with no element of that id, and a script URL', () => {
    expect(problemsOf('<a href="#gone">x</a><a href="javascript:alert(1)">y</a>')).toEqual([
      '/status/: <a href="#gone"> names no element on the page',
      '/status/: <a href="javascript:alert(1)"> is not a web, mail or phone link',
    ]);
  });
});

const DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

describe('reading start tags without a full HTML parse', () => {
  const interesting = (tags: ReturnType<typeof startTags>) =>
    tags
      .filter((tag) => ['a', 'link', 'form', 'img', 'script'].includes(tag.tagName) || tag.attrs.has('id'))
      .map((tag) => [tag.tagName, ...['id', 'href', 'src', 'action', 'method'].map((name) => tag.attrs.get(name) ?? '')]);

  it('reads quoted, unquoted and entity-encoded attributes, and skips comments', () => {
    const tags = startTags('<!-- <a href="/x/"> --><A HREF=/a/?b&amp;c id=\'one\'><img src="/i.png" alt="a > b">');
    expect(tags.map((tag) => [tag.tagName, Object.fromEntries(tag.attrs)])).toEqual([
      ['a', { href: '/a/?b&c', id: 'one' }],
      ['img', { src: '/i.png', alt: 'a > b' }],
    ]);
  });

  it.runIf(existsSync(DIST))('finds what parse5 finds on every built page', () => {
    const pages = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    for (const file of pages) {
      const html = readFileSync(join(DIST, file), 'utf8');
      expect(interesting(startTags(html)), file).toEqual(interesting(parsedStartTags(html)));
    }
  });
});

describe('the gate reads only what it checks (decision 0135)', () => {
  it('keeps the linking tags and the ids that startTags reads, and skips the rest', () => {
    const html =
      '<div class="grid-container" hidden><p ID="Top" title="x id=y">t</p><a href="#Top" id="">a</a><span data-id="z"></span>';
    expect(linksAndIds(html)).toEqual({
      links: [
        {
          tagName: 'a',
          attrs: new Map([
            ['href', '#Top'],
            ['id', ''],
          ]),
        },
      ],
      ids: new Set(['Top']),
    });
  });

  it.runIf(existsSync(DIST))('finds the links and ids startTags finds on every built page', () => {
    const site = readBuiltSite(DIST);
    expect(site.pages.length).toBeGreaterThan(100);
    for (const { file, html } of site.pages) {
      const all = startTags(html);
      expect(linksAndIds(html), file).toEqual({
        links: all.filter((tag) => ['a', 'link', 'form', 'img', 'script'].includes(tag.tagName)),
        ids: new Set(all.map((tag) => tag.attrs.get('id')).filter(Boolean)),
      });
    }
  });

  it.runIf(existsSync(DIST))('answers whether a path is built as the file system does, from one listing of the site', () => {
    const site = readBuiltSite(DIST);
    const fromDisk = builtSite(DIST);
    const paths = new Set(['/', '/nowhere/', '/_astro/', '/index.html/', '/../package.json', '/es', '/%2e%2e/x']);
    for (const { html } of site.pages)
      for (const tag of linksAndIds(html).links)
        paths.add(new URL(tag.attrs.get('href') ?? tag.attrs.get('src') ?? '/', 'http://x.invalid/').pathname);
    expect(paths.size).toBeGreaterThan(200);
    for (const path of paths) {
      expect(site.exists(path), path).toBe(fromDisk(path));
    }
  });
});
