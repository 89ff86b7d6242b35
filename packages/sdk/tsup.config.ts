import { defineConfig, type Options } from 'tsup';
import { browserVariantsPlugin } from './build/browser-variant.ts';

const shared: Options = {
  entry: ['src/index.ts'],
  sourcemap: true,
  target: 'es2022',
  // Runtime-neutral: no Node built-ins, so the same bundle runs in browsers, Deno, Bun and workers.
  platform: 'neutral',
};

export default defineConfig([
  // dist is emptied by the build script: tsup builds these configs in parallel, so none may clean.
  // The ESM build for Node, Deno, Bun and workers carries ky, zod and @graphtoken/contract inside:
  // one file to load instead of a graph of about 110 modules, which is most of a cold import's
  // time in Node (bench/cold-import.ts). Browser bundlers get the browser build below, with its
  // dependencies left to them.
  { ...shared, format: ['esm'], dts: true, noExternal: ['ky', 'zod', '@graphtoken/contract'] },
  // CommonJS: ky 2 is ESM-only. `require('ky')` (Node's require(esm), Bun, Deno) returns ky's module
  // namespace without `__esModule`, which esbuild's CJS interop wraps once more, so `ky.default` was
  // the namespace and `ky.default.create` undefined. The CJS build carries its own copy of ky instead:
  // `require('@graphtoken/sdk')` then needs no require(esm) at all. It carries zod and the contract
  // too, as the ESM build does: requiring zod's CommonJS file graph took about 60 ms of a cold
  // `require` (bench/cold-import.ts).
  { ...shared, format: ['cjs'], dts: true, noExternal: ['ky', 'zod', '@graphtoken/contract'] },
  // The `browser` export condition's build: the same code, with the `.browser.ts` variants of
  // src/internal: response schemas stay on zod/mini's interpreted path (compile-schema.browser.ts:
  // zod's compiled path and its code generator are not bundled), and a refused redirect's hidden
  // target is not named (redirect-target.browser.ts). See README
  // "Size and speed".
  {
    ...shared,
    entry: { 'browser/index': 'src/index.ts' },
    format: ['esm'],
    // A source file's `./x.js` resolves to `x.browser.ts` beside it where one exists.
    esbuildPlugins: [browserVariantsPlugin],
  },
]);
