/**
 * The CLI as a user runs it: a real process, killed with SIGKILL mid-run (no cleanup, no last
 * checkpoint write), then started again; the graph ends with every record exactly once.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedIds } from '@graphtoken/mock';
import { type GraphTokenMockServer, startGraphTokenMockServer } from '@graphtoken/mock/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordIdOf } from './records.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `node src/main.ts`; `onLine` sees each stdout line as it comes and may kill the process. */
function runCli(
  args: string[],
  env: Record<string, string>,
  onLine?: (line: string, kill: () => void) => void,
) {
  const {
    GRAPHTOKEN_TOKEN: _t,
    GRAPHTOKEN_BASE_URL: _b,
    GRAPHTOKEN_GRAPH_ID: _g,
    ...inherited
  } = process.env;
  const child = spawn(process.execPath, [MAIN, ...args], { env: { ...inherited, ...env }, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine?.(line, () => child.kill('SIGKILL'));
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise<Exit>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

let server: GraphTokenMockServer;
let dir: string;
beforeAll(async () => {
  server = await startGraphTokenMockServer({ port: 0 });
  dir = await mkdtemp(join(tmpdir(), 'etl-cli-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('node src/main.ts', () => {
  it('resumes after being killed mid-run and ends with each record exactly once', async () => {
    const graphId = server.mock.store.addGraph({
      name: 'Weather observations',
      owner: seedIds.accounts.ada,
    }).id;
    const { secret } = server.mock.store.createToken({
      name: 'etl-pipeline',
      scopes: ['write'],
      graphIds: [graphId],
    });
    const env = { GRAPHTOKEN_BASE_URL: server.url, GRAPHTOKEN_TOKEN: secret, GRAPHTOKEN_GRAPH_ID: graphId };
    const checkpoint = join(dir, 'checkpoint.json');
    // Slow the appends down, so the kill lands while most of the run is still ahead.
    const slow = server.mock.faults.add({ operationId: 'appendBlocks', latencyMs: 25 });

    const killed = await runCli(['--checkpoint', checkpoint], env, (line, kill) => {
      if (line.startsWith('[10/30]')) kill();
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdout).not.toMatch(/^done/m);
    const saved = JSON.parse(await readFile(checkpoint, 'utf8'));
    expect(saved.lastCommittedBatch).toBeGreaterThanOrEqual(9);
    expect(saved.lastCommittedBatch).toBeLessThan(29);

    server.mock.faults.remove(slow);
    const resumed = await runCli(['--checkpoint', checkpoint, '--verify'], env);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/^resuming run etl-\S+ at batch \d+\/30$/m);
    expect(resumed.stdout).toContain('verified: all 3000 records are in the graph exactly once');

    const ids = server.mock.store.listBlocks(graphId).map((b) => recordIdOf(b.content));
    expect(ids).toHaveLength(3000);
    expect(new Set(ids).size).toBe(3000);
    for (const output of [killed, resumed]) expect(output.stdout + output.stderr).not.toContain(secret);
  });

  it('rotates a due token from --token-file, writes the successor back there and prints neither secret', async () => {
    const graphId = server.mock.store.addGraph({ name: 'Rotated run', owner: seedIds.accounts.ada }).id;
    const original = server.mock.store.createToken({
      name: 'etl-pipeline',
      scopes: ['write'],
      graphIds: [graphId],
      createdAt: new Date(server.mock.clock.now().getTime() - 40 * 86_400_000),
    });
    const tokenFile = join(dir, 'etl-token');
    await writeFile(tokenFile, `${original.secret}\n`, { mode: 0o600 });
    const checkpoint = join(dir, 'rotated-checkpoint.json');
    const result = await runCli(
      [
        '--records',
        '250',
        '--checkpoint',
        checkpoint,
        '--token-file',
        tokenFile,
        '--rotate-after-days',
        '30',
      ],
      { GRAPHTOKEN_BASE_URL: server.url, GRAPHTOKEN_GRAPH_ID: graphId },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`token ${original.token.id} rotated itself: now tok_\\w+`));
    const successor = (await readFile(tokenFile, 'utf8')).trim();
    expect(successor).not.toBe(original.secret);
    expect(server.mock.store.findTokenBySecret(successor)?.rotatedFrom).toBe(original.token.id);
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    const saved = await readFile(checkpoint, 'utf8');
    for (const secret of [original.secret, successor]) {
      expect(result.stdout + result.stderr).not.toContain(secret);
      expect(saved).not.toContain(secret);
    }
    expect(server.mock.store.listBlocks(graphId)).toHaveLength(250);
  });

  it('refuses --rotate-after-days without --token-file (an environment variable cannot be rewritten)', async () => {
    const result = await runCli(['--rotate-after-days', '30'], { GRAPHTOKEN_TOKEN: 'gt_x' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--rotate-after-days needs --token-file');
  });

  it('runs against the in-process mock when GRAPHTOKEN_TOKEN is not set', async () => {
    const result = await runCli(['--records', '250'], {});
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('[3/3] 250/250 records (100%)');
    expect(result.stdout).toContain('verified: all 250 records are in the graph exactly once');
  });
});
