import { existsSync } from 'node:fs';
import { defineConfig } from 'tsup';

// The root and browser entries are runtime-neutral (wherever msw runs); node, http and the CLI are Node-only.
const entries = {
  index: 'src/index.ts',
  'browser/index': 'src/browser/index.ts',
  'node/index': 'src/node/index.ts',
  'http/index': 'src/http/index.ts',
  'cli/index': 'src/cli/index.ts',
};

export default defineConfig({
  entry: Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file))),
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['msw', 'vitest', '@graphtoken/contract', /^node:/],
});
