import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Integration tests import the SDK and the mock by package name, as users do; both resolve to
    // their source, so a test run never depends on a stale (or half-rebuilt) dist.
    alias: [
      { find: /^@graphtoken\/sdk$/, replacement: src('./src/index.ts') },
      { find: /^@graphtoken\/mock$/, replacement: src('../mock/src/index.ts') },
      { find: /^@graphtoken\/mock\/node$/, replacement: src('../mock/src/node/index.ts') },
      { find: /^@graphtoken\/mock\/http$/, replacement: src('../mock/src/http/index.ts') },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts'],
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.vitest.json' },
  },
});
