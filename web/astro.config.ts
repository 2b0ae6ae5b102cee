// Static site: run `astro build --root web` from the repository root (scripts/build-site.ts does).
import { renameSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import preact from '@astrojs/preact';
import type { AstroIntegration } from 'astro';
import { defineConfig } from 'astro/config';
import type { Plugin } from 'vite';
import { DEFAULT_LOCALE, LOCALES } from '#catalog/schema';
import { loadAgencyConfig, sealFile } from '../infra/config.ts';

const uswds = path.resolve(process.cwd(), 'node_modules/@uswds/uswds');

/**
 * agency.config.json, checked as synth checks it. The site's own address: hreflang and canonical links must be
 * absolute. Without a domain (the CloudFront address is only known after deploy) links stay relative.
 */
const agencyConfigPath = path.resolve(process.cwd(), 'agency.config.json');
const agencyConfig = loadAgencyConfig(agencyConfigPath);
const agencyDomain = agencyConfig.agency.domain;

/**
 * `virtual:agency-seal`: the URL of the government's seal (agency.config.json's agency.seal) as Vite ships it,
 * hashed like every other image; undefined when the config names none. A config value cannot be a static
 * import, hence this small module.
 */
function agencySeal(file: string | undefined): Plugin {
  const id = 'virtual:agency-seal';
  return {
    name: 'portal:agency-seal',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) => {
      if (resolved !== `\0${id}`) return undefined;
      return file ? `export { default } from ${JSON.stringify(`${file}?url`)};` : 'export default undefined;';
    },
  };
}

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
    plugins: [agencySeal(sealFile(agencyConfig, agencyConfigPath))],
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
