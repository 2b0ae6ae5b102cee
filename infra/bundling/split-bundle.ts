/**
 * NodejsFunction afterBundling hook: `node split-bundle.ts <entry> <bundle dir>`. Bundles the handler again with
 * esbuild's code splitting and replaces NodejsFunction's one-file index.mjs with an entry plus chunks, so code
 * behind a dynamic `import()` (the Stripe SDK, the Secrets Manager client, the HTML pages, the SDK's own
 * credential providers) is read and parsed on first use, not at every cold start. NodejsFunction cannot do this
 * itself: it passes `--outfile`, which esbuild refuses with `--splitting`. bench/run.ts bundles with the same
 * options. Decision 17.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildOptions, build } from 'esbuild';

/** Bundled ESM needs a `require` for the CommonJS parts of its dependencies (esbuild adds it to every chunk). */
export const REQUIRE_BANNER = "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);";
/** Where the chunks go inside the bundle, relative to its root (/var/task on Lambda). */
export const CHUNKS_DIR = 'chunks';

/** How every function is bundled: what NodejsFunction's options say, plus splitting into chunks. */
export function splitBuildOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: [entry],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    // Packages' ES module builds first: smaller bundles, and their dynamic imports can become chunks.
    mainFields: ['module', 'main'],
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    banner: { js: REQUIRE_BANNER },
    entryNames: 'index',
    chunkNames: `${CHUNKS_DIR}/[name]-[hash]`,
    outExtension: { '.js': '.mjs' },
    // The SDK is bundled, not taken from the runtime: the deployed version is the tested one.
    external: [],
    metafile: true,
    logLevel: 'warning',
  };
}

/** Replaces whatever is in `bundleDir` with the split build; leaves esbuild's metafile for ship-forms.ts. */
export async function splitBundle(entry: string, bundleDir: string): Promise<void> {
  for (const name of readdirSync(bundleDir)) rmSync(join(bundleDir, name), { recursive: true, force: true });
  const result = await build(splitBuildOptions(entry, bundleDir));
  writeFileSync(join(bundleDir, 'index.meta.json'), JSON.stringify(result.metafile));
}

if (import.meta.main) {
  const [entry, bundleDir] = process.argv.slice(2);
  if (!entry || !bundleDir) throw new Error('usage: node split-bundle.ts <entry> <bundle dir>');
  await splitBundle(entry, bundleDir);
}
