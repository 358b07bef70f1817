import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and server stories poll for what a page shows; on a loaded two-core machine a
    // second is too short, and a poll that waits longer costs nothing when it succeeds.
    expect: { poll: { timeout: 15_000 } },
  },
})
