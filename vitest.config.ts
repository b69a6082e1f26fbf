import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Browser tests start chromium; give them room, but keep unit tests snappy by default.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/calibration/**/*.test.ts'],
          // Unit tests share one module graph per worker instead of importing it again for each
          // file: importing took two thirds of their time. They hold no global state between
          // files (the few that set process.env restore it), so isolation bought nothing.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // Whole apps, child processes, browsers and throwaway servers: each file in a fresh
          // process, so a leaked listener or handle cannot reach the next file.
          include: ['tests/integration/**/*.test.ts', 'tests/fuzz/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
        },
      },
    ],
  },
});
