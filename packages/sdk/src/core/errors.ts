/**
 * Every error the SDK throws: one base class, {@link APIError} subclasses per HTTP status and per
 * API `code` (built by one factory, {@link APIError.generate}, driven by the generated
 * `errorCodes` table), and the transport errors (connection, timeout, abort) and
 * {@link ResponseValidationError}, which have no status.
 *
 * No error ever holds a secret: messages, `problem`, `headers`, `cause`, `toJSON()` and
 * `util.inspect` output are scrubbed, so a token can only appear as its public hint (`gt_…abcd`).
 *
 * @see ../../../../spec/openapi.yaml `info.description` "Errors"
 */
import {
  describeTokenFormatProblem,
  type ErrorCode,
  errorCodes,
  type FieldError,
  type Problem,
  redactToken,
  type Scope,
  type TokenFormatProblem,
} from '@graphtoken/contract';
import { INSPECT, safeCause, scrub, scrubValue } from '../internal/redact.js';

/** The symbol under which an error carries the names of its class chain (shared across package copies). */
export const ERROR_KINDS: unique symbol = Symbol.for('@graphtoken/sdk.error-kinds') as never;

/** The API error codes the spec pairs with HTTP status `S` (`CodeOf<401>`: the five token failures). */
export type CodeOf<S extends number> = {
  [C in ErrorCode]: (typeof errorCodes)[C]['status'] extends S ? C : never;
}[ErrorCode];

/**
 * Whether an API `code` agrees with the HTTP status it came with (`internal_error` with any 5xx).
 * A code that does not is not trusted to pick the error class: the status does.
 */
function codeFitsStatus(code: ErrorCode, status: number): boolean {
  const expected: number | undefined = Object.hasOwn(errorCodes, code) ? errorCodes[code].status : undefined;
  return expected === status || (expected === 500 && status >= 500);
}

/**
 * Gives each class its literal `name` and its kinds (its name and its parents'), on the prototype,
 * not on instances. Keyed by the class's own name; parents come before their subclasses.
 */
function brand(classes: Record<string, abstract new (...args: never[]) => GraphTokenError>): void {
  for (const [name, cls] of Object.entries(classes)) {
    const parent = Object.getPrototypeOf(cls.prototype) as { [ERROR_KINDS]?: readonly string[] };
    Object.defineProperty(cls.prototype, 'name', { value: name, writable: true, configurable: true });
    Object.defineProperty(cls.prototype, ERROR_KINDS, {
      value: Object.freeze([name, ...(parent[ERROR_KINDS] ?? [])]),
      configurable: true,
    });
  }
}

/** Options every SDK error accepts. */
export interface GraphTokenErrorOptions {
  /** The underlying failure; stored as a scrubbed copy, never the original object. */
  cause?: unknown;
  /** Secrets to scrub from the message and cause, besides anything that looks like a token. */
  secrets?: readonly string[];
}

/**
 * The base of every error this SDK throws. Use `instanceof GraphTokenError` or
 * {@link isGraphTokenError} (which also works across duplicate copies of the package).
 */
export class GraphTokenError extends Error {
  declare readonly name: string;
  declare readonly [ERROR_KINDS]: readonly string[];

  constructor(message: string, options: GraphTokenErrorOptions = {}) {
    const secrets = options.secrets ?? [];
    const cause = safeCause(options.cause, secrets);
    super(scrub(message, secrets), cause ? { cause } : undefined);
  }

  /** A plain, secret-free description of the error, for logs. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key !== 'cause' && value !== undefined) out[key] = value;
    }
    if (this.cause instanceof Error) out.cause = { name: this.cause.name, message: this.cause.message };
    return out;
  }

  /** What Node's `util.inspect` (and so `console.log`) prints: the stack and the safe fields only. */
  [INSPECT](): string {
    const { name: _name, message: _message, ...fields } = this.toJSON();
    const extra = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields, null, 2)}` : '';
    return `${this.stack ?? `${this.name}: ${this.message}`}${extra}`;
  }
}

/** What {@link APIError.generate} needs to build an error from a response (or an offline check). */
export interface APIErrorInit {
  status: number;
  /** The parsed problem+json body, if the response had one. */
  problem?: Problem | undefined;
  /** The response headers (already safe: see `safeHeaders`). */
  headers?: Record<string, string>;
  /** The request id, from `X-Request-Id` or the body. */
  requestId?: string | undefined;
  /** The token the request used, to name it by its hint in messages; never printed in full. */
  token?: string | undefined;
  /** True when the SDK raised the error before any request (format check, declared scopes). */
  offline?: boolean;
  /** The error code, when there is no problem body (offline errors). */
  code?: ErrorCode | undefined;
  /** With `insufficient_scope` raised offline: the scopes the operation accepts. */
  requiredScopes?: readonly Scope[];
  /** With `insufficient_scope` raised offline: the scopes the client was declared with. */
  grantedScopes?: readonly Scope[];
  /** With a malformed token caught offline: what is wrong with it. */
  formatProblem?: TokenFormatProblem;
  /** With `rate_limited`: the parsed `Retry-After`, in seconds. */
  retryAfter?: number | undefined;
  /** A sentence to put first in the message (e.g. which operation, why offline). */
  lead?: string;
}

const DOCS = 'https://docs.graphtoken.dev/errors';

/**
 * An error the API answered with (or, when `offline` is true, the error it would answer with,
 * detected before any request). Subclasses exist per status and per API `code`.
 */
export class APIError extends GraphTokenError {
  /**
   * The HTTP status (for an offline error, the status the API would have answered with). Each
   * subclass narrows it to its literal (`InsufficientScopeError['status']` is `403`).
   */
  readonly status: number;
  /**
   * The API's machine-readable error code, when the body had one that agrees with the status (a
   * code the spec pairs with another status is left in `problem.code` only). Each subclass narrows
   * it: `InsufficientScopeError['code']` is `'insufficient_scope'`; a class that also stands for a
   * bare status (`NotFoundError` for a proxy's 404 page) adds `undefined`.
   */
  readonly code: ErrorCode | undefined;
  /** The request id (`req_…`) to quote to support, scrubbed of secrets; undefined for offline errors. */
  readonly requestId: string | undefined;
  /** The RFC 9457 problem details body, scrubbed. */
  readonly problem: Problem | undefined;
  /** The response headers, scrubbed (credential headers redacted). */
  readonly headers: Record<string, string>;
  /** True when the SDK detected this before sending anything. */
  readonly offline: boolean;
  /** The public hint of the token involved (`gt_…abcd`), if any. */
  readonly tokenHint: string | undefined;

  constructor(init: APIErrorInit, options: GraphTokenErrorOptions = {}) {
    const secrets = [...(options.secrets ?? []), ...(init.token ? [init.token] : [])];
    const problem = init.problem ? scrubValue(init.problem, secrets) : undefined;
    // Scrubbed as every header copy is: a proxy may echo the credential in X-Request-Id.
    const requestId = init.requestId !== undefined ? scrub(init.requestId, secrets) : problem?.requestId;
    const hint = init.token ? redactToken(init.token) : undefined;
    const claimed = problem?.code ?? init.code;
    const code = claimed !== undefined && codeFitsStatus(claimed, init.status) ? claimed : undefined;
    const context: MessageContext = {
      offline: init.offline ?? false,
      problem,
      hint,
      requiredScopes: init.requiredScopes ?? problem?.requiredScopes,
      grantedScopes: init.grantedScopes ?? problem?.grantedScopes,
      formatProblem: init.formatProblem,
    };
    super(composeMessage(init, code, context, requestId), { ...options, secrets });
    this.status = init.status;
    this.code = code;
    this.requestId = requestId;
    this.problem = problem;
    this.headers = init.headers ?? {};
    this.offline = init.offline ?? false;
    this.tokenHint = hint;
  }

  /**
   * Builds the most specific error class for a status and problem body: first by the API `code`
   * (the generated `errorCodes` table), then by status, else a plain {@link APIError}.
   */
  static generate(init: APIErrorInit, options: GraphTokenErrorOptions = {}): APIError {
    const code = init.problem?.code ?? init.code;
    const byCode =
      // codeFitsStatus is false for a code the spec does not list; ERROR_CLASSES has every listed one.
      code !== undefined && codeFitsStatus(code, init.status) ? ERROR_CLASSES[code] : undefined;
    if (byCode) return new byCode(init, options);
    const byStatus = STATUS_CLASSES[init.status] ?? (init.status >= 500 ? InternalServerError : APIError);
    return new byStatus(init, options);
  }
}

interface MessageContext {
  offline: boolean;
  problem: Problem | undefined;
  hint: string | undefined;
  requiredScopes: readonly Scope[] | undefined;
  grantedScopes: readonly Scope[] | undefined;
  formatProblem: TokenFormatProblem | undefined;
}

function composeMessage(
  init: APIErrorInit,
  code: ErrorCode | undefined,
  context: MessageContext,
  requestId: string | undefined,
): string {
  const lead = init.lead ? `${init.lead} ` : '';
  const guidance = code ? GUIDANCE[code](context) : `The API answered ${init.status}.`;
  const detail = context.problem?.detail ? ` The API said: "${context.problem.detail}"` : '';
  const where = init.offline
    ? 'detected before sending any request'
    : `${init.status}${code ? ` ${code}` : ''}${requestId ? `, request ${requestId}` : ''}`;
  const docs = code ? ` See ${DOCS}/${code}` : '';
  return `${lead}${guidance}${detail} (${where}).${docs}`;
}

const list = (scopes: readonly string[] | undefined) =>
  scopes && scopes.length > 0 ? scopes.map((s) => `'${s}'`).join(', ') : 'none';

/** What to check next, per code: the Graphor troubleshooting paths (full token? revoked? right graph? right scope?). */
const GUIDANCE: Record<ErrorCode, (context: MessageContext) => string> = {
  missing_token: ({ offline }) =>
    offline
      ? 'No token is configured: pass `token` to new GraphToken({ token }), or set GRAPHTOKEN_TOKEN (outside browsers).'
      : 'The API received no token, though the client sent one: a proxy may strip the Authorization header.',
  invalid_request: () =>
    'Refused before authentication: send exactly one token, as `Authorization: Bearer <token>`, never in the query string.',
  malformed_token: ({ hint, formatProblem }) =>
    formatProblem
      ? `The token${hint ? ` ${hint}` : ''} is not well-formed: ${describeTokenFormatProblem(formatProblem)}.`
      : `The token${hint ? ` ${hint}` : ''} is malformed: its prefix or checksum is wrong. Are you using the full token string? Copy it again from where you stored it.`,
  invalid_token: ({ hint }) =>
    `The API does not know the token${hint ? ` ${hint}` : ''}. Check that it is the full token string, for this API (baseUrl), and that it was not mistyped.`,
  token_revoked: ({ hint }) =>
    `The token${hint ? ` ${hint}` : ''} has been revoked (by a manager, by revokeSelf, or at the end of a rotation's grace period). Use the new secret if it was rotated, or create a new token.`,
  token_expired: ({ hint }) =>
    `The token${hint ? ` ${hint}` : ''} has expired. Create a new token (or rotate it before its expiresAt next time).`,
  insufficient_scope: ({ grantedScopes, requiredScopes }) =>
    `The token lacks the scope this operation needs: it has ${list(grantedScopes)}, the operation accepts any of ${list(requiredScopes)}. Use a token with the right scope.`,
  graph_not_in_token: () =>
    'The token is not bound to this graph. Check that you are using the right graph id, or use a token created with this graph in its graphIds.',
  not_graph_admin: () =>
    "Only a graph's owners and admins can mint tokens for it; the token's account is an editor or viewer of one of these graphs (a graph shared with you).",
  not_token_owner: () =>
    "Only the token's creator can rename or rotate it (a new secret acts as the creator). Ask them, revoke it, or create your own token.",
  not_found: () =>
    "Not found. Check the id, and that the token's account can see this graph (a graph it cannot see looks unknown).",
  token_not_active: () =>
    'Only an active, not yet rotated token can be rotated; this one is revoked, expired or already rotated. Rotate its successor, or create a new token.',
  request_too_large: () =>
    'The request body is larger than the API accepts. Send less per request: at most 100 blocks per append, each at most 10,000 characters.',
  validation_failed: ({ problem: p }) =>
    `The request broke the API contract${p?.errors?.length ? `: ${p.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}` : ''}.`,
  scope_not_allowed_for_encrypted_graph: () =>
    "Encrypted graphs are append-only: bind only the 'append' scope to them (presets.roamAppendOnly).",
  rate_limited: ({ problem: p }) =>
    `Rate limited${p?.retryAfter !== undefined ? `: retry after ${p.retryAfter} s` : ''}. Slow down (rateLimit: createRateLimitPacer() paces calls by the limit), or spread the work out.`,
  internal_error: () => 'The API failed. Retry later; if it persists, quote the request id to support.',
};

/** 400: the request's credentials were not sent as one `Authorization: Bearer <token>` header. */
export class InvalidRequestError extends APIError {
  declare readonly status: 400;
  declare readonly code: 'invalid_request' | undefined;
}

/** 401: the token was missing, malformed, unknown, revoked or expired. */
export class AuthenticationError extends APIError {
  declare readonly status: 401;
  declare readonly code: CodeOf<401> | undefined;
}

/** 401 `missing_token`: no token was sent (or, offline, none was configured). */
export class MissingTokenError extends AuthenticationError {
  declare readonly name: 'MissingTokenError';
  declare readonly code: 'missing_token';
}

/**
 * 401 `malformed_token`: a bad prefix, length or checksum. The SDK checks the format offline
 * before any request, so usually `offline` is true and `formatProblem` says what is wrong.
 */
export class MalformedTokenError extends AuthenticationError {
  declare readonly name: 'MalformedTokenError';
  declare readonly code: 'malformed_token';
  /** What the offline check found (`length`, `checksum`…), when it was the SDK that caught it. */
  readonly formatProblem: TokenFormatProblem | undefined;

  constructor(init: APIErrorInit, options: GraphTokenErrorOptions = {}) {
    super(init, options);
    this.formatProblem = init.formatProblem;
  }
}

/** 401 `invalid_token`: well-formed, but unknown to the API. */
export class InvalidTokenError extends AuthenticationError {
  declare readonly name: 'InvalidTokenError';
  declare readonly code: 'invalid_token';
}

/** 401 `token_revoked`: the token was revoked, or its rotation grace period ended. */
export class TokenRevokedError extends AuthenticationError {
  declare readonly name: 'TokenRevokedError';
  declare readonly code: 'token_revoked';
}

/** 401 `token_expired`: the token's `expiresAt` has passed. */
export class TokenExpiredError extends AuthenticationError {
  declare readonly name: 'TokenExpiredError';
  declare readonly code: 'token_expired';
}

/** 403: the token may not do this. */
export class PermissionDeniedError extends APIError {
  declare readonly status: 403;
  declare readonly code: CodeOf<403> | undefined;
}

/** 403 `insufficient_scope`: the token's scopes (on this graph: its effective scopes) do not cover the operation. */
export class InsufficientScopeError extends PermissionDeniedError {
  declare readonly name: 'InsufficientScopeError';
  declare readonly code: 'insufficient_scope';
  /** The scopes the operation accepts; any one of them is enough. */
  readonly requiredScopes: readonly Scope[];
  /** The token's scopes (on a graph: its effective scopes there). */
  readonly grantedScopes: readonly Scope[];

  constructor(init: APIErrorInit, options: GraphTokenErrorOptions = {}) {
    super(init, options);
    this.requiredScopes = init.requiredScopes ?? this.problem?.requiredScopes ?? [];
    this.grantedScopes = init.grantedScopes ?? this.problem?.grantedScopes ?? [];
  }
}

/** 403 `graph_not_in_token`: the token's creator can see the graph, but the token is not bound to it. */
export class GraphNotInTokenError extends PermissionDeniedError {
  declare readonly name: 'GraphNotInTokenError';
  declare readonly code: 'graph_not_in_token';
}

/** 403 `not_graph_admin`: only owners and admins mint tokens for a graph. */
export class NotGraphAdminError extends PermissionDeniedError {
  declare readonly name: 'NotGraphAdminError';
  declare readonly code: 'not_graph_admin';
}

/**
 * 403 `not_token_owner`: the caller's account can see the token (as owner or admin of a graph it is
 * bound to) but did not create it, and only the creator's account may rename (PATCH) or rotate a
 * token. Revoking it is still allowed.
 * @see DOMAIN.md "Who may do what to a token"
 */
export class NotTokenOwnerError extends PermissionDeniedError {
  declare readonly name: 'NotTokenOwnerError';
  declare readonly code: 'not_token_owner';
}

/** 404 `not_found`: unknown id, or a graph the token's creator cannot see. */
export class NotFoundError extends APIError {
  declare readonly name: 'NotFoundError';
  declare readonly status: 404;
  declare readonly code: 'not_found' | undefined;
}

/** 409: the resource is not in a state that allows this. */
export class ConflictError extends APIError {
  declare readonly status: 409;
  declare readonly code: CodeOf<409> | undefined;
}

/** 409 `token_not_active`: rotating a revoked, expired or already rotated token. */
export class TokenNotActiveError extends ConflictError {
  declare readonly name: 'TokenNotActiveError';
  declare readonly code: 'token_not_active';
}

/** 413 `request_too_large`: the body is over the API's size limit; nothing was done. */
export class RequestTooLargeError extends APIError {
  declare readonly name: 'RequestTooLargeError';
  declare readonly status: 413;
  declare readonly code: 'request_too_large' | undefined;
}

/** 422 `validation_failed`: the body, query or a header broke the contract; `fields` says which. */
export class ValidationError extends APIError {
  declare readonly status: 422;
  declare readonly code: CodeOf<422> | undefined;
  /** One entry per failing field (`name`, `blocks[2].content`, `limit`, `Idempotency-Key`). */
  readonly fields: readonly FieldError[];

  constructor(init: APIErrorInit, options: GraphTokenErrorOptions = {}) {
    super(init, options);
    this.fields = this.problem?.errors ?? [];
  }
}

/** 422 `scope_not_allowed_for_encrypted_graph`: `read`/`write` bound to an encrypted (append-only) graph. */
export class EncryptedGraphScopeError extends ValidationError {
  declare readonly name: 'EncryptedGraphScopeError';
  declare readonly code: 'scope_not_allowed_for_encrypted_graph';
}

/** 429 `rate_limited`: too many requests for this token. */
export class RateLimitError extends APIError {
  declare readonly name: 'RateLimitError';
  declare readonly status: 429;
  declare readonly code: 'rate_limited' | undefined;
  /** Seconds to wait before retrying, from `Retry-After` or the body; undefined if neither said. */
  readonly retryAfter: number | undefined;

  constructor(init: APIErrorInit, options: GraphTokenErrorOptions = {}) {
    super(init, options);
    this.retryAfter = init.retryAfter ?? this.problem?.retryAfter;
  }
}

/** 5xx: the API (or a proxy in front of it) failed. */
export class InternalServerError extends APIError {
  /** 500 or another 5xx. */
  declare readonly status: number;
  declare readonly code: 'internal_error' | undefined;
}

/**
 * The request never got a usable answer: DNS, a refused or dropped connection, or a redirect
 * (the SDK follows none; the message names where it pointed, and nothing was sent there).
 */
export class ConnectionError extends GraphTokenError {}

/** No answer in time: one attempt exceeded `timeout`, or the whole call exceeded `totalTimeout`. */
export class TimeoutError extends ConnectionError {
  declare readonly name: 'TimeoutError';
  /** Which limit was hit. */
  readonly limit: 'attempt' | 'total';
  /** The limit, in milliseconds. */
  readonly timeoutMs: number;

  constructor(limit: 'attempt' | 'total', timeoutMs: number, options: GraphTokenErrorOptions = {}) {
    super(
      limit === 'total'
        ? `The call did not complete within totalTimeout (${timeoutMs} ms), retries included. Raise totalTimeout, or check your network.`
        : `The API did not answer within timeout (${timeoutMs} ms) on the last attempt. Raise timeout, or check your network.`,
      options,
    );
    this.limit = limit;
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The token provider (the `token` function given to the client) threw, rejected or returned
 * something that is not a string. Every call waiting on that provider call rejects with this
 * error; no request was sent with a new token. The provider's error is the `cause` (scrubbed).
 */
export class TokenProviderError extends GraphTokenError {
  declare readonly name: 'TokenProviderError';
}

/** The caller aborted the call with its `AbortSignal`. */
export class AbortError extends GraphTokenError {
  declare readonly name: 'AbortError';
}

/** One problem zod found in a response (path and message; never the offending value). */
export interface ResponseIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code: string;
}

/**
 * Each ResponseValidationError's unvalidated body, outside the object: no own or private field
 * holds it, so no inspector (Node's, a browser's DevTools) lists it.
 */
const unvalidatedBodies = new WeakMap<object, unknown>();

/**
 * The API answered successfully, but the body broke the schema the spec gives (a server newer or
 * older than this SDK, or a proxy rewriting responses). Carries zod's issues, not a status.
 * Turn response validation off with `validateResponses: false`.
 */
export class ResponseValidationError extends GraphTokenError {
  declare readonly name: 'ResponseValidationError';
  /** What was wrong, as zod reported it. */
  readonly issues: readonly ResponseIssue[];
  /** The operation whose response broke its schema. */
  readonly operationId: string;
  /** The request id, to quote to support. */
  readonly requestId: string | undefined;

  /**
   * @param message What went wrong, when it is not a schema mismatch (an endless pagination);
   *   default: a summary of `issues` and what to do.
   * @param options `secrets`: the call's secrets (its token, a secret its request carried, a new
   *   secret its response carried), scrubbed from the message and from each issue's message
   *   whole, without `gt_`, percent-encoded or in pieces of 7 characters or more, besides anything
   *   that looks like a token: a server that echoes a secret into a field that fails validation,
   *   with an app's zod error map that quotes the input. `cause`: what failed, scrubbed.
   *   `body`: the parsed response body, for {@link ResponseValidationError.responseBody}.
   */
  constructor(
    operationId: string,
    issues: readonly ResponseIssue[],
    requestId: string | undefined,
    message?: string,
    options: GraphTokenErrorOptions & { body?: unknown } = {},
  ) {
    const summary = issues
      .slice(0, 5)
      .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    super(
      `${message ?? `The response to ${operationId} does not match the API schema (${summary}). The server may be newer or older than this SDK: upgrade it, or pass validateResponses: false.`}${requestId ? ` (request ${requestId})` : ''}`,
      options,
    );
    this.issues = issues.map((i) => ({
      path: [...i.path],
      message: scrub(i.message, options.secrets),
      code: i.code,
    }));
    this.operationId = operationId;
    this.requestId = requestId;
    if (options.body !== undefined) unvalidatedBodies.set(this, options.body);
  }

  /**
   * The response body as the server sent it, parsed from JSON and not validated; `undefined` when
   * it was empty or not JSON. After `createToken`, `rotateToken` or `rotateSelf` it holds the one
   * copy of the new secret the server issued (`(error.responseBody() as { secret?: unknown }).secret`):
   * the token exists, and this is the way to keep it when the SDK could not validate the answer
   * (a server newer than the SDK). It may hold secrets: never log it. It is kept out of `message`,
   * `issues`, `toJSON` and `util.inspect` for that reason.
   */
  responseBody(): unknown {
    return unvalidatedBodies.get(this);
  }
}

type APIErrorClass = new (init: APIErrorInit, options?: GraphTokenErrorOptions) => APIError;

/**
 * The class for every API error code. `satisfies Record<ErrorCode, …>` makes a code added to the
 * spec without a class a compile error; `errors.test.ts` checks each class's status too.
 */
export const ERROR_CLASSES = {
  invalid_request: InvalidRequestError,
  missing_token: MissingTokenError,
  malformed_token: MalformedTokenError,
  invalid_token: InvalidTokenError,
  token_revoked: TokenRevokedError,
  token_expired: TokenExpiredError,
  insufficient_scope: InsufficientScopeError,
  graph_not_in_token: GraphNotInTokenError,
  not_graph_admin: NotGraphAdminError,
  not_token_owner: NotTokenOwnerError,
  not_found: NotFoundError,
  token_not_active: TokenNotActiveError,
  request_too_large: RequestTooLargeError,
  validation_failed: ValidationError,
  scope_not_allowed_for_encrypted_graph: EncryptedGraphScopeError,
  rate_limited: RateLimitError,
  internal_error: InternalServerError,
} as const satisfies Record<ErrorCode, APIErrorClass>;

/** The class for a status when the body has no (known) code, e.g. an HTML page from a proxy. */
const STATUS_CLASSES: Partial<Record<number, APIErrorClass>> = {
  400: InvalidRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  413: RequestTooLargeError,
  422: ValidationError,
  429: RateLimitError,
};

/** Why an `Authorization` header passed in `defaultHeaders` or a call's `headers` is refused. */
export const AUTHORIZATION_HEADER_REFUSED =
  'Pass the token with the `token` option, not as an Authorization header: the SDK sends it only to the API origin.';

/**
 * A call was refused before any request because an argument is unsafe or impossible, e.g. a
 * token secret passed where a token id (`tok_…`) belongs, which would put the secret in a URL.
 */
export class InvalidArgumentError extends GraphTokenError {
  declare readonly name: 'InvalidArgumentError';
}

brand({
  GraphTokenError,
  APIError,
  InvalidRequestError,
  AuthenticationError,
  MissingTokenError,
  MalformedTokenError,
  InvalidTokenError,
  TokenRevokedError,
  TokenExpiredError,
  PermissionDeniedError,
  InsufficientScopeError,
  GraphNotInTokenError,
  NotGraphAdminError,
  NotTokenOwnerError,
  NotFoundError,
  ConflictError,
  TokenNotActiveError,
  RequestTooLargeError,
  ValidationError,
  EncryptedGraphScopeError,
  RateLimitError,
  InternalServerError,
  ConnectionError,
  TimeoutError,
  TokenProviderError,
  AbortError,
  ResponseValidationError,
  InvalidArgumentError,
});
