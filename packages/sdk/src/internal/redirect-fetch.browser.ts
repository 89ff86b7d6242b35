/**
 * The browser build's stand-in for redirect-fetch.ts. A browser answers a `redirect: 'manual'`
 * fetch with an opaque response that hides where it leads, so the SDK can never follow a
 * redirect there (and so never send the token on to another origin): the hop-following code of
 * redirect-fetch.ts is dead weight in a browser bundle. Sends the request, reports it and its
 * response to the hooks, and refuses a redirect as redirect-fetch.ts does on such a response.
 * Workers and server runtimes, where redirects are visible, resolve the full build.
 */
import { ConnectionError } from '../core/errors.js';
import type { RedirectOptions } from './redirect-fetch.js';

export type { FetchLike, RedirectOptions } from './redirect-fetch.js';

/** Sends `request`; a redirect fails with ConnectionError. */
export async function fetchFollowingRedirects(
  request: Request,
  init: RequestInit | undefined,
  options: RedirectOptions,
): Promise<Response> {
  if (options.onRequest) await options.onRequest(request, 0);
  const fetchImpl = options.fetch;
  const response = await (fetchImpl ? fetchImpl(request, init) : globalThis.fetch(request, init));
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    await response.body?.cancel().catch(() => undefined);
    throw new ConnectionError(
      'The API answered with a redirect, which the SDK does not follow in a browser. Point baseUrl at the final API address.',
    );
  }
  if (options.onResponse) await options.onResponse(request, response);
  return response;
}
