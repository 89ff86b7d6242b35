import type { IncomingMessage, ServerResponse } from 'node:http';
import { setClientAddress } from '../internal/client-address.js';

/**
 * The largest request body the standalone server reads (8 MiB); a bigger one gets 413. The largest
 * body the spec allows, 100 blocks of 10,000 characters of up to 4 UTF-8 bytes each, is about 4 MB,
 * so no valid request is refused.
 */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

// Hop-by-hop headers (RFC 9110 §7.6.1) describe the connection to this server, not the request.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
]);

/** Why a node request could not become a Fetch `Request`. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/** Past this many bytes the server stops waiting for the end of a refused body: it answers 413 and closes. */
const DISCARD_LIMIT = 64 * 1024 * 1024;

/**
 * Reads a request body into one buffer, refusing more than `limit` bytes. A refused body is still
 * read to its end (and discarded, up to 64 MiB) so that the client, still uploading, gets to
 * read the 413 answer instead of a reset connection. Only the first `keep` bytes are kept (all of
 * them by default): the rest is read, counted against `limit` and discarded, so a body the mock
 * will not use (a 401's) costs its prefix in memory, not its size.
 */
export function readBody(req: IncomingMessage, limit: number, keep = limit): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > DISCARD_LIMIT) {
      reject(new BodyTooLargeError(`body of ${declared} bytes`));
      return;
    }
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    // A connection that closes before the body's end (a broken framing, a client gone).
    const onClose = () => {
      cleanup();
      reject(new Error('the connection closed before the end of the request body'));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > DISCARD_LIMIT) {
        // However it is framed (chunked, or a Content-Length that lied): the 413 is answered now,
        // with `Connection: close`; node discards the rest until that answer is written.
        cleanup();
        reject(new BodyTooLargeError(`body over ${DISCARD_LIMIT} bytes`));
      } else if (size <= limit) {
        const room = keep - (size - chunk.length);
        if (room >= chunk.length) chunks.push(chunk);
        else if (room > 0) chunks.push(chunk.subarray(0, room));
      }
    };
    const onEnd = () => {
      cleanup();
      if (size > limit) reject(new BodyTooLargeError(`body of ${size} bytes`));
      else resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/** A request target, parsed: its path and query, and the authority of an absolute-form target. */
export interface RequestTarget {
  pathname: string;
  search: string;
  /** `host[:port]` of an absolute-form target (`GET http://host/path`); undefined for a path. */
  authority: string | undefined;
}

/**
 * Parses a request target (RFC 9112 §3.2): origin-form (`/path?query`), absolute-form
 * (`http://host/path`, only its path and query are used) or asterisk-form (`*`). Undefined when it
 * does not parse (`http://[`, a port of 99999, `//[/x`), or is not HTTP.
 */
export function parseTarget(target: string): RequestTarget | undefined {
  try {
    const absolute = /^[a-z][a-z0-9+.-]*:/i.test(target);
    if (absolute) {
      const url = new URL(target);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
      return { pathname: url.pathname, search: url.search, authority: url.host };
    }
    if (target === '*') return { pathname: '*', search: '', authority: undefined };
    if (!target.startsWith('/')) return undefined;
    // Appended to an origin, so `//x/y` stays a path (empty segments are allowed), not a host.
    const url = new URL(`http://placeholder.invalid${target}`);
    if (url.host !== 'placeholder.invalid') return undefined;
    return { pathname: url.pathname, search: url.search, authority: undefined };
  } catch {
    return undefined;
  }
}

/**
 * Translates a node:http request into a Fetch `Request` against `origin` (the mock's base URL):
 * the path and query string as sent, every header (repeated ones appended in order, hop-by-hop
 * ones dropped) and the body, read in full up to {@link MAX_BODY_BYTES}; only its first `keep`
 * bytes become the Request's body (all of them by default).
 *
 * @throws {BodyTooLargeError} when the body is larger than `limit`.
 */
export async function toFetchRequest(
  req: IncomingMessage,
  origin: string,
  limit = MAX_BODY_BYTES,
  keep = limit,
): Promise<Request> {
  const parsed = parseTarget(req.url ?? '/');
  if (parsed === undefined) throw new TypeError('the request target is not a valid URL or path');
  const url = origin.replace(/\/+$/, '') + parsed.pathname + parsed.search;
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (HOP_BY_HOP.has(name) || name === 'host' || values === undefined) continue;
    for (const value of values) headers.append(name, value);
  }
  // Who sent it, for the per-client limit of revoke-leaked: the socket, never a header it sent.
  setClientAddress(headers, req.socket?.remoteAddress ?? 'unknown');
  const method = (req.method ?? 'GET').toUpperCase();
  const body = await readBody(req, limit, keep);
  const hasBody = method !== 'GET' && method !== 'HEAD' && body.length > 0;
  if (!hasBody) headers.delete('content-length');
  // The buffer itself, not a copy: an 8 MiB body (a 401's included) is held once, not twice, until
  // the Request takes it.
  return new Request(url, { method, headers, ...(hasBody ? { body: body as Uint8Array<ArrayBuffer> } : {}) });
}

/**
 * Writes a Fetch `Response` to a node:http response: status, headers (each `Set-Cookie` on its
 * own line) and the body, streamed. A network-error response (`Response.error()`, what MSW's
 * `HttpResponse.error()` gives for a dropped-connection fault) destroys the socket instead, so
 * the client sees the connection drop.
 */
export async function writeFetchResponse(
  response: Response,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (response.type === 'error') {
    res.socket?.destroy();
    return;
  }
  const outgoing: Record<string, string | string[]> = {};
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie' || HOP_BY_HOP.has(name)) continue;
    outgoing[name] = value;
  }
  // `Connection: close` from the answer (a refused oversized body) ends the connection after it.
  if (response.headers.get('connection')?.toLowerCase() === 'close') res.shouldKeepAlive = false;
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) outgoing['set-cookie'] = cookies;
  res.writeHead(response.status, response.statusText || undefined, outgoing);
  if (response.body === null || req.method === 'HEAD') {
    await lingerIfClosing(req, res);
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) break;
      if (!res.write(value)) await drainOrClose(res);
    }
  } finally {
    reader.releaseLock();
  }
  await lingerIfClosing(req, res);
  res.end();
}

/** How long a refused body that is still arriving is discarded after its answer, before the close. */
const LINGER_MS = 2000;

/**
 * Before a `Connection: close` answer ends the connection while the client is still sending a
 * refused body (a chunked body past 64 MiB): discards what still arrives, up to the body's end or
 * {@link LINGER_MS}. Closing a socket with unread bytes resets it, and a reset can destroy the
 * answer before the client reads it; lingering lets it read the 413 (a lingering close).
 */
function lingerIfClosing(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (res.shouldKeepAlive || req.complete || req.destroyed || res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      req.off('end', done);
      req.off('close', done);
      req.off('error', done);
      resolve();
    };
    const timer = setTimeout(done, LINGER_MS);
    req.on('end', done);
    req.on('close', done);
    req.on('error', done);
    req.resume();
  });
}

function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
