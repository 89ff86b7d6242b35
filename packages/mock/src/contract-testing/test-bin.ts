/**
 * Test support: the `graphtoken-mock` bin as users run it, bundled by tsup into a cache folder
 * (not dist/, so a test run never races a build), for tests that start it as a child process.
 * @internal
 */
import { type ChildProcess, spawn } from 'node:child_process';
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

/** A `graphtoken-mock` started by {@link startBinWithFileLimit}. */
export interface LimitedBin {
  child: ChildProcess;
  /** The URL it listens on (once its banner is complete). */
  url: string;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** Its exit code once it exits (null after a signal). */
  exited: Promise<number | null>;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Starts the bin (from {@link buildTestBin}) with `args` under a file size limit of `limitKiB`
 * (`ulimit -f`, SIGXFSZ ignored, so a write past it fails with EFBIG as a full disk fails with
 * ENOSPC) and waits for its banner. Rejects when it exits first.
 */
export async function startBinWithFileLimit(
  bin: string,
  limitKiB: number,
  args: string[],
): Promise<LimitedBin> {
  const child = spawn(
    'bash',
    [
      '-c',
      `trap '' XFSZ; ulimit -f ${limitKiB}; exec ${[process.execPath, bin, ...args].map(quote).join(' ')}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(stdout);
      if (found && stdout.includes('Press Ctrl+C')) resolve(found[0]);
    });
    void exited.then(() => reject(new Error(`exited before listening: ${stderr}`)));
  });
  return { child, url, stderr: () => stderr, exited };
}
