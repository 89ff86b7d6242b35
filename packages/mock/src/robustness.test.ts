/**
 * No client mistake may produce a 500: random requests (any operation's path with arbitrary
 * parameters, any method, any credential, arbitrary bodies, headers and query strings) always get a
 * documented 2xx/4xx answer; the contract-testing setup checks each one against the spec too.
 */
import { operations } from '@graphtoken/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiClient } from './contract-testing/api.js';
import { BOOTSTRAP_TOKEN, createGraphTokenMock, seedIds } from './index.js';

const ops = Object.values(operations);
const segment = fc.oneof(
  fc.constantFrom(
    ...Object.values(seedIds.graphs),
    'blk_research1',
    seedIds.tokens.bootstrap,
    'self',
    'gr_',
    '%20',
    '..',
  ),
  fc.string({ minLength: 1, maxLength: 12 }).map(encodeURIComponent),
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.json().map((text) => ({ raw: text })),
  fc.string().map((text) => ({ raw: text })),
  fc
    .record(
      {
        name: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        description: fc.oneof(fc.string(), fc.constant(null)),
        scopes: fc.array(fc.oneof(fc.constantFrom('read', 'append', 'write', 'manage'), fc.string())),
        graphIds: fc.array(fc.constantFrom(...Object.values(seedIds.graphs), 'gr_nope', '')),
        expiresAt: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.string(),
        ),
        gracePeriodSeconds: fc.oneof(fc.integer(), fc.double()),
        blocks: fc.array(fc.record({ content: fc.oneof(fc.string(), fc.integer()) }, { requiredKeys: [] })),
        content: fc.string(),
      },
      { requiredKeys: [] },
    )
    .map((json) => ({ json })),
);
const query = fc.dictionary(
  fc.constantFrom('limit', 'cursor', 'status', 'graphId', 'access_token', 'x'),
  fc.oneof(fc.string(), fc.nat().map(String)),
  { maxKeys: 3 },
);

describe('robustness', () => {
  it('answers every random request with a documented status, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ops),
        fc.array(segment, { minLength: 2, maxLength: 2 }),
        fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT', null),
        fc.constantFrom('bootstrap', 'reader', 'appender', 'none', 'garbage', 'basic'),
        body,
        query,
        fc.option(fc.string({ maxLength: 300 })),
        fc.option(fc.constantFrom('application/json', 'text/plain', 'application/merge-patch+json')),
        async (op, [a, b], method, who, payload, q, idempotencyKey, contentType) => {
          const mock = createGraphTokenMock();
          const call = apiClient(mock);
          const reader = mock.store.createToken({
            scopes: ['read'],
            graphIds: [seedIds.graphs.research],
          }).secret;
          const appender = mock.store.createToken({
            scopes: ['append'],
            graphIds: [seedIds.graphs.journal],
          }).secret;
          const path = op.path.replace('{tokenId}', a!).replace('{graphId}', a!).replace('{blockId}', b!);
          const search = new URLSearchParams(q).toString();
          const headers: Record<string, string> = {};
          if (idempotencyKey !== null)
            headers['Idempotency-Key'] = idempotencyKey.replace(/[^\t\x20-\x7e]/g, '');
          if (contentType !== null) headers['Content-Type'] = contentType;
          if (who === 'garbage') headers.Authorization = 'Bearer gt_garbage';
          if (who === 'basic') headers.Authorization = 'Basic abc';
          const token = { bootstrap: BOOTSTRAP_TOKEN, reader, appender }[who as 'bootstrap'];
          const verb = method ?? op.method;
          const withBody = payload !== undefined && verb !== 'GET'; // fetch refuses a GET body
          const res = await call(verb, `${path}${search ? `?${search}` : ''}`, {
            headers,
            ...(token !== undefined && { token }),
            ...(withBody && ('json' in payload ? { json: payload.json } : { rawBody: payload.raw })),
          });
          expect(res.status).toBeGreaterThanOrEqual(200);
          expect(res.status).toBeLessThan(500);
          expect(res.headers.get('x-request-id')).toMatch(/^req_/);
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);
});
