import { tokenFromBody } from '@graphtoken/contract';
import { describe, expect, it } from 'vitest';
import { apiClient } from '../contract-testing/api.js';
import { createGraphTokenMock, defaultSeed, type MockSeed, MockSetupError, seedIds } from '../index.js';

describe('mock.store', () => {
  it('creates a token that works through the API', async () => {
    const mock = createGraphTokenMock();
    const { token, secret } = mock.store.createToken({
      name: 'ci',
      scopes: ['read'],
      graphIds: [seedIds.graphs.research],
    });
    expect(token).toMatchObject({
      name: 'ci',
      createdBy: 'acc_ada',
      status: 'active',
      hint: secret.slice(-4),
    });
    expect(mock.store.findTokenBySecret(secret)?.id).toBe(token.id);
    expect((await apiClient(mock)('GET', '/v1/graphs/gr_research/blocks', { token: secret })).status).toBe(
      200,
    );
  });

  it('builds any situation: an expired token, a token in a grace period', () => {
    const mock = createGraphTokenMock({ now: '2026-01-01T00:00:00Z', freezeClock: true });
    const expired = mock.store.createToken({ scopes: ['manage'], expiresAt: '2025-01-01T00:00:00Z' });
    const grace = mock.store.createToken({ scopes: ['manage'], revokedAt: new Date('2026-01-02T00:00:00Z') });
    expect(expired.token.status).toBe('expired');
    expect(grace.token.status).toBe('active');
  });

  it('keeps the state coherent', () => {
    const mock = createGraphTokenMock();
    expect(() => mock.store.createToken({ scopes: ['read'], graphIds: ['gr_nope'] })).toThrow(MockSetupError);
    expect(() => mock.store.createToken({ scopes: ['read'], graphIds: [seedIds.graphs.journal] })).toThrow(
      /encrypted/,
    );
    expect(() => mock.store.createToken({ scopes: ['manage'], secret: 'gt_short' })).toThrow(/well-formed/);
    expect(() => mock.store.createToken({ scopes: ['manage'], createdBy: 'acc_nobody' })).toThrow(
      /no account/,
    );
    expect(() => mock.store.addBlocks('gr_nope', ['x'])).toThrow(MockSetupError);
  });

  it('adds accounts, graphs with roles, and blocks', () => {
    const mock = createGraphTokenMock();
    const bob = mock.store.addAccount({ name: 'Bob' });
    const graph = mock.store.addGraph({ name: 'Lab book', owner: bob.id, roles: { acc_ada: 'editor' } });
    expect(graph.roles).toEqual({ acc_ada: 'editor', [bob.id]: 'owner' });
    const blocks = mock.store.addBlocks(graph.id, ['a', { content: 'b' }]);
    expect(mock.store.listBlocks(graph.id)).toEqual(blocks);
    expect(mock.store.getBlock(graph.id, blocks[0]!.id)?.content).toBe('a');
    mock.store.setRole('acc_ada', graph.id, null);
    expect(mock.store.getGraph(graph.id)?.roles).toEqual({ [bob.id]: 'owner' });
  });

  it('gives the same generated ids in every fresh mock (deterministic)', () => {
    const ids = () => {
      const mock = createGraphTokenMock();
      return [
        mock.store.createToken({ scopes: ['manage'] }).token.id,
        mock.store.addBlocks('gr_research', ['x'])[0]!.id,
      ];
    };
    expect(ids()).toEqual(ids());
  });

  it('starts from a custom seed', () => {
    const seed: MockSeed = {
      accounts: [{ id: 'acc_x', name: 'X' }],
      graphs: [{ id: 'gr_x', name: 'X graph', roles: { acc_x: 'owner' } }],
      tokens: [
        {
          name: 't',
          scopes: ['read'],
          graphIds: ['gr_x'],
          createdBy: 'acc_x',
          secret: tokenFromBody('a'.repeat(30)),
        },
      ],
      blocks: [{ graphId: 'gr_x', content: 'hello' }],
    };
    const mock = createGraphTokenMock({ seed });
    expect(mock.store.listAccounts()).toEqual([{ id: 'acc_x', name: 'X' }]);
    expect(mock.store.listTokens()).toHaveLength(1);
    expect(() =>
      createGraphTokenMock({
        seed: { ...seed, graphs: [{ id: 'gr_y', name: 'Y', roles: { acc_z: 'owner' } }] },
      }),
    ).toThrow(/no account acc_z/);
  });

  it('holds the documented default seed', () => {
    const mock = createGraphTokenMock();
    expect(mock.seed).toEqual(seedIds);
    expect(mock.store.listGraphs().map((g) => [g.id, g.encrypted, g.roles.acc_ada])).toEqual([
      ['gr_research', false, 'owner'],
      ['gr_journal', true, 'owner'],
      ['gr_team', false, 'admin'],
      ['gr_shared', false, 'viewer'],
    ]);
    expect(mock.store.getToken(seedIds.tokens.bootstrap)).toMatchObject({
      scopes: ['manage'],
      graphIds: [],
      expiresAt: null,
    });
    expect(defaultSeed.blocks?.length).toBeGreaterThan(0);
  });
});
