// Static site: run `astro build --root web` from the repository root (scripts/build-site.ts does).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AstroIntegration, AstroUserConfig } from 'astro';
import type { Plugin } from 'vite';
import { DEFAULT_LOCALE, LOCALES } from '#catalog/schema';
import { loadAgencyConfig, sealFile } from '../infra/config.ts';

const uswds = path.resolve(process.cwd(), 'node_modules/@uswds/uswds');
const uswdsPackages = path.join(uswds, 'packages');
const stylesDir = path.resolve(process.cwd(), 'web/src/styles');
const cssCache = path.resolve(process.cwd(), 'node_modules/.astro/portal-css');

/**
 * The site's stylesheets compiled once and kept (node_modules/.astro/portal-css/), keyed by every input: our
 * .scss files, the USWDS and Sass versions. Compiling USWDS is most of a build's fixed cost (seconds of Sass per
 * build; decision 118). An import of web/src/styles/x.scss resolves to x.css beside it (no such file: this plugin
 * loads it), so Vite treats the kept CSS as the plain CSS it is — url() aliases, hashing, minifying — without
 * starting Sass to pass it through (decision 0135). A change to any input compiles again.
 */
function keptStylesheets(): Plugin {
  const version = (pkg: string) =>
    (JSON.parse(readFileSync(path.resolve(process.cwd(), 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
      .version;
  let inputs: string | undefined;
  const sources = new Map<string, string>();
  return {
    name: 'portal:kept-stylesheets',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith('.scss') || importer === undefined) return undefined;
      const file = path.resolve(path.dirname(importer.split('?')[0] ?? importer), source);
      if (path.dirname(file) !== stylesDir) return undefined;
      const css = file.replace(/\.scss$/, '.css');
      sources.set(css, file);
      return css;
    },
    async load(id) {
      const file = sources.get(id.split('?')[0] ?? id);
      if (file === undefined) return undefined;
      inputs ??= [
        version('@uswds/uswds'),
        version('sass-embedded'),
        ...readdirSync(stylesDir)
          .sort()
          .map((name) => `${name}\n${readFileSync(path.join(stylesDir, name), 'utf8')}`),
      ].join('\n');
      const key = createHash('sha256').update(`${inputs}\n${file}`).digest('hex').slice(0, 24);
      const kept = path.join(cssCache, `${path.basename(file, '.scss')}-${key}.css`);
      if (existsSync(kept)) return readFileSync(kept, 'utf8');
      // Only a changed input pays for loading Sass at all. Through require: this config runs in Vite's module
      // runner, which is closed by the time a stylesheet loads, so an import() here would fail.
      const sass = createRequire(path.resolve(process.cwd(), 'package.json'))('sass-embedded') as typeof import('sass-embedded');
      const { css } = await sass.compileAsync(file, { loadPaths: [uswdsPackages], quietDeps: true });
      mkdirSync(cssCache, { recursive: true });
      writeFileSync(kept, css);
      return css;
    },
  };
}

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

/**
 * PORTAL_BUILD_PHASES=1 prints the process's CPU time at Astro's build hooks: how much went to loading the config,
 * to Vite's bundling and to the pages (decision 135 used it to find where a 1,000-form build spends its time).
 */
function phaseTimes(): AstroIntegration {
  const mark = (name: string) => () => {
    if (!process.env.PORTAL_BUILD_PHASES) return;
    const { user, system } = process.cpuUsage();
    console.log(`[phase] ${name} cpu ${((user + system) / 1e6).toFixed(2)} s user ${(user / 1e6).toFixed(2)}`);
  };
  return {
    name: 'portal:phases',
    hooks: {
      'astro:config:done': mark('config:done'),
      'astro:build:start': mark('build:start'),
      'astro:build:setup': mark('build:setup'),
      'astro:build:generated': mark('build:generated'),
      'astro:build:done': mark('build:done'),
    },
  };
}

// A plain object, not `defineConfig` from astro/config: importing that module loads Astro's font providers and
// image optimizers, which this site does not use (decision 0135).
export default {
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
  // No framework integration: the pages insert ui/ components as HTML from preact-render-to-string
  // (web/src/lib/render.ts), so no framework JavaScript ships, and Vite's own compiler (oxc) compiles their JSX for
  // Preact — @astrojs/preact rendered every component twice and compiled the JSX with Babel (decision 0135).
  integrations: [phaseTimes(), notFoundPagesAsFiles()],
  vite: {
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [keptStylesheets(), agencySeal(sealFile(agencyConfig, agencyConfigPath))],
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
        scss: { loadPaths: [uswdsPackages], quietDeps: true },
      },
    },
  },
} satisfies AstroUserConfig;
