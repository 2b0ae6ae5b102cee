/**
 * The build's three gates (inline code, click depth, links) on each page as Astro renders it, instead of on the
 * files read back once the site is written (decision 0143). Astro already holds every page's HTML when it writes
 * it: the build wraps Astro's prerenderer (`gatesOnRenderedPages`), hands each page here, and keeps only what the
 * gates need of it (its inline-code problems, its links for the click-depth walk, the site paths it links to), not
 * the HTML — 86 MB on a 1,000-form site, which reading back and holding cost more CPU than the checks themselves.
 *
 * What is checked is still what was built: when Astro is done, the site folder is listed once, a page that the
 * build moved after Astro wrote it (the 404 pages) or that Astro did not render (a file in web/public) is read from
 * the folder, and a page Astro rendered that is not in the folder is not checked. A page with a link problem is read
 * again from the folder, so that the gate's sentences are the ones `checkLinksOf` writes, in the same order.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { builtFiles, existsIn } from './built-pages.ts';
import { type ClickDepthReport, checkClickDepthOfPages, type Page, pageFromTags } from './check-click-depth.ts';
import { linkFacts, linkProblems, linksAndIds } from './check-links.ts';

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>/i;
const STYLE_ELEMENT = /<style\b/i;
const STYLE_ATTRIBUTE = /<[^>]+\sstyle=/i;

/**
 * A page's HTML that would break the Content-Security-Policy (script-src 'self', style-src 'self'): an inline
 * script, a style attribute or a <style> element, each as a sentence naming `file`. Astro inlines small scripts and
 * styles unless told not to.
 */
export function inlineCodeIn(file: string, html: string): string[] {
  const problems: string[] = [];
  if (INLINE_SCRIPT.test(html)) problems.push(`${file} has an inline <script>`);
  if (STYLE_ELEMENT.test(html)) problems.push(`${file} has a <style> element`);
  // The quick test first: the full one scans from every "<" to its ">" (a third of the gates' time before).
  if (/\sstyle=/i.test(html) && STYLE_ATTRIBUTE.test(html)) problems.push(`${file} has a style="" attribute`);
  return problems;
}

/** What the gates keep of one page. */
interface Facts {
  inline: string[];
  /** For the click-depth walk; index.html files only. */
  depth: Page | undefined;
  /** false when the page has a link problem that needs no listing (a fragment, a URL, a route). */
  clean: boolean;
  /** The site paths it links to, to be found among the built files. */
  sitePaths: string[];
}

/** The link gate's and the click-depth gate's names for a file in the site folder. */
const linkPathOf = (file: string) => `/${file.replace(/index\.html$/, '')}`;
const depthPathOf = (file: string) => {
  const directory = path.posix.dirname(file);
  return path.posix.basename(file) === 'index.html' ? (directory === '.' ? '/' : `/${directory}/`) : undefined;
};

/** One scan of the page's start tags serves both the link gate and the click-depth gate. */
function factsOf(file: string, html: string): Facts {
  const depthPath = depthPathOf(file);
  const scanned = linksAndIds(html);
  return {
    inline: inlineCodeIn(file, html),
    depth: depthPath === undefined ? undefined : pageFromTags(scanned.links, html, depthPath),
    ...linkFacts(linkPathOf(file), scanned),
  };
}

export interface GateResults {
  /** Every .html file in the site folder. */
  pages: number;
  inline: string[];
  depth: ClickDepthReport;
  links: string[];
}

/** Collects pages as they are rendered; `finish` runs the gates on the written site. */
export class SiteGates {
  readonly #facts = new Map<string, Facts>();
  /** The main thread's CPU time spent reading pages as they were rendered. */
  addMs = 0;

  /** A page Astro rendered: `file` is where Astro writes it ("services/x/index.html"). */
  add(file: string, html: string): void {
    const started = process.threadCpuUsage();
    this.#facts.set(file, factsOf(file, html));
    const { user, system } = process.threadCpuUsage(started);
    this.addMs += (user + system) / 1000;
  }

  /** The gates on the site in `distDir`, once it is written. */
  finish(distDir: string): GateResults {
    const files = builtFiles(distDir).sort();
    const exists = existsIn(distDir, files);
    const read = (file: string) => readFileSync(path.join(distDir, file), 'utf8');
    const pages = files.filter((file) => file.endsWith('.html'));
    const facts = pages.map((file) => ({ file, facts: this.#facts.get(file) ?? factsOf(file, read(file)) }));

    const depthPages = new Map<string, Page>();
    for (const { file, facts: page } of facts) {
      const depthPath = depthPathOf(file);
      if (depthPath !== undefined && page.depth) depthPages.set(depthPath, page.depth);
    }
    const links = facts.flatMap(({ file, facts: page }) =>
      page.clean && page.sitePaths.every(exists) ? [] : linkProblems(linkPathOf(file), read(file), exists),
    );
    return {
      pages: pages.length,
      inline: facts.flatMap(({ facts: page }) => page.inline),
      depth: checkClickDepthOfPages(depthPages, 3, distDir),
      links,
    };
  }
}

/**
 * The Astro integration that hands `gates` each page Astro renders, from the bytes it is about to write (a copy:
 * the response's body can be read once). Pages are where Astro writes them with `build.format: 'directory'`.
 */
export function gatesOnRenderedPages(gates: SiteGates): AstroIntegration {
  const decoder = new TextDecoder();
  return {
    name: 'portal:site-gates',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer(
          (inner): AstroPrerenderer => ({
            ...inner,
            name: 'portal:site-gates',
            async render(request, options) {
              const rendered = await inner.render(request, options);
              const response = rendered instanceof Response ? rendered : rendered.response;
              const pathname = decodeURI(new URL(request.url).pathname);
              const file = pathname.endsWith('/') ? `${pathname.slice(1)}index.html` : pathname.slice(1);
              if (response.status !== 200 && response.status !== 404) return rendered;
              if (!file.endsWith('.html') || response.body === null) return rendered;
              const bytes = new Uint8Array(await response.arrayBuffer());
              gates.add(file, decoder.decode(bytes));
              const copy = new Response(bytes, response);
              return rendered instanceof Response ? copy : { ...rendered, response: copy };
            },
          }),
        );
      },
    },
  };
}
