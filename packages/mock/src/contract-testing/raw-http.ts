/**
 * A raw HTTP/1.1 client over a TCP socket, for tests that send what `fetch` refuses to: bad bytes
 * in headers, broken framing, `TRACE`, `CONNECT`, unparseable request targets, huge headers. It
 * reads until the server closes the connection (the request is sent with `Connection: close`,
 * or the server closes it), bounded by a timeout. Test-only.
 */
import { connect } from 'node:net';

/** What came back: `answered` is false when the connection closed without a status line. */
export interface RawAnswer {
  answered: boolean;
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
  /** Everything received. */
  raw: string;
}

/** Parses an HTTP/1.1 answer (one; a body by Content-Length or up to the close). */
export function parseRawAnswer(received: string): RawAnswer {
  // Interim answers (`100 Continue` to `Expect: 100-continue`) come before the final one.
  let raw = received;
  while (/^HTTP\/1\.[01] 1\d\d /.test(raw) && raw.includes('\r\n\r\n')) {
    raw = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  }
  const match = /^HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n/.exec(raw);
  if (!match) return { answered: false, status: 0, headers: {}, body: '', raw };
  const end = raw.indexOf('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of raw.slice(match[0].length, end === -1 ? undefined : end).split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = end === -1 ? '' : raw.slice(end + 4);
  const length = Number(headers['content-length']);
  if (headers['transfer-encoding']?.toLowerCase() === 'chunked') body = dechunk(body);
  else if (Number.isInteger(length)) body = body.slice(0, length);
  return {
    answered: true,
    status: Number(match[1]),
    headers,
    body: Buffer.from(body, 'latin1').toString('utf8'),
    raw,
  };
}

/** The payload of a chunked body (RFC 9112 §7.1), as far as it arrived. */
function dechunk(text: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const lineEnd = text.indexOf('\r\n', at);
    if (lineEnd === -1) return out;
    const size = Number.parseInt(text.slice(at, lineEnd), 16);
    if (!Number.isFinite(size) || size === 0) return out;
    out += text.slice(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 2 + size + 2;
  }
}

/**
 * Sends `bytes` to `127.0.0.1:port` (then ends its side when `end` is set) and resolves with the
 * answer once the server closes the connection (or after `timeoutMs`, with what arrived by then).
 */
export function rawRequest(
  port: number,
  bytes: string | Buffer,
  timeoutMs = 5000,
  options: { end?: boolean } = {},
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1');
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(parseRawAnswer(Buffer.concat(chunks).toString('latin1')));
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {});
    socket.on('close', done);
    // `end`: nothing more will come (the server sees the end of the stream after these bytes).
    if (options.end) socket.end(bytes);
    else socket.write(bytes);
  });
}
