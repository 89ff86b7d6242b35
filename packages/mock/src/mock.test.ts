import { describe, expect, it } from 'vitest';
import { apiClient } from './contract-testing/api.js';
import { BOOTSTRAP_TOKEN, createGraphTokenMock, seedIds } from './index.js';

describe('createGraphTokenMock', () => {
  it('answers introspection for the bootstrap token', async () => {
    const mock = createGraphTokenMock({ now: '2026-01-01T00:00:00Z', freezeClock: true });
    const call = apiClient(mock);
    const res = await call('GET', '/v1/tokens/self', { token: BOOTSTRAP_TOKEN });
    expect(res.status).toBe(200);
    expect(res.body.token.id).toBe(seedIds.tokens.bootstrap);
    expect(res.body.token.lastUsedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(res.body.account).toEqual({ id: 'acc_ada', name: 'Ada Lovelace' });
  });
});
