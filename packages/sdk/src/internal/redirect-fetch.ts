/**
 * The `fetch` ky calls. It sends with `redirect: 'manual'` and follows no redirect: a 3xx answer
 * fails the attempt with a {@link ConnectionError} that names where the redirect pointed, and
 * nothing is sent there. Also reports every physical request and response to the hooks.
 *
 * Why not follow some: each operation is one method on one path, and the API never redirects an
 * operation to another. Followed with the token, a redirect to another path turns the call into
 * another operation (a 307 to `/v1/tokens/self` in answer to `DELETE /v1/tokens/tok_…` revoked the
 * calling token instead of the target). Followed to another origin, it must go without the token
 * (fetch's own rule), so every operation fails there with 401, after handing the path, the query
 * and (on 307/308) the body to a host the caller never chose. Followed to the same URL, it is a
 * loop. Browsers hide a manual redirect's target (an opaque response); the error then says so.
 *
 * The request sent is the very `Request` ky built.
 *
 * @see https://fetch.spec.whatwg.org/#concept-request-redirect-mode
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.4 (3xx: the client may follow, not must)
 */
import { ConnectionError } from '../core/errors.js';
import { redirectTarget } from './redirect-target.js';

/** The `fetch` signature the SDK accepts (the platform's, undici's, a test stub). */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** What {@link fetchRefusingRedirects} needs besides the request. */
export interface RedirectOptions {
  /** The client's fetch; undefined: the global `fetch`, looked up per request so test interceptors installed later still apply. */
  fetch: FetchLike | undefined;
  /** Called before every physical request. */
  onRequest?: ((request: Request) => void | Promise<void>) | undefined;
  /** Called after every response, a refused redirect included. */
  onResponse?: ((request: Request, response: Response) => void | Promise<void>) | undefined;
}

/**
 * Sends `request` once; a redirect (any 3xx, or a browser's opaque one) rejects with ConnectionError,
 * whose message is scrubbed of `secrets()` (the call's token and body secrets, asked for only then).
 */
export async function fetchRefusingRedirects(
  request: Request,
  init: RequestInit | undefined,
  options: RedirectOptions,
  secrets?: () => readonly string[],
): Promise<Response> {
  if (options.onRequest) await options.onRequest(request);
  const fetchImpl = options.fetch;
  const response = await (fetchImpl ? fetchImpl(request, init) : globalThis.fetch(request, init));
  if (options.onResponse) await options.onResponse(request, response);
  const status = response.status;
  if (response.type !== 'opaqueredirect' && (status < 300 || status > 399)) return response;
  await response.body?.cancel().catch(() => undefined);
  const from = new URL(request.url);
  const location = response.headers.get('location');
  const target = location === null ? undefined : redirectTarget(location, from);
  const redirect = status
    ? `a ${status} redirect${target ? ` to ${target}` : ''}`
    : 'a redirect whose target this runtime hides';
  throw new ConnectionError(
    `The API answered ${request.method} ${from.pathname} with ${redirect}, which the SDK never follows: nothing was sent there. Point baseUrl at the final API address.`,
    // The call's secrets, as every other error is scrubbed: a Location may hold one without its gt_ prefix.
    secrets ? { secrets: secrets() } : undefined,
  );
}
