/**
 * Every row of the DOMAIN.md error table, provoked for real against @graphtoken/mock, lands on
 * its SDK error class with the fields a user needs to act on it. Codes the SDK catches offline
 * (no token, a malformed one) are checked both ways: the offline error, and the server's answer
 * (forced with a fault) mapping to the same class.
 */
import { type ErrorCode, errorCodes, generateTokenSecret } from '@graphtoken/contract';
import { BOOTSTRAP_TOKEN, seedIds } from '@graphtoken/mock';
import { useGraphTokenMock } from '@graphtoken/mock/node';
import {
  EncryptedGraphScopeError,
  GraphNotInTokenError,
  GraphToken,
  InsufficientScopeError,
  InternalServerError,
  InvalidRequestError,
  InvalidTokenError,
  MalformedTokenError,
  MissingTokenError,
  NotFoundError,
  NotGraphAdminError,
  NotTokenOwnerError,
  RateLimitError,
  RequestTooLargeError,
  TokenExpiredError,
  TokenNotActiveError,
  TokenRevokedError,
  ValidationError,
} from '@graphtoken/sdk';
import { describe, expect, it } from 'vitest';

const mock = useGraphTokenMock();
const { graphs } = seedIds;
const admin = () => new GraphToken({ token: BOOTSTRAP_TOKEN, retry: { baseDelayMs: 1, maxDelayMs: 2 } });

async function tokenFor(
  scopes: ('read' | 'append' | 'write' | 'manage')[],
  graphIds: string[],
  expiresAt?: string,
) {
  const { token, secret } = await admin().tokens.create({
    name: 'table',
    scopes,
    graphIds,
    ...(expiresAt ? { expiresAt } : {}),
  });
  return { token, secret, client: new GraphToken({ token: secret }) };
}

const seen = new Set<ErrorCode>();
async function expectCode<E extends Error>(
  call: Promise<unknown>,
  cls: abstract new (...args: never[]) => E,
  code: ErrorCode,
): Promise<E> {
  const error = await call.then(
    () => {
      throw new Error(`expected ${code}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(cls);
  expect((error as { code?: string }).code).toBe(code);
  expect((error as { status?: number }).status).toBe(errorCodes[code].status);
  seen.add(code);
  return error as E;
}

describe('the DOMAIN error table against the mock', () => {
  it('no credentials → MissingTokenError (offline, and from the server)', async () => {
    const offline = await expectCode(
      new GraphToken({ token: '' }).graphs.get(graphs.research),
      MissingTokenError,
      'missing_token',
    );
    expect(offline.offline).toBe(true);
    const raw = await fetch(`${mock.baseUrl}/v1/graphs`);
    expect(((await raw.json()) as { code: string }).code).toBe('missing_token');
    mock.faults.add({ operationId: 'listGraphs', status: 401, code: 'missing_token', times: 1 });
    const online = await expectCode(admin().graphs.list().firstPage(), MissingTokenError, 'missing_token');
    expect(online.offline).toBe(false);
    expect(online.requestId).toMatch(/^req_/);
  });

  it('header not Bearer <token> → InvalidRequestError', async () => {
    const raw = await fetch(`${mock.baseUrl}/v1/graphs`, {
      headers: { authorization: `Token ${BOOTSTRAP_TOKEN}` },
    });
    expect(((await raw.json()) as { code: string }).code).toBe('invalid_request');
    mock.faults.add({ operationId: 'listGraphs', status: 400, code: 'invalid_request', times: 1 });
    await expectCode(admin().graphs.list().firstPage(), InvalidRequestError, 'invalid_request');
  });

  it('bad prefix or checksum → MalformedTokenError (offline, and from the server)', async () => {
    const truncated = BOOTSTRAP_TOKEN.slice(0, -1);
    const offline = await expectCode(
      new GraphToken({ token: truncated }).graphs.list().firstPage(),
      MalformedTokenError,
      'malformed_token',
    );
    expect(offline.message).toContain('full token string');
    expect(mock.requests.all()).toHaveLength(0);
    mock.faults.add({ operationId: 'listGraphs', status: 401, code: 'malformed_token', times: 1 });
    await expectCode(admin().graphs.list().firstPage(), MalformedTokenError, 'malformed_token');
  });

  it('unknown token → InvalidTokenError', async () => {
    const error = await expectCode(
      new GraphToken({ token: generateTokenSecret() }).tokens.introspect(),
      InvalidTokenError,
      'invalid_token',
    );
    expect(error.headers['www-authenticate']).toContain('invalid_token');
  });

  it('revoked → TokenRevokedError', async () => {
    const { token, client } = await tokenFor(['read'], [graphs.research]);
    await admin().tokens.revoke(token.id);
    const error = await expectCode(client.graphs.get(graphs.research), TokenRevokedError, 'token_revoked');
    expect(error.message).toContain('revoked');
    expect(error.tokenHint).toBe(`gt_…${token.hint}`);
  });

  it('expired → TokenExpiredError', async () => {
    const expiresAt = new Date(mock.clock.now().getTime() + 60_000).toISOString();
    const { client } = await tokenFor(['read'], [graphs.research], expiresAt);
    mock.clock.advance({ minutes: 2 });
    await expectCode(client.graphs.get(graphs.research), TokenExpiredError, 'token_expired');
  });

  it('valid token, scope missing → InsufficientScopeError with required and granted scopes', async () => {
    const { client } = await tokenFor(['append'], [graphs.research]);
    const error = await expectCode(
      client.blocks.list(graphs.research).firstPage(),
      InsufficientScopeError,
      'insufficient_scope',
    );
    expect(error.requiredScopes).toEqual(['read']);
    expect(error.grantedScopes).toEqual(['append']);
    expect(error.message).toContain('right scope');
  });

  it('creator can see the graph, token not bound → GraphNotInTokenError', async () => {
    const { client } = await tokenFor(['read'], [graphs.research]);
    const error = await expectCode(
      client.graphs.get(graphs.team),
      GraphNotInTokenError,
      'graph_not_in_token',
    );
    expect(error.message).toContain('right graph');
  });

  it('graph the creator cannot see → NotFoundError', async () => {
    const { client } = await tokenFor(['read'], [graphs.research]);
    await expectCode(client.graphs.get('gr_doesnotexist'), NotFoundError, 'not_found');
    await expectCode(client.blocks.get(graphs.research, 'blk_nope'), NotFoundError, 'not_found');
  });

  it('binding a graph the creator only views → NotGraphAdminError', async () => {
    await expectCode(
      admin().tokens.create({ name: 'x', scopes: ['read'], graphIds: [graphs.shared] }),
      NotGraphAdminError,
      'not_graph_admin',
    );
  });

  it("renaming or rotating another account's token → NotTokenOwnerError; revoking it still works", async () => {
    // Grace owns the team wiki and Ada administers it: Ada's manage token sees Grace's token there.
    const grace = mock.store.createToken({
      name: "grace's pipeline",
      scopes: ['write'],
      graphIds: [graphs.team],
      createdBy: seedIds.accounts.grace,
    });
    const before = mock.requests.all().length;
    const rotate = await expectCode(
      admin().tokens.rotate(grace.token.id),
      NotTokenOwnerError,
      'not_token_owner',
    );
    expect(rotate.message).toContain("token's creator");
    expect(rotate.message).not.toContain(grace.secret);
    await expectCode(
      admin().tokens.update(grace.token.id, { name: 'hijacked' }),
      NotTokenOwnerError,
      'not_token_owner',
    );
    expect(mock.requests.all().length).toBe(before + 2);
    // Nothing changed and no successor was minted; an admin of the bound graph may still see and revoke it.
    const after = await admin().tokens.get(grace.token.id);
    expect(after).toMatchObject({ name: "grace's pipeline", rotatedTo: null, status: 'active' });
    expect(mock.store.listTokens().filter((t) => t.rotatedFrom === grace.token.id)).toEqual([]);
    await admin().tokens.revoke(grace.token.id);
    expect((await admin().tokens.get(grace.token.id)).status).toBe('revoked');
  });

  it('body breaks the spec → ValidationError with the failing fields', async () => {
    const error = await expectCode(
      admin().tokens.create({ name: '', scopes: ['read'], graphIds: [graphs.research] }),
      ValidationError,
      'validation_failed',
    );
    expect(error.fields.map((f) => f.field)).toContain('name');
    expect(error.message).toContain('name');
  });

  it('read on an encrypted graph → EncryptedGraphScopeError', async () => {
    const error = await expectCode(
      admin().tokens.create({ name: 'x', scopes: ['read'], graphIds: [graphs.journal] }),
      EncryptedGraphScopeError,
      'scope_not_allowed_for_encrypted_graph',
    );
    expect(error).toBeInstanceOf(ValidationError);
  });

  it('rotating a revoked token → TokenNotActiveError', async () => {
    const { token } = await tokenFor(['read'], [graphs.research]);
    await admin().tokens.revoke(token.id);
    await expectCode(admin().tokens.rotate(token.id), TokenNotActiveError, 'token_not_active');
  });

  it('a token rotating itself twice (its successor is the one to rotate) → TokenNotActiveError', async () => {
    const { client } = await tokenFor(['read'], [graphs.research]);
    await client.tokens.rotateSelf({ gracePeriodSeconds: 60 });
    const error = await expectCode(
      client.tokens.rotateSelf({ gracePeriodSeconds: 60 }),
      TokenNotActiveError,
      'token_not_active',
    );
    expect(error.status).toBe(409);
  });

  it('a token rotating itself after its creator lost admin → NotGraphAdminError', async () => {
    const { client } = await tokenFor(['write'], [graphs.research]);
    mock.faults.add({ operationId: 'rotateSelfToken', status: 403, code: 'not_graph_admin', times: 1 });
    await expectCode(client.tokens.rotateSelf(), NotGraphAdminError, 'not_graph_admin');
  });

  it('revoke-leaked with no secrets or over 100 → ValidationError on secrets; nothing is echoed', async () => {
    const anyone = new GraphToken();
    const empty = await expectCode(anyone.tokens.revokeLeaked([]), ValidationError, 'validation_failed');
    expect(empty.fields.map((f) => f.field).join()).toContain('secrets');
    const many = Array.from({ length: 101 }, () => generateTokenSecret());
    const tooMany = await expectCode(anyone.tokens.revokeLeaked(many), ValidationError, 'validation_failed');
    expect(JSON.stringify(tooMany)).not.toMatch(/gt_[0-9A-Za-z]{36}/);
    for (const secret of many) expect(tooMany.message).not.toContain(secret);
  });

  it('revoke-leaked over its per-client limit → RateLimitError', async () => {
    mock.faults.add({ operationId: 'revokeLeakedTokens', retryAfter: 120 });
    const error = await expectCode(
      new GraphToken({ retry: { maxRetryAfterMs: 1000 } }).tokens.revokeLeaked(['gt_x']),
      RateLimitError,
      'rate_limited',
    );
    expect(error.retryAfter).toBe(120);
  });

  it('audit events without manage → InsufficientScopeError; a bad limit → ValidationError', async () => {
    const { client } = await tokenFor(['read'], [graphs.research]);
    await expectCode(client.auditEvents.list().firstPage(), InsufficientScopeError, 'insufficient_scope');
    const error = await expectCode(
      admin().auditEvents.list({ limit: 0 }).firstPage(),
      ValidationError,
      'validation_failed',
    );
    expect(error.fields.map((f) => f.field)).toContain('limit');
  });

  it('a body over the size limit → RequestTooLargeError, not retried', async () => {
    const { client } = await tokenFor(['append'], [graphs.research]);
    mock.faults.add({ operationId: 'appendBlocks', status: 413, code: 'request_too_large' });
    const error = await expectCode(
      client.blocks.append(graphs.research, { blocks: [{ content: 'x' }] }),
      RequestTooLargeError,
      'request_too_large',
    );
    expect(error.message).toMatch(/at most 100 blocks per append/);
    expect(mock.requests.filter({ operationId: 'appendBlocks' })).toHaveLength(1);
  });

  it('rate limit → RateLimitError with the delay to wait', async () => {
    mock.faults.add({ operationId: 'listGraphs', retryAfter: 90 });
    const client = new GraphToken({ token: BOOTSTRAP_TOKEN, retry: { maxRetryAfterMs: 10_000 } });
    const error = await expectCode(client.graphs.list().firstPage(), RateLimitError, 'rate_limited');
    expect(error.retryAfter).toBe(90);
    expect(mock.requests.filter({ operationId: 'listGraphs' })).toHaveLength(1);
  });

  it('server failure → retried, then InternalServerError', async () => {
    mock.faults.add({ operationId: 'listGraphs', status: 500, code: 'internal_error', times: 1 });
    await expect(admin().graphs.list().firstPage()).resolves.toBeDefined();
    expect(mock.requests.filter({ operationId: 'listGraphs' })).toHaveLength(2);

    mock.faults.add({ operationId: 'listGraphs', status: 500, code: 'internal_error' });
    await expectCode(admin().graphs.list().firstPage(), InternalServerError, 'internal_error');
  });

  it('covered every code the spec defines', () => {
    expect([...seen].sort()).toEqual(Object.keys(errorCodes).sort());
  });
});
