import { describe, expect, it } from 'vitest';
import { apiClient } from '../contract-testing/api.js';
import { BOOTSTRAP_TOKEN, createGraphTokenMock } from '../index.js';

describe('the per-token rate limit', () => {
  it('is off by default', async () => {
    const mock = createGraphTokenMock();
    const call = apiClient(mock);
    for (let i = 0; i < 50; i++)
      expect((await call('GET', '/v1/graphs', { token: BOOTSTRAP_TOKEN })).status).toBe(200);
  });

  it('answers 429 with Retry-After over the limit, until the window on the mock clock is over', async () => {
    const mock = createGraphTokenMock({
      now: '2026-01-01T00:00:00Z',
      freezeClock: true,
      rateLimit: { limit: 2, windowSeconds: 60 },
    });
    const call = apiClient(mock);
    const other = mock.store.createToken({ scopes: ['manage'] }).secret;
    const admin = { token: BOOTSTRAP_TOKEN };
    expect((await call('GET', '/v1/graphs', admin)).status).toBe(200);
    expect((await call('GET', '/v1/graphs', admin)).status).toBe(200);
    const limited = await call('GET', '/v1/graphs', admin);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await call('GET', '/v1/graphs', { token: other })).status).toBe(200);
    expect((await call('GET', '/v1/graphs')).status).toBe(401);
    mock.clock.advance({ seconds: 30 });
    expect((await call('GET', '/v1/graphs', admin)).headers.get('retry-after')).toBe('30');
    mock.clock.advance({ seconds: 30 });
    expect((await call('GET', '/v1/graphs', admin)).status).toBe(200);
  });

  it('can be switched at runtime, and reset restores the configured one', async () => {
    const mock = createGraphTokenMock();
    const call = apiClient(mock);
    mock.rateLimit = { limit: 0, windowSeconds: 1 };
    expect((await call('GET', '/v1/graphs', { token: BOOTSTRAP_TOKEN })).status).toBe(429);
    mock.reset();
    expect(mock.rateLimit).toBe(false);
    expect((await call('GET', '/v1/graphs', { token: BOOTSTRAP_TOKEN })).status).toBe(200);
  });
});
