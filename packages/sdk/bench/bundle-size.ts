/**
 * Bundle size of both builds, as an app gets them: `import { GraphToken } from '@graphtoken/sdk'`
 * bundled by esbuild (minified, tree-shaken, gzip -9), once with the `browser` condition (the
 * browser build) and once for Node (the full build, with zod's compiled path). Prints each beside
 * the goal; with `--check`, fails when the browser build is over its ceiling. `pnpm size` runs
 * size-limit and this check: both are ceilings the test command enforces.
 *
 * Run: `pnpm --filter @graphtoken/sdk build && node bench/bundle-size.ts [--check]`
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The goal of issue 12, min+gzip. */
export const BUNDLE_GOAL_KB = 18;
/** The ceiling the test command enforces on the browser build (esbuild, gzip -9): the size reached, not the goal. */
export const BROWSER_CEILING_KB = 28.4;

const entry = "import { GraphToken } from '@graphtoken/sdk'; globalThis.GraphToken = GraphToken;";

/** min+gzip bytes of the entry bundled for `platform`. */
export async function bundledSize(platform: 'browser' | 'node'): Promise<{ minified: number; gzip: number }> {
  const result = await build({
    stdin: { contents: entry, resolveDir: new URL('..', import.meta.url).pathname, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    write: false,
    // Not the package's tsconfig: its `paths` point @graphtoken/sdk at src/, and users get dist/.
    tsconfigRaw: {},
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

if (import.meta.main) {
  const kB = (n: number) => `${(n / 1000).toFixed(2)} kB`;
  const browser = await bundledSize('browser');
  const full = await bundledSize('node');
  console.table([
    {
      build: 'browser (browser condition)',
      minified: kB(browser.minified),
      'min+gzip': kB(browser.gzip),
      goal: `≤ ${BUNDLE_GOAL_KB} kB`,
      met: browser.gzip <= BUNDLE_GOAL_KB * 1000 ? 'yes' : 'NO',
      ceiling: `${BROWSER_CEILING_KB} kB`,
    },
    {
      build: 'full (Node, Deno, Bun, workers)',
      minified: kB(full.minified),
      'min+gzip': kB(full.gzip),
      goal: '(none: server runtimes)',
      met: '',
      ceiling: '',
    },
  ]);
  if (process.argv.includes('--check') && browser.gzip > BROWSER_CEILING_KB * 1000) {
    console.error(
      `the browser build is ${kB(browser.gzip)} min+gzip, over its ${BROWSER_CEILING_KB} kB ceiling`,
    );
    process.exit(1);
  }
}
