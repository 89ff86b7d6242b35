/**
 * `@graphtoken/mock/node`: the mock in Node test runners, on msw's `setupServer`.
 *
 * @packageDocumentation
 */
export { failOnUnhandledApiRequest, setupGraphTokenServer } from './setup-server.js';
export {
  type LifecycleHooks,
  type UseGraphTokenMockOptions,
  useGraphTokenMock,
} from './use-graphtoken-mock.js';
