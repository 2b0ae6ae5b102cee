import { defineConfig } from 'vitest/config';

/** The unit tests alone (no DynamoDB Local, no browser): what `npm run mutation` kills mutants with. */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // Instrumented code on a busy machine: the exhaustive confirmation-code test needs more than 5 s.
    testTimeout: 30_000,
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_DEV: 'false' },
  },
});
