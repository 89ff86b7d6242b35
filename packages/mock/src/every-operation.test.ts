/**
 * Every operation of the spec answers its documented success through the in-process mock: the
 * request table is keyed by `OperationId`, so an operation added to the spec fails `typecheck`
 * here until it has a request, and the contract-testing setup validates each answer against the
 * spec (headers included).
 */
import { type OperationId, operations } from '@graphtoken/contract';
import { describe, expect, it } from 'vitest';
import { apiClient, type CallOptions } from './contract-testing/api.js';
import { BOOTSTRAP_TOKEN, createGraphTokenMock, type GraphTokenMock, seedIds } from './index.js';

const { graphs } = seedIds;

interface Setup {
  /** The calling secret, or none for an operation without a token. */
  token?: string;
  path: string;
  options?: CallOptions;
}

/** One successful request per operation, built on a fresh mock. */
const requests: { readonly [Op in OperationId]: (mock: GraphTokenMock) => Setup } = {
  introspectToken: () => ({ token: BOOTSTRAP_TOKEN, path: '/v1/tokens/self' }),
  revokeSelfToken: (m) => ({
    token: m.store.createToken({ scopes: ['read'], graphIds: [graphs.research] }).secret,
    path: '/v1/tokens/self',
  }),
  rotateSelfToken: (m) => ({
    token: m.store.createToken({
      scopes: ['read'],
      graphIds: [graphs.research],
      expiresAt: '2026-02-01T00:00:00Z',
    }).secret,
    path: '/v1/tokens/self/rotate',
    options: { json: { gracePeriodSeconds: 60 } },
  }),
  revokeLeakedTokens: (m) => ({
    path: '/v1/tokens/revoke-leaked',
    options: { json: { secrets: [m.store.createToken({ scopes: ['manage'] }).secret, 'not-a-secret'] } },
  }),
  listTokens: () => ({ token: BOOTSTRAP_TOKEN, path: '/v1/tokens?sort=-lastUsedAt&neverUsed=false&q=boot' }),
  createToken: () => ({
    token: BOOTSTRAP_TOKEN,
    path: '/v1/tokens',
    options: { json: { name: 'new', scopes: ['read'], graphIds: [graphs.research] } },
  }),
  getToken: () => ({ token: BOOTSTRAP_TOKEN, path: `/v1/tokens/${seedIds.tokens.bootstrap}` }),
  updateToken: () => ({
    token: BOOTSTRAP_TOKEN,
    path: `/v1/tokens/${seedIds.tokens.bootstrap}`,
    options: { json: { description: 'renamed' } },
  }),
  revokeToken: (m) => ({
    token: BOOTSTRAP_TOKEN,
    path: `/v1/tokens/${m.store.createToken({ scopes: ['manage'] }).token.id}`,
  }),
  rotateToken: (m) => ({
    token: BOOTSTRAP_TOKEN,
    path: `/v1/tokens/${m.store.createToken({ scopes: ['manage'] }).token.id}/rotate`,
  }),
  listGraphs: () => ({ token: BOOTSTRAP_TOKEN, path: '/v1/graphs' }),
  getGraph: (m) => ({ token: reader(m), path: `/v1/graphs/${graphs.research}` }),
  listBlocks: (m) => ({ token: reader(m), path: `/v1/graphs/${graphs.research}/blocks?limit=5` }),
  appendBlocks: (m) => ({
    token: writer(m),
    path: `/v1/graphs/${graphs.research}/blocks`,
    options: { json: { blocks: [{ content: 'x' }] } },
  }),
  getBlock: (m) => ({ token: reader(m), path: `/v1/graphs/${graphs.research}/blocks/blk_research1` }),
  updateBlock: (m) => ({
    token: writer(m),
    path: `/v1/graphs/${graphs.research}/blocks/blk_research1`,
    options: { json: { content: 'y' } },
  }),
  deleteBlock: (m) => ({ token: writer(m), path: `/v1/graphs/${graphs.research}/blocks/blk_research1` }),
  listAuditEvents: () => ({ token: BOOTSTRAP_TOKEN, path: '/v1/audit-events?type=token.first_used&limit=5' }),
};

const reader = (m: GraphTokenMock) =>
  m.store.createToken({ scopes: ['read'], graphIds: [graphs.research] }).secret;
const writer = (m: GraphTokenMock) =>
  m.store.createToken({ scopes: ['write'], graphIds: [graphs.research] }).secret;

describe('every operation', () => {
  for (const op of Object.values(operations)) {
    it(`${op.operationId} answers ${op.successStatus}`, async () => {
      const mock = createGraphTokenMock({
        now: '2026-01-01T00:00:00Z',
        freezeClock: true,
        rateLimit: { limit: 100, windowSeconds: 60 },
      });
      const setup = requests[op.operationId as OperationId](mock);
      const res = await apiClient(mock)(op.method, setup.path, {
        ...setup.options,
        ...(setup.token !== undefined && { token: setup.token }),
      });
      expect(res.status, res.text).toBe(op.successStatus);
      // The rate-limit state of whichever policy applied.
      expect(res.headers.get('ratelimit-policy')).toMatch(/^"(token|client)";q=\d+;w=\d+$/);
    });
  }
});
