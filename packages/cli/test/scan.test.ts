/**
 * `graphtoken scan` end to end, run as a child process on real files, trees and stdin. Every test
 * checks that the secret itself is in neither stdout nor stderr.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTokenSecret } from '@graphtoken/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/exit-codes.ts';
import { BIN, graphtoken, type Run } from './run-cli.ts';

const secret = generateTokenSecret();
const second = generateTokenSecret();
const hint = (s: string) => `gt_…${s.slice(-4)}`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'graphtoken-scan-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, content: string | Buffer): string {
  const full = join(dir, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
  return full;
}

/** No secret, whole or in part, in anything the command printed. */
function expectNoSecret(run: Run, ...secrets: string[]): void {
  for (const s of secrets) {
    expect(run.stdout).not.toContain(s.slice(3, -4));
    expect(run.stderr).not.toContain(s.slice(3, -4));
  }
}

const scan = (args: readonly string[], input?: string | Buffer) =>
  graphtoken(['scan', ...args], { cwd: dir, ...(input !== undefined ? { input } : {}) });

describe('graphtoken scan', () => {
  it('prints file:line:column and the hint of each secret, exits 1, and never prints the secret', async () => {
    write('config/.env', `# settings\nGRAPHTOKEN_TOKEN=${secret}\n`);
    write('src/app.ts', `const a = 1;\n\n  const t = "${second}"; const u = '${secret}';\n`);
    write('src/clean.ts', 'export const nothing = "gt_notasecret";\n');
    const run = await scan(['.']);
    expect(run.code).toBe(EXIT_CODES.secretsFound);
    expect(run.stdout.split('\n')).toEqual([
      `config/.env:2:18: GraphToken secret ${hint(secret)}`,
      `src/app.ts:3:14: GraphToken secret ${hint(second)}`,
      `src/app.ts:3:67: GraphToken secret ${hint(secret)}`,
      '',
    ]);
    expect(run.stderr).toContain('Found 3 GraphToken secrets in 2 files (scanned 3 files');
    expect(run.stderr).toContain('graphtoken tokens revoke');
    expectNoSecret(run, secret, second);
  });

  it('names a file by the hint when its name holds a secret', async () => {
    write(`keys/${secret}.txt`, `${second}\n`);
    const run = await scan(['keys', '--json']);
    expect(run.code).toBe(EXIT_CODES.secretsFound);
    expect(JSON.parse(run.stdout).findings).toEqual([
      { path: `keys/${hint(secret)}.txt`, line: 1, column: 1, hint: second.slice(-4) },
    ]);
    expectNoSecret(run, secret, second);
    const missing = await scan([`${second}.env`]);
    expect(missing.code).toBe(EXIT_CODES.usage);
    expectNoSecret(missing, second);
  });

  it('exits 0 when there is none, a look-alike with a bad checksum included', async () => {
    const lookAlike = `${secret.slice(0, -1)}${secret.endsWith('x') ? 'y' : 'x'}`;
    write('a.txt', `token = ${lookAlike}\n`);
    const run = await scan([]);
    expect(run.code).toBe(EXIT_CODES.ok);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('No GraphToken secret found (scanned 1 file');
  });

  it('skips .git, node_modules and symbolic links, and nothing else', async () => {
    write('.git/config', secret);
    write('node_modules/lib/index.js', secret);
    write('packages/a/node_modules/x.js', secret);
    write('real/ok.txt', 'nothing here');
    symlinkSync(join(dir, '.git/config'), join(dir, 'real/link.txt'));
    const run = await scan(['--json']);
    expect(run.code, run.stderr).toBe(EXIT_CODES.ok);
    const report = JSON.parse(run.stdout);
    expect(report.findings).toEqual([]);
    expect(report.scanned.files).toBe(1);
    expect(report.skipped).toEqual([]);
  });

  it('scans binary files as bytes and files over the chunk size in chunks: no secret hides in either', async () => {
    // A NUL byte first (git calls it binary), then a secret.
    write('logo.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]), Buffer.from(secret)]));
    // Three 1 KiB chunks; the secret starts 31 bytes before the third boundary and ends after it.
    write('big.log', `${'x'.repeat(2000)}\n${'z'.repeat(1040)}${second}\n`);
    const run = await scan(['--max-file-size', '1K']);
    expect(run.code, run.stderr).toBe(EXIT_CODES.secretsFound);
    expect(run.stdout.split('\n')).toEqual([
      `big.log:2:1041: GraphToken secret ${hint(second)}`,
      `logo.png:1:6: GraphToken secret ${hint(secret)}`,
      '',
    ]);
    expect(run.stderr).toContain('(scanned 2 files');
    expect(run.stderr).not.toContain('skipped');
    expectNoSecret(run, secret, second);
    // The default chunk size reads it whole: the same findings.
    const whole = await scan([]);
    expect(whole.stdout).toBe(run.stdout);
  });

  it('finds a secret in every place of a file read in chunks (each offset across a boundary)', async () => {
    for (let offset = 60; offset < 110; offset++) write(`f${offset}.txt`, `${'.'.repeat(offset)}${secret}`);
    const run = await scan(['--max-file-size', '64', '--json']);
    const report = JSON.parse(run.stdout);
    expect(report.findings).toHaveLength(50);
    for (const f of report.findings) expect(f.column).toBe(Number(/f(\d+)/.exec(f.path)![1]) + 1);
  });

  it('scans explicit files and directories, and prints JSON with --json', async () => {
    const file = write('one.txt', `x ${secret}`);
    write('sub/two.txt', `\n\n${second}`);
    const run = await scan([file, join(dir, 'sub'), '--json']);
    expect(run.code).toBe(EXIT_CODES.secretsFound);
    expect(JSON.parse(run.stdout)).toEqual({
      findings: [
        { path: file, line: 1, column: 3, hint: secret.slice(-4) },
        { path: join(dir, 'sub/two.txt'), line: 3, column: 1, hint: second.slice(-4) },
      ],
      scanned: { files: 2, bytes: 41 + 41 },
      skipped: [],
    });
    expectNoSecret(run, secret, second);
  });

  it('scans stdin with -, even a long stream', async () => {
    const input = `${'filler line\n'.repeat(200_000)}GRAPHTOKEN_TOKEN=${secret}\n${'y'.repeat(100_000)}`;
    const run = await scan(['-'], input);
    expect(run.code).toBe(EXIT_CODES.secretsFound);
    expect(run.stdout).toBe(`-:200001:18: GraphToken secret ${hint(secret)}\n`);
    expectNoSecret(run, secret);
    expect((await scan(['-'], 'nothing\n')).code).toBe(EXIT_CODES.ok);
  });

  it('reads a pipe given as a path (/dev/stdin, <(command)) as a stream, not as an empty file', () => {
    // A shell pipe is a FIFO (Node's own stdin pipes are sockets, which cannot be opened by path).
    const run = spawnSync(
      'sh',
      ['-c', 'printf "line\\n  %s\\n" "$SECRET" | "$NODE" "$BIN" scan /dev/stdin'],
      {
        env: { PATH: process.env.PATH, SECRET: secret, NODE: process.execPath, BIN },
        encoding: 'utf8',
      },
    );
    expect(run.status, run.stderr).toBe(EXIT_CODES.secretsFound);
    expect(run.stdout).toBe(`/dev/stdin:2:3: GraphToken secret ${hint(secret)}\n`);
    expectNoSecret({ code: run.status, stdout: run.stdout, stderr: run.stderr }, secret);
  });

  it('reports a path it cannot open as unreadable, and exits 2: an incomplete scan proves nothing', async () => {
    const run = await scan(['/dev/stdin', '--json'], 'whatever');
    expect(run.code, run.stderr).toBe(EXIT_CODES.usage);
    expect(JSON.parse(run.stdout).skipped).toEqual([
      { path: '/dev/stdin', reason: 'unreadable', code: 'ENXIO' },
    ]);
    expect(run.stderr).toContain('warning: could not read 1 path (check permissions): /dev/stdin (ENXIO)');
    const text = await scan(['/dev/stdin'], 'whatever');
    expect(text.stderr).toContain('but the scan is incomplete');
  });

  it('shows progress on stderr with --progress, never on stdout', async () => {
    write('a.txt', secret);
    const run = await scan(['--progress']);
    expect(run.code).toBe(EXIT_CODES.secretsFound);
    expect(run.stderr).toMatch(/scanned 1 file, 0\.0 MB in \d+\.\d s \(\d+ MB\/s\)/);
    expect(run.stdout).not.toContain('scanned');
    expectNoSecret(run, secret);
  });

  it.each([
    { given: ['missing-dir'], want: 'no such file or directory: missing-dir' },
    { given: ['--max-file-size', 'lots'], want: '--max-file-size takes a size like 10M' },
    { given: ['--stagged'], want: "Unknown option '--stagged'" },
    { given: ['--staged', '.'], want: 'give either --staged or paths, not both' },
    { given: ['-', '-'], want: '"-" (stdin) can be given only once' },
    { given: ['--staged'], want: 'run it inside a git repository' },
  ])('exits 2 on a usage error: $want', async ({ given, want }) => {
    write('a.txt', secret);
    const run = await scan(given);
    expect(run.code).toBe(EXIT_CODES.usage);
    expect(run.stderr).toContain(want);
    expect(run.stdout).toBe('');
  });
});
