/**
 * A path id that breaks its spec pattern, or a path bent around an operation, is answered
 * `404 not_found` by the in-process mock (through a patched global fetch, as an app's code calls
 * it) and reaches no operation: nothing is revoked, rotated, renamed or deleted.
 */
import { describe, expect, it } from 'vitest';
import { hostilePaths } from '../contract-testing/hostile-paths.js';
import { BOOTSTRAP_TOKEN, seedIds } from '../index.js';
import { useGraphTokenMock } from '../node/index.js';

const mock = useGraphTokenMock({ now: '2026-01-01T00:00:00Z' });
const headers = { Authorization: `Bearer ${BOOTSTRAP_TOKEN}`, 'Content-Type': 'application/json' };

describe('path ids on the in-process mock', () => {
  it.each(hostilePaths)('$method $path → 404 not_found, no operation reached', async ({ method, path }) => {
    const blocksBefore = mock.store.listBlocks(seedIds.graphs.research).length;
    const res = await fetch(`${mock.baseUrl}${path}`, {
      method,
      headers,
      ...(method === 'POST' || method === 'PATCH' ? { body: JSON.stringify({ name: 'x' }) } : {}),
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    const body = (await res.json()) as { code: string; status: number; requestId: string };
    expect(body).toMatchObject({ code: 'not_found', status: 404 });
    expect(mock.requests.all().map((r) => r.operationId)).toEqual([null]);
    // Nothing changed: the calling token is active, no token minted, no block deleted.
    expect(mock.store.getToken(seedIds.tokens.bootstrap)?.status).toBe('active');
    expect(mock.store.listTokens()).toHaveLength(1);
    expect(mock.store.listBlocks(seedIds.graphs.research)).toHaveLength(blocksBefore);
  });

  it('never echoes a secret pasted where an id belongs', async () => {
    const { secret } = mock.store.createToken({ scopes: ['read'], graphIds: [seedIds.graphs.research] });
    for (const path of [`/v1/tokens/${secret}`, `/v1/graphs/${seedIds.graphs.research}/blocks/${secret}`]) {
      const res = await fetch(`${mock.baseUrl}${path}`, { method: 'DELETE', headers });
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain(secret);
    }
    expect(JSON.stringify(mock.requests.all())).not.toContain(secret);
    expect(mock.store.findTokenBySecret(secret)?.status).toBe('active');
  });

  it('still answers the same operations with valid ids', async () => {
    const get = await fetch(`${mock.baseUrl}/v1/tokens/${seedIds.tokens.bootstrap}`, { headers });
    expect(get.status).toBe(200);
    const block = await fetch(`${mock.baseUrl}/v1/graphs/${seedIds.graphs.team}/blocks/blk_team1`, {
      headers,
    });
    // The bootstrap token has only manage: the route was reached, the scope check answered.
    expect((await block.json()).code).toBe('insufficient_scope');
    expect(mock.requests.all().map((r) => r.operationId)).toEqual(['getToken', 'getBlock']);
  });
});
