import type { UnhandledFrameHandle } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import { createGraphTokenMock, type GraphTokenMock } from '../mock.js';

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

/**
 * Wraps msw's `setupServer` around a mock's handlers (a new default mock unless one is given).
 * Start it with `server.listen({ onUnhandledFrame: failOnUnhandledApiRequest(mock) })`.
 *
 * @example
 * const { server, mock } = setupGraphTokenServer();
 * beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
 * afterEach(() => mock.reset());
 * afterAll(() => server.close());
 */
export function setupGraphTokenServer(mock: GraphTokenMock = createGraphTokenMock()): {
  server: SetupServer;
  mock: GraphTokenMock;
} {
  return { server: setupServer(...mock.handlers), mock };
}
