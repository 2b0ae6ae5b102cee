// @ts-check
/**
 * `npm run mutation`: StrykerJS over the rules (functions/domain/) and the catalog's code (catalog/src/), killed
 * by the unit tests alone (fast, no network). Not part of `npm test`; the score and the surviving mutants
 * that are explained rather than killed are in docs/benchmarks.md ("Mutation testing").
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  // TypeScript 7 has no JS compiler API, which Stryker calls when it finds a tsconfig: point it at none.
  tsconfigFile: 'tsconfig.stryker-none.json',
  mutate: ['functions/domain/**/*.ts', 'catalog/src/**/*.ts'],
  coverageAnalysis: 'perTest',
  // Two cores, shared: one mutant at a time, and only the mutants whose code or tests changed since the last run.
  concurrency: 1,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  timeoutMS: 10_000,
};
