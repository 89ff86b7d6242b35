import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  entry: ['src/index.ts'],
  dts: true,
  sourcemap: true,
  // `pnpm build` empties dist/ first: the two builds below run side by side, so neither may clean.
  clean: false,
  target: 'es2022',
  // Runtime-neutral: no Node built-ins, so the same bundle runs in browsers, Deno, Bun and workers.
  platform: 'neutral',
};

export default defineConfig([
  // ESM: ky stays a dependency, shared with the app's own copy.
  { ...shared, format: ['esm'] },
  // CommonJS: ky 2 is ESM-only. `require('ky')` (Node's require(esm), Bun, Deno) returns ky's module
  // namespace without `__esModule`, which esbuild's CJS interop wraps once more, so `ky.default` was
  // the namespace and `ky.default.create` undefined. The CJS build carries its own copy of ky instead
  // (about 6 kB min+gzip): `require('@graphtoken/sdk')` then needs no require(esm) at all.
  { ...shared, format: ['cjs'], noExternal: ['ky'] },
]);
