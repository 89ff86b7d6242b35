import { describe, expect, it } from 'vitest';
import { apiClient } from './contract-testing/api.js';
import { BOOTSTRAP_TOKEN, createGraphTokenMock, seedIds } from './index.js';

describe('recorded requests', () => {
  it('records each request with its operation, status, token id and a redacted Authorization', async () => {
    const mock = createGraphTokenMock({ now: '2026-01-01T00:00:00Z', freezeClock: true });
    const call = apiClient(mock);
    const res = await call('POST', '/v1/tokens', {
      token: BOOTSTRAP_TOKEN,
      json: { name: 'x', scopes: ['manage'] },
    });
    await call('GET', '/v1/nowhere', { token: BOOTSTRAP_TOKEN });
    const [created, unknown] = mock.requests.all();
    expect(created).toEqual({
      requestId: res.headers.get('x-request-id'),
      method: 'POST',
      path: '/v1/tokens',
      url: 'https://api.graphtoken.dev/v1/tokens',
      operationId: 'createToken',
      headers: {
        authorization: `Bearer gt_…${BOOTSTRAP_TOKEN.slice(-4)}`,
        'content-type': 'application/json',
      },
      body: { name: 'x', scopes: ['manage'] },
      status: 201,
      tokenId: seedIds.tokens.bootstrap,
      at: '2026-01-01T00:00:00.000Z',
    });
    expect(unknown).toMatchObject({ operationId: null, status: 404 });
  });

  it('filters by operation, method, path template, status and token', async () => {
    const mock = createGraphTokenMock();
    const call = apiClient(mock);
    await call('GET', '/v1/graphs/gr_research/blocks', { token: BOOTSTRAP_TOKEN });
    await call('GET', '/v1/graphs', { token: BOOTSTRAP_TOKEN });
    await call('GET', '/v1/graphs');
    expect(mock.requests.filter({ path: '/v1/graphs/{graphId}/blocks' })).toHaveLength(1);
    expect(mock.requests.filter({ operationId: 'listGraphs', status: 200 })).toHaveLength(1);
    expect(mock.requests.count({ method: 'get', tokenId: seedIds.tokens.bootstrap })).toBe(2);
    expect(mock.requests.count({ status: 401 })).toBe(1);
    expect(mock.requests.last()?.tokenId).toBeNull();
    mock.requests.clear();
    expect(mock.requests.count()).toBe(0);
  });

  it('records which token a refused request used: a revoked one by id, a malformed one by none', async () => {
    const mock = createGraphTokenMock();
    const call = apiClient(mock);
    const { token, secret } = mock.store.createToken({ scopes: ['read'], graphIds: ['gr_research'] });
    mock.store.revokeToken(token.id);
    expect((await call('GET', '/v1/tokens/self', { token: secret })).status).toBe(401);
    expect(mock.requests.last()).toMatchObject({ status: 401, tokenId: token.id });
    expect((await call('GET', '/v1/tokens/self', { token: secret.slice(0, -1) })).status).toBe(401);
    expect(mock.requests.last()).toMatchObject({ status: 401, tokenId: null });
  });

  it('returns copies: changing one does not change the record', async () => {
    const mock = createGraphTokenMock();
    await apiClient(mock)('GET', '/v1/graphs', { token: BOOTSTRAP_TOKEN });
    mock.requests.all()[0]!.status = 999;
    expect(mock.requests.last()?.status).toBe(200);
  });
});
