import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests start chromium; give them room, but keep unit tests snappy by default.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
