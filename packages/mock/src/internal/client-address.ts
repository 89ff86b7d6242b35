/**
 * Who a request without a token comes from, for the per-client limit of `revoke-leaked`. The
 * standalone server names the socket's remote address in a header it sets itself (after removing
 * any of that name the request carried), sealed with a key drawn once per process: a request that
 * sends the header itself does not know the key, so it is counted as the one local client, as
 * every request in-process or through the service worker is.
 * @internal
 */

/** The header the standalone server's bridge sets; never recorded in the request journal. */
export const CLIENT_HEADER = 'x-graphtoken-mock-client';

/** The client of every request that has no sealed address: in-process, service worker. */
export const LOCAL_CLIENT = 'local';

// Drawn once per process (Web Crypto, so this module loads in a browser too).
const KEY = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
  b.toString(16).padStart(2, '0'),
).join('');

/** Sets the client address on a request the bridge built (replacing any the client sent). */
export function setClientAddress(headers: Headers, address: string): void {
  headers.delete(CLIENT_HEADER);
  headers.set(CLIENT_HEADER, `${KEY} ${address}`);
}

/** The request's client: the sealed address the bridge set, else {@link LOCAL_CLIENT}. */
export function clientOf(request: Request): string {
  const value = request.headers.get(CLIENT_HEADER);
  if (value === null) return LOCAL_CLIENT;
  const space = value.indexOf(' ');
  return space > 0 && value.slice(0, space) === KEY ? value.slice(space + 1) : LOCAL_CLIENT;
}
