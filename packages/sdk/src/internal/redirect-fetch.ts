/**
 * A `fetch` that follows redirects itself (`redirect: 'manual'`), so the SDK decides what a
 * redirect may carry: the `Authorization` header survives only same-origin hops; a cross-origin
 * redirect (another host, port or scheme, `https` → `http` included) drops it, and it is never
 * re-added on later hops. Also reports every physical request and response to the hooks.
 *
 * @see https://fetch.spec.whatwg.org/#http-redirect-fetch (the spec drops Authorization cross-origin too)
 */
import { ConnectionError } from '../core/errors.js';

/** The `fetch` signature the SDK accepts (the platform's, undici's, a test stub). */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CROSS_ORIGIN_DROPPED = ['authorization', 'cookie', 'proxy-authorization'];

/** Options of {@link createRedirectingFetch}. */
export interface RedirectingFetchOptions {
  /** The fetch to use, looked up per request so test interceptors installed later still apply. */
  getFetch: () => FetchLike;
  /** At most this many redirects per request. */
  maxRedirects?: number;
  /** Called before every physical request: `hop` is 0 for the request itself, 1+ for redirect hops. */
  onRequest?: (request: Request, hop: number) => void | Promise<void>;
  /** Called after every final (non-redirect) response. */
  onResponse?: (request: Request, response: Response) => void | Promise<void>;
}

/** Wraps a fetch so it follows redirects manually with the SDK's credential rules. */
export function createRedirectingFetch(options: RedirectingFetchOptions): FetchLike {
  const maxRedirects = options.maxRedirects ?? 5;
  return async (input, init) => {
    const fetchImpl = options.getFetch();
    // The body is buffered before the first send so a 307/308 hop can replay it (API bodies are small JSON).
    const body = input.body ? await input.arrayBuffer() : undefined;
    let current = new Request(input.url, {
      method: input.method,
      headers: input.headers,
      body: body ?? null,
      signal: input.signal,
      redirect: 'manual',
    });
    for (let hop = 0; ; hop++) {
      await options.onRequest?.(current, hop);
      const response = await fetchImpl(current, init);
      if (response.type === 'opaqueredirect') {
        throw new ConnectionError(
          'The API answered with a redirect that this runtime hides from scripts, so the SDK cannot check where it leads. Point baseUrl at the final API address.',
        );
      }
      const location = response.headers.get('location');
      if (!REDIRECT_STATUSES.has(response.status) || location === null) {
        await options.onResponse?.(current, response);
        return response;
      }
      await response.body?.cancel().catch(() => undefined);
      if (hop >= maxRedirects) {
        throw new ConnectionError(`The API redirected more than ${maxRedirects} times; check baseUrl.`);
      }
      const from = new URL(current.url);
      const to = new URL(location, from);
      if (to.protocol !== 'https:' && to.protocol !== 'http:') {
        throw new ConnectionError(`The API redirected to an unsupported URL scheme (${to.protocol}).`);
      }
      const headers = new Headers(current.headers);
      if (to.origin !== from.origin) for (const name of CROSS_ORIGIN_DROPPED) headers.delete(name);
      let method = current.method;
      let nextBody: ArrayBuffer | undefined = body;
      const becomesGet =
        (response.status === 303 && method !== 'GET' && method !== 'HEAD') ||
        ((response.status === 301 || response.status === 302) && method === 'POST');
      if (becomesGet) {
        method = 'GET';
        nextBody = undefined;
        for (const name of ['content-type', 'content-length', 'content-encoding']) headers.delete(name);
      }
      current = new Request(to, {
        method,
        headers,
        body: method === 'GET' || method === 'HEAD' ? null : (nextBody ?? null),
        signal: current.signal,
        redirect: 'manual',
      });
    }
  };
}
