import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { toNodeListener } from './node-adapter.ts';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
});

async function serve(handler: (request: Request) => Promise<Response>, maxBodyBytes?: number) {
  server = createServer(toNodeListener(handler, maxBodyBytes ? { maxBodyBytes } : {}));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('toNodeListener', () => {
  it('hands the handler a Fetch Request and writes its Response back', async () => {
    const url = await serve(async (request) =>
      Response.json(
        {
          method: request.method,
          path: new URL(request.url).pathname,
          id: request.headers.get('webhook-id'),
          body: await request.json(),
        },
        { status: 201, headers: { 'x-handled': 'yes' } },
      ),
    );
    const response = await fetch(`${url}/hooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'webhook-id': 'msg_1' },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-handled')).toBe('yes');
    expect(await response.json()).toEqual({
      method: 'POST',
      path: '/hooks',
      id: 'msg_1',
      body: { hello: 'world' },
    });
  });

  it('answers 413 to a body over the limit without calling the handler', async () => {
    let called = false;
    const url = await serve(async () => {
      called = true;
      return new Response(null, { status: 204 });
    }, 1024);
    const response = await fetch(url, { method: 'POST', body: 'x'.repeat(4096) });
    expect(response.status).toBe(413);
    expect(called).toBe(false);
  });

  it('answers 500 when the handler throws', async () => {
    const url = await serve(async () => {
      throw new Error('boom');
    });
    const response = await fetch(url, { method: 'POST', body: '{}' });
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('boom');
  });
});
