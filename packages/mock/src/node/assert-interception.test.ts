import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { createGraphTokenMock } from '../mock.js';
import { assertInterception, INTERCEPTION_PROBE_URL, MockInterceptionError } from './assert-interception.js';
import { setupGraphTokenServer } from './setup-server.js';

/** A runtime where msw intercepts nothing: the fetch a client uses goes straight to the network. */
function nonInterceptingFetch(seen: string[]): typeof fetch {
  return async (input) => {
    seen.push(String(input));
    throw new TypeError('fetch failed: ECONNREFUSED 127.0.0.1:65535');
  };
}

describe('assertInterception', () => {
  it('resolves where msw intercepts (Node)', async () => {
    const { server, listen } = setupGraphTokenServer();
    try {
      await expect(listen()).resolves.toBeUndefined();
    } finally {
      server.close();
    }
  });

  it('throws a MockInterceptionError naming the standalone server where nothing is intercepted', async () => {
    const seen: string[] = [];
    const { server, mock, listen } = setupGraphTokenServer(createGraphTokenMock());
    const error = await listen({ fetch: nonInterceptingFetch(seen) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockInterceptionError);
    expect((error as Error).message).toMatch(/npx graphtoken-mock/);
    expect((error as Error).message).toMatch(/@graphtoken\/mock\/http/);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    // The one request made went to loopback, never to the API's host.
    expect(seen).toHaveLength(1);
    expect(new URL(seen[0]!).hostname).toBe('127.0.0.1');
    expect(seen[0]!.startsWith(INTERCEPTION_PROBE_URL)).toBe(true);
    expect(seen.some((url) => url.startsWith(mock.baseUrl))).toBe(false);
    // The server was closed again: nothing stays patched.
    expect(server.readyState).not.toBe(1);
  });

  it('throws when something else answers the probe (another server on that port, a proxy)', async () => {
    const server = setupServer();
    server.listen();
    try {
      const impostor: typeof fetch = async () => new Response('hello', { status: 200 });
      await expect(assertInterception(server, { fetch: impostor })).rejects.toThrow(
        /got an answer 200 that did not come from the mock/,
      );
    } finally {
      server.close();
    }
  });
});
