/**
 * Cold import in Node: the time `await import('@graphtoken/sdk')` takes in a fresh process, median
 * over interleaved runs, beside an empty module's import (the floor) and openapi-fetch's, and the
 * number of modules the import loads (esbuild's view of the ESM graph). With `--check` it only
 * counts modules and fails over the ceiling: a count is the same on every machine, where a time in
 * a test would not be.
 *
 * Run: `pnpm --filter @graphtoken/sdk build && node bench/cold-import.ts [--runs 15] [--check]`
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

/** The goal of issue 12, ms. */
export const IMPORT_GOAL_MS = 50;
/** The ceiling the test command enforces: modules loaded by `import '@graphtoken/sdk'` in Node. */
export const MODULE_CEILING = 1;

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '15' }, check: { type: 'boolean', default: false } },
});

const require = createRequire(import.meta.url);
const sdkEntry = new URL('../dist/index.js', import.meta.url).pathname;

/** Modules Node loads for an import of `file` (its static ESM graph). */
export async function modulesLoaded(file: string): Promise<number> {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs).length;
}

const modules = await modulesLoaded(sdkEntry);
if (args.check) {
  console.log(`cold import: @graphtoken/sdk loads ${modules} module(s) in Node (ceiling ${MODULE_CEILING})`);
  if (modules > MODULE_CEILING) process.exit(1);
  process.exit(0);
}

/**
 * One fresh process: ms from before `import()` to its end. `preloadFetch` first touches `Request`,
 * which makes Node load its fetch implementation (undici) before the clock starts: ky's import-time
 * feature detection (it builds a `Request` in its constants module) otherwise pays that load, which
 * a program's first request would pay anyway.
 */
function importMs(file: string, preloadFetch = false): number {
  const script = `${preloadFetch ? 'void new Request("http://x/");' : ''}const t=performance.now();await import(${JSON.stringify(file)});console.log(performance.now()-t)`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

const empty = join(mkdtempSync(join(tmpdir(), 'cold-import-')), 'empty.mjs');
writeFileSync(empty, 'export {};\n');
const targets = {
  'empty module (floor)': empty,
  'openapi-fetch': require.resolve('openapi-fetch').replace(/\.cjs$/, '.mjs'),
  '@graphtoken/sdk': sdkEntry,
  '@graphtoken/sdk, fetch already loaded': sdkEntry,
};
const times: Record<string, number[]> = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
const runs = Number(args.runs);
for (let i = 0; i < runs; i++) {
  for (const [name, file] of Object.entries(targets))
    times[name]?.push(importMs(file, name.endsWith('already loaded')));
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1] as number;
const sdk = median(times['@graphtoken/sdk'] ?? []);
const sdkOwn = median(times['@graphtoken/sdk, fetch already loaded'] ?? []);
console.table(
  Object.entries(times).map(([name, v]) => ({
    import: name,
    'median ms': median(v).toFixed(1),
    'min ms': Math.min(...v).toFixed(1),
    modules: name.startsWith('@graphtoken/sdk') ? modules : '',
  })),
);
console.log(
  `cold import: ${sdk.toFixed(1)} ms (goal ≤ ${IMPORT_GOAL_MS} ms: ${sdk <= IMPORT_GOAL_MS ? 'met' : 'NOT met'}), of which loading Node's fetch (undici, forced by ky's import-time feature detection) ${(sdk - sdkOwn).toFixed(1)} ms; ${modules} module(s); median of ${runs} fresh processes`,
);
