import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BodyTooLargeError, toFetchRequest, writeFetchResponse } from './node-bridge.js';

// A tiny server on the bridge alone: it echoes what the Fetch side saw.
let server: Server;
let origin: string;
const LIMIT = 1024;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    try {
      const request = await toFetchRequest(req, 'https://mock.test', LIMIT);
      const url = new URL(request.url);
      if (url.pathname === '/drop') return await writeFetchResponse(Response.error(), req, res);
      const headers = new Headers({ 'content-type': 'application/json' });
      headers.append('set-cookie', 'a=1; Path=/');
      headers.append('set-cookie', 'b=2; Path=/');
      headers.append('x-multi', 'one');
      headers.append('x-multi', 'two');
      const body = JSON.stringify({
        url: request.url,
        method: request.method,
        accept: request.headers.get('accept'),
        custom: request.headers.get('x-custom'),
        host: request.headers.get('host'),
        body: request.body === null ? null : await request.text(),
      });
      await writeFetchResponse(new Response(body, { status: 207, headers }), req, res);
    } catch (error) {
      res.statusCode = error instanceof BodyTooLargeError ? 413 : 500;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('the node:http ⇄ Fetch bridge', () => {
  it('keeps the path, the query string, every method and repeated headers', async () => {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      const response = await fetch(`${origin}/v1/x?a=1&a=2&b=%20`, {
        method,
        headers: [
          ['accept', 'application/json'],
          ['x-custom', 'one'],
          ['x-custom', 'two'],
        ],
      });
      expect(response.status).toBe(207);
      const echo = await response.json();
      expect(echo).toMatchObject({
        url: 'https://mock.test/v1/x?a=1&a=2&b=%20',
        method,
        accept: 'application/json',
        custom: 'one, two',
        host: null,
      });
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await fetch(`${origin}/v1/x`, { method: 'HEAD' });
    expect(response.status).toBe(207);
    expect(await response.text()).toBe('');
  });

  it('reads a streamed (chunked) body in full', async () => {
    const chunks = ['{"blocks":', '[{"content":"a"},', '{"content":"b"}]}'];
    const body = new ReadableStream({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    const response = await fetch(`${origin}/v1/x`, { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect((await response.json()).body).toBe('{"blocks":[{"content":"a"},{"content":"b"}]}');
  });

  it('writes every Set-Cookie on its own line and keeps repeated headers', async () => {
    const response = await fetch(`${origin}/v1/x`);
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(response.headers.get('x-multi')).toBe('one, two');
  });

  it('refuses a body over the limit, declared or streamed', async () => {
    const big = 'x'.repeat(LIMIT + 1);
    expect((await fetch(`${origin}/v1/x`, { method: 'POST', body: big })).status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = await fetch(`${origin}/v1/x`, {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('turns a network-error response into a dropped connection', async () => {
    await expect(fetch(`${origin}/drop`)).rejects.toThrowError(TypeError);
  });

  it('keeps only the path of an absolute-form request target', async () => {
    const echo = await new Promise<{ url: string }>((resolve, reject) => {
      const { port } = server.address() as AddressInfo;
      const req = httpRequest({ host: '127.0.0.1', port, path: 'http://elsewhere.test/v1/y?z=1' }, (res) => {
        let text = '';
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve(JSON.parse(text)));
      });
      req.on('error', reject);
      req.end();
    });
    expect(echo.url).toBe('https://mock.test/v1/y?z=1');
  });
});
