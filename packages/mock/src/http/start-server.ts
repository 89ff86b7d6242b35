import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { scrubSecrets } from '@graphtoken/contract';
import { getResponse, type RequestHandler } from 'msw';
import { createAdminHandlers, isAdminPath } from '../admin/create-admin-handlers.js';
import { newRequestId, problemResponse } from '../admin/problem.js';
import type { GraphTokenMock, MockSeed, RateLimitOptions } from '../index.js';
import { authenticateSecret, readCredentialFrom } from '../internal/authenticate.js';
import { CORS } from '../internal/pipeline.js';
import { findRoute } from '../internal/route-table.js';
import { createMockInternals } from '../mock.js';
import { RECORDED_BODY_LIMIT } from '../requests.js';
import type { MockState } from '../store/state.js';
import { type AccessPolicy, createAccessPolicy } from './access-policy.js';
import {
  BodyTooLargeError,
  MAX_BODY_BYTES,
  parseTarget,
  type RequestTarget,
  toFetchRequest,
  writeFetchResponse,
} from './node-bridge.js';
import { answerUnparsedRequests } from './raw-problem.js';
import { formatLogLine, type RequestLogEntry } from './request-log.js';
import { screenRequest } from './screen-request.js';
import { loadSeedFile, type MockFileError } from './seed-file.js';
import { openSpilledReplayStore } from './spilled-replays.js';
import { openStateDatabase, type StateDatabase, type StateFileStatus } from './state-database.js';

/** Options of {@link startGraphTokenMockServer}. */
export interface GraphTokenMockServerOptions {
  /** The port to listen on; `0` (the default) picks any free port (read it from the result). */
  port?: number;
  /** The address to listen on. Default `127.0.0.1` (loopback only). */
  host?: string;
  /** The seed: a `MockSeed` object, or the path of a JSON seed file (validated). Default: the default seed. */
  seed?: MockSeed | string;
  /**
   * A file that keeps the mock's state across restarts: an SQLite database (`node:sqlite`, WAL
   * mode), loaded at start when it exists (it then wins over `seed`). Each request's changes are
   * committed in one transaction before its answer is sent; `lastUsedAt` moves alone are written
   * within a second. A JSON state file of an earlier version is migrated (kept as `FILE.bak`); a
   * corrupt or foreign file is refused (a `MockFileError`) and left untouched.
   */
  stateFile?: string;
  /**
   * Called once when a write to `stateFile` fails (disk full, file size limit, I/O error), with a
   * `MockFileError` naming the file and the error. The server then stops serving what the file does
   * not hold: that request and every later one get `503` problem+json (code `internal_error`) saying
   * so, while the file keeps every change acknowledged before. Close the server and start it again
   * once the disk is fixed (the `graphtoken-mock` CLI logs the error and exits with code 1).
   */
  onStateFileFailure?: (error: MockFileError) => void;
  /**
   * Told of a condition that degrades the server without failing a request, one message each: the
   * replay records kept in memory because no temporary database could be used or written (see
   * "Without `--state-file`" in the README). Default: `process.emitWarning` (so stderr). The
   * `graphtoken-mock` CLI writes them to stderr, `--quiet` or not.
   */
  onWarning?: (message: string) => void;
  /** How many requests `mock.requests` keeps (a ring buffer). Default 10,000. */
  journalSize?: number;
  /** How many bytes of recorded bodies `mock.requests` keeps, oldest dropped first. Default 16 MiB. */
  journalBodyBytes?: number;
  /** Milliseconds added before every /v1 response. Default 0. */
  latency?: number;
  /** A per-token rate limit (429 `rate_limited` with `Retry-After`). Default: off. */
  rateLimit?: RateLimitOptions | false;
  /**
   * The per-client limit of `POST /v1/tokens/revoke-leaked` (no token: a client is the socket's
   * remote address, which a request cannot choose). Default 60 reports per 60 seconds.
   */
  leakReportLimit?: RateLimitOptions;
  /** The mock's starting clock. Default: the real time. */
  now?: Date | string;
  /**
   * Receives one line per request (method, path, status, ms, redacted token, request id).
   * Default (or `false`): silent. Anything else that is not a function is refused at start.
   */
  log?: ((line: string) => void) | false | undefined;
  /** The largest request body read, in bytes; a bigger one gets 413 `request_too_large`. Default 8 MiB. */
  maxBodyBytes?: number;
  /**
   * Origins whose web pages may call the admin endpoints (`/__mock/…`), e.g.
   * `['http://localhost:5173']`, or `['*']` for any. Default: none (a cross-origin page gets 403).
   * `/v1` answers every origin regardless.
   */
  corsOrigins?: readonly string[];
  /**
   * Further names the server answers for in the `Host` header, besides 127.0.0.1, localhost, [::1]
   * and `host` (with its port): `name` (any port) or `name:port`. Any other `Host` gets 400, so a
   * page cannot reach the server through DNS rebinding.
   */
  allowedHosts?: readonly string[];
  /**
   * A secret the admin endpoints then require as `Authorization: Bearer <adminToken>` (at least 16
   * characters). Listening on a non-loopback `host` without one turns the admin endpoints off.
   */
  adminToken?: string;
}

/** A running standalone mock server. */
export interface GraphTokenMockServer {
  /** `http://<host>:<port>`: the SDK's `baseUrl`, and the mock's. */
  readonly url: string;
  /** The port it listens on (the one picked when `port` was 0). */
  readonly port: number;
  /** The address it listens on, as given. */
  readonly host: string;
  /** The mock behind the server: drive its clock, faults, store and recorded requests directly. */
  readonly mock: GraphTokenMock;
  /** Why the admin endpoints are off (a non-loopback `host` without `adminToken`); undefined when on. */
  readonly adminDisabledReason: string | undefined;
  /**
   * What `stateFile` was at start: `new` (created from the seed), `restored`, or `migrated` (from
   * a JSON state file, kept as `FILE.bak`); undefined without a state file.
   */
  readonly stateFileStatus: StateFileStatus | undefined;
  /** Stops accepting connections, closes open ones, writes the state file; resolves when done. Idempotent. */
  close(): Promise<void>;
  /** `close()`, for `await using server = await startGraphTokenMockServer()`. */
  [Symbol.asyncDispose](): Promise<void>;
}

/** Why the server could not start: a port in use, an address that is not local, a bad seed or state file. */
export class MockServerError extends Error {
  override readonly name = 'MockServerError';
  /** The system error code when listening failed (`EADDRINUSE`, `EACCES`, `EADDRNOTAVAIL`). */
  readonly code: string | undefined;
  constructor(message: string, options: { code?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = options.code;
  }
}

/** node:http's limit on the request line and headers (its default, 16 KiB); over it: 431. */
const MAX_HEADER_BYTES = 16 * 1024;

/** A path percent-decoded until it no longer changes (at most 3 rounds); itself when malformed. */
function decodedPath(path: string): string {
  let current = path;
  for (let round = 0; round < 3; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      const code = error.code ?? 'ERROR';
      const where = `${urlHost(host)}:${port}`;
      const message =
        code === 'EADDRINUSE'
          ? `port ${port} is in use on ${host}: pick another port, or port 0 for any free port`
          : code === 'EACCES'
            ? `no permission to listen on ${where}: use a port above 1023, or port 0 for any free port`
            : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
              ? `cannot listen on ${host}: it is not an address of this machine (try 127.0.0.1)`
              : `cannot listen on ${where}: ${error.message}`;
      reject(new MockServerError(message, { code, cause: error }));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** The answer to every request once a state file commit failed (see `onStateFileFailure`). */
function stateFileFailed(failure: MockFileError): Response {
  return problemResponse({
    status: 503,
    code: 'internal_error',
    detail: `${failure.message}. This request was not carried out.`,
  });
}

function checkOptions(options: GraphTokenMockServerOptions): void {
  const { port = 0, latency = 0, rateLimit, maxBodyBytes = MAX_BODY_BYTES } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new MockServerError(`port must be an integer from 0 to 65535, not ${port}`);
  }
  if (!Number.isFinite(latency) || latency < 0)
    throw new MockServerError(`latency must be >= 0 ms, not ${latency}`);
  if (rateLimit) {
    const { limit, windowSeconds } = rateLimit;
    if (!Number.isInteger(limit) || limit < 1 || !Number.isFinite(windowSeconds) || windowSeconds <= 0) {
      throw new MockServerError('rateLimit needs an integer limit >= 1 and windowSeconds > 0');
    }
  }
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1)
    throw new MockServerError('maxBodyBytes must be >= 1');
  for (const name of ['onWarning', 'onStateFileFailure'] as const) {
    const value = options[name];
    if (value !== undefined && typeof value !== 'function') {
      throw new TypeError(`${name} must be a function, not ${value === null ? 'null' : typeof value}`);
    }
  }
  const { log } = options;
  if (log !== undefined && log !== false && typeof log !== 'function') {
    throw new MockServerError(
      `log must be a function that takes one line, or false for no log, not ${log === null ? 'null' : typeof log}`,
    );
  }
  if (options.adminToken !== undefined && !/^[\x21-\x7e]{16,256}$/.test(options.adminToken)) {
    throw new MockServerError('the admin token must be 16 to 256 visible ASCII characters (no spaces)');
  }
  for (const origin of options.corsOrigins ?? []) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/i.test(origin.replace(/\/+$/, ''))) {
      throw new MockServerError(
        `a CORS origin is * or scheme://host[:port], e.g. http://localhost:5173 (got "${origin}")`,
      );
    }
  }
}

/**
 * Starts the GraphToken mock as a real HTTP server on node:http, for anything that is not
 * JavaScript (a Python or Go test suite, curl, Postman) and for examples. It serves the whole
 * `/v1` API through MSW's `getResponse`, plus the admin endpoints under `/__mock/` (see
 * `createAdminHandlers`). Node only; the package root stays runtime-neutral.
 *
 * @example
 * const server = await startGraphTokenMockServer({ port: 0 });
 * const client = new GraphToken({ baseUrl: server.url, token: BOOTSTRAP_TOKEN });
 * // ...
 * await server.close();
 */
export async function startGraphTokenMockServer(
  options: GraphTokenMockServerOptions = {},
): Promise<GraphTokenMockServer> {
  checkOptions(options);
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const seed = typeof options.seed === 'string' ? loadSeedFile(options.seed) : options.seed;
  const stateFile = options.stateFile;
  const log = options.log || undefined;
  let database: StateDatabase | undefined;
  // A bad state file rejects with a MockFileError, as a bad seed file does.
  if (stateFile !== undefined) {
    const onFailure = options.onStateFileFailure;
    // Reported after the failing request's own answer is on its way.
    database = await openStateDatabase(stateFile, {
      onFailure: (error) => {
        if (onFailure) setImmediate(() => onFailure(error));
        else log?.(error.message);
      },
    });
  }
  const snapshot = database?.snapshot;
  // Without a state file, replay records live in a temporary database rather than the heap (kept
  // in memory only where this Node has no node:sqlite or the temporary folder is not writable).
  const warn =
    options.onWarning ?? ((message: string) => process.emitWarning(message, 'GraphTokenMockWarning'));
  const spilled = database === undefined ? openSpilledReplayStore({ onFallback: warn }) : undefined;
  const spilledReplays = spilled !== undefined && !('reason' in spilled) ? spilled : undefined;
  if (spilled !== undefined && 'reason' in spilled) {
    warn(`replay records are kept in memory: no temporary database (${spilled.reason})`);
  }
  const closeFiles = () => {
    database?.close();
    spilledReplays?.close();
  };

  let mock: GraphTokenMock | undefined;
  let handlers: RequestHandler[] = [];
  let state: MockState | undefined;

  // A missing Host is answered by the access policy (problem+json), not by node's bare 400.
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES, requireHostHeader: false }, (req, res) => {
    void handle(req, res);
  });
  // An `Expect` node does not know (not 100-continue): answered by screenRequest with problem+json,
  // not node's bare 417.
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res);
  });
  let policy: AccessPolicy | undefined;
  const logEntry = (entry: Omit<RequestLogEntry, 'durationMs'>, started: number) =>
    log?.(formatLogLine({ ...entry, durationMs: performance.now() - started }));
  const answeredRaw = answerUnparsedRequests(server, logEntry);
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const entry = {
      method: req.method ?? 'GET',
      target: req.url ?? '/',
      authorization: req.headers.authorization,
    };
    let status: number | 'dropped' | 'aborted' = 'aborted';
    let requestId: string | undefined;
    req.on('error', () => {});
    res.on('error', () => {});
    try {
      const target = parseTarget(entry.target);
      // Guarded as admin when either the raw or the decoded path is one (the decoded one is then
      // refused 404 before routing anyway).
      const admin =
        target !== undefined && (isAdminPath(target.pathname) || isAdminPath(decodedPath(target.pathname)));
      const response = await answer(req, target, admin);
      if (response.type !== 'error') {
        // /v1 is readable from any origin; the admin endpoints only from the allowed ones.
        const cors = admin ? policy!.adminCors(req) : CORS;
        for (const [name, value] of Object.entries(cors)) {
          if (!response.headers.has(name)) response.headers.set(name, value);
        }
        if (!response.headers.has('x-request-id')) response.headers.set('X-Request-Id', newRequestId());
      }
      requestId = response.headers.get('x-request-id') ?? undefined;
      status = response.type === 'error' ? 'dropped' : response.status;
      await writeFetchResponse(response, req, res);
    } catch {
      if (!answeredRaw.has(res)) res.destroy();
    } finally {
      logEntry({ ...entry, status, requestId }, started);
    }
  };
  /** Whether the request's credentials name a usable token (the only case its operation runs). */
  const authenticates = (req: IncomingMessage, target: RequestTarget | undefined): boolean => {
    if (target === undefined || state === undefined) return false;
    try {
      const url = new URL(target.pathname + target.search, mock!.baseUrl);
      authenticateSecret(state, readCredentialFrom(req.headers.authorization ?? null, url));
      return true;
    } catch {
      return false;
    }
  };
  /** Whether the request reaches an operation that needs no token (revoke-leaked): it always runs. */
  const runsWithoutToken = (req: IncomingMessage, target: RequestTarget | undefined): boolean => {
    if (target === undefined || mock === undefined) return false;
    const basePath = new URL(mock.baseUrl).pathname.replace(/\/$/, '');
    const path = target.pathname.startsWith(basePath)
      ? target.pathname.slice(basePath.length) || '/'
      : target.pathname;
    return findRoute(req.method ?? '', path)?.op.security.length === 0;
  };
  const answer = async (
    req: IncomingMessage,
    target: RequestTarget | undefined,
    admin: boolean,
  ): Promise<Response> => {
    if (database?.failure) return stateFileFailed(database.failure);
    const screened = screenRequest(req, target, admin, policy!);
    if (screened) return screened;
    let request: Request;
    try {
      // A body the mock will not use (its request's credentials name no usable token: a 401) is
      // still read to its end, so the connection stays usable, but only its prefix is kept, what
      // the journal records; a 7 MiB upload with a wrong token costs 64 KiB, not 7 MiB.
      // An operation that needs no token (revoke-leaked) runs whatever the credentials: read whole.
      const keep =
        admin || runsWithoutToken(req, target) || authenticates(req, target)
          ? maxBodyBytes
          : RECORDED_BODY_LIMIT + 1;
      request = await toFetchRequest(req, mock!.baseUrl, maxBodyBytes, keep);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      const response = problemResponse({
        status: 413,
        code: 'request_too_large',
        detail: `The request body is larger than the API accepts (${maxBodyBytes} bytes). Send a smaller body: append at most 100 blocks per request.`,
      });
      response.headers.set('Connection', 'close');
      return response;
    }
    try {
      const response = await getResponse(handlers, request, { baseUrl: mock!.baseUrl });
      // A commit failed while this request ran: memory may hold what the file does not, never serve it.
      if (database?.failure) return stateFileFailed(database.failure);
      // The mock's catch-all handler answers every path (unknown ones with its own 404).
      if (response === undefined) throw new Error(`no handler answered ${request.method} ${request.url}`);
      return response;
    } catch (error) {
      log?.(scrubSecrets(`internal error: ${(error as Error)?.message ?? String(error)}`));
      return problemResponse({
        status: 500,
        code: 'internal_error',
        detail:
          'The mock failed to answer this request. This is a bug in @graphtoken/mock: please report it.',
      });
    }
  };

  let address: AddressInfo;
  try {
    address = await listen(server, options.port ?? 0, host);
  } catch (error) {
    closeFiles();
    throw error;
  }
  // An unspecified address (`0.0.0.0`, `::`, however spelled: `0`, `0x0`, `::0`) is no address to
  // call: the URL printed and used as the base URL is the loopback one, which the server answers.
  const unspecified = address.address === '0.0.0.0' || address.address === '::';
  const urlAddress = unspecified ? (address.address === '::' ? '::1' : '127.0.0.1') : address.address;
  const url = `http://${urlHost(urlAddress)}:${address.port}`;
  policy = createAccessPolicy({
    host,
    port: address.port,
    boundAddress: address.address,
    ...(options.allowedHosts && { allowedHosts: options.allowedHosts }),
    ...(options.corsOrigins && { corsOrigins: options.corsOrigins }),
    ...(options.adminToken !== undefined && { adminToken: options.adminToken }),
  });
  try {
    const created = createMockInternals(
      {
        baseUrl: url,
        ...(seed !== undefined ? { seed } : {}),
        ...(snapshot !== undefined ? { snapshot } : {}),
        ...(options.now !== undefined ? { now: options.now } : {}),
        ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
        ...(options.leakReportLimit ? { leakReportLimit: options.leakReportLimit } : {}),
        ...(options.latency ? { latencyMs: options.latency } : {}),
        ...(options.journalSize !== undefined ? { journalSize: options.journalSize } : {}),
        ...(options.journalBodyBytes !== undefined ? { journalBodyBytes: options.journalBodyBytes } : {}),
        onChange: () => database?.onChange(),
      },
      database !== undefined
        ? { replays: database.replays, trackChanges: true }
        : spilledReplays !== undefined
          ? { replays: spilledReplays }
          : {},
    );
    mock = created.mock;
    state = created.state;
    handlers = [...createAdminHandlers(mock), ...mock.handlers];
    if (database !== undefined) {
      // A restored state is the file's already: only the clock and counters are written again.
      if (database.status !== 'new') created.state.takeChanges();
      database.attach(created.state);
      database.flush({ force: true });
    }
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    closeFiles();
    const what =
      snapshot !== undefined
        ? `state file ${stateFile}`
        : typeof options.seed === 'string'
          ? `seed file ${options.seed}`
          : 'seed';
    throw new MockServerError(`cannot start the mock from the ${what}: ${(error as Error).message}`, {
      cause: error,
    });
  }

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      // Requests in flight get a moment to finish; then their connections are cut.
      const timer = setTimeout(() => server.closeAllConnections(), 1000);
      timer.unref();
    }).then(closeFiles);
    return closing;
  };
  const ready = mock;
  return {
    url,
    port: address.port,
    host,
    mock: ready,
    adminDisabledReason: policy.adminDisabledReason,
    stateFileStatus: database?.status,
    close,
    [Symbol.asyncDispose]: close,
  };
}
