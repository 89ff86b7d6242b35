import { describe, expect, it, vi } from 'vitest';
import { BOOTSTRAP_TOKEN } from '../index.js';
import type { ReplayStore } from '../internal/replay-store.js';

/** Every store the server opened, and the keys each was given. */
const opened: { puts: string[] }[] = [];
vi.mock('./spilled-replays.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./spilled-replays.js')>();
  return {
    ...original,
    openSpilledReplayStore: (...args: Parameters<typeof original.openSpilledReplayStore>) => {
      const store = original.openSpilledReplayStore(...args);
      if ('reason' in store) return store;
      const seen = { puts: [] as string[] };
      opened.push(seen);
      const put: ReplayStore['put'] = (tokenId, key, response, nowMs) => {
        seen.puts.push(key);
        store.put(tokenId, key, response, nowMs);
      };
      return Object.assign(Object.create(store), { put, get: store.get, close: store.close });
    },
  };
});
const { startGraphTokenMockServer } = await import('./start-server.js');

describe('the standalone server keeps replay records out of its heap', () => {
  it('without --state-file, a keyed append is recorded in the temporary database', async () => {
    const server = await startGraphTokenMockServer({ port: 0, log: false });
    try {
      const response = await fetch(`${server.url}/v1/tokens`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${BOOTSTRAP_TOKEN}`,
          'content-type': 'application/json',
          'idempotency-key': 'spill-me',
        },
        body: JSON.stringify({ name: 'wired', scopes: ['read'], graphIds: ['gr_research'] }),
      });
      expect(response.status).toBe(201);
      expect(opened).toHaveLength(1);
      expect(opened[0]!.puts).toEqual(['spill-me']);
    } finally {
      await server.close();
    }
  });
});
