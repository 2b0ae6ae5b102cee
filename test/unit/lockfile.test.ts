/**
 * `npm ci` installs exactly the lockfile and refuses one that lacks a package's optional native builds, so the
 * lockfile must hold every platform's build of each package that has them (decision 34).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  os?: string[];
  cpu?: string[];
  optionalDependencies?: Record<string, string>;
}
const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, LockEntry>;
};

/** Where npm would find `name` from the package at `path`: nested first, then in each parent up to the root. */
function resolve(path: string, name: string): LockEntry | undefined {
  let from = path;
  for (;;) {
    const found = lock.packages[`${from ? `${from}/` : ''}node_modules/${name}`];
    if (found || from === '') return found;
    from = from.includes('/node_modules/') ? from.slice(0, from.lastIndexOf('/node_modules/')) : '';
  }
}

describe('package-lock.json', () => {
  it('holds every optional dependency of every package (npm ci refuses it otherwise)', () => {
    const missing = Object.entries(lock.packages).flatMap(([path, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        // aws-cdk-lib bundles its own dependencies, optional ones included.
        .filter((name) => !path.startsWith('node_modules/aws-cdk-lib/') && !resolve(path, name))
        .map((name) => `${path} → ${name}`),
    );
    expect(missing).toEqual([]);
  });

  const platforms = [
    ['darwin', 'arm64'],
    ['darwin', 'x64'],
    ['linux', 'arm64'],
    ['linux', 'x64'],
    ['win32', 'x64'],
  ] as const;
  const nativePackages = ['esbuild', '@biomejs/biome', 'sass-embedded', '@astrojs/compiler-binding', 'rolldown', 'lightningcss'];

  it.each(nativePackages)('has a native build of %s for macOS, Linux and Windows on arm64 and x64', (name) => {
    const builds = Object.keys(lock.packages[`node_modules/${name}`]?.optionalDependencies ?? {}).map((dep) =>
      resolve(`node_modules/${name}`, dep),
    );
    for (const [os, cpu] of platforms)
      expect(
        builds.some((b) => b?.os?.includes(os) && b?.cpu?.includes(cpu)),
        `${name} on ${os} ${cpu}`,
      ).toBe(true);
  });
});
