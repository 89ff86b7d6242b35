import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The end-to-end tests run the built `graphtoken` as child processes, as users do.
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 20_000,
  },
});
