/**
 * The `fetch` ky calls: it follows redirects itself (`redirect: 'manual'`), so the SDK decides
 * what a redirect may carry: the `Authorization` header survives only same-origin hops; a
 * cross-origin redirect (another host, port or scheme, `https` → `http` included) drops it, and it
 * is never re-added on later hops. Also reports every physical request and response to the hooks.
 *
 * The first hop sends the very `Request` ky built: a new one is made only when a redirect happens.
 *
 * @see https://fetch.spec.whatwg.org/#http-redirect-fetch (the spec drops Authorization cross-origin too)
 */
import { ConnectionError } from '../core/errors.js';

/** The `fetch` signature the SDK accepts (the platform's, undici's, a test stub). */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CROSS_ORIGIN_DROPPED = ['authorization', 'cookie', 'proxy-authorization'];
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding'];
const MAX_REDIRECTS = 5;

/** What {@link fetchFollowingRedirects} needs besides the request. */
export interface RedirectOptions {
  /** The client's fetch; undefined: the global `fetch`, looked up per request so test interceptors installed later still apply. */
  fetch: FetchLike | undefined;
  /** The request body as sent, replayed by a 307/308 hop (API bodies are small JSON). */
  body: string | undefined;
  /** Called before every physical request: `hop` is 0 for the request itself, 1+ for redirect hops. */
  onRequest?: ((request: Request, hop: number) => void | Promise<void>) | undefined;
  /** Called after every final (non-redirect) response. */
  onResponse?: ((request: Request, response: Response) => void | Promise<void>) | undefined;
}

/** Sends `request`, following redirects manually with the SDK's credential rules. */
export async function fetchFollowingRedirects(
  request: Request,
  init: RequestInit | undefined,
  options: RedirectOptions,
): Promise<Response> {
  let current = request;
  for (let hop = 0; ; hop++) {
    if (options.onRequest) await options.onRequest(current, hop);
    const fetchImpl = options.fetch;
    const response = await (fetchImpl ? fetchImpl(current, init) : globalThis.fetch(current, init));
    if (response.type === 'opaqueredirect') {
      throw new ConnectionError(
        'The API answered with a redirect that this runtime hides from scripts, so the SDK cannot check where it leads. Point baseUrl at the final API address.',
      );
    }
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
    if (location === null) {
      if (options.onResponse) await options.onResponse(current, response);
      return response;
    }
    await response.body?.cancel().catch(() => undefined);
    if (hop >= MAX_REDIRECTS) {
      throw new ConnectionError(`The API redirected more than ${MAX_REDIRECTS} times; check baseUrl.`);
    }
    const from = new URL(current.url);
    const to = new URL(location, from);
    if (to.protocol !== 'https:' && to.protocol !== 'http:') {
      throw new ConnectionError(`The API redirected to an unsupported URL scheme (${to.protocol}).`);
    }
    const headers = new Headers(current.headers);
    if (to.origin !== from.origin) for (const name of CROSS_ORIGIN_DROPPED) headers.delete(name);
    let method = current.method;
    if (
      (response.status === 303 && method !== 'GET' && method !== 'HEAD') ||
      ((response.status === 301 || response.status === 302) && method === 'POST')
    ) {
      method = 'GET';
      for (const name of BODY_HEADERS) headers.delete(name);
    }
    current = new Request(to, {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' ? null : (options.body ?? null),
      signal: current.signal,
      redirect: 'manual',
    });
  }
}
