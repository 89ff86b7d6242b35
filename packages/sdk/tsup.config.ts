import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // Runtime-neutral: no Node built-ins, so the same bundle runs in browsers, Deno, Bun and workers.
  platform: 'neutral',
});
