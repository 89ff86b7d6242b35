import type { UnhandledFrameHandle } from 'msw';
import type { SetupServer } from 'msw/node';
import { createGraphTokenMock, type GraphTokenMock, type GraphTokenMockOptions } from '../mock.js';
import { failOnUnhandledApiRequest, setupGraphTokenServer } from './setup-server.js';

type Hook = (fn: () => unknown) => void;

/** The test-runner lifecycle hooks {@link useGraphTokenMock} registers its setup with. */
export interface LifecycleHooks {
  beforeAll: Hook;
  afterEach: Hook;
  afterAll: Hook;
}

/** Options of {@link useGraphTokenMock}. */
export interface UseGraphTokenMockOptions extends GraphTokenMockOptions {
  /** Default: fail loudly for unhandled requests to the base URL, warn for others. */
  onUnhandledFrame?: UnhandledFrameHandle;
  /** The lifecycle hooks; default: the runner's globals (Jest, Vitest `globals`), else Vitest's. */
  hooks?: LifecycleHooks;
  /**
   * The fetch your client uses, through which the mock proves at start that it intercepts
   * (default: the global `fetch`). See `assertInterception`.
   */
  fetch?: typeof fetch;
}

/**
 * Vitest's hooks, from the running Vitest itself. Vitest puts its own module namespace on
 * `globalThis.__vitest_index__` in every Node worker (what its `import.meta.vitest` builds on), so
 * the hooks are found synchronously, with no top-level `await import('vitest')`: that await made
 * this entry an async module, which `require()` refuses (ERR_REQUIRE_ASYNC_MODULE), and Vitest
 * refuses `require('vitest')` itself.
 */
function vitestHooks(): LifecycleHooks | undefined {
  const vitest = (globalThis as { __vitest_index__?: Partial<LifecycleHooks> }).__vitest_index__;
  if (
    typeof vitest?.beforeAll === 'function' &&
    typeof vitest.afterEach === 'function' &&
    typeof vitest.afterAll === 'function'
  ) {
    return { beforeAll: vitest.beforeAll, afterEach: vitest.afterEach, afterAll: vitest.afterAll };
  }
  return undefined;
}

function defaultHooks(): LifecycleHooks {
  const g = globalThis as Partial<LifecycleHooks>;
  if (
    typeof g.beforeAll === 'function' &&
    typeof g.afterEach === 'function' &&
    typeof g.afterAll === 'function'
  ) {
    return { beforeAll: g.beforeAll, afterEach: g.afterEach, afterAll: g.afterAll };
  }
  const hooks = vitestHooks();
  if (hooks) return hooks;
  throw new Error(
    'useGraphTokenMock needs a test runner: run it under Vitest or Jest, or pass { hooks: { beforeAll, afterEach, afterAll } } ' +
      "from your runner (node:test: import { before as beforeAll, afterEach, after as afterAll } from 'node:test').",
  );
}

/**
 * One line in a test file: creates a mock, starts msw's server before the tests (and proves that it
 * intercepts: in Bun or Deno, where it cannot, `beforeAll` fails with a `MockInterceptionError`
 * naming the standalone server), resets the mock
 * (state, clock, faults, recorded requests) after each test and closes the server after all of them.
 * Requests to the API's base URL that nothing answers fail loudly.
 *
 * @example
 * import { BOOTSTRAP_TOKEN } from '@graphtoken/mock';
 * import { useGraphTokenMock } from '@graphtoken/mock/node';
 *
 * const mock = useGraphTokenMock();
 *
 * it('lists my graphs', async () => {
 *   const client = new GraphToken({ token: BOOTSTRAP_TOKEN });
 *   // ...
 *   expect(mock.requests.count({ operationId: 'listGraphs' })).toBe(1);
 * });
 */
export function useGraphTokenMock(
  options: UseGraphTokenMockOptions = {},
): GraphTokenMock & { server: SetupServer } {
  const { onUnhandledFrame, hooks = defaultHooks(), fetch: fetchFn, ...mockOptions } = options;
  const { server, mock, listen } = setupGraphTokenServer(createGraphTokenMock(mockOptions));
  // Before any test: listen, and prove that requests are intercepted (else: MockInterceptionError).
  hooks.beforeAll(() =>
    listen({
      onUnhandledFrame: onUnhandledFrame ?? failOnUnhandledApiRequest(mock),
      ...(fetchFn && { fetch: fetchFn }),
    }),
  );
  hooks.afterEach(() => {
    server.resetHandlers();
    mock.reset();
  });
  hooks.afterAll(() => server.close());
  return Object.assign(mock, { server });
}
