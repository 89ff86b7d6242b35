/**
 * A body the mock will not use (its credentials name no usable token, so the answer is a 401) is
 * read to its end but kept only as far as the journal records it (64 KiB), so a client uploading
 * megabytes with a wrong token costs the server its prefix; the connection stays usable and the
 * client gets its 401, and a body over the limit still gets its 413.
 */
import { Agent, request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import { generateTokenSecret } from '@graphtoken/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN } from '../constants.js';
import { RECORDED_BODY_LIMIT, TRUNCATED_MARKER } from '../requests.js';
import { BodyTooLargeError, MAX_BODY_BYTES, readBody } from './node-bridge.js';
import { type GraphTokenMockServer, startGraphTokenMockServer } from './start-server.js';

const stream = (chunks: Buffer[], headers: Record<string, string> = {}) =>
  Object.assign(Readable.from(chunks), { headers }) as unknown as Parameters<typeof readBody>[0];

describe('readBody with a prefix to keep', () => {
  it('reads the whole body but keeps only its first `keep` bytes, across chunk boundaries', async () => {
    const chunks = [Buffer.alloc(1000, 'a'), Buffer.alloc(1000, 'b'), Buffer.alloc(1000, 'c')];
    const kept = await readBody(stream(chunks), 10_000, 1500);
    expect(kept.toString()).toBe('a'.repeat(1000) + 'b'.repeat(500));
    expect((await readBody(stream(chunks), 10_000)).length).toBe(3000);
  });

  it('still refuses a body over the limit when it keeps a prefix only', async () => {
    const chunks = Array.from({ length: 5 }, () => Buffer.alloc(1000, 'x'));
    await expect(readBody(stream(chunks), 4000, 100)).rejects.toBeInstanceOf(BodyTooLargeError);
  });
});

describe('the standalone server and an unused body', () => {
  let server: GraphTokenMockServer;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  // Well-formed, but no token has it: 401 invalid_token after a lookup.
  const stranger = generateTokenSecret();

  beforeAll(async () => {
    server = await startGraphTokenMockServer({ port: 0 });
  });
  afterAll(async () => {
    agent.destroy();
    await server.close();
  });

  /** One request over the shared keep-alive agent: status, parsed body, and whether the socket was reused. */
  function send(method: string, path: string, token: string, body?: Buffer) {
    return new Promise<{ status: number; json: { code?: string }; reused: boolean }>((resolve, reject) => {
      const req = httpRequest(
        `${server.url}${path}`,
        {
          method,
          agent,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body && { 'content-type': 'application/json', 'content-length': String(body.length) }),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              json: text ? JSON.parse(text) : {},
              reused: req.reusedSocket,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  it('answers a 7 MiB body with a wrong token 401, records its prefix, and keeps the connection', async () => {
    const padding = 'y'.repeat(7 * 2 ** 20);
    const big = Buffer.from(JSON.stringify({ blocks: [{ content: 'x' }], padding }));
    const first = await send('POST', '/v1/graphs/gr_research/blocks', stranger, big);
    expect(first.status).toBe(401);
    expect(first.json.code).toBe('invalid_token');
    const recorded = server.mock.requests.last()?.body;
    expect(typeof recorded).toBe('string');
    expect((recorded as string).endsWith(TRUNCATED_MARKER)).toBe(true);
    expect((recorded as string).length).toBe(RECORDED_BODY_LIMIT + TRUNCATED_MARKER.length);
    // The same socket answers the next request: the body was drained, not left on the wire.
    const next = await send('GET', '/v1/tokens/self', BOOTSTRAP_TOKEN);
    expect(next.status).toBe(200);
    expect(next.reused).toBe(true);
  });

  it("reads a usable token's body whole, past the recorded prefix", async () => {
    const blocks = Array.from({ length: 20 }, (_, i) => ({ content: `${i}`.padEnd(10_000, 'z') }));
    const body = Buffer.from(JSON.stringify({ blocks }));
    expect(body.length).toBeGreaterThan(RECORDED_BODY_LIMIT);
    const { secret } = server.mock.store.createToken({ scopes: ['write'], graphIds: ['gr_research'] });
    const created = await send('POST', '/v1/graphs/gr_research/blocks', secret, body);
    expect(created.status).toBe(201);
    expect(server.mock.store.listBlocks('gr_research').at(-1)?.content).toBe('19'.padEnd(10_000, 'z'));
  });

  it('still answers 413 to a body over the limit with a wrong token', async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 1, 'y');
    const answer = await send('POST', '/v1/graphs/gr_research/blocks', stranger, big);
    expect(answer.status).toBe(413);
    expect(answer.json.code).toBe('request_too_large');
  });
});
