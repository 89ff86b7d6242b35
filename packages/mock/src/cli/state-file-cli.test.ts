/**
 * Nothing acknowledged is lost when the server is killed: a real `graphtoken-mock --state-file`
 * child process is SIGKILLed a few times during concurrent appends and restarted; every appended
 * block it acknowledged is there afterwards, and a same-key retry of an unanswered one never
 * appends it twice. (The durability benchmark runs the same harness with 50+ kills.)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTokenSecret } from '@graphtoken/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDurability } from '../../bench/durability-harness.ts';
import { buildTestBin } from '../contract-testing/test-bin.js';
import { createGraphTokenMock } from '../index.js';

let bin = '';
const tmp = mkdtempSync(join(tmpdir(), 'graphtoken-kill-'));

beforeAll(async () => {
  bin = await buildTestBin('graphtoken-mock-kill-test');
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('kill -9', () => {
  it('loses no acknowledged append and duplicates none over 3 SIGKILLs and restarts', async () => {
    const result = await runDurability({
      bin: bin,
      dir: tmp,
      kills: 3,
      workers: 4,
      runMs: [150, 300],
      secret: generateTokenSecret(),
    });
    expect(result.acknowledged).toBeGreaterThan(0);
    expect(result).toMatchObject({ kills: 3, lost: 0, duplicated: 0, corruptFiles: 0 });
  }, 90_000);
});

/** Runs the CLI until it prints where it listens (then stops it with SIGTERM) or exits. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    if (stdout.includes('Press Ctrl+C')) child.kill('SIGTERM');
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

describe('state file from the command line', () => {
  it('refuses a corrupt database: a clear message, exit code 1, the file untouched', async () => {
    const stateFile = join(tmp, 'corrupt.db');
    const bytes = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 0x5a)]);
    writeFileSync(stateFile, bytes);
    const { code, stderr } = await runCli(['--port', '0', '--state-file', stateFile]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^graphtoken-mock: state file .*corrupt\.db is not a readable SQLite database/);
    expect(stderr).toContain('It was left untouched: delete it (or pass another --state-file)');
    expect(readFileSync(stateFile).equals(bytes)).toBe(true);
    expect(existsSync(`${stateFile}-wal`)).toBe(false);
  }, 30_000);

  it('migrates a JSON state file and says so, with no warning on stderr', async () => {
    const stateFile = join(tmp, 'old.json');
    writeFileSync(stateFile, JSON.stringify(createGraphTokenMock().snapshot()));
    const { stdout, stderr } = await runCli(['--port', '0', '--state-file', stateFile, '--quiet']);
    expect(stdout).toContain(
      `state: ${stateFile} (migrated from the JSON state file of an earlier version; the old file is kept as ${stateFile}.bak)`,
    );
    expect(stderr).toBe('');
    expect(existsSync(`${stateFile}.bak`)).toBe(true);
  }, 30_000);
});
