import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    globalSetup: ['test/support/global-setup.ts'],
    // Integration and browser tests share one DynamoDB Local; 2 cores is the target machine.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // A page that moves on takes over a second when the 2 cores are busy: expect.poll waits up to 10 s, not 1 s
    // (a bound on waiting for what must happen, never a speed check).
    expect: { poll: { timeout: 10_000 } },
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_DEV: 'false' },
  },
});
