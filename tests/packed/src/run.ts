/**
 * The packages as users run them. Packs @graphtoken/contract, sdk and mock, installs the tarballs
 * with npm into an empty temporary folder, starts the standalone mock from its tarball, and runs
 * the same real calls (introspect, create, append, a read across two pages or more, typed errors,
 * revoke: consumer/scenario.mjs) on every runtime:
 *
 * - Node 22.13 (the oldest `engines` admits) and Node 24, each as ESM (`import`) and CommonJS (`require`);
 * - in Node 24, `bench/cold-import.ts --check` on the installed SDK: one file loaded each way, and
 *   Node's fetch (undici) not loaded by the import;
 * - `tsc --noEmit` with `moduleResolution` node16 (ESM and .cts) and bundler;
 * - Bun and Deno, ESM and CommonJS;
 * - workerd through miniflare (a worker that uses the SDK, calling the mock over loopback);
 * - the in-process mock (`@graphtoken/mock/node`) in Node 22.13 and 24, ESM and CommonJS.
 *
 * Chromium runs in packages/sdk (test:browser). Each step prints what it ran and a PASS or FAIL
 * line; a runtime that cannot be fetched fails the run. Runtimes are cached in `.cache/runtimes/`.
 *
 * Run: `pnpm -r build && pnpm --filter @graphtoken-tests/packed test` (KEEP_CONSUMER=1 keeps the folder).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningMock, startMockServer } from './mock-server.ts';
import { packAll, writeConsumer } from './pack.ts';
import { ensureRuntimes } from './runtimes.ts';
import { check, results, step } from './step.ts';
import { checkTarballDocs } from './tarball-docs.ts';
import { runWorker } from './workerd.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(here, '../../..');
const fixtures = resolve(here, '../consumer');
const work = mkdtempSync(join(tmpdir(), 'graphtoken-packed-'));
const consumer = join(work, 'consumer');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const started = performance.now();

let mock: RunningMock | undefined;
try {
  const tarballs = await packStep();
  if (tarballs) {
    await check('docs in the tarballs', 'unpack each tarball; check README, metadata and links', () =>
      checkTarballDocs(tarballs, join(work, 'unpacked')),
    );
    writeConsumer(consumer, fixtures, tarballs);
    const installed = await step(
      'npm install',
      'npm',
      ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefer-offline'],
      { cwd: consumer, timeoutMs: 300_000 },
    );
    const runtimes = await runtimesStep();
    if (installed.ok && runtimes) await runAll(runtimes);
  }
} finally {
  await mock?.stop();
  if (process.env.KEEP_CONSUMER) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

/** The first ```ts block of a README: the snippet a newcomer pastes first (plain JavaScript by design). */
function firstSnippet(readme: string): string {
  const code = /```ts\n([\s\S]*?)```/.exec(readFileSync(readme, 'utf8'))?.[1];
  if (!code) throw new Error(`${readme} has no \`\`\`ts block`);
  return code;
}

async function packStep() {
  let tarballs: Awaited<ReturnType<typeof packAll>> | undefined;
  const outDir = join(work, 'tarballs');
  mkdirSync(outDir, { recursive: true });
  await check('pnpm pack', 'pnpm pack --pack-destination <tmp> in packages/{contract,sdk,mock}', async () => {
    tarballs = await packAll(repoRoot, outDir);
    return Object.values(tarballs)
      .map((file) => file.split('/').at(-1))
      .join(', ');
  });
  return tarballs;
}

async function runtimesStep() {
  let runtimes: Awaited<ReturnType<typeof ensureRuntimes>> | undefined;
  const cache = join(repoRoot, '.cache', 'runtimes');
  await check(
    'runtimes',
    `node@22.13, node@24, bun@1, deno@2 from the npm registry, cached in ${cache}`,
    async () => {
      runtimes = await ensureRuntimes(cache);
      return Object.values(runtimes)
        .map((r) => `${r.name} ${r.version}`)
        .join(', ');
    },
  );
  return runtimes;
}

async function runAll(runtimes: Awaited<ReturnType<typeof ensureRuntimes>>): Promise<void> {
  const { node22, node24, bun, deno } = runtimes;
  await check(
    'standalone mock',
    'graphtoken-mock --port 0 --quiet (the tarball bin), parse its banner',
    async () => {
      mock = await startMockServer(node24.bin, consumer);
      return `listening; banner gives GRAPHTOKEN_BASE_URL=${mock.baseUrl} and GRAPHTOKEN_TOKEN=…`;
    },
  );
  if (!mock) return;
  const env = { ...process.env, GRAPHTOKEN_BASE_URL: mock.baseUrl, GRAPHTOKEN_TOKEN: mock.token };
  const at = { cwd: consumer, env };

  await check(
    'SDK README snippet',
    "the first ```ts block of the installed SDK's README, as readme-snippet.mjs",
    async () => {
      writeFileSync(
        join(consumer, 'readme-snippet.mjs'),
        firstSnippet(join(consumer, 'node_modules/@graphtoken/sdk/README.md')),
      );
      return 'written';
    },
  );
  await step('SDK README snippet on node 24', node24.bin, ['readme-snippet.mjs'], at);
  // The tarball's own builds: one file each way, and no import-time load of Node's fetch (ky's
  // patched detection must be inside the published files, not only in this workspace's node_modules).
  const coldImport = join(repoRoot, 'packages/sdk/bench/cold-import.ts');
  await step(`${node24.name} cold import check`, node24.bin, [coldImport, '--check', '--from', consumer], at);
  for (const node of [node22, node24]) {
    await step(`${node.name} ESM`, node.bin, ['esm.mjs'], at);
    await step(`${node.name} CommonJS`, node.bin, ['cjs.cjs'], at);
  }
  await step('tsc node16', process.execPath, [tsc, '-p', 'tsconfig.node16.json'], {
    ...at,
    silentPass: 'no type error in types.ts (ESM) and types.cts (CommonJS), skipLibCheck off',
  });
  await step('tsc bundler', process.execPath, [tsc, '-p', 'tsconfig.bundler.json'], {
    ...at,
    silentPass: 'no type error in types.ts, skipLibCheck off',
  });
  await step('bun ESM', bun.bin, ['esm.mjs'], at);
  await step('bun CommonJS', bun.bin, ['cjs.cjs'], at);
  const denoAllow = ['run', '--no-prompt', '--allow-net=127.0.0.1', '--allow-env', '--allow-read'];
  await step('deno ESM', deno.bin, [...denoAllow, 'esm.mjs'], at);
  await step('deno CommonJS', deno.bin, [...denoAllow, 'cjs.cjs'], at);
  const { baseUrl, token } = mock;
  await check(
    'workerd (miniflare)',
    'esbuild worker.mjs (conditions workerd, worker, browser), run it in workerd',
    () => runWorker(consumer, { baseUrl, token }),
  );
  // The in-process mock answers the SDK's default base URL: no GRAPHTOKEN_* from the server here.
  const { GRAPHTOKEN_BASE_URL: _url, GRAPHTOKEN_TOKEN: _token, ...inProcessEnv } = env;
  const inProcess = { cwd: consumer, env: inProcessEnv };
  for (const node of [node22, node24]) {
    await step(`${node.name} in-process mock ESM`, node.bin, ['mock-in-process.mjs'], inProcess);
    await step(`${node.name} in-process mock CommonJS`, node.bin, ['mock-in-process.cjs'], inProcess);
  }
}

const failed = results.filter((r) => !r.ok);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `\npacked packages: ${results.length - failed.length} of ${results.length} steps passed in ${seconds} s` +
    (failed.length > 0 ? `; FAILED: ${failed.map((r) => r.name).join(', ')}` : ''),
);
process.exit(failed.length === 0 && results.length > 0 ? 0 : 1);
