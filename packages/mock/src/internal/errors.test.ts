/**
 * Every row of the DOMAIN.md error table, produced through the API: status, code, the exact
 * RFC 6750 `WWW-Authenticate` challenge, and the problem+json extras.
 */
import { tokenFromBody } from '@graphtoken/contract';
import { describe, expect, it } from 'vitest';
import { type ApiResult, apiClient, type CallOptions } from '../contract-testing/api.js';
import { BOOTSTRAP_TOKEN, createGraphTokenMock, type GraphTokenMock, seedIds } from '../index.js';

const { graphs } = seedIds;

interface Row {
  name: string;
  /** Builds the request against a fresh mock. */
  given: (mock: GraphTokenMock) => { method: string; path: string } & CallOptions;
  want: { status: number; code: string; wwwAuthenticate: string | null; check?: (res: ApiResult) => void };
}

const token = (mock: GraphTokenMock, input: Parameters<GraphTokenMock['store']['createToken']>[0]) =>
  mock.store.createToken(input).secret;

const rows: Row[] = [
  {
    name: 'no credentials',
    given: () => ({ method: 'GET', path: '/v1/tokens/self' }),
    want: { status: 401, code: 'missing_token', wwwAuthenticate: 'Bearer realm="graphtoken"' },
  },
  {
    name: 'a header that is not Bearer <token>',
    given: () => ({
      method: 'GET',
      path: '/v1/tokens/self',
      headers: { Authorization: `Basic ${btoa('ada:pw')}` },
    }),
    want: { status: 400, code: 'invalid_request', wwwAuthenticate: 'Bearer error="invalid_request"' },
  },
  {
    name: 'Bearer without a token',
    given: () => ({ method: 'GET', path: '/v1/tokens/self', headers: { Authorization: 'Bearer' } }),
    want: { status: 400, code: 'invalid_request', wwwAuthenticate: 'Bearer error="invalid_request"' },
  },
  {
    name: 'two credentials in one header',
    given: () => ({
      method: 'GET',
      path: '/v1/tokens/self',
      headers: { Authorization: `Bearer ${BOOTSTRAP_TOKEN}, Bearer ${BOOTSTRAP_TOKEN}` },
    }),
    want: { status: 400, code: 'invalid_request', wwwAuthenticate: 'Bearer error="invalid_request"' },
  },
  {
    name: 'a token in the query string',
    given: () => ({ method: 'GET', path: `/v1/tokens/self?access_token=${BOOTSTRAP_TOKEN}` }),
    want: { status: 400, code: 'invalid_request', wwwAuthenticate: 'Bearer error="invalid_request"' },
  },
  {
    name: 'a token in the query string and one in the header',
    given: () => ({
      method: 'GET',
      path: `/v1/graphs?access_token=${BOOTSTRAP_TOKEN}`,
      token: BOOTSTRAP_TOKEN,
    }),
    want: { status: 400, code: 'invalid_request', wwwAuthenticate: 'Bearer error="invalid_request"' },
  },
  {
    name: 'a truncated secret (bad length)',
    given: () => ({ method: 'GET', path: '/v1/tokens/self', token: BOOTSTRAP_TOKEN.slice(0, -1) }),
    want: { status: 401, code: 'malformed_token', wwwAuthenticate: 'Bearer error="invalid_token"' },
  },
  {
    name: 'a mistyped secret (bad checksum)',
    given: () => ({
      method: 'GET',
      path: '/v1/tokens/self',
      token: `${BOOTSTRAP_TOKEN.slice(0, 10)}${BOOTSTRAP_TOKEN[10] === 'x' ? 'y' : 'x'}${BOOTSTRAP_TOKEN.slice(11)}`,
    }),
    want: { status: 401, code: 'malformed_token', wwwAuthenticate: 'Bearer error="invalid_token"' },
  },
  {
    name: 'a token without the gt_ prefix',
    given: () => ({ method: 'GET', path: '/v1/tokens/self', token: 'tok_bootstrap0000000' }),
    want: { status: 401, code: 'malformed_token', wwwAuthenticate: 'Bearer error="invalid_token"' },
  },
  {
    name: 'a well-formed but unknown secret',
    given: () => ({
      method: 'GET',
      path: '/v1/tokens/self',
      token: tokenFromBody('UnknownTokenUnknownToken000000'),
    }),
    want: { status: 401, code: 'invalid_token', wwwAuthenticate: 'Bearer error="invalid_token"' },
  },
  {
    name: 'a revoked token',
    given: (mock) => {
      const { token: t, secret } = mock.store.createToken({ scopes: ['manage'] });
      mock.store.revokeToken(t.id);
      return { method: 'GET', path: '/v1/tokens/self', token: secret };
    },
    want: {
      status: 401,
      code: 'token_revoked',
      wwwAuthenticate: 'Bearer error="invalid_token", error_description="token revoked"',
    },
  },
  {
    name: 'an expired token',
    given: (mock) => ({
      method: 'GET',
      path: '/v1/tokens/self',
      token: token(mock, { scopes: ['manage'], expiresAt: '2025-06-01T00:00:00Z' }),
    }),
    want: {
      status: 401,
      code: 'token_expired',
      wwwAuthenticate: 'Bearer error="invalid_token", error_description="token expired"',
    },
  },
  {
    name: 'a valid token without the scope',
    given: (mock) => ({
      method: 'GET',
      path: '/v1/tokens',
      token: token(mock, { scopes: ['write'], graphIds: [graphs.research] }),
    }),
    want: {
      status: 403,
      code: 'insufficient_scope',
      wwwAuthenticate: 'Bearer error="insufficient_scope", scope="manage"',
      check: (res) => {
        expect(res.body.requiredScopes).toEqual(['manage']);
        expect(res.body.grantedScopes).toEqual(['write']);
      },
    },
  },
  {
    name: 'a token whose effective scopes on the graph fall short (append-only reading)',
    given: (mock) => ({
      method: 'GET',
      path: `/v1/graphs/${graphs.journal}/blocks`,
      token: token(mock, { scopes: ['append'], graphIds: [graphs.journal] }),
    }),
    want: {
      status: 403,
      code: 'insufficient_scope',
      wwwAuthenticate: 'Bearer error="insufficient_scope", scope="read"',
      check: (res) => {
        expect(res.body.requiredScopes).toEqual(['read']);
        expect(res.body.grantedScopes).toEqual(['append']);
      },
    },
  },
  {
    name: 'a write token of a viewer (scopes ∩ role = read) appending',
    given: (mock) => ({
      method: 'POST',
      path: `/v1/graphs/${graphs.shared}/blocks`,
      token: token(mock, { scopes: ['write'], graphIds: [graphs.shared] }),
      json: { blocks: [{ content: 'x' }] },
    }),
    want: {
      status: 403,
      code: 'insufficient_scope',
      wwwAuthenticate: 'Bearer error="insufficient_scope", scope="append"',
      check: (res) => expect(res.body.grantedScopes).toEqual(['read']),
    },
  },
  {
    name: 'a graph the creator can see but the token is not bound to',
    given: (mock) => ({
      method: 'GET',
      path: `/v1/graphs/${graphs.team}`,
      token: token(mock, { scopes: ['read'], graphIds: [graphs.research] }),
    }),
    want: { status: 403, code: 'graph_not_in_token', wwwAuthenticate: null },
  },
  {
    name: 'a graph the creator cannot see at all',
    given: (mock) => {
      const hidden = mock.store.addGraph({ name: 'Grace only', owner: seedIds.accounts.grace });
      return {
        method: 'GET',
        path: `/v1/graphs/${hidden.id}/blocks`,
        token: token(mock, { scopes: ['read'], graphIds: [graphs.research] }),
      };
    },
    want: { status: 404, code: 'not_found', wwwAuthenticate: null },
  },
  {
    name: 'an unknown token id',
    given: () => ({ method: 'GET', path: '/v1/tokens/tok_doesNotExist00000', token: BOOTSTRAP_TOKEN }),
    want: { status: 404, code: 'not_found', wwwAuthenticate: null },
  },
  {
    name: 'binding a graph shared with the creator as viewer',
    given: () => ({
      method: 'POST',
      path: '/v1/tokens',
      token: BOOTSTRAP_TOKEN,
      json: { name: 'nope', scopes: ['read'], graphIds: [graphs.shared] },
    }),
    want: { status: 403, code: 'not_graph_admin', wwwAuthenticate: null },
  },
  {
    name: 'rotating a token another account created (seen as admin of its graph)',
    given: (mock) => ({
      method: 'POST',
      path: `/v1/tokens/${mock.store.createToken({ scopes: ['write'], graphIds: [graphs.team], createdBy: seedIds.accounts.grace }).token.id}/rotate`,
      token: BOOTSTRAP_TOKEN,
    }),
    want: { status: 403, code: 'not_token_owner', wwwAuthenticate: null },
  },
  {
    name: 'renaming a token another account created (seen as admin of its graph)',
    given: (mock) => ({
      method: 'PATCH',
      path: `/v1/tokens/${mock.store.createToken({ scopes: ['write'], graphIds: [graphs.team], createdBy: seedIds.accounts.grace }).token.id}`,
      token: BOOTSTRAP_TOKEN,
      json: { name: 'hijacked' },
    }),
    want: { status: 403, code: 'not_token_owner', wwwAuthenticate: null },
  },
  {
    name: 'a body that breaks the spec',
    given: () => ({
      method: 'POST',
      path: '/v1/tokens',
      token: BOOTSTRAP_TOKEN,
      json: { name: '', scopes: ['root'], admin: true },
    }),
    want: {
      status: 422,
      code: 'validation_failed',
      wwwAuthenticate: null,
      check: (res) =>
        expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
          'admin',
          'name',
          'scopes[0]',
        ]),
    },
  },
  {
    name: 'a parameter that breaks the spec',
    given: () => ({ method: 'GET', path: '/v1/tokens?limit=1000', token: BOOTSTRAP_TOKEN }),
    want: {
      status: 422,
      code: 'validation_failed',
      wwwAuthenticate: null,
      check: (res) =>
        expect(res.body.errors).toEqual([{ field: 'limit', message: 'must be an integer from 1 to 100' }]),
    },
  },
  {
    name: 'the rate limit',
    given: (mock) => {
      mock.rateLimit = { limit: 0, windowSeconds: 60 };
      return { method: 'GET', path: '/v1/tokens/self', token: BOOTSTRAP_TOKEN };
    },
    want: {
      status: 429,
      code: 'rate_limited',
      wwwAuthenticate: null,
      check: (res) => {
        expect(res.headers.get('retry-after')).toBe('60');
        expect(res.body.retryAfter).toBe(60);
      },
    },
  },
  {
    name: 'read bound to an encrypted graph',
    given: () => ({
      method: 'POST',
      path: '/v1/tokens',
      token: BOOTSTRAP_TOKEN,
      json: { name: 'journal reader', scopes: ['read'], graphIds: [graphs.journal] },
    }),
    want: {
      status: 422,
      code: 'scope_not_allowed_for_encrypted_graph',
      wwwAuthenticate: null,
      check: (res) => expect(res.body.errors[0].field).toBe('scopes'),
    },
  },
  {
    name: 'rotating a revoked token',
    given: (mock) => {
      const { token: t } = mock.store.createToken({ scopes: ['read'], graphIds: [graphs.research] });
      mock.store.revokeToken(t.id);
      return { method: 'POST', path: `/v1/tokens/${t.id}/rotate`, token: BOOTSTRAP_TOKEN };
    },
    want: { status: 409, code: 'token_not_active', wwwAuthenticate: null },
  },
];

describe('the DOMAIN.md error table', () => {
  it.each(rows)('answers $name with $want.status $want.code', async ({ given, want }) => {
    const mock = createGraphTokenMock({ now: '2026-01-01T00:00:00Z', freezeClock: true });
    const { method, path, ...options } = given(mock);
    const res = await apiClient(mock)(method, path, options);
    expect(res.status).toBe(want.status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toMatchObject({
      type: `https://docs.graphtoken.dev/errors/${want.code}`,
      status: want.status,
      code: want.code,
      requestId: res.headers.get('x-request-id'),
    });
    expect(res.body.detail.length).toBeGreaterThan(10);
    expect(res.headers.get('www-authenticate')).toBe(want.wwwAuthenticate);
    want.check?.(res);
  });

  it('covers every error code the spec declares but internal_error', () => {
    const covered = new Set(rows.map((r) => r.want.code));
    const declared = [
      'invalid_request',
      'missing_token',
      'malformed_token',
      'invalid_token',
      'token_revoked',
      'token_expired',
      'insufficient_scope',
      'graph_not_in_token',
      'not_graph_admin',
      'not_token_owner',
      'not_found',
      'token_not_active',
      'validation_failed',
      'scope_not_allowed_for_encrypted_graph',
      'rate_limited',
    ];
    expect([...covered].sort()).toEqual(declared.sort());
  });
});
