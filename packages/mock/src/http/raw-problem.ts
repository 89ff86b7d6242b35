/**
 * A problem+json answer written straight to a socket, for requests node:http cannot hand to the
 * server's request handler: malformed HTTP (the `clientError` event: bad bytes, headers over the
 * limit, a bad `Content-Length` or chunking) and `CONNECT` (the `connect` event).
 * @internal
 */
import { type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorCode } from '@graphtoken/contract';
import { newRequestId } from '../admin/problem.js';
import { CORS } from '../internal/pipeline.js';
import { ApiProblem } from '../internal/problem.js';
import type { RequestLogEntry } from './request-log.js';

/** What to answer. */
export interface RawProblem {
  status: number;
  code: ErrorCode;
  detail: string;
  headers?: Record<string, string>;
}

/**
 * Writes `HTTP/1.1 <status>` with a problem+json body, `X-Request-Id` and `Connection: close`, then
 * ends the socket. Does nothing (but close it) when the socket can no longer be written.
 * @returns the request id answered with, or undefined when nothing could be written.
 */
export function writeRawProblem(socket: Duplex, problem: RawProblem): string | undefined {
  if (!socket.writable || socket.destroyed) {
    socket.destroy();
    return undefined;
  }
  const requestId = newRequestId();
  const body = JSON.stringify(
    new ApiProblem(problem.code, problem.detail, { status: problem.status }).body(requestId),
  );
  const headers: Record<string, string> = {
    ...CORS,
    ...problem.headers,
    'Content-Type': 'application/problem+json',
    'Content-Length': String(Buffer.byteLength(body)),
    'X-Request-Id': requestId,
    'Cache-Control': 'no-store',
    Connection: 'close',
  };
  const head = [`HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? 'Error'}`];
  for (const [name, value] of Object.entries(headers)) head.push(`${name}: ${value}`);
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
  // A client that never reads must not keep the socket open.
  setTimeout(() => socket.destroy(), 1000).unref();
  return requestId;
}

/** The response node:http is writing on a socket (the oldest request in flight on it), if any. */
function inFlight(socket: Duplex): ServerResponse | undefined {
  return (socket as { _httpMessage?: ServerResponse | null })._httpMessage ?? undefined;
}

/** The answer to an HTTP parse error of node:http (`clientError`), by its `code`. */
export function clientErrorProblem(error: NodeJS.ErrnoException): RawProblem {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        code: 'request_too_large',
        detail:
          'The request line and headers are larger than the server reads (16 KiB). Send a shorter URL and fewer or smaller headers.',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
    case 'ERR_HTTP_HEADERS_TIMEOUT':
      return {
        status: 408,
        code: 'invalid_request',
        detail: 'The request did not arrive in time. Send the whole request at once.',
      };
    case 'HPE_INVALID_METHOD':
      return {
        status: 400,
        code: 'invalid_request',
        detail:
          'The request method is not an HTTP method this server knows. The API uses GET, HEAD, POST, PATCH and DELETE.',
      };
    default:
      return {
        status: 400,
        code: 'invalid_request',
        detail: `The request is not well-formed HTTP/1.1 (${String(error.code ?? 'parse error').replace(/[^A-Z0-9_]/gi, '')}): check the request line, the header names and values, Content-Length and chunked encoding.`,
      };
  }
}

/**
 * Answers what node:http cannot hand to the request handler: malformed HTTP (`clientError`: bad
 * bytes, oversized headers, a bad `Content-Length` or chunking) with problem+json where the socket
 * can still be written, instead of node's bare 400, and `CONNECT` with 405, instead of a closed
 * connection. Returns the responses such an answer replaced (their handler must not write them).
 */
export function answerUnparsedRequests(
  server: Server,
  logEntry: (entry: Omit<RequestLogEntry, 'durationMs'>, started: number) => void,
): WeakSet<ServerResponse> {
  const answeredRaw = new WeakSet<ServerResponse>();
  // Malformed HTTP (bad bytes, oversized headers, a bad Content-Length or chunking): problem+json
  // where the socket can still be written, instead of node's bare 400.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const started = performance.now();
    if (error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const answer = () => {
      const problem = clientErrorProblem(error);
      const requestId = writeRawProblem(socket, problem);
      logEntry(
        {
          method: '-',
          target: '-',
          status: requestId ? problem.status : 'aborted',
          authorization: undefined,
          requestId,
        },
        started,
      );
    };
    const answerAfterInFlight = () => {
      const pending = inFlight(socket);
      if (pending === undefined) {
        answer();
      } else if (pending.req?.complete) {
        // A whole request that came before the malformed bytes (pipelined): its answer is
        // written first, then this one, which closes the connection.
        pending.once('close', () => setImmediate(answerAfterInFlight));
      } else if (pending.headersSent) {
        // The body of a request whose answer has started broke the framing: it can only be cut short.
        socket.destroy();
      } else {
        // The body of the request in flight broke the framing (bad chunking): this answer takes
        // the place of its response, which has not started.
        answeredRaw.add(pending);
        answer();
      }
    };
    answerAfterInFlight();
  });
  // CONNECT (a proxy tunnel) is not for this server: 405, not a closed connection.
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    const started = performance.now();
    socket.on('error', () => {});
    const requestId = writeRawProblem(socket, {
      status: 405,
      code: 'invalid_request',
      detail:
        'This server is not a proxy: CONNECT is not allowed. The API uses GET, HEAD, POST, PATCH and DELETE.',
      headers: { Allow: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS' },
    });
    logEntry(
      {
        method: 'CONNECT',
        target: req.url ?? '-',
        status: requestId ? 405 : 'aborted',
        authorization: undefined,
        requestId,
      },
      started,
    );
  });
  return answeredRaw;
}
