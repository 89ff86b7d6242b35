import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { TOKEN_PATTERN } from '@graphtoken/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN, createGraphTokenMock } from '../index.js';
import { MockFileError } from './seed-file.js';
import { type GraphTokenMockServer, startGraphTokenMockServer } from './start-server.js';

const tmp = mkdtempSync(join(tmpdir(), 'graphtoken-state-db-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const fresh = (name = 'state.db') => join(tmp, `${++n}-${name}`);

async function call(
  server: GraphTokenMockServer,
  path: string,
  init: { method?: string; token?: string; body?: unknown; key?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.key !== undefined) headers['idempotency-key'] = init.key;
  const response = await fetch(server.url + path, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** Every byte the state file and its WAL hold, as text. */
function onDisk(path: string): string {
  return ['', '-wal'].map((s) => (existsSync(path + s) ? readFileSync(path + s, 'latin1') : '')).join('\n');
}

/** A copy of the file and its WAL as they are now (the server holds the file itself locked). */
function openCopy(path: string): DatabaseSync {
  const copy = fresh('copy.db');
  writeFileSync(copy, readFileSync(path));
  if (existsSync(`${path}-wal`)) writeFileSync(`${copy}-wal`, readFileSync(`${path}-wal`));
  return new DatabaseSync(copy);
}

describe('state database', () => {
  it('keeps what was acknowledged without a clean shutdown (each request committed before its answer)', async () => {
    const stateFile = fresh();
    const first = await startGraphTokenMockServer({ stateFile });
    const created = await call(first, '/v1/tokens', {
      method: 'POST',
      token: BOOTSTRAP_TOKEN,
      body: { name: 'writer', scopes: ['write'], graphIds: ['gr_research'] },
    });
    const appended = await call(first, '/v1/graphs/gr_research/blocks', {
      method: 'POST',
      token: created.body.secret,
      body: { blocks: [{ content: 'acknowledged' }] },
    });
    expect(appended.status).toBe(201);
    // Read the file as a second process would while the first still runs, without closing it.
    const db = openCopy(stateFile);
    const contents = db
      .prepare('SELECT content FROM blocks')
      .all()
      .map((r) => r.content);
    db.close();
    expect(contents).toContain('acknowledged');
    await first.close();
  });

  it('replays a create after a restart with the same secret, never a second token, and no secret on disk', async () => {
    const stateFile = fresh();
    const request = { name: 'pipeline', scopes: ['read'], graphIds: ['gr_research'] };
    const first = await startGraphTokenMockServer({ stateFile });
    const created = await call(first, '/v1/tokens', {
      method: 'POST',
      token: BOOTSTRAP_TOKEN,
      body: request,
      key: 'create-pipeline-1',
    });
    expect(created.status).toBe(201);
    expect(onDisk(stateFile)).not.toContain(created.body.secret);
    expect(onDisk(stateFile)).not.toMatch(TOKEN_PATTERN);
    await first.close();
    expect(onDisk(stateFile)).not.toContain(created.body.secret);

    await using second = await startGraphTokenMockServer({ stateFile });
    const replayed = await call(second, '/v1/tokens', {
      method: 'POST',
      token: BOOTSTRAP_TOKEN,
      body: request,
      key: 'create-pipeline-1',
    });
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body).toEqual(created.body);
    expect(second.mock.store.listTokens().filter((t) => t.name === 'pipeline')).toHaveLength(1);
    // The replayed secret works: it is the token's.
    expect((await call(second, '/v1/tokens/self', { token: replayed.body.secret })).status).toBe(200);
    // The same key with another body is still refused.
    const other = await call(second, '/v1/tokens', {
      method: 'POST',
      token: BOOTSTRAP_TOKEN,
      body: { ...request, name: 'other' },
      key: 'create-pipeline-1',
    });
    expect(other.status).toBe(422);
  });

  it('keeps block content and token names with lone surrogates exactly, across a restart', async () => {
    const stateFile = fresh();
    // A lone high, a lone low, a reversed pair, one at the very end, and well-formed text beside them.
    const contents = ['a\ud800b', '\udfffx', '\udc00\ud800', 'end\ud83d', 'plain é 😀', ''];
    const first = await startGraphTokenMockServer({ stateFile });
    const created = await call(first, '/v1/tokens', {
      method: 'POST',
      token: BOOTSTRAP_TOKEN,
      body: { name: 'x\udfffy', scopes: ['write'], graphIds: ['gr_research'] },
    });
    expect(created.status).toBe(201);
    const appended = await call(first, '/v1/graphs/gr_research/blocks', {
      method: 'POST',
      token: created.body.secret,
      body: { blocks: contents.filter((c) => c !== '').map((content) => ({ content })) },
    });
    expect(appended.status).toBe(201);
    expect(appended.body.data.map((b: { content: string }) => b.content)).toEqual(contents.slice(0, 5));
    await first.close();

    await using second = await startGraphTokenMockServer({ stateFile });
    const ids = new Set(appended.body.data.map((b: { id: string }) => b.id));
    const after = second.mock.store.listBlocks('gr_research').filter((b) => ids.has(b.id));
    expect(after.map((b) => b.content)).toEqual(contents.slice(0, 5));
    expect(second.mock.store.listTokens().find((t) => t.id === created.body.token.id)?.name).toBe('x\udfffy');
    // Well-formed content stays TEXT in the file (readable by any SQLite tool); only the rest is a BLOB.
    const db = openCopy(stateFile);
    const types = db
      .prepare('SELECT content, typeof(content) AS type FROM blocks WHERE content = ?')
      .all('plain é 😀')
      .map((r) => r.type);
    db.close();
    expect(types).toEqual(['text']);
  });

  it('expires a persisted replay record after 24 hours on the mock clock, and prunes it', async () => {
    const stateFile = fresh();
    await using server = await startGraphTokenMockServer({ stateFile });
    const token = server.mock.store.createToken({ scopes: ['append'], graphIds: ['gr_team'] }).secret;
    const run = () =>
      call(server, '/v1/graphs/gr_team/blocks', {
        method: 'POST',
        token,
        body: { blocks: [{ content: 'once' }] },
        key: 'append-1',
      });
    const first = await run();
    server.mock.clock.advance({ hours: 23, minutes: 59 });
    const replayed = await run();
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body).toEqual(first.body);
    server.mock.clock.advance({ minutes: 1 });
    const again = await run();
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(again.body.data[0].id).not.toBe(first.body.data[0].id);
    await server.close();
    const db = new DatabaseSync(stateFile);
    // The expired record was pruned; only the new one is left.
    expect(db.prepare('SELECT count(*) AS n FROM replays').get()?.n).toBe(1);
    db.close();
  });

  it('migrates a JSON state file of an earlier version, keeping it as FILE.bak', async () => {
    const stateFile = fresh('state.json');
    const old = createGraphTokenMock();
    const { token, secret } = old.store.createToken({
      name: 'from json',
      scopes: ['read'],
      graphIds: ['gr_team'],
    });
    old.store.addBlocks('gr_team', ['migrated block']);
    const json = `${JSON.stringify(old.snapshot(), null, 2)}\n`;
    writeFileSync(stateFile, json);
    writeFileSync(join(tmp, `.${n}-state.json.4242.7.tmp`), 'left by a killed writer');

    const server = await startGraphTokenMockServer({ stateFile });
    expect(server.stateFileStatus).toBe('migrated');
    expect(readFileSync(`${stateFile}.bak`, 'utf8')).toBe(json);
    expect(readFileSync(stateFile).subarray(0, 15).toString()).toBe('SQLite format 3');
    expect(existsSync(join(tmp, `.${n}-state.json.4242.7.tmp`))).toBe(false);
    const self = await call(server, '/v1/tokens/self', { token: secret });
    expect(self.body.token.id).toBe(token.id);
    const blocks = await call(server, '/v1/graphs/gr_team/blocks', { token: secret });
    expect(blocks.body.data.map((b: { content: string }) => b.content)).toContain('migrated block');
    await server.close();

    await using again = await startGraphTokenMockServer({ stateFile });
    expect(again.stateFileStatus).toBe('restored');
  });

  it.each([
    {
      name: 'a corrupt database',
      bytes: Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4000, 7)]),
    },
    { name: 'a file of another kind', bytes: Buffer.from('\x89PNG\r\n\x1a\n not a state file') },
  ])('refuses $name with a clear message and leaves it untouched', async ({ bytes }) => {
    const stateFile = fresh();
    writeFileSync(stateFile, bytes);
    const attempt = startGraphTokenMockServer({ stateFile });
    await expect(attempt).rejects.toThrowError(MockFileError);
    await expect(attempt).rejects.toThrowError(/left untouched: delete it \(or pass another --state-file\)/);
    expect(readFileSync(stateFile).equals(bytes)).toBe(true);
    expect(existsSync(`${stateFile}-wal`)).toBe(false);
  });

  it("refuses another program's SQLite database, untouched", async () => {
    const stateFile = fresh();
    const foreign = new DatabaseSync(stateFile);
    foreign.exec(
      "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('x')",
    );
    foreign.close();
    const before = readFileSync(stateFile);
    await expect(startGraphTokenMockServer({ stateFile })).rejects.toThrowError(
      /is an SQLite database of another program \(application_id 0\), not a GraphToken mock state file/,
    );
    expect(readFileSync(stateFile).equals(before)).toBe(true);
  });

  it('refuses a file another server has open', async () => {
    const stateFile = fresh();
    await using first = await startGraphTokenMockServer({ stateFile });
    await expect(startGraphTokenMockServer({ stateFile })).rejects.toThrowError(
      /is in use by another process/,
    );
    expect((await call(first, '/v1/tokens/self', { token: BOOTSTRAP_TOKEN })).status).toBe(200);
  });

  it('writes lastUsedAt within a second, without a write per request', async () => {
    const stateFile = fresh();
    await using server = await startGraphTokenMockServer({ stateFile, now: '2030-01-01T00:00:00Z' });
    const lastUsedAt = () => {
      const db = openCopy(stateFile);
      try {
        const row = db.prepare("SELECT record FROM tokens WHERE id = 'tok_bootstrap0000000'").get();
        return JSON.parse(String(row?.record)).lastUsedAt;
      } finally {
        db.close();
      }
    };
    // The first use is an audit event (token.first_used): written with the request, at once.
    await call(server, '/v1/tokens/self', { token: BOOTSTRAP_TOKEN });
    const first = lastUsedAt();
    expect(first).toMatch(/^2030-01-01T00:00:0/);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // A later use moves lastUsedAt alone: batched, not written by the GET itself.
    await call(server, '/v1/tokens/self', { token: BOOTSTRAP_TOKEN });
    expect(lastUsedAt()).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    const record = { lastUsedAt: lastUsedAt() };
    expect(record.lastUsedAt).toMatch(/^2030-01-01T00:00:0/);
    expect(record.lastUsedAt).not.toBe(first);
  });
});
