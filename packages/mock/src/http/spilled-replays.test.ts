import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { TOKEN_PATTERN } from '@graphtoken/contract';
import { describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN } from '../index.js';
import { REPLAY_TTL_MS, type StoredResponse } from '../internal/replay-store.js';
import { openSpilledReplayStore, type SpilledReplayStore } from './spilled-replays.js';
import { startGraphTokenMockServer } from './start-server.js';

const secretOf = (n: number) => `gt_${String(n).padStart(36, 'S')}`;
const answer = (n: number): StoredResponse => ({
  fingerprint: 'ab'.repeat(32),
  status: 201,
  headers: { location: `/v1/tokens/tok_${n}` },
  body: JSON.stringify({ token: { id: `tok_${n}`, name: `token ${n}` }, secret: secretOf(n) }),
});

function open(options: Parameters<typeof openSpilledReplayStore>[0] = {}): SpilledReplayStore {
  const store = openSpilledReplayStore(options);
  if ('reason' in store) throw new Error(store.reason);
  return store;
}

/** The files this process holds open whose name was removed (SQLite's temporary databases). */
function deletedFiles(): string[] {
  return readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return { fd, target: readlinkSync(`/proc/self/fd/${fd}`) };
      } catch {
        return undefined;
      }
    })
    .filter((f) => f?.target.endsWith(' (deleted)'))
    .map((f) => `/proc/self/fd/${f!.fd}`);
}

describe('replay records spilled to a temporary database (standalone server without --state-file)', () => {
  it('replays what was stored, the secret included, until 24 hours on the mock clock', () => {
    const store = open();
    try {
      store.put('tok_a', 'key-1', answer(1), 1_000);
      expect(store.get('tok_a', 'key-1', 2_000)).toEqual(answer(1));
      // The same key of another token is another record.
      expect(store.get('tok_b', 'key-1', 2_000)).toBeUndefined();
      expect(store.get('tok_a', 'key-1', 1_000 + REPLAY_TTL_MS - 1)).toEqual(answer(1));
      expect(store.get('tok_a', 'key-1', 1_000 + REPLAY_TTL_MS)).toBeUndefined();
    } finally {
      store.close();
    }
  });

  it('prunes expired records as new ones arrive, so the file holds the last 24 hours only', () => {
    const store = open();
    try {
      for (let i = 0; i < 50; i++) store.put('tok_a', `old-${i}`, answer(i), 0);
      expect(store.size).toBe(50);
      store.put('tok_a', 'new', answer(99), REPLAY_TTL_MS);
      expect(store.size).toBe(1);
      store.clear();
      expect(store.size).toBe(0);
    } finally {
      store.close();
    }
  });

  it.runIf(process.platform === 'linux')(
    'writes each record to a file without a name, never a secret or key in plain text; gone once closed',
    () => {
      const before = new Set(deletedFiles());
      const store = open();
      try {
        for (let i = 0; i < 300; i++) store.put('tok_a', `key-${i}`, answer(i), 0);
        // The file is open, its name already removed (nothing left behind, even after a SIGKILL).
        const files = deletedFiles().filter((f) => !before.has(f));
        expect(files).toHaveLength(1);
        expect(readlinkSync(files[0]!)).toMatch(/graphtoken-mock-replays-.*replays\.db \(deleted\)$/);
        const bytes = readFileSync(files[0]!, 'latin1');
        expect(bytes.length).toBeGreaterThan(300 * 100);
        expect(bytes).toContain('token 299'); // the records are there...
        expect(bytes).not.toMatch(/gt_[A-Za-z0-9]{36}/); // ...their secrets are not
        expect(bytes).not.toContain('key-299'); // nor the keys, only their salted hashes
        expect(store.get('tok_a', 'key-299', 1)?.body).toContain(secretOf(299));
      } finally {
        store.close();
      }
      expect(deletedFiles().filter((f) => !before.has(f))).toEqual([]);
    },
  );

  it('keeps records in memory, none lost, once writing to the file fails', () => {
    const database = new DatabaseSync(':memory:');
    const told: string[] = [];
    const store = open({ database, onFallback: (message) => told.push(message) });
    try {
      store.put('tok_a', 'before', answer(1), 0);
      // The file can no longer be written (as on a full disk): the table is gone.
      database.exec('DROP TABLE replays');
      database.exec('CREATE TABLE replays (key_hash TEXT PRIMARY KEY, unusable INTEGER NOT NULL)');
      store.put('tok_a', 'after-1', answer(2), 0);
      store.put('tok_a', 'after-2', answer(3), 0);
      expect(store.get('tok_a', 'after-1', 1)).toEqual(answer(2));
      expect(store.get('tok_a', 'after-2', 1)).toEqual(answer(3));
      expect(told).toHaveLength(1);
      expect(told[0]).toMatch(/kept in memory from now on/);
      expect(told[0]).not.toMatch(/gt_/);
    } finally {
      store.close();
    }
  });

  it('after a reset that could not empty the file, never replays what the file held before it', () => {
    const database = new DatabaseSync(':memory:');
    const store = open({ database, onFallback: () => {} });
    try {
      store.put('tok_a', 'before-reset', answer(1), 0);
      // The file can be neither read nor emptied any more.
      database.exec('DROP TABLE replays');
      store.clear();
      expect(store.get('tok_a', 'before-reset', 1)).toBeUndefined();
      expect(store.size).toBe(0);
      store.put('tok_a', 'after-reset', answer(2), 0);
      expect(store.get('tok_a', 'after-reset', 1)).toEqual(answer(2));
      expect(store.size).toBe(1);
    } finally {
      store.close();
    }
  });

  it('a standalone server without --state-file replays a same-key create (same token, same secret)', async () => {
    const server = await startGraphTokenMockServer({ port: 0, log: false });
    try {
      const create = () =>
        fetch(`${server.url}/v1/tokens`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${BOOTSTRAP_TOKEN}`,
            'content-type': 'application/json',
            'idempotency-key': 'create-once',
          },
          body: JSON.stringify({ name: 'ci', scopes: ['read'], graphIds: ['gr_research'] }),
        });
      const first = await create();
      const firstBody = (await first.json()) as { token: { id: string }; secret: string };
      const again = await create();
      const againBody = (await again.json()) as { token: { id: string }; secret: string };
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(againBody.token.id).toBe(firstBody.token.id);
      expect(againBody.secret).toBe(firstBody.secret);
      expect(firstBody.secret).toMatch(new RegExp(TOKEN_PATTERN));
      const list = await fetch(`${server.url}/v1/tokens?limit=100`, {
        headers: { authorization: `Bearer ${BOOTSTRAP_TOKEN}` },
      });
      const tokens = ((await list.json()) as { data: { name: string }[] }).data;
      expect(tokens.filter((t) => t.name === 'ci')).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
