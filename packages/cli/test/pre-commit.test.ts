/**
 * The README's pre-commit hook, in a real git repository: `git commit` is refused when the staged
 * changes hold a secret, and `scan --staged` reads git's index, not the working tree.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTokenSecret } from '@graphtoken/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/exit-codes.ts';
import { readmeHook } from './readme-hook.ts';
import { BIN, graphtoken } from './run-cli.ts';

const secret = generateTokenSecret();
let repo: string;

const git = (...args: string[]) =>
  spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
    cwd: repo,
    encoding: 'utf8',
  });

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'graphtoken-hook-'));
  execFileSync('git', ['init', '-q'], { cwd: repo });
  // The README's hook runs `npx --no graphtoken`; here the built bin stands in for the installed one
  // (the tarball test runs the hook verbatim).
  const hook = readmeHook().replace('npx --no graphtoken', `"${process.execPath}" "${BIN}"`);
  expect(hook).toContain(BIN);
  writeFileSync(join(repo, '.git/hooks/pre-commit'), hook);
  chmodSync(join(repo, '.git/hooks/pre-commit'), 0o755);
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('the pre-commit hook', () => {
  it('refuses a commit that stages a secret, naming the file and hint only', async () => {
    writeFileSync(join(repo, 'README.md'), '# project\n');
    writeFileSync(join(repo, 'settings.env'), `NAME=x\nGRAPHTOKEN_TOKEN=${secret}\n`);
    git('add', '.');
    const commit = git('commit', '-m', 'add settings');
    expect(commit.status).not.toBe(0);
    expect(commit.stderr).toContain(`settings.env:2:18: GraphToken secret gt_…${secret.slice(-4)}`);
    expect(commit.stdout + commit.stderr).not.toContain(secret.slice(3, -4));
    expect(git('rev-parse', '--verify', '-q', 'HEAD').status).not.toBe(0);
  });

  it('lets a clean commit through', async () => {
    writeFileSync(join(repo, 'app.ts'), 'export const token = process.env.GRAPHTOKEN_TOKEN;\n');
    git('add', '.');
    const commit = git('commit', '-m', 'clean');
    expect(commit.status, commit.stderr).toBe(0);
  });

  it('reads what is staged, not the working tree', async () => {
    // Staged with the secret, then removed from the working tree only: the commit would still carry it.
    writeFileSync(join(repo, 'a.txt'), `${secret}\n`);
    git('add', 'a.txt');
    writeFileSync(join(repo, 'a.txt'), 'cleaned, but not staged\n');
    const staged = await graphtoken(['scan', '--staged', '--json'], { cwd: repo });
    expect(staged.code).toBe(EXIT_CODES.secretsFound);
    expect(JSON.parse(staged.stdout).findings).toEqual([
      { path: 'a.txt', line: 1, column: 1, hint: secret.slice(-4) },
    ]);
    expect(staged.stdout + staged.stderr).not.toContain(secret.slice(3, -4));

    // Staged clean, secret only in the working tree: nothing is being committed.
    writeFileSync(join(repo, 'a.txt'), 'clean\n');
    git('add', 'a.txt');
    writeFileSync(join(repo, 'a.txt'), `${secret}\n`);
    writeFileSync(join(repo, 'untracked.txt'), `${secret}\n`);
    const clean = await graphtoken(['scan', '--staged'], { cwd: repo });
    expect(clean.code, clean.stderr).toBe(EXIT_CODES.ok);
  });

  it('scans from a subdirectory, names paths from the repository root, and skips deleted files', async () => {
    writeFileSync(join(repo, 'gone.txt'), 'x\n');
    git('add', '.');
    expect(git('commit', '-m', 'first').status).toBe(0);
    git('rm', '-q', 'gone.txt');
    execFileSync('mkdir', ['-p', join(repo, 'src/deep')]);
    writeFileSync(join(repo, 'src/deep/config.ts'), `export default '${secret}';\n`);
    git('add', '.');
    const run = await graphtoken(['scan', '--staged'], { cwd: join(repo, 'src') });
    expect(run.code).toBe(EXIT_CODES.secretsFound);
    expect(run.stdout).toBe(`src/deep/config.ts:1:17: GraphToken secret gt_…${secret.slice(-4)}\n`);
  });

  it('refuses a commit whose secret hides in a large or binary staged file (scanned, not skipped)', async () => {
    const other = generateTokenSecret();
    writeFileSync(join(repo, 'big.env'), `# generated\n${'x'.repeat(11 * 1024 * 1024)}\nTOKEN=${secret}\n`);
    writeFileSync(join(repo, 'nul-late.env'), Buffer.from(`TOKEN=${other}\n\0\n`));
    git('add', '.');
    const run = await graphtoken(['scan', '--staged'], { cwd: repo });
    expect(run.code, run.stderr).toBe(EXIT_CODES.secretsFound);
    expect(run.stdout.split('\n').sort()).toEqual(
      [
        '',
        `big.env:3:7: GraphToken secret gt_…${secret.slice(-4)}`,
        `nul-late.env:1:7: GraphToken secret gt_…${other.slice(-4)}`,
      ].sort(),
    );
    // Small chunks: the large blob streams through in pieces, with the same result.
    const chunked = await graphtoken(['scan', '--staged', '--max-file-size', '1K'], { cwd: repo });
    expect(chunked.stdout).toBe(run.stdout);
    const commit = git('commit', '-m', 'add env');
    expect(commit.status).not.toBe(0);
  });
});
