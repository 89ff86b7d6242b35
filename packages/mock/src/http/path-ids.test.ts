/**
 * The standalone server answers a path id that breaks its spec pattern, and a target with dot
 * segments (plain or percent-encoded, which a URL parser would resolve into another path), with
 * `404 not_found` problem+json, and never reaches an operation. Sent with node:http so that the
 * target goes on the wire exactly as written.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN } from '../constants.js';
import { hostilePaths, rawHostileTargets } from '../contract-testing/hostile-paths.js';
import { seedIds } from '../seed.js';
import { hasDotSegment } from './dot-segments.js';
import { type GraphTokenMockServer, startGraphTokenMockServer } from './start-server.js';

let server: GraphTokenMockServer;
const logLines: string[] = [];
beforeAll(async () => {
  server = await startGraphTokenMockServer({ port: 0, log: (line) => logLines.push(line) });
});
afterAll(async () => {
  await server.close();
});

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends `method target` as is (no URL normalisation), with the bootstrap token. */
function send(method: string, target: string, body?: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        method,
        path: target,
        headers: {
          Authorization: `Bearer ${BOOTSTRAP_TOKEN}`,
          ...(body !== undefined && { 'Content-Type': 'application/json' }),
        },
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** What an operation reached by mistake would change: tokens (not their lastUsedAt) and blocks. */
function state() {
  const { store } = server.mock;
  return {
    tokens: store.listTokens().map(({ lastUsedAt: _, ...t }) => t),
    blocks: store.listGraphs().flatMap((g) => store.listBlocks(g.id)),
  };
}

describe('path ids on the standalone server', () => {
  it.each([...hostilePaths, ...rawHostileTargets])(
    '$method $path → 404 not_found, no operation reached',
    async ({ method, path }) => {
      const before = state();
      const requestsBefore = server.mock.requests.all().length;
      const answer = await send(
        method,
        path,
        method === 'POST' || method === 'PATCH' ? '{"name":"x"}' : undefined,
      );
      expect(answer.status).toBe(404);
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect(answer.headers['x-request-id']).toMatch(/^req_/);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'not_found', status: 404 });
      // Any request the mock's handlers saw reached no operation.
      const seen = server.mock.requests.all().slice(requestsBefore);
      expect(seen.every((r) => r.operationId === null)).toBe(true);
      expect(state()).toEqual(before);
    },
  );

  it('never echoes a secret pasted into a refused target, in the answer or the log', async () => {
    const { secret } = server.mock.store.createToken({ scopes: ['manage'] });
    for (const target of [`/v1/tokens/${secret}/..`, `/v1/tokens/${secret}%2F`, `/v1/tokens/${secret}`]) {
      const answer = await send('DELETE', target);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain(secret);
    }
    expect(logLines.join('\n')).not.toContain(secret);
    expect(JSON.stringify(server.mock.requests.all())).not.toContain(secret);
    expect(server.mock.store.findTokenBySecret(secret)?.status).toBe('active');
  });

  it('still routes valid ids', async () => {
    const answer = await send('GET', `/v1/tokens/${seedIds.tokens.bootstrap}`);
    expect(answer.status).toBe(200);
  });
});

describe('hasDotSegment', () => {
  it.each([
    ['/v1/tokens/..', true],
    ['/v1/tokens/.', true],
    ['/v1/tokens/%2E%2e', true],
    ['/v1/tokens/.%2e/x', true],
    ['/v1/graphs/g\\..\\x', true],
    ['http://127.0.0.1:1/v1/tokens/..?x', true],
    ['/v1/tokens/...', false],
    ['/v1/tokens/a..b', false],
    ['/v1/tokens?cursor=..', false],
    ['/v1/tokens#..', false],
    ['/v1/tokens/tok_bootstrap0000000', false],
    ['/v1/tokens\\self', true],
  ])('%s → %s', (target, want) => {
    expect(hasDotSegment(target)).toBe(want);
  });
});
