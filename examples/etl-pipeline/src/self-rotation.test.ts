/**
 * The self-rotation's Idempotency-Key: random (no one holding the old secret can rebuild it and
 * replay the rotation to read the successor's secret), kept in the store before the request goes
 * out (a rerun after a crash gets the same successor, not a second one), cleared once stored.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GraphTokenMockServer, startGraphTokenMockServer } from '@graphtoken/mock/http';
import { GraphToken } from '@graphtoken/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SelfRotation } from './self-rotation.ts';
import { FileTokenStore } from './token-store.ts';

const DAY = 86_400_000;

let server: GraphTokenMockServer;
let dir: string;
beforeAll(async () => {
  server = await startGraphTokenMockServer({ port: 0, log: () => {} });
  dir = await mkdtemp(join(tmpdir(), 'etl-self-rotation-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** A due token, its file store, and a client that records each rotation's Idempotency-Key. */
async function setUp(name: string) {
  const mock = server.mock;
  const original = mock.store.createToken({
    name,
    scopes: ['read'],
    createdAt: new Date(mock.clock.now().getTime() - 31 * DAY),
  });
  const store = new FileTokenStore(join(dir, name));
  await store.write(original.secret);
  const keys: string[] = [];
  /** A client as a process builds it (a rerun after a crash is a new process, with a new client). */
  const newClient = () =>
    new GraphToken({
      baseUrl: server.url,
      token: () => store.read(),
      maxRetries: 0,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (new URL(request.url).pathname === '/v1/tokens/self/rotate') {
          keys.push(request.headers.get('idempotency-key') ?? '');
        }
        return fetch(request);
      },
    });
  const rotation = (client = newClient()) =>
    new SelfRotation({ client, store, rotateAfterMs: 30 * DAY, now: () => mock.clock.now().getTime() });
  return { original, store, keys, rotation, newClient };
}

describe('SelfRotation', () => {
  it('sends a random Idempotency-Key that is not derived from the token', async () => {
    const first = await setUp('pipeline-a');
    const second = await setUp('pipeline-b');
    await first.rotation().rotateIfDue();
    await second.rotation().rotateIfDue();
    const keys = [...first.keys, ...second.keys];
    expect(keys).toHaveLength(2);
    for (const key of keys)
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[0]).not.toContain(first.original.token.id);
    expect(keys[1]).not.toContain(second.original.token.id);
  });

  it('stores the successor on the next call when the store failed, without rotating again', async () => {
    const { original, store, keys, rotation } = await setUp('pipeline-retry');
    const write = store.write.bind(store);
    store.write = async () => {
      throw new Error('disk full');
    };
    const same = rotation();
    await expect(same.rotateIfDue()).rejects.toThrow('disk full');
    store.write = write;
    const retried = await same.rotateIfDue();
    expect(keys).toHaveLength(1);
    expect(retried?.tokenId).toBe(original.token.id);
    expect(server.mock.store.findTokenBySecret(await store.read())?.id).toBe(retried!.successorId);
    expect(await same.rotateIfDue()).toBeNull();
  });

  it('gets the same single successor on a rerun after a crash before the secret was stored', async () => {
    const { original, store, keys, rotation } = await setUp('pipeline-crash');
    const write = store.write.bind(store);
    store.write = async () => {
      throw new Error('disk full');
    };
    await expect(rotation().rotateIfDue()).rejects.toThrow('disk full');
    // The key was kept beside the secret (owner only), without any secret in it.
    const rotationFile = `${store.path}.rotation`;
    expect((await stat(rotationFile)).mode & 0o777).toBe(0o600);
    expect(await readFile(rotationFile, 'utf8')).not.toContain('gt_');

    store.write = write; // the process restarts: a new SelfRotation, the old secret still in the file
    const rerun = await rotation().rotateIfDue();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const successors = server.mock.store
      .listTokens()
      .filter((token) => token.rotatedFrom === original.token.id);
    expect(successors.map((token) => token.id)).toEqual([rerun!.successorId]);
    expect(server.mock.store.findTokenBySecret(await store.read())?.id).toBe(rerun!.successorId);
    // Cleared once the successor is stored: the next rotation gets a new key.
    await expect(stat(rotationFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
