/**
 * Demo mode only: starts @graphtoken/mock in this tab behind MSW's service worker. Loaded with a
 * dynamic import that Vite drops from the bundle when VITE_GRAPHTOKEN_BASE_URL is set.
 */
import {
  BOOTSTRAP_TOKEN,
  createGraphTokenMock,
  DEFAULT_BASE_URL,
  type GraphTokenMock,
} from '@graphtoken/mock';
import { setupGraphTokenWorker } from '@graphtoken/mock/browser';

/** Starts the mock (fresh seed on every page load) and returns where it answers and its manage token. */
export async function startDemoMock(): Promise<{ baseUrl: string; manageToken: string }> {
  const { worker, mock } = setupGraphTokenWorker(createGraphTokenMock({ baseUrl: DEFAULT_BASE_URL }));
  // quiet: MSW would otherwise log every request, Authorization header included, to the console.
  // bypass: the page's own assets are not the API's business.
  await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  // Demo mode only: the mock is on `window.graphtokenMock`, to play with from the console (move
  // its clock a year ahead, mint a token that expires tomorrow) and for the end-to-end test.
  (globalThis as { graphtokenMock?: GraphTokenMock }).graphtokenMock = mock;
  return { baseUrl: mock.baseUrl, manageToken: BOOTSTRAP_TOKEN };
}
