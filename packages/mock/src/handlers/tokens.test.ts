import { beforeEach, describe, expect, it } from 'vitest';
import { type Call, frozenMock } from '../contract-testing/api.js';
import { BOOTSTRAP_TOKEN, type GraphTokenMock, seedIds } from '../index.js';

const { graphs, accounts } = seedIds;
const NOW = '2026-01-01T00:00:00.000Z';

let mock: GraphTokenMock;
let call: Call;
beforeEach(() => ({ mock, call } = frozenMock(NOW)));

const admin = { token: BOOTSTRAP_TOKEN };

async function create(body: Record<string, unknown>) {
  const res = await call('POST', '/v1/tokens', { ...admin, json: body });
  expect(res.status).toBe(201);
  return res.body as { token: { id: string; [k: string]: unknown }; secret: string };
}

describe('createToken', () => {
  it('mints a token and shows its secret once, with Cache-Control: no-store', async () => {
    const res = await call('POST', '/v1/tokens', {
      ...admin,
      json: { name: 'search-indexer', scopes: ['read', 'write'], graphIds: [graphs.research] },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.secret).toMatch(/^gt_[A-Za-z0-9]{36}$/);
    expect(res.body.token).toMatchObject({
      name: 'search-indexer',
      description: null,
      scopes: ['write'],
      graphIds: [graphs.research],
      createdAt: NOW,
      createdBy: accounts.ada,
      expiresAt: null,
      lastUsedAt: null,
      status: 'active',
      revokedAt: null,
      hint: res.body.secret.slice(-4),
    });
    const got = await call('GET', `/v1/tokens/${res.body.token.id}`, admin);
    expect(got.text).not.toContain(res.body.secret);
    const me = await call('GET', '/v1/tokens/self', { token: res.body.secret });
    expect(me.body.token.id).toBe(res.body.token.id);
  });

  it('requires a graph for data scopes but not for manage alone', async () => {
    const res = await call('POST', '/v1/tokens', { ...admin, json: { name: 'x', scopes: ['append'] } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { field: 'graphIds', message: 'at least one graph is required for the read, append and write scopes' },
    ]);
    const manager = await create({ name: 'ops', scopes: ['manage'] });
    expect(manager.token.graphIds).toEqual([]);
  });

  it.each([
    { given: 'in the past', expiresAt: '2025-12-31T23:59:59Z', message: 'must be in the future' },
    {
      given: 'more than a year ahead',
      expiresAt: '2027-01-01T00:00:01Z',
      message: 'must be at most one year ahead',
    },
  ])('refuses an expiry $given', async ({ expiresAt, message }) => {
    const res = await call('POST', '/v1/tokens', {
      ...admin,
      json: { name: 'x', scopes: ['read'], graphIds: [graphs.research], expiresAt },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'expiresAt', message }]);
  });

  it('reports every failing field of a bad body at once', async () => {
    const res = await call('POST', '/v1/tokens', {
      ...admin,
      json: {
        name: 'n'.repeat(101),
        description: 5,
        scopes: ['read', 'read'],
        graphIds: ['research'],
        expiresAt: 'soon',
        extra: 1,
      },
    });
    expect(res.status).toBe(422);
    expect(
      Object.fromEntries(
        res.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
      ),
    ).toEqual({
      name: 'must be at most 100 characters long',
      description: 'must be a string',
      scopes: 'must not contain duplicates',
      'graphIds[0]': 'must be a graph id (gr_…)',
      expiresAt: 'must be an RFC 3339 date-time with a time zone, such as 2026-01-01T00:00:00Z',
      extra: 'is not allowed (unknown property)',
    });
  });

  it('answers 404 for an unknown graph and 403 for a graph shared with the account', async () => {
    const unknown = await call('POST', '/v1/tokens', {
      ...admin,
      json: { name: 'x', scopes: ['read'], graphIds: ['gr_nope'] },
    });
    expect(unknown.body.code).toBe('not_found');
    const shared = await call('POST', '/v1/tokens', {
      ...admin,
      json: { name: 'x', scopes: ['read'], graphIds: [graphs.team, graphs.shared] },
    });
    expect(shared.body.code).toBe('not_graph_admin');
  });

  it('lets an admin (not only the owner) mint tokens for the graph', async () => {
    const { token } = await create({ name: 'wiki bot', scopes: ['append'], graphIds: [graphs.team] });
    expect(token.graphIds).toEqual([graphs.team]);
  });

  it('allows append on an encrypted graph and refuses write there', async () => {
    await create({ name: 'ci-import', scopes: ['append'], graphIds: [graphs.journal] });
    const res = await call('POST', '/v1/tokens', {
      ...admin,
      json: { name: 'x', scopes: ['write'], graphIds: [graphs.journal] },
    });
    expect(res.body.code).toBe('scope_not_allowed_for_encrypted_graph');
  });

  it('replays a create with the same Idempotency-Key, secret included, and mints nothing more', async () => {
    const options = {
      ...admin,
      headers: { 'Idempotency-Key': 'k-1' },
      json: { name: 'once', scopes: ['manage'] },
    };
    const first = await call('POST', '/v1/tokens', options);
    const again = await call('POST', '/v1/tokens', options);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(mock.store.listTokens().filter((t) => t.name === 'once')).toHaveLength(1);
    const other = await call('POST', '/v1/tokens', {
      ...options,
      json: { name: 'twice', scopes: ['manage'] },
    });
    expect(other.status).toBe(422);
    expect(other.body.errors[0].field).toBe('Idempotency-Key');
  });

  it('refuses an Idempotency-Key longer than 255 characters', async () => {
    const res = await call('POST', '/v1/tokens', {
      ...admin,
      headers: { 'Idempotency-Key': 'k'.repeat(256) },
      json: { name: 'x', scopes: ['manage'] },
    });
    expect(res.body.errors).toEqual([
      { field: 'Idempotency-Key', message: 'must be 1 to 255 characters long' },
    ]);
  });
});

describe('listTokens', () => {
  it('lists newest first, revoked and expired tokens included, with their status', async () => {
    const a = await create({
      name: 'a',
      scopes: ['read'],
      graphIds: [graphs.research],
      expiresAt: '2026-01-02T00:00:00Z',
    });
    mock.clock.advance({ seconds: 1 });
    const b = await create({ name: 'b', scopes: ['read'], graphIds: [graphs.research] });
    await call('DELETE', `/v1/tokens/${b.token.id}`, admin);
    mock.clock.advance({ days: 2 });
    const res = await call('GET', '/v1/tokens', admin);
    expect(res.body.data.map((t: { name: string; status: string }) => [t.name, t.status])).toEqual([
      ['b', 'revoked'],
      ['a', 'expired'],
      ['bootstrap', 'active'],
    ]);
    const expired = await call('GET', '/v1/tokens?status=expired', admin);
    expect(expired.body.data.map((t: { id: string }) => t.id)).toEqual([a.token.id]);
  });

  it('filters by graph; an unknown graph gives an empty page', async () => {
    await create({ name: 'r', scopes: ['read'], graphIds: [graphs.research] });
    const t = await create({ name: 't', scopes: ['read'], graphIds: [graphs.team] });
    const res = await call('GET', `/v1/tokens?graphId=${graphs.team}`, admin);
    expect(res.body.data.map((x: { id: string }) => x.id)).toEqual([t.token.id]);
    const none = await call('GET', '/v1/tokens?graphId=gr_unknown', admin);
    expect(none.body).toEqual({ data: [], nextCursor: null });
  });

  it('pages with cursors until nextCursor is null, without gaps or repeats', async () => {
    for (let i = 0; i < 7; i++) await create({ name: `t${i}`, scopes: ['manage'] });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? '?limit=3' : `?limit=3&cursor=${cursor}`;
      const res = await call('GET', `/v1/tokens${query}`, admin);
      seen.push(...res.body.data.map((t: { name: string }) => t.name));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual(['t6', 't5', 't4', 't3', 't2', 't1', 't0', 'bootstrap']);
  });

  it('refuses an edited cursor and a cursor used with other filters', async () => {
    for (let i = 0; i < 3; i++) await create({ name: `t${i}`, scopes: ['manage'] });
    const first = await call('GET', '/v1/tokens?limit=1', admin);
    const edited = await call('GET', `/v1/tokens?cursor=${first.body.nextCursor}x!`, admin);
    expect(edited.body.errors[0].field).toBe('cursor');
    const other = await call('GET', `/v1/tokens?status=active&cursor=${first.body.nextCursor}`, admin);
    expect(other.status).toBe(422);
    expect(other.body.errors[0].field).toBe('cursor');
  });

  it("shows the account's own tokens and those on graphs it administers, not others", async () => {
    const onTeam = mock.store.createToken({
      createdBy: accounts.grace,
      scopes: ['read'],
      graphIds: [graphs.team],
    });
    const onShared = mock.store.createToken({
      createdBy: accounts.grace,
      scopes: ['read'],
      graphIds: [graphs.shared],
    });
    const res = await call('GET', '/v1/tokens', admin);
    const ids = res.body.data.map((t: { id: string }) => t.id);
    expect(ids).toContain(onTeam.token.id);
    expect(ids).not.toContain(onShared.token.id);
    expect((await call('GET', `/v1/tokens/${onShared.token.id}`, admin)).status).toBe(404);
  });
});

describe('updateToken', () => {
  it('renames and clears the description, even of a revoked token', async () => {
    const { token } = await create({ name: 'old', description: 'd', scopes: ['manage'] });
    await call('DELETE', `/v1/tokens/${token.id}`, admin);
    const res = await call('PATCH', `/v1/tokens/${token.id}`, {
      ...admin,
      json: { name: 'new', description: null },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'new', description: null, status: 'revoked' });
  });

  it.each([
    { given: 'an empty object', json: {}, field: 'body' },
    { given: 'a scope change', json: { scopes: ['write'] }, field: 'scopes' },
    { given: 'a null name', json: { name: null }, field: 'name' },
  ])('refuses $given', async ({ json, field }) => {
    const res = await call('PATCH', `/v1/tokens/${seedIds.tokens.bootstrap}`, { ...admin, json });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe(field);
  });

  it('refuses a body that is not JSON, or none', async () => {
    const path = `/v1/tokens/${seedIds.tokens.bootstrap}`;
    const bad = await call('PATCH', path, {
      ...admin,
      rawBody: '{"name":',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(bad.body.errors).toEqual([{ field: 'body', message: 'is not valid JSON' }]);
    const none = await call('PATCH', path, admin);
    expect(none.body.errors).toEqual([{ field: 'body', message: 'a JSON request body is required' }]);
    const text = await call('PATCH', path, {
      ...admin,
      rawBody: 'name=x',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(text.status).toBe(422);
  });
});

describe('revocation', () => {
  it('is immediate, irreversible and idempotent', async () => {
    const { token, secret } = await create({ name: 'x', scopes: ['read'], graphIds: [graphs.research] });
    expect((await call('DELETE', `/v1/tokens/${token.id}`, admin)).status).toBe(204);
    const revokedAt = mock.store.getToken(token.id)?.revokedAt;
    expect(revokedAt).toBe(NOW);
    mock.clock.advance({ minutes: 5 });
    expect((await call('DELETE', `/v1/tokens/${token.id}`, admin)).status).toBe(204);
    expect(mock.store.getToken(token.id)?.revokedAt).toBe(revokedAt);
    expect((await call('GET', `/v1/graphs/${graphs.research}`, { token: secret })).body.code).toBe(
      'token_revoked',
    );
  });

  it('lets a token revoke itself; it is then refused, even by itself', async () => {
    const { secret } = await create({ name: 'leaked', scopes: ['read'], graphIds: [graphs.research] });
    expect((await call('DELETE', '/v1/tokens/self', { token: secret })).status).toBe(204);
    const again = await call('DELETE', '/v1/tokens/self', { token: secret });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('token_revoked');
  });
});

describe('rotateToken', () => {
  it('gives a successor with the same name, scopes, graphs and expiry, and revokes the old secret at once', async () => {
    const old = await create({
      name: 'pipe',
      description: 'nightly',
      scopes: ['write'],
      graphIds: [graphs.research],
      expiresAt: '2026-06-01T00:00:00Z',
    });
    const res = await call('POST', `/v1/tokens/${old.token.id}/rotate`, admin);
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.token).toMatchObject({
      name: 'pipe',
      description: 'nightly',
      scopes: ['write'],
      graphIds: [graphs.research],
      expiresAt: '2026-06-01T00:00:00.000Z',
      rotatedFrom: old.token.id,
      status: 'active',
    });
    expect(mock.store.getToken(old.token.id)).toMatchObject({
      rotatedTo: res.body.token.id,
      status: 'revoked',
    });
    expect((await call('GET', '/v1/tokens/self', { token: old.secret })).body.code).toBe('token_revoked');
    expect((await call('GET', '/v1/tokens/self', { token: res.body.secret })).status).toBe(200);
  });

  it('keeps the old secret working through the grace period, then refuses it', async () => {
    const old = await create({ name: 'pipe', scopes: ['read'], graphIds: [graphs.research] });
    const res = await call('POST', `/v1/tokens/${old.token.id}/rotate`, {
      ...admin,
      json: { gracePeriodSeconds: 3600 },
    });
    const during = await call('GET', '/v1/tokens/self', { token: old.secret });
    expect(during.body.token).toMatchObject({ status: 'active', revokedAt: '2026-01-01T01:00:00.000Z' });
    mock.clock.advance({ minutes: 59, seconds: 59 });
    expect((await call('GET', `/v1/graphs/${graphs.research}/blocks`, { token: old.secret })).status).toBe(
      200,
    );
    mock.clock.advance({ seconds: 1 });
    expect((await call('GET', '/v1/tokens/self', { token: old.secret })).body.code).toBe('token_revoked');
    expect((await call('GET', '/v1/tokens/self', { token: res.body.secret })).status).toBe(200);
  });

  it('ends a grace period early when the old token is revoked', async () => {
    const old = await create({ name: 'pipe', scopes: ['read'], graphIds: [graphs.research] });
    await call('POST', `/v1/tokens/${old.token.id}/rotate`, { ...admin, json: { gracePeriodSeconds: 600 } });
    await call('DELETE', `/v1/tokens/${old.token.id}`, admin);
    expect((await call('GET', '/v1/tokens/self', { token: old.secret })).body.code).toBe('token_revoked');
  });

  it('refuses to rotate a token twice, pointing at its successor', async () => {
    const old = await create({ name: 'pipe', scopes: ['read'], graphIds: [graphs.research] });
    const first = await call('POST', `/v1/tokens/${old.token.id}/rotate`, {
      ...admin,
      json: { gracePeriodSeconds: 600 },
    });
    expect(first.status).toBe(201);
    const again = await call('POST', `/v1/tokens/${old.token.id}/rotate`, admin);
    expect([again.status, again.body.code]).toEqual([409, 'token_not_active']);
    expect(again.body.detail).toContain(first.body.token.id);
    // The refused second rotation neither forks the chain nor touches the grace period.
    const during = await call('GET', '/v1/tokens/self', { token: old.secret });
    expect(during.body.token).toMatchObject({ status: 'active', rotatedTo: first.body.token.id });
    expect((await call('POST', `/v1/tokens/${first.body.token.id}/rotate`, admin)).status).toBe(201);
  });

  it('refuses to rotate an expired token', async () => {
    const old = await create({ name: 'x', scopes: ['manage'], expiresAt: '2026-01-01T00:00:10Z' });
    mock.clock.advance({ seconds: 10 });
    const res = await call('POST', `/v1/tokens/${old.token.id}/rotate`, admin);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('token_not_active');
  });

  it.each([
    { gracePeriodSeconds: -1 },
    { gracePeriodSeconds: 604801 },
    { gracePeriodSeconds: 1.5 },
    { grace: 1 },
    null,
    [],
  ])('refuses the body %j', async (json) => {
    const res = await call('POST', `/v1/tokens/${seedIds.tokens.bootstrap}/rotate`, { ...admin, json });
    expect(res.status).toBe(422);
  });
});

describe('introspectToken', () => {
  it('shows the effective grants (scopes ∩ role) and updates lastUsedAt', async () => {
    const { secret } = mock.store.createToken({
      scopes: ['write'],
      graphIds: [graphs.research, graphs.shared],
    });
    mock.clock.advance({ hours: 1 });
    const res = await call('GET', '/v1/tokens/self', { token: secret });
    expect(res.body.token.lastUsedAt).toBe('2026-01-01T01:00:00.000Z');
    expect(res.body.grants).toEqual([
      { graphId: graphs.research, graphName: 'Research notes', role: 'owner', scopes: ['write'] },
      { graphId: graphs.shared, graphName: "Grace's reading list", role: 'viewer', scopes: ['read'] },
    ]);
    mock.store.setRole(accounts.ada, graphs.shared, null);
    const after = await call('GET', '/v1/tokens/self', { token: secret });
    expect(after.body.grants.map((g: { graphId: string }) => g.graphId)).toEqual([graphs.research]);
  });
});
