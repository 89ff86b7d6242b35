import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Starts the GraphToken mock for every test file and resets it after each test.
    setupFiles: ['./vitest.setup.ts'],
  },
});
