/**
 * The request pipeline every operation goes through, in the spec's order of checks:
 * credentials → rate limit → the token's scopes → the graph (found, bound, effective scopes) →
 * idempotency → the operation itself (which validates its input first, then applies the business
 * rules). Faults, latency, request ids, recording and the problem+json rendering live here too, so
 * each handler file holds only what its operations do.
 * @internal
 */
import {
  canPerform,
  type OperationId,
  type OperationInfo,
  operationErrorCodes,
  type Problem,
  type Scope,
  scrubEncodedSecrets,
} from '@graphtoken/contract';
import { HttpResponse } from 'msw';
import type { FaultRule, InternalFaults } from '../faults.js';
import type { InternalRequests } from '../requests.js';
import type { AccountRecord, GraphRecord, TokenRecord } from '../store/records.js';
import type { MockState } from '../store/state.js';
import { AuthenticationFailure, authenticateSecret, readCredential } from './authenticate.js';
import { CLIENT_HEADER, clientOf } from './client-address.js';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth.js';
import { recordedLeakReport } from './leak-report-body.js';
import { hasObservers, notifyObservers } from './observers.js';
import { ApiProblem, validationFailed } from './problem.js';
import { checkQueryParams } from './query-params.js';
import type { RateLimiter, RateLimitOptions } from './rate-limit.js';
import { rateLimitHeaders } from './rate-limit-headers.js';
import { readBodyPrefix, recordedBody } from './recorded-body.js';
import { redactAuthorization, redactUrl } from './redact.js';
import type { ReplayStore } from './replay-store.js';
import { sha256Hex } from './sha256.js';
import { tokenExpirationHeader, withTokenExpiration } from './token-expiration.js';
import { bodyProblem } from './validation.js';

/** What an operation returns: a status, a JSON body (none for 204) and extra headers. */
export interface OperationResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What an operation implementation gets: the authenticated caller and the request. */
export interface OperationContext {
  readonly state: MockState;
  readonly op: OperationInfo;
  readonly url: URL;
  readonly query: URLSearchParams;
  readonly params: Readonly<Record<string, string>>;
  /** The calling token. */
  readonly token: TokenRecord;
  /** The calling token's account (its creator). */
  readonly account: AccountRecord;
  /** For operations on a graph: that graph, already found, bound and scope-checked. */
  readonly graph: GraphRecord | undefined;
  /** The request time on the mock clock. */
  readonly nowMs: number;
  /** The parsed JSON body; throws `validation_failed` on `body` if required and absent, or not JSON. */
  json(options: { required: boolean }): unknown;
}

/** One operation's implementation. */
export type OperationImpl = (ctx: OperationContext) => OperationResult;

/** What an operation that needs no token gets (`security: []`): no caller, only the request. */
export interface OpenOperationContext {
  readonly state: MockState;
  readonly op: OperationInfo;
  readonly url: URL;
  readonly query: URLSearchParams;
  /** The request time on the mock clock. */
  readonly nowMs: number;
  /** The parsed JSON body; throws `validation_failed` on `body` if required and absent, or not JSON. */
  json(options: { required: boolean }): unknown;
}

/** The implementation of an operation that needs no token (`revokeLeakedTokens`). */
export type OpenOperationImpl = (ctx: OpenOperationContext) => OperationResult;

/** Either kind of implementation; which one an operation has follows its `security`. */
export type AnyOperationImpl = OperationImpl | OpenOperationImpl;

/** The per-client limit of `revoke-leaked` when none is configured: 60 reports a minute. */
export const DEFAULT_LEAK_REPORT_LIMIT: RateLimitOptions = { limit: 60, windowSeconds: 60 };

/** The mutable settings of a mock. */
export interface MockSettings {
  latencyMs: number;
  rateLimit: RateLimitOptions | false;
  /** The per-client limit of `POST /v1/tokens/revoke-leaked` (always on: it needs no token). */
  leakReportLimit: RateLimitOptions;
}

/** Everything the pipeline needs from a mock. */
export interface MockRuntime {
  readonly state: MockState;
  readonly baseUrl: string;
  /** The path part of `baseUrl` without a trailing slash (`''` for an origin), stripped from request paths. */
  readonly basePath: string;
  readonly faults: InternalFaults;
  readonly requests: InternalRequests;
  readonly settings: MockSettings;
  readonly rateLimiter: RateLimiter;
  /** The per-client windows of `revoke-leaked`. */
  readonly leakReportLimiter: RateLimiter;
  /** `Idempotency-Key` replay records. */
  readonly replays: ReplayStore;
  nextRequestId(): string;
}

const JSON_TYPE = 'application/json';
const PROBLEM_TYPE = 'application/problem+json';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The accepted scopes of an operation, flattened ("any one of them is enough"). */
export function acceptedScopes(op: OperationInfo): Scope[] {
  return [...new Set(op.security.flat())];
}

function problemResult(problem: ApiProblem, requestId: string): OperationResult {
  return {
    status: problem.status,
    body: problem.body(requestId) satisfies Problem,
    headers: problem.headers(),
  };
}

/** CORS on every answer, so a page on another origin (the standalone server, a worker) can read them. @internal */
export const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'X-Request-Id, Retry-After, WWW-Authenticate, Idempotent-Replayed, GraphToken-Token-Expiration, RateLimit-Policy, RateLimit',
};

function toResponse(
  result: OperationResult,
  requestId: string,
  extra: Record<string, string> = {},
): Response {
  const headers = new Headers({ ...CORS, ...result.headers, ...extra });
  headers.set('X-Request-Id', requestId);
  if (result.body === undefined) return new HttpResponse(null, { status: result.status, headers });
  headers.set('Content-Type', result.status >= 400 ? PROBLEM_TYPE : JSON_TYPE);
  return new HttpResponse(JSON.stringify(result.body), { status: result.status, headers });
}

function faultResult(rule: FaultRule): ApiProblem | 'drop' | undefined {
  if (rule.drop) return 'drop';
  if (rule.retryAfter !== undefined) {
    return new ApiProblem('rate_limited', `Injected fault: retry in ${rule.retryAfter} seconds.`, {
      retryAfter: rule.retryAfter,
    });
  }
  if (rule.status === undefined && rule.code === undefined) return undefined;
  const code = rule.code ?? codeForStatus(rule.status!);
  return new ApiProblem(code, rule.detail ?? `Injected fault (${rule.status ?? code}).`, {
    ...(rule.status !== undefined && { status: rule.status }),
    ...(code === 'rate_limited' && { retryAfter: 1 }),
    ...(code === 'insufficient_scope' && { requiredScopes: [], grantedScopes: [] }),
  });
}

function codeForStatus(status: number): ApiProblem['code'] {
  const byStatus: Record<number, ApiProblem['code']> = {
    400: 'invalid_request',
    401: 'invalid_token',
    403: 'insufficient_scope',
    404: 'not_found',
    409: 'token_not_active',
    422: 'validation_failed',
    429: 'rate_limited',
  };
  return byStatus[status] ?? 'internal_error';
}

/** A request body, read and parsed once per request. */
interface RequestBody {
  readonly text: string;
  /** `undefined` for an empty body. */
  readonly parsed: { ok: true; value: unknown } | { ok: false } | undefined;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

interface Answer {
  result: OperationResult;
  tokenId: string | null;
  /**
   * Headers of this answer that are never part of a stored replay: the calling token's expiry and
   * rate-limit state, as they are now (set once the credentials are accepted, kept on any error).
   */
  live: Record<string, string>;
}

function jsonReader(body: RequestBody, request: Request): (options: { required: boolean }) => unknown {
  const contentType = request.headers.get('content-type');
  const { parsed } = body;
  return ({ required }) => {
    if (parsed === undefined) {
      if (required) throw bodyProblem('a JSON request body is required');
      return undefined;
    }
    if (contentType !== null && !/[/+]json\b/i.test(contentType)) {
      throw bodyProblem('must be sent as JSON (Content-Type: application/json)');
    }
    if (!parsed.ok) throw bodyProblem('is not valid JSON');
    return parsed.value;
  };
}

function internalError(op: OperationInfo, error: unknown, requestId: string): OperationResult {
  // A bug in the mock, never a client mistake: say so without leaking anything.
  const problem = new ApiProblem(
    'internal_error',
    `The GraphToken mock failed to answer ${op.operationId} (a bug in @graphtoken/mock: ${scrubEncodedSecrets(String(error))}). Quote the requestId when reporting it.`,
  );
  return problemResult(problem, requestId);
}

/**
 * Runs an operation that needs no token (`security: []`, `revokeLeakedTokens`): credentials are
 * not read at all; the per-client limit, the query parameters, then the operation.
 */
function executeOpen(
  runtime: MockRuntime,
  op: OperationInfo,
  impl: OpenOperationImpl,
  request: Request,
  url: URL,
  body: RequestBody,
  requestId: string,
): Answer {
  const { state, settings } = runtime;
  let live: Record<string, string> = {};
  try {
    return state.batch(() => {
      const nowMs = state.nowMs();
      state.materialise(nowMs);
      const limit = settings.leakReportLimit;
      const verdict = runtime.leakReportLimiter.hit(clientOf(request), nowMs, limit);
      live = rateLimitHeaders('client', limit, verdict);
      if (!verdict.ok) {
        throw new ApiProblem(
          'rate_limited',
          `This client has sent too many leak reports. Retry in ${verdict.retryAfter} seconds.`,
          { retryAfter: verdict.retryAfter },
        );
      }
      checkQueryParams(op.operationId as OperationId, url);
      const result = impl({
        state,
        op,
        url,
        query: url.searchParams,
        nowMs,
        json: jsonReader(body, request),
      });
      return { result, tokenId: null, live };
    });
  } catch (error) {
    if (error instanceof ApiProblem) return { result: problemResult(error, requestId), tokenId: null, live };
    return { result: internalError(op, error, requestId), tokenId: null, live };
  }
}

/** A hash of what the request was: a replay record then costs the same whatever the body's size. */
function fingerprintOf(op: OperationInfo, url: URL, body: RequestBody): string {
  const { parsed } = body;
  return sha256Hex(
    `${op.operationId} ${url.pathname} ${parsed?.ok ? JSON.stringify(parsed.value) : body.text}`,
  );
}

/** A stored answer, replayed (`Idempotent-Replayed: true`). */
function replayed(stored: { status: number; headers: Record<string, string>; body?: string | undefined }) {
  return {
    status: stored.status,
    ...(stored.body !== undefined && { body: JSON.parse(stored.body) }),
    headers: { ...stored.headers, 'Idempotent-Replayed': 'true' },
  };
}

/**
 * The one replay a token that no longer authenticates still gets: the retry of its own
 * self-rotation (same `Idempotency-Key`, same request), which revoked it (at once, with no grace
 * period). Without it, a pipeline whose answer was lost could never learn its new secret. Any
 * other request of that token, or another key or body, gets the 401 as before; so does the same
 * replay when the token was revoked any other way (a leak report, a manual revoke, `revokeSelf`,
 * the end of a grace period > 0) or expired.
 */
function replayOfOwnRotation(
  runtime: MockRuntime,
  op: OperationInfo,
  request: Request,
  url: URL,
  body: RequestBody,
  tokenId: string | null,
): OperationResult | undefined {
  if (op.operationId !== 'rotateSelfToken' || tokenId === null) return undefined;
  const key = request.headers.get('idempotency-key');
  const token = runtime.state.tokens.get(tokenId);
  if (key === null || token === undefined || token.rotatedTo === null) return undefined;
  // Only a token its own rotation revoked at once (grace 0); one revoked any other way (a leak
  // report, a manual revoke, revokeSelf, the end of a grace period > 0) or expired gets its 401.
  if (!runtime.state.audit.revokedByImmediateRotation(token.id)) return undefined;
  const stored = runtime.replays.get(tokenId, key, runtime.state.nowMs());
  if (stored === undefined || stored.fingerprint !== fingerprintOf(op, url, body)) return undefined;
  return replayed(stored);
}

/** Runs the checks and the operation; every outcome is a result, never a thrown error. */
function execute(
  runtime: MockRuntime,
  op: OperationInfo,
  impl: OperationImpl,
  request: Request,
  url: URL,
  params: Record<string, string>,
  body: RequestBody,
  requestId: string,
): Answer {
  const { state } = runtime;
  let tokenId: string | null = null;
  let live: Record<string, string> = {};
  try {
    return state.batch(() => {
      // 0. What the clock caused since the last request (expiries, grace periods' ends) is recorded first.
      state.materialise();
      // 1. Credentials.
      const secret = readCredential(request, url);
      let token: TokenRecord;
      try {
        token = authenticateSecret(state, secret);
      } catch (error) {
        if (!(error instanceof AuthenticationFailure)) throw error;
        tokenId = error.tokenId;
        const replay = replayOfOwnRotation(runtime, op, request, url, body, error.tokenId);
        if (replay !== undefined) {
          const revoked = state.tokens.get(error.tokenId!);
          return { result: replay, tokenId, live: revoked ? tokenExpirationHeader(revoked) : live };
        }
        throw error.problem;
      }
      tokenId = token.id;
      const nowMs = state.nowMs();
      state.touch(token, nowMs);
      live = tokenExpirationHeader(token);

      // 2. Rate limit.
      const { rateLimit } = runtime.settings;
      if (rateLimit) {
        const verdict = runtime.rateLimiter.hit(token.id, nowMs, rateLimit);
        live = { ...live, ...rateLimitHeaders('token', rateLimit, verdict) };
        if (!verdict.ok) {
          throw new ApiProblem(
            'rate_limited',
            `This token has sent too many requests. Retry in ${verdict.retryAfter} seconds.`,
            { retryAfter: verdict.retryAfter },
          );
        }
      }

      // 3. The token's own scopes.
      const accepted = acceptedScopes(op);
      if (!canPerform(token.scopes, op.operationId as OperationId)) {
        throw new ApiProblem(
          'insufficient_scope',
          `${op.operationId} needs the ${accepted.join(' or ')} scope; this token has ${token.scopes.join(', ')}. Use a token with ${accepted.join(' or ')}.`,
          { requiredScopes: accepted, grantedScopes: token.scopes },
        );
      }

      // 4. The graph: visible to the creator, bound to the token, effective scopes enough.
      let graph: GraphRecord | undefined;
      if (op.pathParams.includes('graphId')) {
        const graphId = params.graphId ?? '';
        const found = state.graphs.get(graphId);
        if (!found || state.roleOf(token.createdBy, graphId) === undefined) {
          throw new ApiProblem(
            'not_found',
            `Graph ${graphId} does not exist or is not visible to this token's account. Check the graph id.`,
          );
        }
        if (!token.graphIds.includes(graphId)) {
          throw new ApiProblem(
            'graph_not_in_token',
            `This token is not bound to graph ${graphId}. Use a token created for that graph, or create one that includes it.`,
          );
        }
        const effective = state.effectiveOn(token, graphId);
        if (!canPerform(effective, op.operationId as OperationId)) {
          throw new ApiProblem(
            'insufficient_scope',
            `${op.operationId} needs the ${accepted.join(' or ')} scope on graph ${graphId}; this token's effective scopes there are ${effective.join(', ') || 'none'} (its scopes ∩ its creator's role, ${state.roleOf(token.createdBy, graphId)}).`,
            { requiredScopes: accepted, grantedScopes: effective },
          );
        }
        graph = found;
      }

      // 5. The query parameters the operation takes, each once (before a replay is looked up).
      checkQueryParams(op.operationId as OperationId, url);

      // 6. Idempotency (POST).
      const idempotencyKey = op.method === 'POST' ? request.headers.get('idempotency-key') : null;
      const fingerprint = idempotencyKey === null ? '' : fingerprintOf(op, url, body);
      if (idempotencyKey !== null) {
        if (idempotencyKey.length < 1 || idempotencyKey.length > 255) {
          throw validationFailed([{ field: 'Idempotency-Key', message: 'must be 1 to 255 characters long' }]);
        }
        const stored = runtime.replays.get(token.id, idempotencyKey, nowMs);
        if (stored) {
          if (stored.fingerprint !== fingerprint) {
            throw validationFailed([
              {
                field: 'Idempotency-Key',
                message: 'was already used with a different request; use a new key for a new request',
              },
            ]);
          }
          return { result: replayed(stored), tokenId, live };
        }
      }

      // 7. The operation.
      const ctx: OperationContext = {
        state,
        op,
        url,
        query: url.searchParams,
        params,
        token,
        account: state.requireAccount(token.createdBy),
        graph,
        nowMs,
        json: jsonReader(body, request),
      };
      const result = impl(ctx);
      // The calling token as the operation left it (a rotation of itself moved its revokedAt).
      live = withTokenExpiration(live, token);
      if (idempotencyKey !== null && result.status < 300) {
        const stored = {
          fingerprint,
          status: result.status,
          headers: { ...result.headers },
          body: result.body === undefined ? undefined : JSON.stringify(result.body),
        };
        runtime.replays.put(token.id, idempotencyKey, stored, nowMs);
        state.changed();
      }
      return { result, tokenId, live };
    });
  } catch (error) {
    if (error instanceof ApiProblem) return { result: problemResult(error, requestId), tokenId, live };
    return { result: internalError(op, error, requestId), tokenId, live };
  }
}

/** The headers a CORS preflight allows when it names none (`Access-Control-Request-Headers`). */
const PREFLIGHT_HEADERS = 'Authorization, Content-Type, Idempotency-Key';
const HEADER_LIST = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:\s*,\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+)*$/;

/** `/v1/v1/…`: a base URL that already ends in `/v1`, with the SDK (or a script) adding `/v1` again. */
const DOUBLED_PREFIX = /^\/v1\/v1(\/|$)/;

/**
 * The answer to a CORS preflight (`OPTIONS`): the API's methods, and whatever request headers the
 * page asks for (an app's own header added through the SDK's `defaultHeaders` too), as long as
 * they are well-formed header names. @internal
 */
export function preflightHeaders(request: Request): Record<string, string> {
  const asked = request.headers.get('access-control-request-headers')?.trim() ?? '';
  return {
    'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': asked !== '' && HEADER_LIST.test(asked) ? asked : PREFLIGHT_HEADERS,
    'Access-Control-Max-Age': '600',
    Vary: 'Access-Control-Request-Headers',
  };
}

/** How the catch-all routes answer a request no operation takes. */
export interface NoRoute {
  /** The methods the path allows (a `405` with this `Allow`); empty or absent: no such path (`404`). */
  allow?: readonly string[];
  /** Set when the URL is longer than the router takes: a `414`. */
  uriTooLong?: number;
}

function notFoundRoute(request: Request, path: string, requestId: string, route: NoRoute): OperationResult {
  if (route.uriTooLong !== undefined) {
    return problemResult(
      new ApiProblem(
        'request_too_large',
        `The request URL is longer than ${route.uriTooLong} characters; no path of the GraphToken API comes close. Check the URL.`,
        { status: 414 },
      ),
      requestId,
    );
  }
  if (request.method === 'OPTIONS') return { status: 204, headers: preflightHeaders(request) };
  const { allow = [] } = route;
  if (allow.length > 0) {
    const result = problemResult(
      new ApiProblem(
        'invalid_request',
        `${path} does not take ${request.method}; it allows ${allow.join(', ')}. Check the method against spec/openapi.yaml.`,
        { status: 405 },
      ),
      requestId,
    );
    return { ...result, headers: { ...result.headers, Allow: allow.join(', ') } };
  }
  const detail = DOUBLED_PREFIX.test(path)
    ? `The GraphToken API has no operation ${request.method} ${path}: the path starts with /v1 twice. ` +
      'The base URL is the server without /v1 (the SDK adds /v1 itself): drop /v1 from baseUrl or GRAPHTOKEN_BASE_URL.'
    : `The GraphToken API has no operation ${request.method} ${path}. Check the method and path against spec/openapi.yaml.`;
  return problemResult(new ApiProblem('not_found', detail), requestId);
}

function recordedHeaders(request: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    if (key === CLIENT_HEADER) return; // set by the standalone server itself, not sent by the client
    headers[scrubEncodedSecrets(key)] =
      key === 'authorization' ? redactAuthorization(value) : scrubEncodedSecrets(value);
  });
  return headers;
}

/** Whether an operation needs no token (`security: []`): it ignores credentials. */
function isOpen(op: OperationInfo): boolean {
  return op.security.length === 0;
}

/** Whether the request's credentials name a usable token (so its operation will run). */
function presentsUsableToken(state: MockState, request: Request, url: URL): boolean {
  try {
    authenticateSecret(state, readCredential(request, url));
    return true;
  } catch {
    return false;
  }
}

/**
 * Answers one request for an operation (or, with `op` null, a path the API does not have).
 * @internal
 */
export async function answer(
  runtime: MockRuntime,
  op: OperationInfo | null,
  impl: AnyOperationImpl | null,
  request: Request,
  params: Record<string, string>,
  route: NoRoute = {},
): Promise<Response> {
  const requestId = runtime.nextRequestId();
  const url = new URL(request.url);
  const { basePath } = runtime;
  const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) || '/' : url.pathname;
  const operationId = (op?.operationId ?? null) as OperationId | null;
  const at = runtime.state.nowIso();

  // The body is read whole only when the operation may run (a known operation, credentials that
  // work); otherwise only as much as the journal records.
  let text = '';
  let truncated = false;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    // An operation that needs no token (revoke-leaked) always runs, so its body is always needed.
    const runs = op && impl && (isOpen(op) || presentsUsableToken(runtime.state, request, url));
    if (runs) text = await request.text();
    else ({ text, truncated } = await readBodyPrefix(request));
  }
  // A body nested too deeply is never parsed or walked: an operation that takes a body refuses it
  // (413, with or without a token); the others ignore it, and it is recorded as text. A recorded
  // prefix that already nests too deeply counts as such.
  const tooDeep = text !== '' && exceedsJsonDepth(text);
  const refuseBody =
    tooDeep &&
    op !== null &&
    (operationErrorCodes[op.operationId as OperationId] as readonly string[]).includes('request_too_large');
  const fault = refuseBody ? undefined : runtime.faults.take({ operationId, method: request.method, path });
  const injected = fault ? faultResult(fault) : undefined;
  const body: RequestBody = {
    text,
    parsed: text === '' ? undefined : truncated || tooDeep ? { ok: false } : parseJson(text),
  };
  let response: Response;
  let tokenId: string | null = null;
  if (refuseBody) {
    const problem = new ApiProblem(
      'request_too_large',
      `The JSON body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep; no request of the API nests more than 3. Nothing was done. Send the body the operation documents.`,
    );
    response = toResponse(problemResult(problem, requestId), requestId);
  } else if (injected === 'drop') {
    response = HttpResponse.error();
  } else if (injected) {
    response = toResponse(problemResult(injected, requestId), requestId);
  } else if (op && impl) {
    const outcome = isOpen(op)
      ? executeOpen(runtime, op, impl as OpenOperationImpl, request, url, body, requestId)
      : execute(runtime, op, impl as OperationImpl, request, url, params, body, requestId);
    tokenId = outcome.tokenId;
    response = toResponse(outcome.result, requestId, outcome.live);
  } else {
    response = toResponse(notFoundRoute(request, path, requestId, route), requestId);
  }

  const delay = (fault?.latencyMs ?? 0) + runtime.settings.latencyMs;
  if (delay > 0) await sleep(delay);

  const { parsed } = body;
  runtime.requests.record({
    requestId,
    method: request.method,
    path: scrubEncodedSecrets(path),
    url: redactUrl(url),
    operationId,
    headers: recordedHeaders(request),
    // A leak report's secrets are never recorded, not even as hints.
    body:
      operationId === 'revokeLeakedTokens'
        ? recordedLeakReport(text, parsed, truncated)
        : recordedBody(text, parsed, truncated),
    status: response.type === 'error' ? 0 : response.status,
    tokenId,
    at,
  });
  if (hasObservers() && response.type !== 'error') {
    notifyObservers({
      operationId,
      method: request.method,
      path,
      response: response.clone(),
      injected: !!injected,
    });
  }
  return response;
}
