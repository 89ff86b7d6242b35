import { beforeEach, describe, expect, it } from 'vitest';
import { type Call, frozenMock } from '../contract-testing/api.js';
import { BOOTSTRAP_TOKEN, type GraphTokenMock, seedIds } from '../index.js';

const { graphs, accounts } = seedIds;
let mock: GraphTokenMock;
let call: Call;
beforeEach(() => {
  ({ mock, call } = frozenMock('2026-01-01T00:00:00Z'));
});

describe('listGraphs', () => {
  it('shows a manage token every graph its creator owns or administers, with scopes [] when unbound', async () => {
    const res = await call('GET', '/v1/graphs', { token: BOOTSTRAP_TOKEN });
    expect(res.body.data).toEqual([
      { id: graphs.research, name: 'Research notes', encrypted: false, role: 'owner', scopes: [] },
      { id: graphs.journal, name: 'Private journal', encrypted: true, role: 'owner', scopes: [] },
      { id: graphs.team, name: 'Team wiki', encrypted: false, role: 'admin', scopes: [] },
    ]);
  });

  it('shows a data token its bound graphs with the effective scopes', async () => {
    const { secret } = mock.store.createToken({
      scopes: ['write'],
      graphIds: [graphs.research, graphs.shared],
    });
    const res = await call('GET', '/v1/graphs', { token: secret });
    expect(
      res.body.data.map((g: { id: string; role: string; scopes: string[] }) => [g.id, g.role, g.scopes]),
    ).toEqual([
      [graphs.research, 'owner', ['write']],
      [graphs.shared, 'viewer', ['read']],
    ]);
  });

  it('drops a graph the creator can no longer see', async () => {
    const { secret } = mock.store.createToken({ scopes: ['read'], graphIds: [graphs.team] });
    mock.store.setRole(accounts.ada, graphs.team, null);
    expect((await call('GET', '/v1/graphs', { token: secret })).body.data).toEqual([]);
  });
});

describe('getGraph', () => {
  it('answers any one of read, append or write on that graph', async () => {
    const { secret } = mock.store.createToken({ scopes: ['append'], graphIds: [graphs.journal] });
    const res = await call('GET', `/v1/graphs/${graphs.journal}`, { token: secret });
    expect(res.body).toEqual({
      id: graphs.journal,
      name: 'Private journal',
      encrypted: true,
      role: 'owner',
      scopes: ['append'],
    });
  });

  it('refuses a manage-only token: manage is not a data scope', async () => {
    const res = await call('GET', `/v1/graphs/${graphs.research}`, { token: BOOTSTRAP_TOKEN });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      code: 'insufficient_scope',
      requiredScopes: ['read', 'append', 'write'],
    });
    expect(res.headers.get('www-authenticate')).toBe(
      'Bearer error="insufficient_scope", scope="read append write"',
    );
  });

  it('narrows the token at once when its creator is demoted, and hides the graph when removed', async () => {
    const { secret } = mock.store.createToken({ scopes: ['write'], graphIds: [graphs.team] });
    mock.store.setRole(accounts.ada, graphs.team, 'viewer');
    expect((await call('GET', `/v1/graphs/${graphs.team}`, { token: secret })).body.scopes).toEqual(['read']);
    mock.store.setRole(accounts.ada, graphs.team, null);
    expect((await call('GET', `/v1/graphs/${graphs.team}`, { token: secret })).body.code).toBe('not_found');
  });
});
