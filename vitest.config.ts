import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code they test; browser tests live in e2e/ and need a build first.
export default defineConfig({
  test: {
    // The summary reporter ends each run with a plain `Tests: N passed, N failed` line for CI.
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One Chromium and one server at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
