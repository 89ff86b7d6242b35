import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTokenSecret, TOKEN_PATTERN } from '@graphtoken/contract';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN } from '../constants.js';
import { seedIds } from '../seed.js';
import { type GraphTokenMockServer, MockServerError, startGraphTokenMockServer } from './start-server.js';

// Every test talks to a real server on loopback over HTTP, as a non-JavaScript client would.

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { [key: string]: unknown };
}

async function call(
  server: GraphTokenMockServer,
  path: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== undefined) headers.Authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const response = await fetch(server.url + path, {
    method: init.method ?? 'GET',
    headers,
    ...(body !== undefined ? { body } : {}),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? {} : JSON.parse(text) };
}

async function mint(
  server: GraphTokenMockServer,
  request: Record<string, unknown>,
): Promise<{ id: string; secret: string }> {
  const answer = await call(server, '/v1/tokens', { method: 'POST', token: BOOTSTRAP_TOKEN, body: request });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  const { token, secret } = answer.body as { token: { id: string }; secret: string };
  return { id: token.id, secret };
}

const tmp = mkdtempSync(join(tmpdir(), 'graphtoken-server-'));
const logLines: string[] = [];
const secretsSeen = new Set<string>([BOOTSTRAP_TOKEN]);
let server: GraphTokenMockServer;

beforeAll(async () => {
  server = await startGraphTokenMockServer({ port: 0, log: (line) => logLines.push(line) });
});
afterAll(async () => {
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});
afterEach(async () => {
  await call(server, '/__mock/reset', { method: 'POST' });
});

describe('startGraphTokenMockServer', () => {
  it('listens on a free loopback port and says where', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.mock.baseUrl).toBe(server.url);
  });

  it('serves the API: the bootstrap token introspects itself', async () => {
    const answer = await call(server, '/v1/tokens/self', { token: BOOTSTRAP_TOKEN });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token: { id: seedIds.tokens.bootstrap, scopes: ['manage'] } });
    expect(answer.headers.get('x-request-id')).toMatch(/^req_[A-Za-z0-9]+$/);
  });
});

describe('every row of the DOMAIN error table, over the wire', () => {
  const problem = (answer: Answer, status: number, code: string) => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({
      type: `https://docs.graphtoken.dev/errors/${code}`,
      status,
      code,
      requestId: answer.headers.get('x-request-id'),
    });
    for (const secret of secretsSeen) expect(JSON.stringify(answer.body)).not.toContain(secret);
  };

  it('no credentials → 401 missing_token', async () => {
    const answer = await call(server, '/v1/tokens/self');
    problem(answer, 401, 'missing_token');
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="graphtoken"');
  });

  it('a header that is not Bearer → 400 invalid_request', async () => {
    const answer = await call(server, '/v1/tokens/self', {
      headers: { Authorization: `Basic ${BOOTSTRAP_TOKEN}` },
    });
    problem(answer, 400, 'invalid_request');
    expect(answer.headers.get('www-authenticate')).toBe('Bearer error="invalid_request"');
  });

  it('a token in the query string → 400 invalid_request', async () => {
    problem(await call(server, `/v1/tokens/self?access_token=${BOOTSTRAP_TOKEN}`), 400, 'invalid_request');
  });

  it('a bad prefix or checksum → 401 malformed_token', async () => {
    const answer = await call(server, '/v1/tokens/self', { token: `${BOOTSTRAP_TOKEN.slice(0, -1)}0` });
    problem(answer, 401, 'malformed_token');
    expect(answer.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });

  it('an unknown token → 401 invalid_token', async () => {
    const unknown = generateTokenSecret();
    secretsSeen.add(unknown);
    problem(await call(server, '/v1/tokens/self', { token: unknown }), 401, 'invalid_token');
  });

  it('a revoked token → 401 token_revoked', async () => {
    const { id, secret } = await mint(server, {
      name: 'ci',
      scopes: ['read'],
      graphIds: [seedIds.graphs.research],
    });
    secretsSeen.add(secret);
    expect(
      (await call(server, `/v1/tokens/${id}`, { method: 'DELETE', token: BOOTSTRAP_TOKEN })).status,
    ).toBe(204);
    const answer = await call(server, '/v1/tokens/self', { token: secret });
    problem(answer, 401, 'token_revoked');
    expect(answer.headers.get('www-authenticate')).toBe(
      'Bearer error="invalid_token", error_description="token revoked"',
    );
  });

  it('an expired token → 401 token_expired (the clock moved through /__mock/clock)', async () => {
    const expiresAt = new Date(server.mock.clock.now().getTime() + 3_600_000).toISOString();
    const { secret } = await mint(server, {
      name: 'short',
      scopes: ['read'],
      graphIds: ['gr_research'],
      expiresAt,
    });
    secretsSeen.add(secret);
    expect((await call(server, '/v1/tokens/self', { token: secret })).status).toBe(200);
    const moved = await call(server, '/__mock/clock', { method: 'POST', body: { advance: { hours: 2 } } });
    expect(moved.status).toBe(200);
    const answer = await call(server, '/v1/tokens/self', { token: secret });
    problem(answer, 401, 'token_expired');
    expect(answer.headers.get('www-authenticate')).toBe(
      'Bearer error="invalid_token", error_description="token expired"',
    );
  });

  it('a valid token without the scope → 403 insufficient_scope', async () => {
    const { secret } = await mint(server, { name: 'reader', scopes: ['read'], graphIds: ['gr_research'] });
    secretsSeen.add(secret);
    const answer = await call(server, '/v1/graphs/gr_research/blocks', {
      method: 'POST',
      token: secret,
      body: { blocks: [{ content: 'hello' }] },
    });
    problem(answer, 403, 'insufficient_scope');
    expect(answer.body.grantedScopes).toEqual(['read']);
    expect(answer.body.requiredScopes).toEqual(expect.arrayContaining(['append']));
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer error="insufficient_scope", scope="/);
  });

  it('a graph the creator sees but the token is not bound to → 403 graph_not_in_token', async () => {
    const { secret } = await mint(server, { name: 'reader', scopes: ['read'], graphIds: ['gr_research'] });
    secretsSeen.add(secret);
    problem(await call(server, '/v1/graphs/gr_team', { token: secret }), 403, 'graph_not_in_token');
  });

  it('a graph the creator cannot see → 404 not_found', async () => {
    const { secret } = await mint(server, { name: 'reader', scopes: ['read'], graphIds: ['gr_research'] });
    secretsSeen.add(secret);
    problem(await call(server, '/v1/graphs/gr_nowhere', { token: secret }), 404, 'not_found');
  });

  it('binding a graph the creator only views → 403 not_graph_admin', async () => {
    const answer = await call(server, '/v1/tokens', {
      method: 'POST',
      token: BOOTSTRAP_TOKEN,
      body: { name: 'x', scopes: ['read'], graphIds: [seedIds.graphs.shared] },
    });
    problem(answer, 403, 'not_graph_admin');
  });

  it('a body that breaks the spec → 422 validation_failed naming the fields', async () => {
    const answer = await call(server, '/v1/tokens', {
      method: 'POST',
      token: BOOTSTRAP_TOKEN,
      body: { name: '', scopes: ['root'], color: 'red' },
    });
    problem(answer, 422, 'validation_failed');
    expect((answer.body.errors as { field: string }[]).length).toBeGreaterThan(0);
  });

  it('a body that is not JSON → 422 validation_failed, and the server carries on', async () => {
    const answer = await call(server, '/v1/tokens', {
      method: 'POST',
      token: BOOTSTRAP_TOKEN,
      body: '{"name": ',
    });
    problem(answer, 422, 'validation_failed');
    expect((await call(server, '/v1/tokens/self', { token: BOOTSTRAP_TOKEN })).status).toBe(200);
  });

  it('read or write on an encrypted graph → 422 scope_not_allowed_for_encrypted_graph', async () => {
    const answer = await call(server, '/v1/tokens', {
      method: 'POST',
      token: BOOTSTRAP_TOKEN,
      body: { name: 'x', scopes: ['read'], graphIds: [seedIds.graphs.journal] },
    });
    problem(answer, 422, 'scope_not_allowed_for_encrypted_graph');
  });

  it('too many requests → 429 rate_limited with Retry-After', async () => {
    await using limited = await startGraphTokenMockServer({ rateLimit: { limit: 2, windowSeconds: 60 } });
    expect((await call(limited, '/v1/tokens/self', { token: BOOTSTRAP_TOKEN })).status).toBe(200);
    expect((await call(limited, '/v1/tokens/self', { token: BOOTSTRAP_TOKEN })).status).toBe(200);
    const answer = await call(limited, '/v1/tokens/self', { token: BOOTSTRAP_TOKEN });
    problem(answer, 429, 'rate_limited');
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(answer.body.retryAfter).toBe(Number(answer.headers.get('retry-after')));
  });
});

describe('client mistakes never crash the server', () => {
  it('an unknown route outside /v1 → 404 problem+json', async () => {
    const answer = await call(server, `/v2/things/${BOOTSTRAP_TOKEN}`);
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({ code: 'not_found', status: 404 });
    expect(JSON.stringify(answer.body)).not.toContain(BOOTSTRAP_TOKEN);
  });

  it('accepts the largest append the spec allows (100 blocks of 10,000 three-byte characters)', async () => {
    const { secret } = server.mock.store.createToken({ scopes: ['append'], graphIds: ['gr_research'] });
    const blocks = Array.from({ length: 100 }, () => ({ content: '€'.repeat(10_000) }));
    const answer = await call(server, '/v1/graphs/gr_research/blocks', {
      method: 'POST',
      token: secret,
      body: JSON.stringify({ blocks }),
    });
    expect(answer.status).toBe(201);
    expect(answer.body.data).toHaveLength(100);
  });

  it('a body over 8 MiB → 413 problem+json, and the server carries on', async () => {
    const huge = JSON.stringify({ blocks: [{ content: 'x'.repeat(9 * 1024 * 1024) }] });
    const answer = await call(server, '/v1/graphs/gr_research/blocks', {
      method: 'POST',
      token: BOOTSTRAP_TOKEN,
      body: huge,
    });
    expect(answer.status).toBe(413);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({ status: 413, code: 'request_too_large' });
    expect(answer.headers.get('connection')).toBe('close');
    expect((await call(server, '/v1/tokens/self', { token: BOOTSTRAP_TOKEN })).status).toBe(200);
  });

  it('a request that is not HTTP → 400, and the server carries on', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.write('HELLO THERE\r\n\r\n'));
      let text = '';
      socket.setTimeout(5000, () => socket.destroy(new Error('no reply')));
      socket.on('data', (chunk) => {
        text += chunk;
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await call(server, '/v1/tokens/self', { token: BOOTSTRAP_TOKEN })).status).toBe(200);
  });

  it('a dropped-connection fault cuts the connection, once', async () => {
    const added = await call(server, '/__mock/faults', {
      method: 'POST',
      body: { operationId: 'introspectToken', drop: true, times: 1 },
    });
    expect(added.status).toBe(201);
    await expect(call(server, '/v1/tokens/self', { token: BOOTSTRAP_TOKEN })).rejects.toThrowError(TypeError);
    expect((await call(server, '/v1/tokens/self', { token: BOOTSTRAP_TOKEN })).status).toBe(200);
  });
});

describe('admin endpoints under /__mock/', () => {
  it('adds, lists and clears faults', async () => {
    const added = await call(server, '/__mock/faults', {
      method: 'POST',
      body: { operationId: 'listTokens', status: 503 },
    });
    expect(added.status).toBe(201);
    expect(added.body.id).toEqual(expect.any(String));
    expect((await call(server, '/__mock/faults')).body.data).toHaveLength(1);
    const failed = await call(server, '/v1/tokens', { token: BOOTSTRAP_TOKEN });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await call(server, '/__mock/faults', { method: 'DELETE' })).status).toBe(204);
    expect((await call(server, '/v1/tokens', { token: BOOTSTRAP_TOKEN })).status).toBe(200);
  });

  it('removes one fault by id', async () => {
    const added = await call(server, '/__mock/faults', {
      method: 'POST',
      body: { path: '/v1/graphs', retryAfter: 3 },
    });
    const limited = await call(server, '/v1/graphs', { token: BOOTSTRAP_TOKEN });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect((await call(server, `/__mock/faults/${added.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(server, '/v1/graphs', { token: BOOTSTRAP_TOKEN })).status).toBe(200);
  });

  it('sets and advances the clock', async () => {
    const set = await call(server, '/__mock/clock', {
      method: 'POST',
      body: { set: '2030-01-01T00:00:00Z' },
    });
    expect(set.status).toBe(200);
    expect(Date.parse(set.body.now as string)).toBeGreaterThanOrEqual(Date.parse('2030-01-01T00:00:00Z'));
    const advanced = await call(server, '/__mock/clock', { method: 'POST', body: { advance: { days: 1 } } });
    expect(Date.parse(advanced.body.now as string)).toBeGreaterThanOrEqual(
      Date.parse('2030-01-02T00:00:00Z'),
    );
    expect(Date.parse((await call(server, '/__mock/clock')).body.now as string)).toBeGreaterThanOrEqual(
      Date.parse('2030-01-02T00:00:00Z'),
    );
  });

  it('resets the state', async () => {
    const { id, secret } = await mint(server, { name: 'temp', scopes: ['read'], graphIds: ['gr_research'] });
    secretsSeen.add(secret);
    expect((await call(server, `/v1/tokens/${id}`, { token: BOOTSTRAP_TOKEN })).status).toBe(200);
    expect((await call(server, '/__mock/reset', { method: 'POST' })).status).toBe(204);
    expect((await call(server, `/v1/tokens/${id}`, { token: BOOTSTRAP_TOKEN })).status).toBe(404);
  });

  it('lists, filters and clears recorded /v1 requests, tokens redacted', async () => {
    await call(server, '/__mock/requests', { method: 'DELETE' });
    await call(server, '/v1/tokens/self', { token: BOOTSTRAP_TOKEN });
    await call(server, '/v1/graphs', { token: BOOTSTRAP_TOKEN });
    await call(server, '/v1/graphs');
    const all = await call(server, '/__mock/requests');
    expect(all.status).toBe(200);
    const data = all.body.data as { path: string; status: number }[];
    expect(data.map((r) => r.path)).toEqual(['/v1/tokens/self', '/v1/graphs', '/v1/graphs']);
    expect(JSON.stringify(all.body)).not.toContain(BOOTSTRAP_TOKEN);
    const filtered = await call(server, '/__mock/requests?operationId=listGraphs&status=401');
    expect((filtered.body.data as unknown[]).length).toBe(1);
    expect((await call(server, '/__mock/requests', { method: 'DELETE' })).status).toBe(204);
    expect((await call(server, '/__mock/requests')).body.data).toEqual([]);
  });

  it('returns a snapshot of the state without any secret', async () => {
    const { secret } = await mint(server, { name: 'snap', scopes: ['write'], graphIds: ['gr_research'] });
    secretsSeen.add(secret);
    const state = await call(server, '/__mock/state');
    expect(state.status).toBe(200);
    expect(state.body).toMatchObject({ format: 'graphtoken-mock-snapshot', version: 1 });
    expect(JSON.stringify(state.body)).not.toMatch(TOKEN_PATTERN);
  });

  it.each([
    { path: '/__mock/faults', body: { operationId: 'nope', status: 500 }, field: 'operationId' },
    { path: '/__mock/faults', body: { operationId: 'listTokens' }, field: 'body' },
    { path: '/__mock/faults', body: '{not json', field: 'body' },
    { path: '/__mock/clock', body: { advance: -5 }, field: 'advance' },
    { path: '/__mock/clock', body: { set: 'yesterday' }, field: 'set' },
  ])('refuses a bad body with 422 naming $field', async ({ path, body, field }) => {
    const answer = await call(server, path, { method: 'POST', body });
    expect(answer.status).toBe(422);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({
      code: 'validation_failed',
      errors: expect.arrayContaining([expect.objectContaining({ field })]),
    });
  });

  it('answers an unknown admin path with 404 listing the endpoints', async () => {
    const answer = await call(server, '/__mock/nope');
    expect(answer.status).toBe(404);
    expect(answer.body.detail).toContain('POST /__mock/faults');
  });

  it('keeps admin calls out of the recorded API requests', async () => {
    await call(server, '/__mock/requests', { method: 'DELETE' });
    await call(server, '/__mock/state');
    expect(server.mock.requests.all()).toEqual([]);
  });
});

describe('the request log', () => {
  it('has one line per request with method, path, status, ms, redacted token and request id', async () => {
    logLines.length = 0;
    const answer = await call(server, '/v1/tokens/self', { token: BOOTSTRAP_TOKEN });
    const requestId = answer.headers.get('x-request-id');
    expect(logLines).toEqual([
      `GET /v1/tokens/self 200 ${logLines[0]?.split(' ')[3]} token=gt_…${BOOTSTRAP_TOKEN.slice(-4)} ${requestId}`,
    ]);
    expect(logLines[0]).toMatch(/^GET \/v1\/tokens\/self 200 \d+ms token=gt_…\w{4} req_\w+$/);
  });

  it('never contains a secret (all of this file’s requests)', () => {
    expect(logLines.length).toBeGreaterThan(0);
    const log = logLines.join('\n');
    for (const secret of secretsSeen) expect(log).not.toContain(secret);
    expect(log).not.toMatch(TOKEN_PATTERN);
  });
});

describe('options', () => {
  it('keeps the state in a state file across restarts', async () => {
    const stateFile = join(tmp, 'state.json');
    const first = await startGraphTokenMockServer({ stateFile });
    const { id, secret } = await mint(first, {
      name: 'survivor',
      scopes: ['read'],
      graphIds: ['gr_research'],
    });
    await first.close();
    const saved = readFileSync(stateFile, 'utf8');
    expect(saved).toContain(id);
    expect(saved).not.toContain(secret);
    expect(saved).not.toMatch(TOKEN_PATTERN);

    await using second = await startGraphTokenMockServer({ stateFile });
    const answer = await call(second, '/v1/tokens/self', { token: secret });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token: { id, name: 'survivor' } });
  });

  it('refuses a port in use with a clear error', async () => {
    const attempt = startGraphTokenMockServer({ port: server.port });
    await expect(attempt).rejects.toThrowError(MockServerError);
    await expect(attempt).rejects.toThrowError(
      `port ${server.port} is in use on 127.0.0.1: pick another port, or port 0 for any free port`,
    );
    await expect(attempt).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('refuses options that make no sense', async () => {
    await expect(startGraphTokenMockServer({ port: 70000 })).rejects.toThrowError(/port must be an integer/);
    await expect(
      startGraphTokenMockServer({ rateLimit: { limit: 0, windowSeconds: 1 } }),
    ).rejects.toThrowError(/rateLimit/);
  });

  it('adds latency and still answers', async () => {
    await using slow = await startGraphTokenMockServer({ latency: 5 });
    expect((await call(slow, '/v1/tokens/self', { token: BOOTSTRAP_TOKEN })).status).toBe(200);
  });

  it('closes idempotently', async () => {
    const once = await startGraphTokenMockServer();
    await Promise.all([once.close(), once.close()]);
    await expect(fetch(once.url, { signal: AbortSignal.timeout(5000) })).rejects.toThrowError();
  });
});
