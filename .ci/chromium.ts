/**
 * Where the browser tests (packages/sdk/test/browser, examples/browser-app/test) find Chromium,
 * and the flags that keep it quiet on a closed network. One module for both, beside the toolchain
 * bootstrap that installs Chromium.
 *
 * `npm test` (.ci/toolchain.mjs --chromium) sets `CHROMIUM_PATH`; without it we fall back to
 * Debian's `/usr/bin/chromium`. Playwright cannot download its own browsers here.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';

const FALLBACK = '/usr/bin/chromium';
/** Debian's `/usr/bin/chromium` is a shell launcher for this binary (it prints a `[:` warning on some hosts). */
const DEBIAN_BINARY = '/usr/lib/chromium/chromium';

/**
 * The Chromium executable to launch: `CHROMIUM_PATH`, else /usr/bin/chromium. Debian's shell
 * launcher is swapped for the binary it wraps, so no launcher noise reaches the test output.
 *
 * A `CHROMIUM_PATH` that does not exist falls back to /usr/bin/chromium (with a warning).
 *
 * @throws Error naming the places looked at and how to fix it, when none exists.
 */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env, fallback = FALLBACK): string {
  const fromEnv = env.CHROMIUM_PATH;
  const found = [fromEnv, fallback].find((path): path is string => !!path && existsSync(path));
  if (!found) {
    const looked = fromEnv
      ? `CHROMIUM_PATH=${fromEnv} or ${fallback}`
      : `${fallback} (CHROMIUM_PATH is not set)`;
    throw new Error(
      `Chromium not found at ${looked}. Run the tests through \`npm test\` (as root on Debian it ` +
        'installs the chromium package), or install Chromium yourself and set CHROMIUM_PATH to its executable.',
    );
  }
  if (fromEnv && found !== fromEnv) {
    process.stderr.write(`[browser tests] CHROMIUM_PATH=${fromEnv} does not exist; using ${found}\n`);
  }
  return isDebianLauncher(found) && existsSync(DEBIAN_BINARY) ? DEBIAN_BINARY : found;
}

/** Whether `path` is a shell script named chromium (reads its first bytes only: the real binary is huge). */
function isDebianLauncher(path: string): boolean {
  if (!path.endsWith('/chromium')) return false;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(32);
    const n = readSync(fd, head, 0, head.length, 0);
    return head.toString('latin1', 0, n).startsWith('#!/bin/sh');
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Flags for headless Chromium on CI machines: no sandbox (we run as root), no GPU, no /dev/shm
 * (small in containers), and none of the background network traffic (component updates, sync,
 * QUIC, first-run pings) that a closed network refuses noisily.
 */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-extensions',
  '--mute-audio',
];
