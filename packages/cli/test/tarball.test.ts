/**
 * What a user gets from the registry: the packed tarballs (`pnpm pack`, which turns `workspace:*`
 * into versions) installed with npm into an empty directory, then `npx graphtoken` run there:
 * help, a real `tokens introspect` against the standalone mock started by the installed package,
 * a scan, and the README's pre-commit hook word for word.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTokenSecret } from '@graphtoken/contract';
import { BOOTSTRAP_TOKEN } from '@graphtoken/mock';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/exit-codes.ts';
import { readmeHook } from './readme-hook.ts';

const packages = ['contract', 'sdk', 'mock', 'cli'].map(
  (name) => new URL(`../../${name}`, import.meta.url).pathname,
);
let root: string;
let app: string;

/** Runs a command in the app directory (npx with npm's own resolution, as a user's shell). */
function inApp(command: string, args: readonly string[], input?: string) {
  return spawnSync(command, args, { cwd: app, encoding: 'utf8', input, timeout: 60_000 });
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'graphtoken-cli-tarball-'));
  const tarballs = join(root, 'tarballs');
  mkdirSync(tarballs);
  for (const dir of packages)
    execFileSync('pnpm', ['pack', '--pack-destination', tarballs], { cwd: dir, stdio: 'ignore' });
  app = join(root, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }));
  const files = readdirSync(tarballs).map((f) => join(tarballs, f));
  expect(files).toHaveLength(4);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files], {
    cwd: app,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}, 240_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('runs `npx -- graphtoken --help` from the installed tarball (npx keeps --help for itself without --)', () => {
  const run = inApp('npx', ['--no', '--', 'graphtoken', '--help']);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain('Usage: graphtoken <command> [options]');
  const version = inApp('npx', ['--no', '--', 'graphtoken', '--version']);
  const { version: packed } = JSON.parse(
    readFileSync(join(app, 'node_modules/@graphtoken/cli/package.json'), 'utf8'),
  ) as { version: string };
  expect(version.stdout.trim()).toBe(packed);
});

it('introspects a token against the standalone mock the installed package starts', async () => {
  const bin = join(app, 'node_modules/@graphtoken/cli/dist/bin.js');
  const mock: ChildProcess = spawn(process.execPath, [bin, 'mock', '--port', '0', '--quiet'], { cwd: app });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`mock did not start: ${out}`)), 20_000);
      mock.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      });
    });
    const run = spawnSync('npx', ['--no', 'graphtoken', 'tokens', 'introspect', '--json'], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, GRAPHTOKEN_TOKEN: BOOTSTRAP_TOKEN, GRAPHTOKEN_BASE_URL: url },
    });
    expect(run.status, run.stderr).toBe(EXIT_CODES.ok);
    expect(JSON.parse(run.stdout)).toMatchObject({
      token: { id: 'tok_bootstrap0000000', scopes: ['manage'] },
    });
    // The governance commands (issue 11) as installed: a stale-token list and the audit log.
    const env = { ...process.env, GRAPHTOKEN_TOKEN: BOOTSTRAP_TOKEN, GRAPHTOKEN_BASE_URL: url };
    const stale = spawnSync('npx', ['--no', 'graphtoken', 'tokens', 'list', '--stale', '1d', '--json'], {
      cwd: app,
      encoding: 'utf8',
      env,
    });
    expect(stale.status, stale.stderr).toBe(EXIT_CODES.ok);
    expect(Array.isArray(JSON.parse(stale.stdout))).toBe(true);
    const audit = spawnSync('npx', ['--no', 'graphtoken', 'audit', '--type', 'token.first_used', '--json'], {
      cwd: app,
      encoding: 'utf8',
      env,
    });
    expect(audit.status, audit.stderr).toBe(EXIT_CODES.ok);
    // The introspection above was the bootstrap token's first use on this fresh mock.
    expect(JSON.parse(audit.stdout)).toEqual([
      expect.objectContaining({ type: 'token.first_used', tokenId: 'tok_bootstrap0000000' }),
    ]);
  } finally {
    mock.kill('SIGTERM');
  }
});

it('scans, and refuses a commit through the README hook as written', () => {
  const secret = generateTokenSecret();
  writeFileSync(join(app, 'leak.env'), `GRAPHTOKEN_TOKEN=${secret}\n`);
  const scan = inApp('npx', ['--no', 'graphtoken', 'scan', 'leak.env']);
  expect(scan.status).toBe(EXIT_CODES.secretsFound);
  expect(scan.stdout).toBe(`leak.env:1:18: GraphToken secret gt_…${secret.slice(-4)}\n`);
  expect(scan.stdout + scan.stderr).not.toContain(secret.slice(3, -4));

  // The hook from the README shipped in the package, word for word.
  const hook = readmeHook(join(app, 'node_modules/@graphtoken/cli/README.md'));
  expect(hook).toContain('npx --no graphtoken scan --staged');
  execFileSync('git', ['init', '-q'], { cwd: app });
  writeFileSync(join(app, '.git/hooks/pre-commit'), hook);
  chmodSync(join(app, '.git/hooks/pre-commit'), 0o755);
  inApp('git', ['add', 'leak.env', 'package.json']);
  const commit = inApp('git', [
    '-c',
    'user.name=T',
    '-c',
    'user.email=t@example.com',
    'commit',
    '-m',
    'leak',
  ]);
  expect(commit.status).not.toBe(0);
  expect(commit.stderr).toContain(`leak.env:1:18: GraphToken secret gt_…${secret.slice(-4)}`);
  expect(commit.stdout + commit.stderr).not.toContain(secret.slice(3, -4));
});
