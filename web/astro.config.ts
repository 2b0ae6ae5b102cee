// Static site: run `astro build --root web` from the repository root (scripts/build-site.ts does).
import { readFileSync, renameSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import preact from '@astrojs/preact';
import type { AstroIntegration } from 'astro';
import { defineConfig } from 'astro/config';
import { DEFAULT_LOCALE, LOCALES } from '#catalog/schema';

const uswds = path.resolve(process.cwd(), 'node_modules/@uswds/uswds');

/**
 * The site's own address, from agency.config.json (checked by infra/config.ts on synth): hreflang and canonical
 * links must be absolute. Without a domain (the CloudFront address is only known after deploy) links stay relative.
 */
const agencyDomain = (
  JSON.parse(readFileSync(path.resolve(process.cwd(), 'agency.config.json'), 'utf8')) as {
    agency?: { domain?: string };
  }
).agency?.domain;

/**
 * The 404 page is one page file for every language, so Astro writes it as <lang>/404/index.html (a plain
 * /404 page would be the only one it writes as a file). Move each to <lang>/404.html, where the local
 * server and the CDN look for it.
 */
function notFoundPagesAsFiles(): AstroIntegration {
  return {
    name: 'portal:not-found-pages',
    hooks: {
      'astro:build:done': ({ dir }) => {
        for (const locale of LOCALES) {
          const prefix = locale === DEFAULT_LOCALE ? '' : `${locale}/`;
          renameSync(new URL(`${prefix}404/index.html`, dir), new URL(`${prefix}404.html`, dir));
          rmdirSync(new URL(`${prefix}404/`, dir));
        }
      },
    },
  };
}

export default defineConfig({
  output: 'static',
  ...(agencyDomain && { site: `https://${agencyDomain}` }),
  outDir: './dist',
  cacheDir: '../node_modules/.astro',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    inlineStylesheets: 'never',
  },
  i18n: {
    locales: [...LOCALES],
    defaultLocale: DEFAULT_LOCALE,
    routing: { prefixDefaultLocale: false },
  },
  devToolbar: { enabled: false },
  // The ui/ components render to static HTML here (no client directive anywhere: no framework JavaScript ships).
  integrations: [preact(), notFoundPagesAsFiles()],
  vite: {
    resolve: {
      // USWDS's images, by this name in the Sass ($theme-image-path) and in markup imports (?url): Vite then
      // ships only the images actually used, with hashed names.
      alias: { '~uswds-img': path.join(uswds, 'dist/img') },
    },
    build: {
      // 0 = never inline: Astro otherwise inlines scripts under 4 KB, and the CSP will be script-src 'self'.
      assetsInlineLimit: 0,
    },
    css: {
      preprocessorOptions: {
        scss: { loadPaths: [path.join(uswds, 'packages')], quietDeps: true },
      },
    },
  },
});
