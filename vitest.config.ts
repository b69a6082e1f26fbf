import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Browser tests start chromium; give them room, but keep unit tests snappy by default.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores, but most integration and browser files wait (on child servers, chromium, fake
    // models, sockets) far more than they compute: four files at a time keep both cores busy.
    maxWorkers: 4,
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
          // These compute rather than wait: one per core. They run first, as their own group
          // (Vitest needs one group per worker count).
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // Whole apps, child processes, browsers and throwaway servers. Every app, server and
          // browser a test starts is closed by it, so these share one module graph per worker
          // too (importing the app again for each file cost more CPU than any test).
          isolate: false,
          include: ['tests/integration/**/*.test.ts', 'tests/fuzz/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
