import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Every response the mock produces in any test is validated against spec/openapi.yaml.
    setupFiles: ['./src/contract-testing/setup.ts'],
  },
});
