import type { UnhandledFrameHandle } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import { createGraphTokenMock, type GraphTokenMock } from '../mock.js';
import { assertInterception } from './assert-interception.js';

/**
 * An `onUnhandledFrame` strategy that fails loudly for any request to the mock's base URL that no
 * handler answered, and only warns for other hosts (msw's default).
 */
export function failOnUnhandledApiRequest(mock: Pick<GraphTokenMock, 'baseUrl'>): UnhandledFrameHandle {
  return ({ frame, defaults }) => {
    const data = frame.data as { request?: Request } | undefined;
    if (frame.protocol === 'http' && data?.request?.url.startsWith(`${mock.baseUrl}/`)) defaults.error();
    else defaults.warn();
  };
}

/** What {@link setupGraphTokenServer} gives. */
export interface GraphTokenServerSetup {
  /** msw's server, with the mock's handlers. */
  server: SetupServer;
  mock: GraphTokenMock;
  /**
   * Starts `server` and proves that it intercepts (see {@link assertInterception}): one request,
   * through `options.fetch` (default: the global `fetch`, the one the SDK uses), to a loopback probe
   * only the mock answers. Rejects with a `MockInterceptionError` that names the standalone server
   * when this runtime (Bun, Deno) lets nothing be intercepted; the server is closed again then.
   */
  listen(options?: Parameters<SetupServer['listen']>[0] & { fetch?: typeof fetch }): Promise<void>;
}

/**
 * Wraps msw's `setupServer` around a mock's handlers (a new default mock unless one is given).
 * Start it with `await listen({ onUnhandledFrame: failOnUnhandledApiRequest(mock) })`, which also
 * proves that requests are intercepted in this runtime (`server.listen()` works too, unproven).
 *
 * @example
 * const { server, mock, listen } = setupGraphTokenServer();
 * beforeAll(() => listen({ onUnhandledFrame: failOnUnhandledApiRequest(mock) }));
 * afterEach(() => mock.reset());
 * afterAll(() => server.close());
 */
export function setupGraphTokenServer(mock: GraphTokenMock = createGraphTokenMock()): GraphTokenServerSetup {
  const server = setupServer(...mock.handlers);
  return {
    server,
    mock,
    async listen(options = {}) {
      const { fetch: fetchFn, ...listenOptions } = options;
      server.listen(listenOptions);
      try {
        await assertInterception(server, fetchFn ? { fetch: fetchFn } : {});
      } catch (error) {
        server.close();
        throw error;
      }
    },
  };
}
