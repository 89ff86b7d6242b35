/**
 * The browser build's one resolution rule, shared by tsup.config.ts (the build), the Chromium
 * tests (vitest.browser.config.ts) and `bench/size-breakdown.ts`: in the SDK's own sources, a
 * relative `./x.js` import resolves to `x.browser.ts` beside it where one exists (src/internal:
 * compile-schema, redirect-target). See README "Size and speed".
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The imports the rule looks at: relative, written with `.js` as the sources write them. */
export const RELATIVE_JS_IMPORT = /^\.\.?\/.*\.js$/;

/**
 * The `.browser.ts` file that stands in for `source` imported from a file in `fromDir`, or
 * `undefined` when there is none (the import resolves as usual).
 */
export function browserVariant(fromDir: string, source: string): string | undefined {
  if (!RELATIVE_JS_IMPORT.test(source)) return undefined;
  const variant = join(fromDir, source.replace(/\.js$/, '.browser.ts'));
  return existsSync(variant) ? variant : undefined;
}

/** The rule as an esbuild plugin (tsup's `esbuildPlugins`, or esbuild's `plugins`). */
export const browserVariantsPlugin = {
  name: 'browser-variants',
  setup(build: {
    onResolve(
      options: { filter: RegExp },
      callback: (args: { path: string; resolveDir: string }) => { path: string } | undefined,
    ): void;
  }): void {
    build.onResolve({ filter: RELATIVE_JS_IMPORT }, (args) => {
      const path = browserVariant(args.resolveDir, args.path);
      return path ? { path } : undefined;
    });
  },
};
