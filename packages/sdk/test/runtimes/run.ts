/**
 * Runs smoke.ts against the built SDK under Node (the current one, and 22.13, the oldest that
 * `engines` admits, for both the ESM and the CJS build), Bun and Deno. Bun and Deno come from the npm
 * registry (`npx -y bun@1`, `npx -y deno@2`: their binaries ship inside registry packages), so
 * nothing needs installing. Deno gets read access only: no network, no environment.
 *
 * Run: `pnpm --filter @graphtoken/sdk build && pnpm --filter @graphtoken/sdk test:runtimes`
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));
const smoke = 'test/runtimes/smoke.ts';
/** A first run downloads the runtime (tens of MB); later runs take a few seconds. */
const TIMEOUT_MS = 180_000;

if (!existsSync(new URL('../../dist/index.js', import.meta.url))) {
  console.error('dist/index.js is missing: run `pnpm --filter @graphtoken/sdk build` first.');
  process.exit(1);
}

const runtimes: { name: string; command: string; args: string[] }[] = [
  { name: 'node', command: process.execPath, args: [smoke] },
  // The oldest Node that `engines` admits: ESM, and the CJS build (which require()s ESM-only ky).
  {
    name: 'node 22.13',
    command: 'npx',
    args: ['-y', 'node@22.13.0', '--experimental-strip-types', '--no-warnings', smoke],
  },
  {
    name: 'node 22.13 (CJS)',
    command: 'npx',
    args: [
      '-y',
      'node@22.13.0',
      '--no-warnings',
      '-e',
      "const { GraphToken, isTokenRevokedError } = require('./dist/index.cjs'); " +
        "if (typeof GraphToken !== 'function' || typeof isTokenRevokedError !== 'function') process.exit(1); " +
        "console.log('ok node ' + process.version + ' require(@graphtoken/sdk)');",
    ],
  },
  // Without the override Bun would follow the package tsconfig's `paths` to src/ instead of dist/.
  {
    name: 'bun',
    command: 'npx',
    args: ['-y', 'bun@1', '--tsconfig-override=test/runtimes/tsconfig.json', smoke],
  },
  { name: 'deno', command: 'npx', args: ['-y', 'deno@2', 'run', '--no-prompt', '--allow-read', smoke] },
];

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    const timer = setTimeout(() => {
      output += `\n(timed out after ${TIMEOUT_MS / 1000} s)`;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

let failed = 0;
for (const runtime of runtimes) {
  const started = performance.now();
  const { code, output } = await run(runtime.command, runtime.args);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  // npm's own warnings about the machine's npmrc are noise here.
  const lines = output.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('npm warn'));
  if (code === 0) {
    console.log(`${lines.at(-1) ?? `ok ${runtime.name}`} (${seconds} s)`);
  } else {
    failed++;
    console.error(`FAIL ${runtime.name} (exit ${code}, ${seconds} s)\n${lines.join('\n')}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
