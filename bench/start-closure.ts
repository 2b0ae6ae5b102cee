/**
 * What a bundle reads at start: its entry's output file and every file reached from it by static imports, from
 * esbuild's metafile (dynamic `import()` chunks are left out; they load on first use). bench/run.ts and
 * bench/submission-pdf.ts measure bundles with it.
 */
import type { Metafile } from 'esbuild';

/** The bundle named `name` (its entry written as `<name>/index.mjs`): its code files, those read at start, and a byte sum. */
export function readAtStart(metafile: Metafile | undefined, name: string) {
  const outputs = metafile?.outputs ?? {};
  const code = Object.keys(outputs).filter((path) => path.endsWith('.mjs'));
  const entryOutput = code.find((path) => path.endsWith(`${name}/index.mjs`)) ?? '';
  const atStart = new Set<string>();
  const pending = [entryOutput];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (atStart.has(path)) continue;
    atStart.add(path);
    for (const imported of outputs[path]?.imports ?? [])
      if (imported.kind === 'import-statement' && !imported.external) pending.push(imported.path);
  }
  const bytes = (paths: Iterable<string>) => [...paths].reduce((sum, path) => sum + (outputs[path]?.bytes ?? 0), 0);
  return { code, atStart, bytes };
}
