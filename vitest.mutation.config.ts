import { defineConfig } from 'vitest/config';

/** The unit tests alone (no DynamoDB Local, no browser): what `npm run mutation` kills mutants with. */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_DEV: 'false' },
  },
});
