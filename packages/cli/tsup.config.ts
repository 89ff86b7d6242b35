import { defineConfig } from 'tsup';

export default defineConfig({
  // `index` is the programmatic API (runCli, the scanner); `bin` is the `graphtoken` command.
  entry: { index: 'src/index.ts', bin: 'src/bin.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'node',
  external: ['@graphtoken/contract', '@graphtoken/sdk', '@graphtoken/mock', /^node:/],
});
