import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // One Vite build + one headless Chromium: bounded, and far under these limits in practice.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits for the page to settle (default 1 s is tight on a busy 2-core CI machine).
    expect: { poll: { timeout: 5_000, interval: 50 } },
  },
});
