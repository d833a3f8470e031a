import { defineConfig } from 'vitest/config';

// One run covers every suite: unit tests beside the code, cross-package integration tests
// and browser tests in test/. The JSON report feeds the totals line printed by .ci/run.
export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
          exclude: ['packages/widget/**'],
          environment: 'node',
        },
      },
      './packages/widget/vitest.config.ts',
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // What the page waits on crosses the server and the browser: on a busy machine that can
          // take more than `expect.poll`'s default second. A met condition still ends the wait.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        // Speed targets, measured with Tinybench and asserted; only `pnpm bench` runs them
        // (`pnpm test` leaves this project out).
        test: {
          name: 'bench',
          include: ['bench/**/*.bench.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
    ],
  },
});
