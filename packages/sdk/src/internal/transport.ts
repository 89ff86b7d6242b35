/**
 * The request pipeline behind every method: declared-scope check, offline token check, URL
 * building, `Authorization`, idempotency keys, ky 2 for retries, backoff, `Retry-After` and both
 * timeouts, the SDK's refusal of redirects, error mapping, response validation, and one retry
 * with a fresh token after `token_expired` / `token_revoked`.
 *
 * Per call it builds as little as it can: one ky instance per client carries the retry rules and
 * timeouts; the headers are a plain object; no signal is given to ky unless the caller passed one
 * (ky then combines it with its own: the only `AbortSignal.any` a call can cost), so ky runs one
 * timer per attempt, covering the overall limit too; the hooks' bookkeeping exists only when hooks
 * do, the pacing closure only with a pacer, and a failure's context (its scrub list of secrets
 * included) only when a call fails; and the `Request` ky builds is the one sent (see
 * redirect-fetch.ts). The success body is read inside the attempt, so both timeouts and the
 * retries cover it.
 */
import {
  canPerform,
  checkTokenFormat,
  containsSecret,
  matchesPathParam,
  type OperationId,
  operations,
  type PathParamName,
  pathParamPatterns,
  type Scope,
  TokenWithSecretSchema,
} from '@graphtoken/contract';
import ky, {
  isHTTPError,
  isTimeoutError as isKyTimeoutError,
  isNetworkError,
  type KyInstance,
  type Options,
} from 'ky';
import { type $ZodType, safeParse } from 'zod/v4/core';
import {
  AbortError,
  APIError,
  AUTHORIZATION_HEADER_REFUSED,
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
import type { PacerRelease, RateLimitPacer } from '../core/rate-limit-pacer.js';
import { compileSchema } from './compile-schema.js';
import { newIdempotencyKey } from './idempotency.js';
import { readProblem } from './problem.js';
import { requestIdOf, safeHeaders, scrub } from './redact.js';
import { type FetchLike, fetchRefusingRedirects, type RedirectOptions } from './redirect-fetch.js';
import { parseRetryAfter } from './retry-after.js';
import type { ExpiryWatch } from './token-expiry.js';
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
  /** Paces requests by the rate-limit headers (the client's `rateLimit` option). */
  pacer?: RateLimitPacer | undefined;
  /** Warns when the token nears its expiry (the client's `onTokenExpiring` option). */
  expiry?: ExpiryWatch | undefined;
}

/** Per-call options, accepted by every method as its last argument. */
export interface RequestOptions {
  /** Aborts the call (and its retries); it then rejects with `AbortError`. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout in ms (`false`: none). */
  timeout?: number | false | undefined;
  /** Overall timeout in ms, retries, backoff and waiting for a token provider included (`false`: none). */
  totalTimeout?: number | false | undefined;
  /** Retries for this call (0: none). */
  maxRetries?: number | undefined;
  /**
   * For POSTs: the `Idempotency-Key` to send (default: a new random key per call, reused by its
   * retries). One with NUL, CR or LF is refused with `InvalidArgumentError` before anything is sent.
   */
  idempotencyKey?: string | undefined;
  /**
   * Extra request headers. `Authorization` is refused: pass the token to the client. An invalid
   * name, or a value with NUL, CR or LF, is refused with `InvalidArgumentError` (naming the header,
   * never quoting its value) before anything is sent.
   */
  headers?: Record<string, string> | undefined;
}

/** A schema that checks a response body: a zod schema from `@graphtoken/contract`. */
export type ResponseSchema = $ZodType;

/** One call to make. */
export interface CallSpec {
  operationId: OperationId;
  path?: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, string | number | boolean | null | undefined>>;
  body?: unknown;
  schema?: ResponseSchema;
  /**
   * The call acts on the calling token itself (`DELETE /v1/tokens/self`, `POST
   * /v1/tokens/self/rotate`): after `token_revoked` or `token_expired` it is never repeated with a
   * refreshed token, which would revoke or rotate the successor; after a success a token provider
   * is asked again on the next call, so the client moves to the successor at once instead of
   * sending the old secret until its grace period ends (and rotating it, not the successor, again).
   * When the answer carries the successor's `secret`, it is used while the provider still answers
   * the retired one (the app may be storing the new secret meanwhile).
   */
  actsOnCallingToken?: boolean;
  /**
   * The API error code that, on a retry after an attempt that may have reached the server (a 5xx,
   * a timeout, a dropped connection), means that attempt already did the job: the DELETE resolves.
   */
  doneIf?: 'not_found' | 'token_revoked';
  /**
   * Secrets the call carries in its body (the reported ones of `revoke-leaked`): scrubbed, as the
   * token is, from every error and hook event.
   */
  secrets?: readonly string[];
}

/** A call's result with its raw response. */
export interface RawResult<T> {
  data: T;
  response: Response;
  requestId: string | undefined;
}

/** Every method may be retried: a POST only with its `Idempotency-Key` (see {@link Transport}). */
const RETRY_METHODS = ['get', 'put', 'head', 'delete', 'options', 'patch', 'post'];

/** Sends calls. One per client. */
export class Transport {
  readonly #config: TransportConfig;
  /** ky with the client's retry rules and timeout; calls add only what differs per call. */
  readonly #ky: KyInstance;
  /** The client's own request headers (defaults, `accept`, `user-agent`), built on the first call. */
  #baseHeaders: Record<string, string> | undefined;
  /** The last token that passed the offline format check (a CRC32 per call otherwise). */
  #checkedToken: string | undefined;
  /** For a client declared with scopes: the operations they allow, worked out once per client. */
  readonly #allowed: ReadonlySet<OperationId> | undefined;
  /** What fetchRefusingRedirects needs for a call without hooks: the same for every call. */
  readonly #redirect: RedirectOptions;

  constructor(config: TransportConfig) {
    this.#config = config;
    this.#redirect = { fetch: config.fetch };
    const declared = config.scopes;
    this.#allowed = declared
      ? new Set((Object.keys(operations) as OperationId[]).filter((id) => canPerform(declared, id)))
      : undefined;
    const retry = config.retry;
    this.#ky = ky.create({
      timeout: config.timeout,
      totalTimeout: config.totalTimeout,
      redirect: 'manual',
      retry: {
        limit: retry.maxRetries,
        methods: RETRY_METHODS,
        statusCodes: RETRY_STATUSES as number[],
        afterStatusCodes: RETRY_STATUSES as number[],
        maxRetryAfter: retry.maxRetryAfterMs,
        backoffLimit: retry.maxDelayMs,
        delay: (n) => retry.baseDelayMs * 2 ** (n - 1),
        // "Equal jitter": half the backoff fixed, half random, so retries spread but never collapse to 0.
        jitter: retry.jitter ? (delay) => delay / 2 + (Math.random() * delay) / 2 : false,
        retryOnTimeout: true,
        // ky's own rules decide the rest: RETRY_STATUSES only, timeouts, recognised network errors.
        // An aborted call is never retried: ky's backoff waits on the call's signal and fails first.
        shouldRetry: ({ error }) => {
          if (isHTTPError(error)) {
            const wait = parseRetryAfter(error.response.headers.get('retry-after'));
            if (wait === undefined) return undefined;
            // A server asking for a longer wait than the cap, or than the call has left, gets its
            // error (with retryAfter) handed to the caller at once.
            const deadline = error.options.context.deadline as number | undefined;
            return wait * 1000 > Math.min(retry.maxRetryAfterMs, (deadline ?? Infinity) - performance.now())
              ? false
              : undefined;
          }
          // A fetch that fails with a TypeError ky does not recognise is still a failed connection.
          return isNetworkError(error) || error instanceof TypeError ? true : undefined;
        },
      },
    });
  }

  /** Makes one call; rejects only with a `GraphTokenError` (or what a hook or token provider threw). */
  call<T>(spec: CallSpec, options: RequestOptions = {}): Promise<RawResult<T>> {
    const result = this.#call<T>(spec, options);
    const onError = this.#config.hooks.onError;
    if (!onError) return result;
    return result.catch(async (error: unknown) => {
      if (error instanceof GraphTokenError) {
        try {
          await onError(error, { operationId: spec.operationId });
        } catch {
          // A failing onError hook must not hide the error it was told about.
        }
      }
      throw error;
    });
  }

  async #call<T>(spec: CallSpec, options: RequestOptions): Promise<RawResult<T>> {
    const config = this.#config;
    const op = operations[spec.operationId];
    const declared = config.scopes;
    if (declared && !this.#allowed?.has(op.operationId)) {
      throw new InsufficientScopeError({
        status: 403,
        code: 'insufficient_scope',
        offline: true,
        requiredScopes: [...new Set(op.security.flat())],
        grantedScopes: declared,
        lead: `This client was declared with scopes [${declared.join(', ')}], which do not allow ${op.operationId}.`,
      });
    }
    const url = buildUrl(config.baseUrl, spec);
    const idempotencyKey = op.method === 'POST' ? (options.idempotencyKey ?? newIdempotencyKey()) : undefined;
    // One overall limit for the whole call: the token provider, its retries and a repeat with a refreshed token included.
    const totalTimeout = options.totalTimeout ?? config.totalTimeout;
    const started = performance.now();
    // `security: []` (revoke-leaked): no token is looked up or sent, so a client without one works.
    if (op.security.length === 0) {
      return await this.#send<T>(spec, url, '', idempotencyKey, options, totalTimeout, started);
    }
    const token = this.#checkToken(
      await this.#waitToken(config.tokens.get(), options.signal, totalTimeout, started),
      config.tokens.canRefresh,
    );
    try {
      const result = await this.#send<T>(spec, url, token, idempotencyKey, options, totalTimeout, started);
      // A self-rotation's answer carries the successor's secret (`{ token, secret }`); revokeSelf's none.
      if (spec.actsOnCallingToken)
        config.tokens.invalidate(token, (result.data as { secret?: string } | undefined)?.secret);
      return result;
    } catch (error) {
      const stale = error instanceof TokenExpiredError || error instanceof TokenRevokedError;
      if (!stale || !config.tokens.canRefresh || spec.actsOnCallingToken) throw error;
      const fresh = await this.#waitToken(
        config.tokens.refresh(token),
        options.signal,
        totalTimeout,
        started,
      );
      if (fresh === undefined || fresh === token) throw error;
      const left = totalTimeout === false ? false : totalTimeout - (performance.now() - started);
      if (left !== false && left <= 0) throw new TimeoutError('total', totalTimeout as number);
      // The retired secret stays on the repeat's scrub list: its server may still echo it.
      return await this.#send<T>(
        { ...spec, secrets: spec.secrets ? [...spec.secrets, token] : [token] },
        url,
        this.#checkToken(fresh, true),
        idempotencyKey,
        options,
        left,
        started,
      );
    }
  }

  /**
   * Waits for the token provider no longer than the call's `totalTimeout` (then `TimeoutError`,
   * and the next call asks the provider again) and its signal (then `AbortError`).
   */
  async #waitToken<T>(
    value: T | Promise<T>,
    signal: AbortSignal | undefined,
    totalTimeout: number | false,
    started: number,
  ): Promise<T> {
    if (!(value instanceof Promise)) return value;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    try {
      return await new Promise<T>((resolve, reject) => {
        value.then(resolve, reject);
        if (totalTimeout !== false) {
          timer = setTimeout(
            () => {
              this.#config.tokens.forget(value);
              reject(new TimeoutError('total', totalTimeout));
            },
            totalTimeout - (performance.now() - started),
          );
        }
        if (signal) {
          onAbort = () => reject(abortError(signal, []));
          if (signal.aborted) onAbort();
          signal.addEventListener('abort', onAbort);
        }
      });
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Checks a token's format offline: a bad one never reaches the network. */
  #checkToken(token: string | undefined, fromProvider: boolean): string {
    if (token === undefined || token === '') {
      throw new MissingTokenError({
        status: 401,
        code: 'missing_token',
        offline: true,
        ...(fromProvider ? { lead: 'The token provider returned an empty token.' } : {}),
      });
    }
    if (token === this.#checkedToken) return token;
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
    this.#checkedToken = token;
    return token;
  }

  /**
   * The request headers, as a plain object: ky and `Request` take one, where a `Headers` would be
   * copied twice more. They are first set on a `Headers`, in the same order as ever, so an invalid
   * name or value (NUL, CR, LF) fails here, before anything is sent, with an
   * {@link InvalidArgumentError} that names the header but never quotes its value (it may be a
   * secret), as `defaultHeaders` do at construction; without per-call headers that happens once
   * per client.
   */
  #requestHeaders(token: string, idempotencyKey: string | undefined, options: RequestOptions) {
    const config = this.#config;
    const extra = options.headers;
    let base: Record<string, string> | undefined = extra ? undefined : this.#baseHeaders;
    if (!base) {
      const headers = new Headers();
      for (const [name, value] of Object.entries({ ...config.defaultHeaders, ...extra })) {
        if (name.toLowerCase() === 'authorization') {
          throw new InvalidArgumentError(AUTHORIZATION_HEADER_REFUSED);
        }
        setHeader(headers, name, value, token);
      }
      headers.set('accept', 'application/json');
      if (config.userAgent) headers.set('user-agent', config.userAgent);
      base = Object.fromEntries(headers);
      if (!extra) this.#baseHeaders = base;
    }
    const out: Record<string, string> = token ? { ...base, authorization: `Bearer ${token}` } : { ...base };
    if (idempotencyKey) {
      // Only a caller's key can be invalid; ours are UUIDs.
      if (options.idempotencyKey !== undefined)
        setHeader(new Headers(), 'idempotency-key', idempotencyKey, token);
      out['idempotency-key'] = idempotencyKey;
    }
    return out;
  }

  async #send<T>(
    spec: CallSpec,
    url: string,
    token: string,
    idempotencyKey: string | undefined,
    options: RequestOptions,
    totalTimeout: number | false,
    started: number,
  ): Promise<RawResult<T>> {
    const config = this.#config;
    const op = operations[spec.operationId];
    const userSignal = options.signal;
    if (userSignal?.aborted) throw abortError(userSignal, secretsOf(spec, token));
    const headers = this.#requestHeaders(token, idempotencyKey, options);
    const total = options.totalTimeout ?? config.totalTimeout;
    // Without hooks, the client's own: nothing per call.
    let redirect = this.#redirect;
    // The success body, read inside the attempt: a connection that drops while it is read fails the
    // attempt like any connection error, so ky retries it (a GET, or a POST with its
    // Idempotency-Key: the API replays the stored answer) and its per-attempt timeout covers it.
    let text: string | undefined;
    // Whether an earlier attempt may have reached the server and acted (see CallSpec.doneIf).
    let reached = false;
    // Rate-limit pacing (opt-in): each attempt takes a place before it is sent (the first here,
    // retries in ky's beforeRetry hook, outside the per-attempt timeout) and gives it back with
    // its answer. `place` is the place taken for the next attempt.
    const pacer = config.pacer;
    let place: PacerRelease | undefined;
    const takePlace =
      pacer &&
      (async () => {
        place = await pacer.acquire(op.security.length === 0 ? 'client' : 'token', {
          signal: userSignal,
          timeLeftMs: total === false ? undefined : total - (performance.now() - started),
          totalTimeoutMs: total || 0,
        });
      });
    const expiry = token ? config.expiry : undefined;
    const kyOptions: Options = {
      method: op.method,
      headers,
      fetch: async (input, init) => {
        const request = input instanceof Request ? input : new Request(input);
        const mine = place;
        place = undefined;
        try {
          const response = await fetchRefusingRedirects(request, init, redirect, () =>
            secretsOf(spec, token),
          );
          mine?.(response);
          expiry?.check(response, token, op.operationId);
          if (response.status >= 500) reached = true;
          if (response.ok) text = await readText(response, request.signal);
          return response;
        } catch (error) {
          mine?.();
          // A refused connection never reached it.
          if ((error as { cause?: { code?: unknown } })?.cause?.code !== 'ECONNREFUSED') reached = true;
          throw error;
        }
      },
    };
    if (userSignal) kyOptions.signal = userSignal;
    // The whole call's deadline, for a Retry-After that would outlast it (see shouldRetry).
    if (total !== false) kyOptions.context = { deadline: started + total };
    if (options.timeout !== undefined) kyOptions.timeout = options.timeout;
    if (totalTimeout !== config.totalTimeout) kyOptions.totalTimeout = totalTimeout;
    // A POST without an Idempotency-Key (the caller passed '') is never retried.
    if (op.method === 'POST' && !idempotencyKey) kyOptions.retry = { limit: 0 };
    else if (options.maxRetries !== undefined) kyOptions.retry = { limit: options.maxRetries };
    // The hooks' bookkeeping (attempt numbers, timings, redacted events) only when there are hooks.
    const hooks = config.hooks;
    if (hooks.onRequest || hooks.onResponse || hooks.onRetry) {
      const context = { operationId: op.operationId, method: op.method };
      const secrets = secretsOf(spec, token);
      let attempt = 0;
      let attemptStarted = 0;
      redirect = {
        fetch: config.fetch,
        onRequest: async (request) => {
          attempt++;
          attemptStarted = Date.now();
          await hooks.onRequest?.({
            ...context,
            url: scrub(request.url, secrets),
            headers: safeHeaders(request.headers, secrets),
            attempt,
          });
        },
        onResponse: async (request, response) => {
          if (!hooks.onResponse) return;
          // A create's or rotate's answer carries a new secret a server may echo in a header: read
          // from a copy of the body (the call reads the original), to scrub it from the event too.
          const issued =
            spec.schema === TokenWithSecretSchema && response.ok
              ? issuedSecret(
                  await response
                    .clone()
                    .json()
                    .catch(() => undefined),
                )
              : undefined;
          const shown = issued ? [...secrets, issued] : secrets;
          await hooks.onResponse({
            ...context,
            url: scrub(request.url, shown),
            attempt,
            status: response.status,
            requestId: requestIdOf(response.headers, shown),
            headers: safeHeaders(response.headers, shown),
            durationMs: Date.now() - attemptStarted,
          });
        },
      };
      const onRetry = hooks.onRetry;
      if (onRetry) {
        kyOptions.hooks = {
          beforeRetry: [
            async ({ error, retryCount }) => {
              const mapped = this.#toError(error, spec, token, options, started, url);
              if (mapped instanceof GraphTokenError) {
                await onRetry({ ...context, url: scrub(url, secrets), retryCount, error: mapped });
              }
            },
          ],
        };
      }
    }
    if (takePlace) {
      const beforeRetry = kyOptions.hooks?.beforeRetry ?? [];
      kyOptions.hooks = { beforeRetry: [...beforeRetry, takePlace] };
    }

    try {
      if (spec.body !== undefined) {
        kyOptions.body = JSON.stringify(spec.body);
        headers['content-type'] ??= 'application/json';
      }
      if (takePlace) {
        await takePlace();
        // ky's own overall limit starts now: give it what the wait left.
        if (total !== false) {
          const left = total - (performance.now() - started);
          if (left <= 0) throw new TimeoutError('total', total);
          kyOptions.totalTimeout = left;
        }
      }
      const response = await this.#ky(url, kyOptions);
      let requestId = requestIdOf(response.headers, secretsOf(spec, token));
      const data = parseBody(text ?? '', spec, config.validateResponses, requestId, token);
      // A server that echoes the secret it just issued (create, rotate) in X-Request-Id.
      const issued = issuedSecret(data);
      if (requestId && issued) requestId = scrub(requestId, [issued]);
      return { data: data as T, response, requestId };
    } catch (error) {
      if (reached && spec.doneIf && isHTTPError(error)) {
        const response = error.response;
        if (readProblem(error.data, response.status)?.code === spec.doneIf) {
          return {
            data: undefined as T,
            response,
            requestId: requestIdOf(response.headers, secretsOf(spec, token)),
          };
        }
      }
      throw this.#toError(error, spec, token, options, started, url);
    } finally {
      // A place taken for an attempt that was never sent.
      place?.();
    }
  }

  /**
   * The SDK error a raw failure of a call stands for. Everything it needs (the scrub list
   * included) is worked out here, when a call fails, not for every call.
   */
  #toError(
    error: unknown,
    spec: CallSpec,
    token: string,
    options: RequestOptions,
    started: number,
    url: string,
  ): unknown {
    if (error instanceof GraphTokenError) return error;
    const secrets = secretsOf(spec, token);
    const signal = options.signal;
    if (signal?.aborted) return abortError(signal, secrets);
    if (isKyTimeoutError(error)) {
      // ky's TimeoutError does not say which limit it was: the overall one is spent when the call is that old.
      const total = options.totalTimeout ?? this.#config.totalTimeout;
      const timeout = options.timeout ?? this.#config.timeout;
      return total !== false && performance.now() - started >= total
        ? new TimeoutError('total', total)
        : new TimeoutError('attempt', timeout === false ? 0 : timeout);
    }
    if (isHTTPError(error)) {
      const response = error.response;
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      return APIError.generate(
        {
          status: response.status,
          problem: readProblem(error.data, response.status),
          headers: safeHeaders(response.headers, secrets),
          requestId: requestIdOf(response.headers, secrets),
          token,
          retryAfter,
        },
        { secrets },
      );
    }
    // ky wraps a failure whose message it knows (`terminated`) in its NetworkError.
    const raw = isNetworkError(error) ? error.cause : error;
    const origin = new URL(url).origin;
    if (raw instanceof BodyReadError) {
      return new ConnectionError(
        `The connection to ${origin} dropped while its answer was read (${raw.message}), on every attempt. Check your network and any proxy.`,
        { cause: raw.cause, secrets },
      );
    }
    if (isNetworkError(error) || error instanceof TypeError || isDomException(error)) {
      const cause = isNetworkError(error) ? error.cause : error;
      const reason = cause instanceof Error ? cause.message : String(cause);
      return new ConnectionError(
        `Could not reach the API at ${origin} (${reason}). Check your network connection and baseUrl.`,
        { cause, secrets },
      );
    }
    return error;
  }
}

/**
 * Sets a caller's header; an invalid name or value (NUL, CR, LF) is refused with an
 * InvalidArgumentError that names the header and never quotes the value (it may be a secret).
 */
function setHeader(headers: Headers, name: string, value: string, token: string): void {
  try {
    headers.set(name, value);
  } catch {
    throw new InvalidArgumentError(
      `${JSON.stringify(scrub(name, [token]).slice(0, 60))} is not a valid HTTP header (no NUL, CR or LF in its value). Nothing was sent.`,
    );
  }
}

/** What to scrub from a call's errors and hook events: its token and the secrets its body carries. */
function secretsOf(spec: CallSpec, token: string): string[] {
  return spec.secrets ? [token, ...spec.secrets] : [token];
}

function abortError(signal: AbortSignal, secrets: readonly string[]): AbortError {
  return new AbortError('The call was aborted by its AbortSignal.', { cause: signal.reason, secrets });
}

function isDomException(error: unknown): boolean {
  return typeof DOMException !== 'undefined' && error instanceof DOMException;
}

/**
 * The URL of a call. Refuses, before anything is sent, a path parameter that breaks its pattern in
 * the spec (`self`, `.`, `..`, `/`: it could reach another operation) and a token secret in a path
 * or query parameter (it would end up in logs).
 */
export function buildUrl(baseUrl: string, spec: CallSpec): string {
  const op = operations[spec.operationId];
  let path: string = op.path;
  for (const name of op.pathParams) {
    const value = String(spec.path?.[name] ?? '');
    if (containsSecret(value)) {
      throw new InvalidArgumentError(
        `${name} looks like a token secret (gt_…). Pass the token's id (tok_…) instead: a secret must never appear in a URL. Nothing was sent.`,
      );
    }
    // The spec's pattern: `self`, `.`, `..`, `/`, `?` or `#` in an id could reach another operation.
    if (!matchesPathParam(name, value)) {
      throw new InvalidArgumentError(
        `${op.operationId}: ${name} ${JSON.stringify(value.slice(0, 40))} must match ${pathParamPatterns[name as PathParamName]}: pass the id as the API returned it. Nothing was sent.`,
      );
    }
    path = path.replace(`{${name}}`, encodeURIComponent(value));
  }
  if (!spec.query) return baseUrl + path;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(spec.query)) {
    if (value === undefined || value === null) continue;
    const text = String(value);
    if (containsSecret(text)) {
      throw new InvalidArgumentError(
        `The query parameter ${name} looks like a token secret (gt_…); a secret must never appear in a URL. Nothing was sent.`,
      );
    }
    search.append(name, text);
  }
  const query = search.toString();
  return `${baseUrl}${path}${query ? `?${query}` : ''}`;
}

/**
 * A response body that failed while it was read (the connection dropped mid-body). A `TypeError`,
 * as the platform's own network failures are, so ky's retry treats it as one.
 */
class BodyReadError extends TypeError {}

/** Reads a body; a failure that is not the call's own abort becomes a {@link BodyReadError}. */
async function readText(response: Response, signal: AbortSignal): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    if (signal.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new BodyReadError(reason, { cause: error });
  }
}

/**
 * The data of a success response. An empty body where the operation returns one (a 200 with
 * `Content-Type: application/json` and no bytes, from a proxy or a crashed server) is a
 * {@link ResponseValidationError}, with or without validation: never `undefined`.
 */
function parseBody(
  text: string,
  spec: CallSpec,
  validate: boolean,
  requestId: string | undefined,
  token: string,
): unknown {
  if (text === '') {
    if (operations[spec.operationId].successStatus === 204) return undefined;
    throw new ResponseValidationError(
      spec.operationId,
      [{ path: [], message: 'the response body is empty', code: 'empty_body' }],
      requestId,
      `The API answered ${spec.operationId} with an empty body where JSON was due (cut by a proxy or a failing server?). Retry; quote the request id if it persists.`,
    );
  }
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
  let issues: readonly ResponseIssue[];
  try {
    const result = safeParse(compileSchema(spec.schema), data);
    if (result.success) return result.data;
    // zod builds its issues (and runs the app's error map) when `error` is first read.
    issues = result.error.issues;
  } catch (error) {
    // zod pushes every issue in one call (a body broken in about 125,000 places overflows the
    // stack), or the app's error map threw.
    const issue = {
      path: [],
      message: 'the response body breaks its schema, and its issues could not be listed (see cause)',
      code: 'issues_not_listed',
    };
    throw invalidResponse(spec, token, data, requestId, [issue], error);
  }
  throw invalidResponse(spec, token, data, requestId, issues);
}

/** A new secret a response body carries (create, rotate: `{ token, secret }`), if any. */
function issuedSecret(data: unknown): string | undefined {
  const secret = (data as { secret?: unknown } | null)?.secret;
  return typeof secret === 'string' ? secret : undefined;
}

/**
 * The error for a response body that breaks its schema: zod's issues as they are (the error keeps
 * only their path, message and code), with the call's secrets and a new secret the body carries
 * (create, rotate) scrubbed from every message, and the body kept for `responseBody()`.
 */
function invalidResponse(
  spec: CallSpec,
  token: string,
  data: unknown,
  requestId: string | undefined,
  issues: readonly ResponseIssue[],
  cause?: unknown,
): ResponseValidationError {
  const issued = issuedSecret(data);
  const secrets = [...secretsOf(spec, token), ...(issued ? [issued] : [])];
  return new ResponseValidationError(
    spec.operationId,
    issues,
    // Already scrubbed of the call's secrets (requestIdOf); the issued one is new here.
    requestId && issued ? scrub(requestId, [issued]) : requestId,
    undefined,
    {
      secrets,
      cause,
      body: data,
    },
  );
}
