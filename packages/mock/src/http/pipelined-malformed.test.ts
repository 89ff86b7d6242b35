/**
 * Malformed bytes pipelined after whole requests on one connection: every whole request is
 * answered first, in order, then the malformed one gets its 400 and the connection closes. The
 * 400 never takes the place of an earlier answer (a token created without its secret).
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

const statuses = (raw: string) => [...raw.matchAll(/^HTTP\/1\.1 (\d{3}) /gm)].map((m) => Number(m[1]));

const MALFORMED = {
  'a header line without a colon': () => 'GET /v1/tokens/self HTTP/1.1\r\nBad Header Without Colon\r\n\r\n',
  'two different Content-Lengths': () =>
    `POST /v1/tokens HTTP/1.1\r\n${host}\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab`,
  'a bad chunk size': () =>
    `POST /v1/tokens HTTP/1.1\r\n${host}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n`,
  'a control byte in a header value': () => `GET /v1/graphs HTTP/1.1\r\n${host}\r\nX-A: a\u0001b\r\n\r\n`,
};

describe('a malformed request pipelined after valid ones', () => {
  it.each(Object.entries(MALFORMED))(
    'POST /v1/tokens, then %s: 201 with the secret, then 400, then close',
    async (_what, malformed) => {
      const name = `pipelined-${Math.random().toString(36).slice(2)}`;
      const body = JSON.stringify({ name, scopes: ['read'], graphIds: ['gr_research'] });
      const create = `POST /v1/tokens HTTP/1.1\r\n${host}\r\nAuthorization: Bearer ${BOOTSTRAP_TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
      const answer = await rawRequest(server.port, create + malformed(), 5000);
      expect(statuses(answer.raw)).toEqual([201, 400]);
      const created = server.mock.store.listTokens().filter((t) => t.name === name);
      expect(created).toHaveLength(1);
      // The answer that was written holds the secret of the token that was created.
      expect(answer.raw).toMatch(/"secret":"gt_/);
      expect(answer.raw).toContain(created[0]?.id);
      const last = answer.raw.slice(answer.raw.lastIndexOf('HTTP/1.1 400'));
      expect(last).toContain('application/problem+json');
      expect(last).toMatch(/Connection: close/i);
    },
  );

  it('two GETs, then malformed bytes: 200, 200, 400 in order', async () => {
    const get = `GET /v1/tokens/self HTTP/1.1\r\n${host}\r\nAuthorization: Bearer ${BOOTSTRAP_TOKEN}\r\n\r\n`;
    const answer = await rawRequest(
      server.port,
      get + get + MALFORMED['two different Content-Lengths'](),
      5000,
    );
    expect(statuses(answer.raw)).toEqual([200, 200, 400]);
  });

  it('bad chunking in the body of the request in flight still answers that request with 400', async () => {
    const answer = await rawRequest(
      server.port,
      `POST /v1/tokens HTTP/1.1\r\n${host}\r\nAuthorization: Bearer ${BOOTSTRAP_TOKEN}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\nzz\r\n`,
      5000,
    );
    expect(statuses(answer.raw)).toEqual([400]);
    expect(answer.headers['content-type']).toBe('application/problem+json');
  });
});
