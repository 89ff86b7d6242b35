/**
 * The headers of every authenticated answer (issue 11): `GraphToken-Token-Expiration` and the
 * draft-ietf-httpapi-ratelimit-headers-09 fields, on successes and errors alike, never on a 401,
 * never stored in an idempotent replay; and a client that waits `t` when `r` is 0 is never refused.
 */
import { operations } from '@graphtoken/contract';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiClient, type Call, frozenMock } from '../contract-testing/api.js';
import { BOOTSTRAP_TOKEN, createGraphTokenMock, type GraphTokenMock, seedIds } from '../index.js';

const { graphs, accounts } = seedIds;
const NOW = '2026-01-01T00:00:00.000Z';

let mock: GraphTokenMock;
let call: Call;
beforeEach(() => ({ mock, call } = frozenMock(NOW)));

const EXPIRATION = 'graphtoken-token-expiration';

describe('GraphToken-Token-Expiration', () => {
  it('carries expiresAt on every answer after authentication: 200, 403, 404, 409, 422, 429', async () => {
    const { secret } = mock.store.createToken({
      scopes: ['read'],
      graphIds: [graphs.research],
      expiresAt: '2026-02-01T00:00:00Z',
    });
    const want = '2026-02-01T00:00:00.000Z';
    const answers = [
      await call('GET', '/v1/tokens/self', { token: secret }),
      await call('GET', '/v1/tokens', { token: secret }), // 403 insufficient_scope
      await call('GET', '/v1/graphs/gr_nosuchgraph', { token: secret }), // 404
      await call('GET', `/v1/graphs/${graphs.research}/blocks?limit=0`, { token: secret }), // 422
      await call('GET', '/v1/tokens/self?verbose=1', { token: secret }), // 422 unknown parameter
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 403, 404, 422, 422]);
    for (const a of answers) expect(a.headers.get(EXPIRATION)).toBe(want);
    const manager = mock.store.createToken({ scopes: ['manage'], expiresAt: '2026-03-01T00:00:00Z' });
    const rotate = () =>
      call('POST', `/v1/tokens/${seedIds.tokens.bootstrap}/rotate`, {
        token: manager.secret,
        json: { gracePeriodSeconds: 60 },
      });
    expect((await rotate()).status).toBe(201);
    const conflict = await rotate();
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get(EXPIRATION)).toBe('2026-03-01T00:00:00.000Z');
    mock.rateLimit = { limit: 1, windowSeconds: 60 };
    await call('GET', '/v1/tokens/self', { token: secret });
    const limited = await call('GET', '/v1/tokens/self', { token: secret });
    expect(limited.status).toBe(429);
    expect(limited.headers.get(EXPIRATION)).toBe(want);
  });

  it('is the end of the grace period when that comes first, and absent for a token that never expires', async () => {
    const { secret } = mock.store.createToken({ scopes: ['read'], graphIds: [graphs.research] });
    expect((await call('GET', '/v1/tokens/self', { token: secret })).headers.get(EXPIRATION)).toBeNull();
    await call('POST', '/v1/tokens/self/rotate', { token: secret, json: { gracePeriodSeconds: 90 } });
    const during = await call('GET', '/v1/tokens/self', { token: secret });
    expect(during.headers.get(EXPIRATION)).toBe('2026-01-01T00:01:30.000Z');
    const late = mock.store.createToken({
      scopes: ['read'],
      graphIds: [graphs.research],
      expiresAt: '2026-01-01T00:00:30Z',
    });
    await call('POST', '/v1/tokens/self/rotate', { token: late.secret, json: { gracePeriodSeconds: 90 } });
    expect((await call('GET', '/v1/tokens/self', { token: late.secret })).headers.get(EXPIRATION)).toBe(
      '2026-01-01T00:00:30.000Z',
    );
  });

  it("is the calling token's state after the operation on a rotation's own 201 (issue 11)", async () => {
    const rotate = (secret: string, json: object, path = '/v1/tokens/self/rotate') =>
      call('POST', path, { token: secret, json });
    // Self-rotation with a grace period: the 201 already says when the calling secret stops.
    const never = mock.store.createToken({ scopes: ['read'], graphIds: [graphs.research] });
    const graced = await rotate(never.secret, { gracePeriodSeconds: 300 });
    expect(graced.status).toBe(201);
    expect(graced.headers.get(EXPIRATION)).toBe('2026-01-01T00:05:00.000Z');
    // Grace 0: the calling secret stops now; the retry of that lost answer says the same.
    const now = mock.store.createToken({
      scopes: ['read'],
      graphIds: [graphs.research],
      expiresAt: '2026-06-01T00:00:00Z',
    });
    const headers = { 'Idempotency-Key': 'hdr-0' };
    const first = await call('POST', '/v1/tokens/self/rotate', { token: now.secret, headers });
    expect(first.headers.get(EXPIRATION)).toBe(NOW);
    const retry = await call('POST', '/v1/tokens/self/rotate', { token: now.secret, headers });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get(EXPIRATION)).toBe(NOW);
    // A manage token rotating itself by id.
    const manager = mock.store.createToken({ scopes: ['manage'] });
    const byId = await rotate(
      manager.secret,
      { gracePeriodSeconds: 60 },
      `/v1/tokens/${manager.token.id}/rotate`,
    );
    expect(byId.status).toBe(201);
    expect(byId.headers.get(EXPIRATION)).toBe('2026-01-01T00:01:00.000Z');
    // Rotating another token leaves the calling token's header as it was (none: it never expires).
    const other = mock.store.createToken({ scopes: ['read'], graphIds: [graphs.research] });
    const admin = mock.store.createToken({ scopes: ['manage'] });
    const res = await rotate(admin.secret, {}, `/v1/tokens/${other.token.id}/rotate`);
    expect(res.status).toBe(201);
    expect(res.headers.get(EXPIRATION)).toBeNull();
  });

  it('is absent on a 401 and on revoke-leaked, and readable cross-origin (CORS)', async () => {
    const expired = mock.store.createToken({
      scopes: ['read'],
      graphIds: [graphs.research],
      expiresAt: '2025-01-01T00:00:00Z',
    });
    const res = await call('GET', '/v1/tokens/self', { token: expired.secret });
    expect(res.status).toBe(401);
    expect(res.headers.get(EXPIRATION)).toBeNull();
    expect(res.headers.get('ratelimit')).toBeNull();
    const exposed = res.headers.get('access-control-expose-headers') ?? '';
    for (const h of ['GraphToken-Token-Expiration', 'RateLimit-Policy', 'RateLimit'])
      expect(exposed).toContain(h);
  });
});

describe('RateLimit-Policy and RateLimit', () => {
  it('are absent without a configured limit', async () => {
    const res = await call('GET', '/v1/tokens/self', { token: BOOTSTRAP_TOKEN });
    expect(res.headers.get('ratelimit-policy')).toBeNull();
    expect(res.headers.get('ratelimit')).toBeNull();
  });

  it('count down on every answer to the token, the 429 included, and reset with the window', async () => {
    mock.rateLimit = { limit: 3, windowSeconds: 10 };
    const seen: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await call('GET', i === 1 ? '/v1/tokens?bad=1' : '/v1/tokens/self', {
        token: BOOTSTRAP_TOKEN,
      });
      expect(res.headers.get('ratelimit-policy')).toBe('"token";q=3;w=10');
      seen.push(`${res.status} ${res.headers.get('ratelimit')}`);
      mock.clock.advance(1500);
    }
    expect(seen).toEqual([
      '200 "token";r=2;t=10',
      '422 "token";r=1;t=9',
      '200 "token";r=0;t=7',
      '429 "token";r=0;t=6',
    ]);
  });

  it('never refuse a client that waits t seconds whenever r is 0 (the mock clock, odd windows)', async () => {
    for (const [limit, windowSeconds] of [
      [2, 1],
      [3, 7],
      [5, 2.5],
    ] as const) {
      const m = createGraphTokenMock({ now: NOW, freezeClock: true, rateLimit: { limit, windowSeconds } });
      const c = apiClient(m);
      let refused = 0;
      for (let i = 0; i < 40; i++) {
        const res = await c('GET', '/v1/tokens/self', { token: BOOTSTRAP_TOKEN });
        if (res.status === 429) refused++;
        const [, r, t] = /r=(\d+);t=(\d+)/.exec(res.headers.get('ratelimit') ?? '') ?? [];
        m.clock.advance(Number(r) === 0 ? Number(t) * 1000 : 137);
      }
      expect(refused, `${limit}/${windowSeconds}`).toBe(0);
    }
  });

  it('are not stored in an idempotent replay: a replay shows the state now', async () => {
    mock.rateLimit = { limit: 10, windowSeconds: 60 };
    const headers = { 'Idempotency-Key': 'k1' };
    const json = { name: 'x', scopes: ['manage'] };
    const first = await call('POST', '/v1/tokens', { token: BOOTSTRAP_TOKEN, json, headers });
    const replay = await call('POST', '/v1/tokens', { token: BOOTSTRAP_TOKEN, json, headers });
    expect(first.headers.get('ratelimit')).toBe('"token";r=9;t=60');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.headers.get('ratelimit')).toBe('"token";r=8;t=60');
  });
});

describe('unknown and repeated query parameters', () => {
  const sample: Record<string, string> = {
    tokenId: seedIds.tokens.bootstrap,
    graphId: graphs.research,
    blockId: 'blk_research1',
  };

  it('get 422 naming them on every operation, after the credentials', async () => {
    for (const op of Object.values(operations)) {
      const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => sample[name] ?? name);
      const open = op.security.length === 0;
      const res = await call(op.method, `${path}?neverused=true&access-token=x`, {
        token: open ? undefined : BOOTSTRAP_TOKEN,
        ...(op.method === 'POST' || op.method === 'PATCH' ? { json: {} } : {}),
      } as never);
      const graphOp = (op.pathParams as readonly string[]).includes('graphId');
      // The bootstrap token has no graph: graph operations stop at the graph check first.
      if (graphOp) {
        expect(res.status, op.operationId).toBe(403);
        continue;
      }
      expect(res.status, op.operationId).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort(), op.operationId).toEqual([
        'access-token',
        'neverused',
      ]);
    }
    const writer = mock.store.createToken({ scopes: ['write'], graphIds: [graphs.research] });
    const blocks = await call('GET', `/v1/graphs/${graphs.research}/blocks?limit=5&page=2`, {
      token: writer.secret,
    });
    expect(blocks.status).toBe(422);
    expect(blocks.body.errors).toEqual([
      { field: 'page', message: expect.stringContaining('limit, cursor') },
    ]);
  });

  it('get 422 when a parameter is given twice, rather than one being picked', async () => {
    const res = await call('GET', '/v1/tokens?status=active&status=revoked', { token: BOOTSTRAP_TOKEN });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'status', message: 'must be given once, not 2 times' }]);
  });

  it('leave a token in the query string the 400 invalid_request it always was', async () => {
    const res = await call('GET', `/v1/tokens/self?access_token=${BOOTSTRAP_TOKEN}`, {
      token: undefined,
    } as never);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_request');
    expect(res.text).not.toContain(BOOTSTRAP_TOKEN);
  });

  it('are not checked before the credentials: no token still gets 401', async () => {
    const res = await call('GET', '/v1/tokens?nope=1');
    expect(res.status).toBe(401);
    expect(accounts.ada).toBe('acc_ada');
  });
});
