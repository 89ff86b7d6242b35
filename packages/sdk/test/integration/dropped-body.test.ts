/**
 * Appends through a proxy that cuts every third answer mid-body, against the real standalone
 * mock server: the API stored each append, so reporting one as failed would make a pipeline
 * append it twice or give up on work that was done. Each cut answer is retried with the same
 * Idempotency-Key, the mock replays its stored 201, and every append is stored exactly once.
 */
import { BOOTSTRAP_TOKEN, seedIds } from '@graphtoken/mock';
import { type GraphTokenMockServer, startGraphTokenMockServer } from '@graphtoken/mock/http';
import { GraphToken } from '@graphtoken/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultyProxy, startFaultyProxy } from '../support/faulty-proxy.js';

const { graphs } = seedIds;
const fast = { baseDelayMs: 1, maxDelayMs: 5 };
let server: GraphTokenMockServer;
let proxy: FaultyProxy;

beforeAll(async () => {
  server = await startGraphTokenMockServer();
  proxy = await startFaultyProxy(server.url, (_req, n) => n % 3 === 0);
});
afterAll(async () => {
  await proxy.close();
  await server.close();
});

describe('a connection that drops while the answer is read', () => {
  it('150 appends, every third answer cut: 0 stored yet reported failed, each stored once', {
    timeout: 30_000,
  }, async () => {
    const owner = new GraphToken({ baseUrl: server.url, token: BOOTSTRAP_TOKEN });
    const { secret } = await owner.tokens.create({
      name: 'flaky-network',
      scopes: ['append'],
      graphIds: [graphs.research],
    });
    const appender = new GraphToken({ baseUrl: proxy.url, token: secret, retry: fast });
    const before = server.mock.store.listBlocks(graphs.research).length;

    const COUNT = 150;
    const failed: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const content = `append ${i}`;
      await appender.blocks
        .append(graphs.research, { blocks: [{ content }] })
        .catch(() => failed.push(content));
    }

    const stored = server.mock.store
      .listBlocks(graphs.research)
      .slice(before)
      .map((b) => b.content);
    const storedYetFailed = failed.filter((c) => stored.includes(c));
    expect(proxy.cut).toBeGreaterThanOrEqual(COUNT / 3);
    expect(storedYetFailed).toEqual([]);
    expect(failed).toEqual([]);
    expect(stored).toHaveLength(COUNT);
    expect(new Set(stored).size).toBe(COUNT);
    // Every cut append was sent again with its key and answered from the replay.
    const attempts = server.mock.requests.filter({ operationId: 'appendBlocks' });
    expect(attempts.length).toBeGreaterThan(COUNT);
  });

  it('a GET whose answer is cut is retried too', async () => {
    const client = new GraphToken({ baseUrl: proxy.url, token: BOOTSTRAP_TOKEN, retry: fast });
    for (let i = 0; i < 6; i++) {
      await expect(client.tokens.introspect()).resolves.toMatchObject({
        token: { id: seedIds.tokens.bootstrap },
      });
    }
  });
});
