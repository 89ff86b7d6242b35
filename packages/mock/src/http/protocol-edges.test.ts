/**
 * HTTP edges the server answers inside its contract (problem+json, `X-Request-Id`): an `Expect`
 * it cannot meet (417), `HEAD` on the admin `GET` endpoints (as `GET`, without the body), and a
 * request with two `Host` headers (400, RFC 9112 §3.2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN } from '../constants.js';
import { rawRequest } from '../contract-testing/raw-http.js';
import { type GraphTokenMockServer, startGraphTokenMockServer } from './start-server.js';

let server: GraphTokenMockServer;
let host: string;
beforeAll(async () => {
  server = await startGraphTokenMockServer({ port: 0 });
  host = `Host: 127.0.0.1:${server.port}`;
});
afterAll(() => server.close());

describe('Expect', () => {
  it.each(['999-nope', 'foo', '100-continue-please', 'x=1'])(
    'Expect: %s on /v1 and on an admin endpoint: 417 problem+json, nothing done',
    async (value) => {
      const tokens = server.mock.store.listTokens().length;
      const body = '{"scopes":["read"],"graphIds":["gr_research"]}';
      for (const target of ['/v1/tokens', '/__mock/reset']) {
        const answer = await rawRequest(
          server.port,
          `POST ${target} HTTP/1.1\r\n${host}\r\nAuthorization: Bearer ${BOOTSTRAP_TOKEN}\r\nExpect: ${value}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
        );
        expect(answer.status, target).toBe(417);
        expect(answer.headers['content-type'], target).toBe('application/problem+json');
        expect(answer.headers['x-request-id'], target).toMatch(/^req_/);
        const problem = JSON.parse(answer.body);
        expect(problem.code).toBe('invalid_request');
        expect(problem.detail).toContain('Expect');
        expect(problem.detail).not.toContain(BOOTSTRAP_TOKEN);
      }
      expect(server.mock.store.listTokens()).toHaveLength(tokens);
    },
  );

  it('Expect: 100-continue still works', async () => {
    const answer = await rawRequest(
      server.port,
      `GET /v1/tokens/self HTTP/1.1\r\n${host}\r\nAuthorization: Bearer ${BOOTSTRAP_TOKEN}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`,
    );
    expect(answer.status).toBe(200);
  });
});

describe('HEAD on the admin GET endpoints', () => {
  it.each(['/__mock/faults', '/__mock/clock', '/__mock/requests', '/__mock/state'])(
    'HEAD %s answers as GET, without the body',
    async (path) => {
      const get = await fetch(server.url + path);
      const head = await fetch(server.url + path, { method: 'HEAD' });
      expect(head.status).toBe(get.status);
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
      expect(head.headers.get('x-request-id')).toMatch(/^req_/);
      expect(await head.text()).toBe('');
    },
  );

  it('Allow lists HEAD wherever GET is allowed', async () => {
    const answer = await fetch(`${server.url}/__mock/state`, { method: 'PUT' });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const reset = await fetch(`${server.url}/__mock/reset`, { method: 'HEAD' });
    expect(reset.status).toBe(405);
    expect(reset.headers.get('allow')).toBe('POST, OPTIONS');
  });
});

describe('two Host headers', () => {
  it.each([
    { what: 'the same value twice', second: () => host },
    { what: 'a foreign name second', second: () => 'Host: evil.example' },
    { what: 'a foreign name first', first: () => 'Host: evil.example', second: () => host },
  ])('$what: 400 problem+json', async ({ first, second }) => {
    for (const target of ['/v1/tokens/self', '/__mock/state']) {
      const answer = await rawRequest(
        server.port,
        `GET ${target} HTTP/1.1\r\n${first ? first() : host}\r\n${second()}\r\nAuthorization: Bearer ${BOOTSTRAP_TOKEN}\r\nConnection: close\r\n\r\n`,
      );
      expect(answer.status, target).toBe(400);
      expect(answer.headers['content-type'], target).toBe('application/problem+json');
      expect(answer.headers['x-request-id'], target).toMatch(/^req_/);
      expect(JSON.parse(answer.body).detail, target).toContain('one Host header');
    }
  });
});
