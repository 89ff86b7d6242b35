/**
 * A state file of schema 1 (before audit events) is migrated in place to schema 2 on start:
 * nothing it held is lost, events are kept from then on, and a file of a newer schema is refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN } from '../index.js';
import { startGraphTokenMockServer } from './start-server.js';
import { SCHEMA_VERSION } from './state-schema.js';

const tmp = mkdtempSync(join(tmpdir(), 'graphtoken-schema-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const auth = { authorization: `Bearer ${BOOTSTRAP_TOKEN}`, 'content-type': 'application/json' };

/** Turns a schema-2 file back into what schema 1 wrote (no audit_events table, user_version 1). */
function downgradeToV1(path: string): void {
  const db = new DatabaseSync(path);
  db.exec('DROP TABLE audit_events; PRAGMA user_version = 1;');
  db.close();
}

describe('state file schema migration', () => {
  it('migrates a schema-1 file without losing a token, a block or a replay', async () => {
    const stateFile = join(tmp, 'v1.db');
    {
      await using server = await startGraphTokenMockServer({ stateFile });
      const created = await fetch(`${server.url}/v1/tokens`, {
        method: 'POST',
        headers: { ...auth, 'idempotency-key': 'k-v1' },
        body: JSON.stringify({ name: 'kept', scopes: ['write'], graphIds: ['gr_research'] }),
      });
      expect(created.status).toBe(201);
    }
    downgradeToV1(stateFile);
    {
      await using server = await startGraphTokenMockServer({ stateFile });
      expect(server.mock.store.listTokens().map((t) => t.name)).toContain('kept');
      const replay = await fetch(`${server.url}/v1/tokens`, {
        method: 'POST',
        headers: { ...auth, 'idempotency-key': 'k-v1' },
        body: JSON.stringify({ name: 'kept', scopes: ['write'], graphIds: ['gr_research'] }),
      });
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      const renamed = server.mock.store.listTokens().find((t) => t.name === 'kept')!;
      await fetch(`${server.url}/v1/tokens/${renamed.id}`, {
        method: 'PATCH',
        headers: auth,
        body: JSON.stringify({ name: 'kept, renamed' }),
      });
    }
    const db = new DatabaseSync(stateFile);
    expect(Number(db.prepare('PRAGMA user_version').get()?.user_version)).toBe(SCHEMA_VERSION);
    const types = db
      .prepare('SELECT record FROM audit_events')
      .all()
      .map((r) => JSON.parse(String(r.record)).type);
    db.close();
    expect(types).toContain('token.updated');
    {
      await using server = await startGraphTokenMockServer({ stateFile });
      const events = await fetch(`${server.url}/v1/audit-events?type=token.updated`, { headers: auth }).then(
        (r) => r.json(),
      );
      expect(events.data).toHaveLength(1);
    }
  });

  it('refuses a file of a newer schema, untouched', async () => {
    const stateFile = join(tmp, 'v99.db');
    {
      await using _server = await startGraphTokenMockServer({ stateFile });
    }
    const db = new DatabaseSync(stateFile);
    db.exec('PRAGMA user_version = 99');
    db.close();
    await expect(startGraphTokenMockServer({ stateFile })).rejects.toThrow(
      /newer @graphtoken\/mock \(schema 99/,
    );
  });
});
