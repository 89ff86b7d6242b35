/**
 * Hostile input against the standalone server, each a kind of fault seen in a fuzz run: every one
 * is answered (never a closed connection), with problem+json and an `X-Request-Id`, never a 5xx,
 * and the server carries on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN } from '../constants.js';
import { rawRequest } from '../contract-testing/raw-http.js';
import { type GraphTokenMockServer, startGraphTokenMockServer } from './start-server.js';

let server: GraphTokenMockServer;
let host: string;
const logLines: string[] = [];
beforeAll(async () => {
  server = await startGraphTokenMockServer({ port: 0, log: (line) => logLines.push(line) });
  host = `127.0.0.1:${server.port}`;
});
afterAll(() => server.close());

const AUTH = `Authorization: Bearer ${BOOTSTRAP_TOKEN}\r\n`;
const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const deepObject = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** A request with `Connection: close`, the body framed by Content-Length. */
function http1(method: string, target: string, options: { headers?: string; body?: string } = {}): string {
  const body = options.body ?? '';
  const length = body === '' ? '' : `Content-Length: ${Buffer.byteLength(body)}\r\n`;
  return `${method} ${target} HTTP/1.1\r\nHost: ${host}\r\n${options.headers ?? ''}${length}Connection: close\r\n\r\n${body}`;
}

async function expectProblem(bytes: string, status: number, code?: string) {
  const answer = await rawRequest(server.port, bytes);
  expect(answer.answered, `no answer to ${JSON.stringify(bytes.slice(0, 80))}`).toBe(true);
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toBe('application/problem+json');
  expect(answer.headers['x-request-id']).toMatch(/^req_[A-Za-z0-9]+$/);
  const body = JSON.parse(answer.body);
  expect(body.status).toBe(status);
  expect(body.requestId).toBe(answer.headers['x-request-id']);
  if (code !== undefined) expect(body.code).toBe(code);
  return answer;
}

async function expectStillServing() {
  const self = await fetch(`${server.url}/v1/tokens/self`, {
    headers: { Authorization: `Bearer ${BOOTSTRAP_TOKEN}` },
  });
  expect(self.status).toBe(200);
}

describe('deeply nested JSON', () => {
  it.each([
    {
      what: 'arrays, no token',
      bytes: () =>
        http1('POST', '/v1/tokens', { body: deep(5000), headers: 'Content-Type: application/json\r\n' }),
    },
    {
      what: 'objects, with a token',
      bytes: () =>
        http1('POST', '/v1/tokens', {
          body: deepObject(5000),
          headers: `${AUTH}Content-Type: application/json\r\n`,
        }),
    },
    {
      what: 'in a block append',
      bytes: () =>
        http1('POST', '/v1/graphs/gr_research/blocks', { body: `{"blocks":${deep(4000)}}`, headers: AUTH }),
    },
  ])('$what → 413 request_too_large', async ({ bytes }) => {
    await expectProblem(bytes(), 413, 'request_too_large');
    await expectStillServing();
  });

  it.each([
    {
      what: 'a DELETE (it takes no body: ignored)',
      bytes: () => http1('DELETE', '/v1/tokens/self', { body: deep(100_000) }),
      status: 401,
    },
    {
      what: 'an unknown path',
      bytes: () => http1('POST', '/v1/nowhere', { body: deep(10_000) }),
      status: 404,
    },
    {
      what: 'a GET with a body',
      bytes: () => http1('GET', '/v1/graphs', { body: deep(10_000), headers: AUTH }),
      status: 200,
    },
  ])('on $what → answered as without it', async ({ bytes, status }) => {
    const answer = await rawRequest(server.port, bytes());
    expect(answer.status).toBe(status);
    expect(answer.headers['x-request-id']).toMatch(/^req_/);
  });

  it('on an admin endpoint → 422 validation_failed, nothing changed', async () => {
    const faults = server.mock.faults.list().length;
    await expectProblem(
      http1('POST', '/__mock/faults', { body: deepObject(20_000) }),
      422,
      'validation_failed',
    );
    expect(server.mock.faults.list()).toHaveLength(faults);
  });

  it('is recorded without overflowing the recorder', async () => {
    await rawRequest(server.port, http1('POST', '/v1/tokens', { body: deep(50_000) }));
    const last = server.mock.requests.last();
    expect(last?.status).toBe(413);
    expect(typeof last?.body).toBe('string');
  });
});

describe('long request targets and headers', () => {
  it.each([8_192, 10_000, 15_000])('a path of %i characters → 414', async (length) => {
    await expectProblem(
      http1('GET', `/v1/${'a'.repeat(length)}`, { headers: AUTH }),
      414,
      'request_too_large',
    );
  });

  it.each([20_000, 64_000])('a path of %i characters → 431 (over the header limit)', async (length) => {
    await expectProblem(http1('GET', `/v1/${'a'.repeat(length)}`), 431, 'request_too_large');
  });

  it('a long admin path → 414', async () => {
    await expectProblem(http1('GET', `/__mock/${'b'.repeat(9000)}`), 414);
  });

  it('headers over 16 KiB → 431', async () => {
    await expectProblem(
      http1('GET', '/v1/tokens/self', { headers: `X-Big: ${'x'.repeat(20_000)}\r\n` }),
      431,
    );
    await expectStillServing();
  });
});

describe('methods and request targets', () => {
  it.each([
    { method: 'TRACE', target: '/v1/tokens', status: 405, allow: 'GET, HEAD, POST, OPTIONS' },
    { method: 'TRACE', target: '/__mock/faults', status: 405, allow: 'GET, HEAD, POST, DELETE, OPTIONS' },
    { method: 'TRACK', target: '/v1/graphs', status: 400 }, // node's parser does not know TRACK
    { method: 'TRACE', target: '/nowhere', status: 404 },
    { method: 'PUT', target: '/v1/tokens/self', status: 405 },
    { method: 'PROPFIND', target: '/v1/graphs', status: 405, allow: 'GET, HEAD, OPTIONS' },
    { method: 'DELETE', target: '/v1/graphs', status: 405, allow: 'GET, HEAD, OPTIONS' },
    { method: 'POST', target: '/v1/tokens/self', status: 405 },
    { method: 'GET', target: '/__mock/reset', status: 405, allow: 'POST, OPTIONS' },
    { method: 'PATCH', target: '/__mock/faults', status: 405, allow: 'GET, HEAD, POST, DELETE, OPTIONS' },
  ])('$method $target → $status', async ({ method, target, status, allow }) => {
    const answer = await expectProblem(http1(method, target), status);
    if (status === 405) expect(answer.headers.allow).toBeDefined();
    if (allow !== undefined) expect(answer.headers.allow).toBe(allow);
  });

  it('the Allow of a 405 comes from the operations table', async () => {
    const answer = await expectProblem(http1('PUT', '/v1/tokens/self'), 405);
    expect(answer.headers.allow?.split(', ')).toEqual(
      expect.arrayContaining(['GET', 'HEAD', 'DELETE', 'OPTIONS']),
    );
    expect(answer.headers.allow).not.toContain('PUT');
  });

  it('CONNECT → 405 with Allow, not a closed connection', async () => {
    const answer = await expectProblem(
      `CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n`,
      405,
    );
    expect(answer.headers.allow).toContain('GET');
    await expectStillServing();
  });

  it.each([
    { target: 'http://[', status: 400 },
    { target: 'http://a:99999/v1/graphs', status: 400 },
    { target: 'ftp://x/v1', status: 400 },
    { target: 'v1/graphs', status: 400 },
    { target: '//[/x', status: 404 },
    { target: '//evil.example/v1/graphs', status: 404 },
    { target: `http://${'127.0.0.1'}:PORT/v1/graphs`, status: 401 },
    { target: 'http://evil.example/v1/graphs', status: 400 },
    { target: '*', status: 400 },
  ])('GET $target → $status', async ({ target, status }) => {
    await expectProblem(http1('GET', target.replace('PORT', String(server.port))), status);
  });

  it('an unknown method node cannot parse → 400', async () => {
    await expectProblem(`FOO /v1/graphs HTTP/1.1\r\nHost: ${host}\r\n\r\n`, 400, 'invalid_request');
  });

  it('HEAD on a GET resource answers like GET, without a body', async () => {
    const head = await rawRequest(server.port, http1('HEAD', '/v1/tokens/self', { headers: AUTH }));
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('application/json');
    expect(head.headers['x-request-id']).toMatch(/^req_/);
    expect(head.body).toBe('');
    const problem = await rawRequest(server.port, http1('HEAD', '/v1/graphs/gr_research'));
    expect(problem.status).toBe(401);
    expect(problem.headers['www-authenticate']).toBe('Bearer realm="graphtoken"');
    expect(problem.body).toBe('');
    expect(server.mock.requests.last()).toMatchObject({
      method: 'HEAD',
      operationId: 'getGraph',
      status: 401,
    });
  });
});

describe('malformed HTTP (the clientError handler)', () => {
  it.each([
    {
      what: 'a control byte in a header value',
      bytes: () => `GET /v1/graphs HTTP/1.1\r\nHost: ${host}\r\nX-A: a\u0001b\r\n\r\n`,
    },
    {
      what: 'a space in a header name',
      bytes: () => `GET /v1/graphs HTTP/1.1\r\nHost: ${host}\r\nBad Name: x\r\n\r\n`,
    },
    {
      what: 'a bad Content-Length',
      bytes: () => `POST /v1/tokens HTTP/1.1\r\nHost: ${host}\r\nContent-Length: abc\r\n\r\n`,
    },
    {
      what: 'two different Content-Lengths',
      bytes: () =>
        `POST /v1/tokens HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab`,
    },
    {
      what: 'Content-Length with chunked',
      bytes: () =>
        `POST /v1/tokens HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    },
    {
      what: 'a bad chunk size',
      bytes: () =>
        `POST /v1/tokens HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n`,
    },
    { what: 'a bare LF request line', bytes: () => `GET /v1/graphs HTTP/9.9\r\nHost: ${host}\r\n\r\n` },
    {
      what: 'binary garbage',
      bytes: () =>
        Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x01, 0x00, 0x00, 0x0d, 0x0a, 0x0d, 0x0a]).toString(
          'latin1',
        ),
    },
  ])('$what → 400 problem+json', async ({ bytes }) => {
    await expectProblem(bytes(), 400, 'invalid_request');
    await expectStillServing();
  });
});

describe('CORS preflights', () => {
  it('carry X-Request-Id and allow the headers a page asks for on /v1', async () => {
    const answer = await fetch(`${server.url}/v1/graphs/gr_research/blocks`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://app.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type, x-app-trace, idempotency-key',
      },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('x-request-id')).toMatch(/^req_/);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type, x-app-trace, idempotency-key',
    );
    expect(answer.headers.get('access-control-allow-methods')).toContain('PATCH');
  });
});

it('no log line, answer or recorded request holds a secret', async () => {
  const secret = server.mock.store.createToken({ scopes: ['read'], graphIds: ['gr_research'] }).secret;
  for (const bytes of [
    http1('TRACE', `/v1/tokens?access_token=${secret}`),
    http1('GET', `/v1/${secret}/${'a'.repeat(9000)}`),
    http1('POST', '/v1/tokens', {
      body: `[[[[${deep(1000)}"${secret}"`,
      headers: `Authorization: Bearer ${secret}\r\n`,
    }),
    `GET /v1/${secret} HTTP/1.1\r\nHost: ${host}\r\nX-A: ${secret}\u0001\r\n\r\n`,
  ]) {
    const answer = await rawRequest(server.port, bytes);
    expect(answer.answered).toBe(true);
    expect(answer.raw).not.toContain(secret);
  }
  expect(logLines.join('\n')).not.toContain(secret);
  expect(JSON.stringify(server.mock.requests.all())).not.toContain(secret);
});
