/**
 * `@graphtoken/mock/browser`: the mock in the browser, on msw's `setupWorker`.
 *
 * The page must serve msw's service worker script: run `npx msw init <public dir> --save` once (or
 * use the `msw/vite` plugin), so `/mockServiceWorker.js` is served; without it `worker.start()`
 * fails to register.
 *
 * @packageDocumentation
 */
import { type SetupWorker, setupWorker } from 'msw/browser';
import { createGraphTokenMock, type GraphTokenMock } from '../mock.js';

/**
 * Wraps msw's `setupWorker` around a mock's handlers (a new default mock unless one is given).
 *
 * @example
 * const { worker, mock } = setupGraphTokenWorker();
 * await worker.start({ onUnhandledFrame: 'bypass' }); // or 'error' to fail on unmocked requests
 */
export function setupGraphTokenWorker(mock: GraphTokenMock = createGraphTokenMock()): {
  worker: SetupWorker;
  mock: GraphTokenMock;
} {
  return { worker: setupWorker(...mock.handlers), mock };
}
