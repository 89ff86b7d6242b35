/**
 * Test support: the `graphtoken-mock` bin as users run it, bundled by tsup into a cache folder
 * (not dist/, so a test run never races a build), for tests that start it as a child process.
 * @internal
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Bundles src/cli/index.ts into `node_modules/.cache/<cacheName>` and returns the bin's path.
 * Each test file passes its own `cacheName`, so files running in parallel never share an output.
 */
export async function buildTestBin(cacheName: string): Promise<string> {
  const outDir = join(packageDir, 'node_modules/.cache', cacheName);
  await build({
    entry: { 'cli/index': join(packageDir, 'src/cli/index.ts') },
    outDir,
    format: ['esm'],
    platform: 'node',
    target: 'node22',
    config: false,
    silent: true,
    clean: true,
    dts: false,
    sourcemap: false,
    external: [/^[^./]/],
  });
  return join(outDir, 'cli/index.js');
}
