/**
 * The request pipeline behind every method: declared-scope check, offline token check, URL
 * building, `Authorization`, idempotency keys, ky 2 for retries and per-attempt timeouts, the
 * SDK's own redirect handling and overall timeout, error mapping, response validation, and one
 * retry with a fresh token after `token_expired` / `token_revoked`.
 */
import {
  canPerform,
  checkTokenFormat,
  errorCodes,
  type OperationId,
  operations,
  type Problem,
  ProblemSchema,
  type Scope,
} from '@graphtoken/contract';
import ky, { isHTTPError, isTimeoutError as isKyTimeoutError, isNetworkError, type Options } from 'ky';
import {
  AbortError,
  APIError,
  ConnectionError,
  GraphTokenError,
  InsufficientScopeError,
  InvalidArgumentError,
  MalformedTokenError,
  MissingTokenError,
  type ResponseIssue,
  ResponseValidationError,
  TimeoutError,
  TokenExpiredError,
  TokenRevokedError,
} from '../core/errors.js';
import type { Hooks } from '../core/hooks.js';
import { newIdempotencyKey } from './idempotency.js';
import { safeHeaders, scrub } from './redact.js';
import { createRedirectingFetch, type FetchLike } from './redirect-fetch.js';
import { parseRetryAfter } from './retry-after.js';
import type { TokenSource } from './token-source.js';

/** Statuses worth retrying: timeouts, rate limits and server failures. 400/401/403/404/409/422 never are. */
export const RETRY_STATUSES: readonly number[] = [408, 425, 429, 500, 502, 503, 504];

/** Retry settings after defaults are applied. */
export interface RetrySettings {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  jitter: boolean;
}

/** Everything the transport needs from the client. */
export interface TransportConfig {
  baseUrl: string;
  tokens: TokenSource;
  scopes: readonly Scope[] | undefined;
  fetch: FetchLike | undefined;
  timeout: number | false;
  totalTimeout: number | false;
  retry: RetrySettings;
  hooks: Hooks;
  userAgent: string | undefined;
  validateResponses: boolean;
  defaultHeaders: Readonly<Record<string, string>>;
}

/** Per-call options, accepted by every method as its last argument. */
export interface RequestOptions {
  /** Aborts the call (and its retries); it then rejects with `AbortError`. */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms (`false`: none). */
  timeout?: number | false;
  /** Overall timeout in ms, retries and backoff included (`false`: none). */
  totalTimeout?: number | false;
  /** Retries for this call (0: none). */
  maxRetries?: number;
  /** For POSTs: the `Idempotency-Key` to send (default: a new random key per call, reused by its retries). */
  idempotencyKey?: string;
  /** Extra request headers. `Authorization` is refused: pass the token to the client. */
  headers?: Record<string, string>;
}

/** A schema that can check a response body (a zod schema from `@graphtoken/contract`). */
export interface ResponseSchema {
  safeParse(data: unknown):
    | { success: true; data: unknown }
    | {
        success: false;
        error: { issues: readonly { code: string; path: PropertyKey[]; message: string }[] };
      };
}

/** One call to make. */
export interface CallSpec {
  operationId: OperationId;
  path?: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, string | number | boolean | null | undefined>>;
  body?: unknown;
  schema?: ResponseSchema;
}

/** A call's result with its raw response. */
export interface RawResult<T> {
  data: T;
  response: Response;
  requestId: string | undefined;
}

const SECRET_IN_ARGUMENT = /^gt_[0-9A-Za-z]{8,}/;

/** Sends calls. One per client. */
export class Transport {
  readonly #config: TransportConfig;

  constructor(config: TransportConfig) {
    this.#config = config;
  }

  /** Makes one call; rejects only with a `GraphTokenError` (or what a hook or token provider threw). */
  async call<T>(spec: CallSpec, options: RequestOptions = {}): Promise<RawResult<T>> {
    try {
      return await this.#call<T>(spec, options);
    } catch (error) {
      if (error instanceof GraphTokenError && this.#config.hooks.onError) {
        try {
          await this.#config.hooks.onError(error, { operationId: spec.operationId });
        } catch {
          // A failing onError hook must not hide the error it was told about.
        }
      }
      throw error;
    }
  }

  async #call<T>(spec: CallSpec, options: RequestOptions): Promise<RawResult<T>> {
    const op = operations[spec.operationId];
    const declared = this.#config.scopes;
    if (declared && !canPerform(declared, op.operationId)) {
      throw new InsufficientScopeError({
        status: 403,
        code: 'insufficient_scope',
        offline: true,
        requiredScopes: [...new Set(op.security.flat())],
        grantedScopes: declared,
        lead: `This client was declared with scopes [${declared.join(', ')}], which do not allow ${op.operationId}.`,
      });
    }
    const url = buildUrl(this.#config.baseUrl, spec);
    const idempotencyKey = op.method === 'POST' ? (options.idempotencyKey ?? newIdempotencyKey()) : undefined;
    const token = await this.#token(this.#config.tokens.get());
    try {
      return await this.#send<T>(spec, url, token, idempotencyKey, options);
    } catch (error) {
      const stale = error instanceof TokenExpiredError || error instanceof TokenRevokedError;
      if (!stale || !this.#config.tokens.canRefresh) throw error;
      const fresh = await this.#config.tokens.refresh(token);
      if (fresh === undefined || fresh === token) throw error;
      return await this.#send<T>(
        spec,
        url,
        await this.#token(Promise.resolve(fresh)),
        idempotencyKey,
        options,
      );
    }
  }

  /** Resolves a token and checks its format offline: a bad one never reaches the network. */
  async #token(pending: Promise<string | undefined>): Promise<string> {
    const token = await pending;
    if (token === undefined || token === '') {
      throw new MissingTokenError({
        status: 401,
        code: 'missing_token',
        offline: true,
        lead: 'No token is configured.',
      });
    }
    const check = checkTokenFormat(token);
    if (!check.ok) {
      throw new MalformedTokenError({
        status: 401,
        code: 'malformed_token',
        offline: true,
        token,
        formatProblem: check.problem,
      });
    }
    return token;
  }

  async #send<T>(
    spec: CallSpec,
    url: string,
    token: string,
    idempotencyKey: string | undefined,
    options: RequestOptions,
  ): Promise<RawResult<T>> {
    const config = this.#config;
    const op = operations[spec.operationId];
    const secrets = [token];
    const timeout = options.timeout ?? config.timeout;
    const totalTimeout = options.totalTimeout ?? config.totalTimeout;
    const maxRetries = options.maxRetries ?? config.retry.maxRetries;
    const userSignal = options.signal;
    if (userSignal?.aborted) throw abortError(userSignal, secrets);

    const headers = new Headers();
    for (const [name, value] of Object.entries({ ...config.defaultHeaders, ...options.headers })) {
      if (name.toLowerCase() === 'authorization') {
        throw new InvalidArgumentError(
          'Pass the token with the `token` option, not as an Authorization header: the SDK sends it only to the API origin.',
        );
      }
      headers.set(name, value);
    }
    headers.set('accept', 'application/json');
    headers.set('authorization', `Bearer ${token}`);
    if (config.userAgent) headers.set('user-agent', config.userAgent);
    if (idempotencyKey) headers.set('idempotency-key', idempotencyKey);

    // Started last, once nothing before the request can throw, so the timer is always cleared.
    const total = new AbortController();
    const timer =
      totalTimeout === false
        ? undefined
        : setTimeout(() => total.abort(new DOMException('total timeout', 'TimeoutError')), totalTimeout);
    const signal = userSignal ? AbortSignal.any([userSignal, total.signal]) : total.signal;

    let attempt = 0;
    let attemptStarted = 0;
    const context = { operationId: op.operationId, method: op.method };
    const hooks = config.hooks;
    const fetch = createRedirectingFetch({
      getFetch: () => config.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      onRequest: async (request, hop) => {
        if (hop === 0) {
          attempt++;
          attemptStarted = Date.now();
        }
        await hooks.onRequest?.({
          ...context,
          url: scrub(request.url, secrets),
          headers: safeHeaders(request.headers, secrets),
          attempt,
        });
      },
      onResponse: async (request, response) => {
        await hooks.onResponse?.({
          ...context,
          url: scrub(request.url, secrets),
          attempt,
          status: response.status,
          requestId: response.headers.get('x-request-id') ?? undefined,
          headers: safeHeaders(response.headers, secrets),
          durationMs: Date.now() - attemptStarted,
        });
      },
    });

    const toError = (error: unknown): unknown =>
      this.#toError(error, { token, signal: userSignal, total: total.signal, timeout, totalTimeout, url });

    const kyOptions: Options = {
      method: op.method,
      headers,
      signal,
      timeout,
      redirect: 'manual',
      throwHttpErrors: true,
      fetch: (input, init) => fetch(input instanceof Request ? input : new Request(input), init),
      retry: {
        limit: maxRetries,
        methods: ['get', 'put', 'head', 'delete', 'options', 'patch', 'post'],
        statusCodes: [...RETRY_STATUSES],
        afterStatusCodes: [...RETRY_STATUSES],
        maxRetryAfter: config.retry.maxRetryAfterMs,
        backoffLimit: config.retry.maxDelayMs,
        delay: (n) => config.retry.baseDelayMs * 2 ** (n - 1),
        // "Equal jitter": half the backoff fixed, half random, so retries spread but never collapse to 0.
        jitter: config.retry.jitter ? (delay) => delay / 2 + (Math.random() * delay) / 2 : false,
        retryOnTimeout: true,
        shouldRetry: ({ error }) => {
          if (op.method === 'POST' && !idempotencyKey) return false;
          if (isHTTPError(error)) {
            if (!RETRY_STATUSES.includes(error.response.status)) return false;
            const wait = parseRetryAfter(error.response.headers.get('retry-after'));
            // A server asking for a longer wait than the cap gets its error handed to the caller instead.
            if (wait !== undefined && wait * 1000 > config.retry.maxRetryAfterMs) return false;
            return undefined;
          }
          if (isKyTimeoutError(error)) return total.signal.aborted || userSignal?.aborted ? false : undefined;
          if (isNetworkError(error)) return true;
          if (error instanceof GraphTokenError) return false;
          return error instanceof TypeError && !signal.aborted;
        },
      },
      hooks: {
        beforeRetry: [
          async ({ error, retryCount }) => {
            const mapped = toError(error);
            if (hooks.onRetry && mapped instanceof GraphTokenError) {
              await hooks.onRetry({ ...context, url: scrub(url, secrets), retryCount, error: mapped });
            }
          },
        ],
      },
    };
    if (spec.body !== undefined) kyOptions.json = spec.body;

    try {
      const response = await ky(url, kyOptions);
      const requestId = response.headers.get('x-request-id') ?? undefined;
      const data = await readBody(response, spec, config.validateResponses, requestId);
      return { data: data as T, response, requestId };
    } catch (error) {
      throw toError(error);
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }

  #toError(
    error: unknown,
    ctx: {
      token: string;
      signal: AbortSignal | undefined;
      total: AbortSignal;
      timeout: number | false;
      totalTimeout: number | false;
      url: string;
    },
  ): unknown {
    const secrets = [ctx.token];
    if (error instanceof GraphTokenError) return error;
    if (ctx.signal?.aborted) return abortError(ctx.signal, secrets);
    if (ctx.total.aborted)
      return new TimeoutError('total', ctx.totalTimeout === false ? 0 : ctx.totalTimeout);
    if (isKyTimeoutError(error)) return new TimeoutError('attempt', ctx.timeout === false ? 0 : ctx.timeout);
    if (isHTTPError(error)) {
      const response = error.response;
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      return APIError.generate(
        {
          status: response.status,
          problem: toProblem(error.data),
          headers: safeHeaders(response.headers, secrets),
          requestId: response.headers.get('x-request-id') ?? undefined,
          token: ctx.token,
          retryAfter,
        },
        { secrets },
      );
    }
    if (isNetworkError(error) || error instanceof TypeError || isDomException(error)) {
      const cause = isNetworkError(error) ? error.cause : error;
      const reason = cause instanceof Error ? cause.message : String(cause);
      return new ConnectionError(
        `Could not reach the API at ${new URL(ctx.url).origin} (${reason}). Check your network connection and baseUrl.`,
        { cause, secrets },
      );
    }
    return error;
  }
}

function abortError(signal: AbortSignal, secrets: readonly string[]): AbortError {
  return new AbortError('The call was aborted by its AbortSignal.', { cause: signal.reason, secrets });
}

function isDomException(error: unknown): boolean {
  return typeof DOMException !== 'undefined' && error instanceof DOMException;
}

/** The URL of a call; refuses a token secret in a path or query parameter (it would end up in logs). */
export function buildUrl(baseUrl: string, spec: CallSpec): string {
  const op = operations[spec.operationId];
  let path: string = op.path;
  for (const name of op.pathParams) {
    const value = spec.path?.[name];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new InvalidArgumentError(`${op.operationId} needs a non-empty ${name}.`);
    }
    if (SECRET_IN_ARGUMENT.test(value)) {
      throw new InvalidArgumentError(
        `${name} looks like a token secret (gt_…). Pass the token's id (tok_…) instead: a secret must never appear in a URL. Nothing was sent.`,
      );
    }
    path = path.replace(`{${name}}`, encodeURIComponent(value));
  }
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(spec.query ?? {})) {
    if (value === undefined || value === null) continue;
    const text = String(value);
    if (SECRET_IN_ARGUMENT.test(text)) {
      throw new InvalidArgumentError(
        `The query parameter ${name} looks like a token secret (gt_…); a secret must never appear in a URL. Nothing was sent.`,
      );
    }
    search.append(name, text);
  }
  const query = search.toString();
  return `${baseUrl}${path}${query ? `?${query}` : ''}`;
}

async function readBody(
  response: Response,
  spec: CallSpec,
  validate: boolean,
  requestId: string | undefined,
): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ResponseValidationError(
      spec.operationId,
      [{ path: [], message: 'the response body is not JSON', code: 'invalid_json' }],
      requestId,
    );
  }
  if (!validate || !spec.schema) return data;
  const result = spec.schema.safeParse(data);
  if (result.success) return result.data;
  const issues: ResponseIssue[] = result.error.issues.map((i) => ({
    path: i.path,
    message: i.message,
    code: i.code,
  }));
  throw new ResponseValidationError(spec.operationId, issues, requestId);
}

/** The problem body of an error response; lenient, so a slightly off body still yields its code. */
function toProblem(data: unknown): Problem | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const parsed = ProblemSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const code = (data as { code?: unknown }).code;
  if (typeof code === 'string' && Object.hasOwn(errorCodes, code)) return data as Problem;
  return undefined;
}
