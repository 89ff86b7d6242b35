import { describe, expect, it } from 'vitest';
import { apiClient } from './contract-testing/api.js';
import { BOOTSTRAP_TOKEN, createGraphTokenMock } from './index.js';

const admin = { token: BOOTSTRAP_TOKEN };

describe('fault injection', () => {
  it('answers with a status N times, then normally', async () => {
    const mock = createGraphTokenMock();
    const call = apiClient(mock);
    mock.faults.add({ operationId: 'listTokens', status: 503, times: 2 });
    const first = await call('GET', '/v1/tokens', admin);
    expect(first.status).toBe(503);
    expect(first.headers.get('content-type')).toBe('application/problem+json');
    expect(first.body).toMatchObject({
      status: 503,
      code: 'internal_error',
      requestId: first.headers.get('x-request-id'),
    });
    expect((await call('GET', '/v1/tokens', admin)).status).toBe(503);
    expect((await call('GET', '/v1/tokens', admin)).status).toBe(200);
    expect(mock.faults.list()).toEqual([]);
  });

  it('drops the connection', async () => {
    const mock = createGraphTokenMock();
    mock.faults.add({ method: 'POST', path: '/v1/tokens', drop: true, times: 1 });
    const res = await apiClient(mock)('POST', '/v1/tokens', {
      ...admin,
      json: { name: 'x', scopes: ['manage'] },
    });
    expect(res.dropped).toBe(true);
    expect(mock.requests.last()?.status).toBe(0);
    expect(mock.store.listTokens()).toHaveLength(1);
  });

  it('answers 429 with Retry-After', async () => {
    const mock = createGraphTokenMock();
    mock.faults.add({ path: '/v1/graphs/{graphId}/blocks', retryAfter: 7 });
    const res = await apiClient(mock)('GET', '/v1/graphs/gr_research/blocks', admin);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.body).toMatchObject({ code: 'rate_limited', retryAfter: 7 });
  });

  it('answers with a chosen code and detail', async () => {
    const mock = createGraphTokenMock();
    mock.faults.add({ operationId: 'introspectToken', code: 'token_revoked', detail: 'Revoked by a test.' });
    const res = await apiClient(mock)('GET', '/v1/tokens/self', admin);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'token_revoked', detail: 'Revoked by a test.' });
    expect(res.headers.get('www-authenticate')).toBe(
      'Bearer error="invalid_token", error_description="token revoked"',
    );
  });

  it('delays the normal answer', async () => {
    const mock = createGraphTokenMock();
    mock.faults.add({ operationId: 'listGraphs', latencyMs: 20, times: 1 });
    const res = await apiClient(mock)('GET', '/v1/graphs', admin);
    expect(res.status).toBe(200);
  });

  it('can be listed, removed and cleared; reset clears them too', () => {
    const mock = createGraphTokenMock();
    const a = mock.faults.add({ operationId: 'listGraphs', status: 500 });
    mock.faults.add({ method: 'GET', status: 502, times: 3 });
    expect(mock.faults.list().map((f) => [f.id, f.remaining])).toEqual([
      [a, undefined],
      [expect.any(String), 3],
    ]);
    mock.faults.remove(a);
    expect(mock.faults.list()).toHaveLength(1);
    mock.reset();
    expect(mock.faults.list()).toEqual([]);
  });

  it('refuses a rule that cannot be answered', () => {
    const mock = createGraphTokenMock();
    expect(() => mock.faults.add({ status: 200 })).toThrow(/status: must be an HTTP error status/);
    // @ts-expect-error: not an operationId
    expect(() => mock.faults.add({ operationId: 'nope', status: 500 })).toThrow(TypeError);
    expect(() => mock.faults.add({ operationId: 'listGraphs', times: 1 })).toThrow(/a fault needs an effect/);
    expect(() => mock.faults.add({ latencyMs: 120_000 })).toThrow(
      /latencyMs: must be an integer from 0 to 60000/,
    );
  });
});
