import { describe, expect, it } from 'vitest';
import { apiClient } from './contract-testing/api.js';
import { BOOTSTRAP_TOKEN, createGraphTokenMock, seedIds } from './index.js';

describe('snapshot, restore, reset and onChange', () => {
  it('round-trips the whole state through JSON', async () => {
    const a = createGraphTokenMock({ now: '2026-01-01T00:00:00Z', freezeClock: true });
    const { secret } = a.store.createToken({ scopes: ['write'], graphIds: [seedIds.graphs.research] });
    a.store.addBlocks(seedIds.graphs.research, ['saved']);
    const saved = JSON.parse(JSON.stringify(a.snapshot()));

    const b = createGraphTokenMock({ snapshot: saved, freezeClock: true });
    expect(b.clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(b.store.listTokens()).toEqual(a.store.listTokens());
    const res = await apiClient(b)('GET', '/v1/graphs/gr_research/blocks', { token: secret });
    expect(res.body.data.at(-1).content).toBe('saved');
    // the id counters come along: the next ids differ from those already used
    expect(b.store.createToken({ scopes: ['manage'] }).token.id).not.toBe(a.store.listTokens().at(-1)?.id);
  });

  it('restores into a running mock, and reset goes back to the seed', async () => {
    const mock = createGraphTokenMock();
    const before = mock.snapshot();
    mock.store.createToken({ scopes: ['manage'] });
    mock.restore(before);
    expect(mock.store.listTokens()).toHaveLength(1);
    mock.store.createToken({ scopes: ['manage'] });
    await apiClient(mock)('GET', '/v1/graphs', { token: BOOTSTRAP_TOKEN });
    mock.faults.add({ status: 500 });
    mock.clock.advance({ days: 400 });
    mock.reset();
    expect(mock.store.listTokens()).toHaveLength(1);
    expect(mock.requests.count()).toBe(0);
    expect(mock.faults.list()).toEqual([]);
    expect(Math.abs(mock.clock.now().getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('resets to the starting snapshot when it started from one', () => {
    const a = createGraphTokenMock();
    a.store.createToken({ scopes: ['manage'], name: 'from snapshot' });
    const b = createGraphTokenMock({ snapshot: a.snapshot() });
    b.store.createToken({ scopes: ['manage'] });
    b.reset();
    expect(b.store.listTokens().map((t) => t.name)).toEqual(['bootstrap', 'from snapshot']);
  });

  it('refuses something that is not a snapshot', () => {
    const mock = createGraphTokenMock();
    // @ts-expect-error: not a snapshot
    expect(() => mock.restore({ hello: 'world' })).toThrow(/not a GraphToken mock snapshot/);
  });

  it('calls onChange once per state-changing request, and on direct changes', async () => {
    let changes = 0;
    const mock = createGraphTokenMock({ onChange: () => changes++ });
    const call = apiClient(mock);
    await call('POST', '/v1/tokens', { token: BOOTSTRAP_TOKEN, json: { name: 'x', scopes: ['manage'] } });
    expect(changes).toBe(1);
    await call('GET', '/v1/graphs'); // unauthenticated: nothing changes
    expect(changes).toBe(1);
    mock.store.addBlocks('gr_research', ['x']);
    mock.clock.advance(1);
    expect(changes).toBe(3);
  });
});
