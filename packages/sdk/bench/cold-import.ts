/**
 * Cold import in Node: the time `await import('@graphtoken/sdk')` (ESM) and
 * `require('@graphtoken/sdk')` (CommonJS) take in a fresh process, median over interleaved runs,
 * beside an empty module's import (the floor) and openapi-fetch's, so the same-run ratios compare
 * like with like. The package is resolved by name from `--from <dir>` (default: this package, by
 * self-reference), so the same script measures an installed tarball (`tests/packed`).
 *
 * With `--check` it times nothing (a time in a test would depend on the machine) and fails when:
 * - the ESM import loads more than {@link MODULE_CEILING} module(s) (esbuild's view of its graph),
 *   or the CommonJS `require` more than {@link MODULE_CEILING} file(s);
 * - either one loads Node's fetch implementation (undici, about 25 ms): nothing the SDK bundles may
 *   touch `Request`, `Headers` or `FormData` at import (ky's own detection does, unless patched:
 *   patches/ky@2.1.0.patch).
 *
 * Run: `pnpm --filter @graphtoken/sdk build && node bench/cold-import.ts [--runs 15] [--from dir] [--check]`
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

/** The goal of issue 12, ms. */
export const IMPORT_GOAL_MS = 50;
/** The ceiling the test command enforces: modules loaded by `import '@graphtoken/sdk'` in Node. */
export const MODULE_CEILING = 1;

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    from: { type: 'string', default: fileURLToPath(new URL('..', import.meta.url)) },
    check: { type: 'boolean', default: false },
  },
});
const cwd = args.from;

/** What a fresh Node process reports after loading the SDK one way. */
interface Load {
  /** ms from before the `import()`/`require()` to its end. */
  ms: number;
  /** Whether Node's fetch implementation (undici) was loaded by then. */
  fetchLoaded: boolean;
  /** Files in `require.cache` (CommonJS only). */
  files: number;
}

/**
 * One fresh process, resolving `@graphtoken/sdk` (or `specifier`) from `cwd`. `preloadFetch` first
 * touches `Request`, which makes Node load undici before the clock starts.
 */
function load(kind: 'import' | 'require', specifier: string, preloadFetch = false): Load {
  const pre = preloadFetch ? 'void new Request("http://x/");' : '';
  const report =
    'console.log(JSON.stringify({ms:performance.now()-t,fetchLoaded:process.moduleLoadList.some((m)=>m.includes("undici")),files:typeof require==="function"?Object.keys(require.cache).length:0}))';
  const script =
    kind === 'import'
      ? `${pre}const t=performance.now();await import(${JSON.stringify(specifier)});${report}`
      : `${pre}const t=performance.now();require(${JSON.stringify(specifier)});${report}`;
  const flags = kind === 'import' ? ['--input-type=module', '-e', script] : ['-e', script];
  return JSON.parse(execFileSync(process.execPath, flags, { cwd, encoding: 'utf8' })) as Load;
}

const sdkEntry = createRequire(join(cwd, 'noop.js'))
  .resolve('@graphtoken/sdk')
  .replace(/\.cjs$/, '.js');

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
  const esm = load('import', '@graphtoken/sdk');
  const cjs = load('require', '@graphtoken/sdk');
  const failures = [
    modules > MODULE_CEILING && `import loads ${modules} modules (ceiling ${MODULE_CEILING})`,
    cjs.files > MODULE_CEILING && `require loads ${cjs.files} files (ceiling ${MODULE_CEILING})`,
    esm.fetchLoaded &&
      "import loads Node's fetch (undici): something touches Request/Headers/FormData at import",
    cjs.fetchLoaded &&
      "require loads Node's fetch (undici): something touches Request/Headers/FormData at import",
  ].filter(Boolean);
  console.log(
    `cold import: @graphtoken/sdk loads ${modules} module(s) by import and ${cjs.files} file(s) by require (ceiling ${MODULE_CEILING}); Node's fetch loaded: import ${esm.fetchLoaded}, require ${cjs.fetchLoaded}`,
  );
  for (const failure of failures) console.error(`cold import check failed: ${failure}`);
  process.exit(failures.length > 0 ? 1 : 0);
}

const empty = join(mkdtempSync(join(tmpdir(), 'cold-import-')), 'empty.mjs');
writeFileSync(empty, 'export {};\n');
const openapiFetch = createRequire(import.meta.url)
  .resolve('openapi-fetch')
  .replace(/\.cjs$/, '.mjs');
const targets: Record<string, () => Load> = {
  'empty module (floor)': () => load('import', empty),
  'openapi-fetch': () => load('import', openapiFetch),
  '@graphtoken/sdk import': () => load('import', '@graphtoken/sdk'),
  '@graphtoken/sdk require': () => load('require', '@graphtoken/sdk'),
  '@graphtoken/sdk import, fetch already loaded': () => load('import', '@graphtoken/sdk', true),
};
const times: Record<string, number[]> = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
const fetchLoaded = new Set<string>();
const runs = Number(args.runs);
for (let i = 0; i < runs; i++) {
  for (const [name, run] of Object.entries(targets)) {
    const result = run();
    times[name]?.push(result.ms);
    if (result.fetchLoaded) fetchLoaded.add(name);
  }
}
const median = (v: number[] = []) => [...v].sort((a, b) => a - b)[v.length >> 1] as number;
const floor = median(times['empty module (floor)']);
console.table(
  Object.entries(times).map(([name, v]) => ({
    load: name,
    'median ms': median(v).toFixed(1),
    'min ms': Math.min(...v).toFixed(1),
    '÷ empty module': (median(v) / floor).toFixed(1),
    'fetch loaded': fetchLoaded.has(name) ? 'yes' : 'no',
  })),
);
const esm = median(times['@graphtoken/sdk import']);
const cjs = median(times['@graphtoken/sdk require']);
const verdict = (ms: number) => `${ms.toFixed(1)} ms (${ms <= IMPORT_GOAL_MS ? 'met' : 'NOT met'})`;
console.log(
  `cold import (goal ≤ ${IMPORT_GOAL_MS} ms): import ${verdict(esm)}, require ${verdict(cjs)}; ${modules} module(s); resolved from ${cwd}; median of ${runs} fresh processes`,
);
