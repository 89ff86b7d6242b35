/**
 * Issue 11 state across SIGKILL: a real `graphtoken-mock --state-file` child is killed right after
 * its answers; on restart the audit events are all there (once each), a self-rotation replays with
 * the same secret (never on disk in clear), and a leak report left no secret in the file.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOKEN_PATTERN } from '@graphtoken/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '../../bench/durability-harness.ts';
import { buildTestBin } from '../contract-testing/test-bin.js';
import { BOOTSTRAP_TOKEN } from '../index.js';

let bin = '';
const tmp = mkdtempSync(join(tmpdir(), 'graphtoken-audit-kill-'));
beforeAll(async () => {
  bin = await buildTestBin('graphtoken-mock-audit-kill-test');
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function call(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  key?: string,
) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (key) headers['idempotency-key'] = key;
  const res = await fetch(base + path, {
    method,
    headers,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

const onDisk = (path: string) =>
  ['', '-wal'].map((s) => (existsSync(path + s) ? readFileSync(path + s, 'latin1') : '')).join('\n');

describe('kill -9 and restart', () => {
  it('keeps every audit event, replays a self-rotation with its secret, and keeps no reported secret', async () => {
    const stateFile = join(tmp, 'state.db');
    const args = ['--port', '0', '--state-file', stateFile, '--quiet'];
    const first = await start(bin, args);
    const created = await call(first.url, 'POST', '/v1/tokens', BOOTSTRAP_TOKEN, {
      name: 'etl',
      scopes: ['read'],
      graphIds: ['gr_research'],
    });
    expect(created.status).toBe(201);
    const etl = created.body.secret as string;
    const rotated = await call(
      first.url,
      'POST',
      '/v1/tokens/self/rotate',
      etl,
      { gracePeriodSeconds: 3600 },
      'rot-1',
    );
    expect(rotated.status).toBe(201);
    const leaked = await call(first.url, 'POST', '/v1/tokens', BOOTSTRAP_TOKEN, {
      name: 'leaked',
      scopes: ['manage'],
    });
    const report = await call(first.url, 'POST', '/v1/tokens/revoke-leaked', undefined, {
      secrets: [leaked.body.secret],
    });
    expect(report.status).toBe(202);
    const before = await call(first.url, 'GET', '/v1/audit-events?limit=100', BOOTSTRAP_TOKEN);
    first.child.kill('SIGKILL');
    await first.exited;

    for (const secret of [etl, rotated.body.secret, leaked.body.secret, created.body.secret]) {
      expect(onDisk(stateFile)).not.toContain(secret);
    }
    expect(onDisk(stateFile)).not.toMatch(TOKEN_PATTERN);

    const second = await start(bin, args);
    try {
      const after = await call(second.url, 'GET', '/v1/audit-events?limit=100', BOOTSTRAP_TOKEN);
      // The same events (the GET before the kill was the bootstrap token's latest, not a new one).
      expect(after.body.data).toEqual(before.body.data);
      const types = after.body.data.map(
        (e: { type: string; reason: string | null }) => `${e.type}:${e.reason}`,
      );
      expect(types).toEqual(
        expect.arrayContaining([
          'token.created:null',
          'token.rotated:null',
          'token.revoked:leak_report',
          'token.first_used:null',
        ]),
      );
      const replay = await call(
        second.url,
        'POST',
        '/v1/tokens/self/rotate',
        etl,
        { gracePeriodSeconds: 3600 },
        'rot-1',
      );
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body).toEqual(rotated.body);
      expect((await call(second.url, 'GET', '/v1/tokens/self', replay.body.secret)).status).toBe(200);
      expect((await call(second.url, 'GET', '/v1/tokens/self', leaked.body.secret)).body.code).toBe(
        'token_revoked',
      );
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 60_000);
});
