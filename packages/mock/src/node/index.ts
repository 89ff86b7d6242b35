/**
 * `@graphtoken/mock/node`: the mock in Node test runners, on msw's `setupServer`.
 *
 * @packageDocumentation
 */
export {
  assertInterception,
  INTERCEPTION_PROBE_URL,
  MockInterceptionError,
} from './assert-interception.js';
export {
  failOnUnhandledApiRequest,
  type GraphTokenServerSetup,
  setupGraphTokenServer,
} from './setup-server.js';
export {
  type LifecycleHooks,
  type UseGraphTokenMockOptions,
  useGraphTokenMock,
} from './use-graphtoken-mock.js';
