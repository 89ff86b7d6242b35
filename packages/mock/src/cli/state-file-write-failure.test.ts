/**
 * A commit to the state file that fails (here: a file size limit, `ulimit -f`, which fails writes
 * with EFBIG as a full disk fails them with ENOSPC) stops the server: the failing request gets a
 * 503 naming the file and the error, the CLI logs it and exits 1, and a restart serves exactly what
 * was acknowledged before. Memory never serves what the file does not hold.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestBin, startBinWithFileLimit } from '../contract-testing/test-bin.js';
import { startGraphTokenMockServer } from '../http/start-server.js';
import { BOOTSTRAP_TOKEN } from '../index.js';

let bin = '';
const tmp = mkdtempSync(join(tmpdir(), 'graphtoken-efbig-'));
beforeAll(async () => {
  bin = await buildTestBin('graphtoken-mock-efbig-test');
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a state file that cannot be written', () => {
  it('answers 503 naming the file, exits 1, and a restart holds exactly what was acknowledged', async () => {
    const stateFile = join(tmp, 'state.db');
    const {
      child,
      url,
      stderr: errors,
      exited,
    } = await startBinWithFileLimit(bin, 400, ['--port', '0', '-q', '--state-file', stateFile]);
    const killer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    const post = async (path: string, token: string, body: unknown) => {
      const response = await fetch(url + path, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        body: await response.json(),
      };
    };
    const writer = await post('/v1/tokens', BOOTSTRAP_TOKEN, {
      name: 'writer',
      scopes: ['write'],
      graphIds: ['gr_research'],
    });
    expect(writer.status).toBe(201);

    const blocks = { blocks: Array.from({ length: 10 }, () => ({ content: 'x'.repeat(9000) })) };
    let acknowledged = 0;
    let failed: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 30 && failed === undefined; i++) {
      const appended = await post('/v1/graphs/gr_research/blocks', writer.body.secret, blocks);
      if (appended.status === 201) acknowledged++;
      else failed = appended;
    }
    expect(acknowledged).toBeGreaterThan(0);
    expect(failed?.status).toBe(503);
    expect(failed?.type).toBe('application/problem+json');
    expect(failed?.body.detail).toContain(`cannot write state file ${stateFile}`);
    expect(failed?.body.detail).toMatch(/disk I\/O error|full/);
    expect(failed?.body.detail).not.toMatch(/a bug/);

    // The CLI stops (nothing served from memory) with the reason on stderr, and exit code 1.
    expect(await exited).toBe(1);
    clearTimeout(killer);
    expect(errors()).toMatch(/^graphtoken-mock: cannot write state file .*state\.db \(/m);
    expect(errors()).not.toMatch(/at .*\.js:\d+/); // no stack trace

    const restarted = await startGraphTokenMockServer({ stateFile });
    try {
      const snapshot = restarted.mock.snapshot();
      const appended = snapshot.blocks.filter((b) => b.content.length === 9000);
      expect(appended).toHaveLength(acknowledged * 10);
      expect(snapshot.tokens.map((t) => t.name)).toContain('writer');
    } finally {
      await restarted.close();
    }
  }, 60_000);
});

describe('startGraphTokenMockServer after a failed commit (injected)', () => {
  it('answers every later request 503, reports the failure once, and restarts from the file', async () => {
    const { DatabaseSync } = process.getBuiltinModule('node:sqlite');
    const exec = DatabaseSync.prototype.exec;
    let failCommits = false;
    DatabaseSync.prototype.exec = function (this: InstanceType<typeof DatabaseSync>, sql: string) {
      if (failCommits && sql === 'COMMIT') throw new Error('database or disk is full');
      return exec.call(this, sql);
    };
    const stateFile = join(tmp, 'injected.db');
    const failures: Error[] = [];
    const lines: string[] = [];
    try {
      const server = await startGraphTokenMockServer({
        stateFile,
        onStateFileFailure: (error) => failures.push(error),
        log: (line) => lines.push(line),
      });
      const call = async (method: string, path: string, body?: unknown) => {
        const response = await fetch(server.url + path, {
          method,
          headers: { authorization: `Bearer ${BOOTSTRAP_TOKEN}`, 'content-type': 'application/json' },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });
        return { status: response.status, body: await response.json() };
      };
      const kept = await call('POST', '/v1/tokens', {
        name: 'kept',
        scopes: ['read'],
        graphIds: ['gr_research'],
      });
      expect(kept.status).toBe(201);

      failCommits = true;
      const lost = await call('POST', '/v1/tokens', {
        name: 'lost',
        scopes: ['read'],
        graphIds: ['gr_research'],
      });
      failCommits = false;
      expect(lost.status).toBe(503);
      expect(lost.body.detail).toContain(`cannot write state file ${stateFile} (database or disk is full`);
      expect(lost.body.detail).toContain('This request was not carried out');

      // Nothing is served from memory (which holds "lost"), reads and admin endpoints included,
      // even though writes would work again: the file and memory differ.
      for (const [method, path] of [
        ['GET', '/v1/tokens/self'],
        ['GET', '/v1/tokens'],
        ['GET', '/__mock/state'],
        ['POST', '/v1/tokens'],
      ] as const) {
        const answer = await call(
          method,
          path,
          method === 'POST' ? { name: 'x', scopes: ['read'], graphIds: ['gr_research'] } : undefined,
        );
        expect(answer.status, `${method} ${path}`).toBe(503);
        expect(JSON.stringify(answer.body)).not.toContain('lost');
      }
      await new Promise((resolve) => setImmediate(resolve));
      expect(failures).toHaveLength(1);
      expect(failures[0]?.name).toBe('MockFileError');
      expect(lines.join('\n')).not.toMatch(/a bug/);
      await server.close();
    } finally {
      DatabaseSync.prototype.exec = exec;
    }

    const restarted = await startGraphTokenMockServer({ stateFile });
    try {
      const names = restarted.mock.snapshot().tokens.map((t) => t.name);
      expect(names).toContain('kept');
      expect(names).not.toContain('lost');
    } finally {
      await restarted.close();
    }
  });
});
