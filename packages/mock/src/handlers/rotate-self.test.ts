/** `POST /v1/tokens/self/rotate` (issue 11): a pipeline rotating its own secret without `manage`. */
import { beforeEach, describe, expect, it } from 'vitest';
import { type Call, frozenMock } from '../contract-testing/api.js';
import { type GraphTokenMock, seedIds } from '../index.js';

const { graphs, accounts } = seedIds;
const NOW = '2026-01-01T00:00:00.000Z';

let mock: GraphTokenMock;
let call: Call;
beforeEach(() => ({ mock, call } = frozenMock(NOW)));

function pipeline(expiresAt: string | null = '2026-03-01T00:00:00.000Z') {
  return mock.store.createToken({
    name: 'etl',
    description: 'nightly',
    scopes: ['write'],
    graphIds: [graphs.research],
    expiresAt,
  });
}

describe('rotateSelfToken', () => {
  it('mints a successor like rotate, with no scope needed, and the old secret ends with its grace period', async () => {
    const { secret, token } = pipeline();
    const res = await call('POST', '/v1/tokens/self/rotate', {
      token: secret,
      json: { gracePeriodSeconds: 60 },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.token).toMatchObject({
      name: 'etl',
      description: 'nightly',
      scopes: ['write'],
      graphIds: [graphs.research],
      createdBy: accounts.ada,
      expiresAt: '2026-03-01T00:00:00.000Z',
      rotatedFrom: token.id,
      status: 'active',
    });
    expect(res.body.secret).not.toBe(secret);
    // The old secret still works during the grace period, and says when it stops.
    const during = await call('GET', '/v1/tokens/self', { token: secret });
    expect(during.status).toBe(200);
    expect(during.body.token.rotatedTo).toBe(res.body.token.id);
    expect(during.headers.get('graphtoken-token-expiration')).toBe('2026-01-01T00:01:00.000Z');
    mock.clock.advance({ seconds: 60 });
    expect((await call('GET', '/v1/tokens/self', { token: secret })).body.code).toBe('token_revoked');
    expect((await call('GET', '/v1/tokens/self', { token: res.body.secret })).status).toBe(200);
  });

  it('without a body revokes the calling secret at once', async () => {
    const { secret } = pipeline(null);
    const res = await call('POST', '/v1/tokens/self/rotate', { token: secret });
    expect(res.status).toBe(201);
    expect((await call('GET', '/v1/tokens/self', { token: secret })).body.code).toBe('token_revoked');
  });

  it('answers 409 token_not_active for a token already rotated (rotate its successor instead)', async () => {
    const { secret } = pipeline();
    const first = await call('POST', '/v1/tokens/self/rotate', {
      token: secret,
      json: { gracePeriodSeconds: 300 },
    });
    const again = await call('POST', '/v1/tokens/self/rotate', {
      token: secret,
      json: { gracePeriodSeconds: 300 },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('token_not_active');
    expect(again.body.detail).toContain(first.body.token.id);
    expect(mock.store.listTokens().filter((t) => t.name === 'etl')).toHaveLength(2);
  });

  it('answers 403 not_graph_admin when the creator was demoted on a bound graph, minting nothing', async () => {
    const t = mock.store.createToken({ scopes: ['read'], graphIds: [graphs.team] });
    mock.store.setRole(accounts.ada, graphs.team, 'editor');
    const before = mock.store.listTokens().length;
    const res = await call('POST', '/v1/tokens/self/rotate', { token: t.secret });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('not_graph_admin');
    expect(mock.store.listTokens()).toHaveLength(before);
    expect((await call('GET', '/v1/tokens/self', { token: t.secret })).status).toBe(200);
  });

  it('refuses a bad body with 422 and changes nothing', async () => {
    const { secret } = pipeline();
    for (const json of [{ gracePeriodSeconds: -1 }, { gracePeriodSeconds: 604801 }, { grace: 5 }, []]) {
      const res = await call('POST', '/v1/tokens/self/rotate', { token: secret, json });
      expect(res.status, JSON.stringify(json)).toBe(422);
    }
    expect((await call('GET', '/v1/tokens/self', { token: secret })).body.token.rotatedTo).toBeNull();
  });

  it('replays the first answer, secret included, for the same Idempotency-Key, and mints once', async () => {
    const { secret } = pipeline();
    const headers = { 'Idempotency-Key': 'rotate-2026-01-01' };
    const json = { gracePeriodSeconds: 600 };
    const first = await call('POST', '/v1/tokens/self/rotate', { token: secret, json, headers });
    const second = await call('POST', '/v1/tokens/self/rotate', { token: secret, json, headers });
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(mock.store.listTokens().filter((t) => t.name === 'etl')).toHaveLength(2);
  });

  it('replays a self-rotation that revoked the calling secret at once, and nothing else for that secret', async () => {
    const { secret } = pipeline();
    const headers = { 'Idempotency-Key': 'rotate-now' };
    const first = await call('POST', '/v1/tokens/self/rotate', { token: secret, headers });
    expect(first.status).toBe(201);
    // The answer was lost; the calling secret is already revoked, but the retry still gets it.
    const retry = await call('POST', '/v1/tokens/self/rotate', { token: secret, headers });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(mock.store.listTokens().filter((t) => t.name === 'etl')).toHaveLength(2);
    // Another key, another body, or another operation: the revoked secret's 401.
    for (const res of [
      await call('POST', '/v1/tokens/self/rotate', {
        token: secret,
        headers: { 'Idempotency-Key': 'other' },
      }),
      await call('POST', '/v1/tokens/self/rotate', {
        token: secret,
        headers,
        json: { gracePeriodSeconds: 5 },
      }),
      await call('GET', '/v1/tokens/self', { token: secret, headers }),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('token_revoked');
      expect(res.text).not.toContain(first.body.secret);
    }
  });

  // Issue 11 finding 1: the exception above is for a grace-0 self-rotation only.
  const killers: {
    given: string;
    kill: (secret: string, id: string) => Promise<unknown>;
    code: string;
    expiresAt?: string;
  }[] = [
    {
      given: 'a leak report (at the same instant as the rotation)',
      kill: (secret) => call('POST', '/v1/tokens/revoke-leaked', { json: { secrets: [secret] } }),
      code: 'token_revoked',
    },
    {
      given: 'a manual revoke by its creator',
      kill: (_, id) => {
        const admin = mock.store.createToken({ name: 'admin', scopes: ['manage'], graphIds: [] });
        return call('DELETE', `/v1/tokens/${id}`, { token: admin.secret });
      },
      code: 'token_revoked',
    },
    {
      given: 'revokeSelf',
      kill: (secret) => call('DELETE', '/v1/tokens/self', { token: secret }),
      code: 'token_revoked',
    },
    {
      given: 'the end of its grace period',
      kill: async () => mock.clock.advance({ seconds: 601 }),
      code: 'token_revoked',
    },
    {
      given: 'its expiry (before the grace period ends)',
      kill: async () => mock.clock.advance({ seconds: 301 }),
      code: 'token_expired',
      expiresAt: '2026-01-01T00:05:00.000Z',
    },
  ];
  it.each(killers)(
    'refuses the replay of a self-rotation with a grace period once the secret died by $given',
    async ({ kill, code, expiresAt }) => {
      const { secret, token } = pipeline(expiresAt);
      const headers = { 'Idempotency-Key': 'rotate-with-grace' };
      const json = { gracePeriodSeconds: 600 };
      const first = await call('POST', '/v1/tokens/self/rotate', { token: secret, json, headers });
      expect(first.status).toBe(201);
      await kill(secret, token.id);
      const retry = await call('POST', '/v1/tokens/self/rotate', { token: secret, json, headers });
      expect(retry.status).toBe(401);
      expect(retry.body.code).toBe(code);
      expect(retry.headers.get('idempotent-replayed')).toBeNull();
      expect(retry.text).not.toContain(first.body.secret);
    },
  );
});
