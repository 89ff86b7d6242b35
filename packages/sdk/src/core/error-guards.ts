/**
 * Type guards for every SDK error. Each matches an `instanceof` and, failing that, the error's
 * branded class chain (`Symbol.for('@graphtoken/sdk.error-kinds')`), so it also recognises errors
 * thrown by another copy of this package (two versions in node_modules, another realm), where
 * `instanceof` is false. A foreign error that merely shares a common name (`TimeoutError`,
 * `ValidationError`) is never matched: the brand is required.
 */
import {
  AbortError,
  APIError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  EncryptedGraphScopeError,
  ERROR_KINDS,
  GraphNotInTokenError,
  GraphTokenError,
  InsufficientScopeError,
  InternalServerError,
  InvalidArgumentError,
  InvalidRequestError,
  InvalidTokenError,
  MalformedTokenError,
  MissingTokenError,
  NotFoundError,
  NotGraphAdminError,
  NotTokenOwnerError,
  PermissionDeniedError,
  RateLimitError,
  RequestTooLargeError,
  ResponseValidationError,
  TimeoutError,
  TokenExpiredError,
  TokenNotActiveError,
  TokenProviderError,
  TokenRevokedError,
  ValidationError,
} from './errors.js';

function hasKind(value: unknown, name: string): boolean {
  if (value === null || typeof value !== 'object') return false;
  const kinds = (value as { [ERROR_KINDS]?: unknown })[ERROR_KINDS];
  return Array.isArray(kinds) && kinds.includes(name);
}

// biome-ignore lint/suspicious/noExplicitAny: constructor parameter lists differ per class
type ErrorClass = abstract new (...args: any[]) => GraphTokenError;

/**
 * A guard for a class: `instanceof`, or the class's name among the error's kinds, so that it also
 * recognises an error from another copy of the package. The name is the one `brand()` gave the class.
 * Marked free of side effects, so a bundler drops every guard an app does not import.
 */
/* @__NO_SIDE_EFFECTS__ */
function guard<C extends ErrorClass>(cls: C): (value: unknown) => value is InstanceType<C> {
  const name = (cls.prototype as { name: string }).name;
  return (value: unknown): value is InstanceType<C> => value instanceof cls || hasKind(value, name);
}

/** Whether a value is any error thrown by this SDK. */
export const isGraphTokenError = guard(GraphTokenError);
/** Whether a value is an error the API answered with (or an offline equivalent). */
export const isAPIError = guard(APIError);
/** Whether a value is a 400 `invalid_request`. */
export const isInvalidRequestError = guard(InvalidRequestError);
/** Whether a value is any 401 (missing, malformed, invalid, revoked or expired token). */
export const isAuthenticationError = guard(AuthenticationError);
/** Whether a value is a `missing_token` error. */
export const isMissingTokenError = guard(MissingTokenError);
/** Whether a value is a `malformed_token` error (usually caught offline). */
export const isMalformedTokenError = guard(MalformedTokenError);
/** Whether a value is an `invalid_token` error. */
export const isInvalidTokenError = guard(InvalidTokenError);
/** Whether a value is a `token_revoked` error. */
export const isTokenRevokedError = guard(TokenRevokedError);
/** Whether a value is a `token_expired` error. */
export const isTokenExpiredError = guard(TokenExpiredError);
/** Whether a value is any 403. */
export const isPermissionDeniedError = guard(PermissionDeniedError);
/** Whether a value is an `insufficient_scope` error. */
export const isInsufficientScopeError = guard(InsufficientScopeError);
/** Whether a value is a `graph_not_in_token` error. */
export const isGraphNotInTokenError = guard(GraphNotInTokenError);
/** Whether a value is a `not_graph_admin` error. */
export const isNotGraphAdminError = guard(NotGraphAdminError);
/** Whether a value is a `not_token_owner` error (renaming or rotating another account's token). */
export const isNotTokenOwnerError = guard(NotTokenOwnerError);
/** Whether a value is a 404 `not_found`. */
export const isNotFoundError = guard(NotFoundError);
/** Whether a value is any 409. */
export const isConflictError = guard(ConflictError);
/** Whether a value is a `token_not_active` error. */
export const isTokenNotActiveError = guard(TokenNotActiveError);
/** Whether a value is a `request_too_large` error (413). */
export const isRequestTooLargeError = guard(RequestTooLargeError);
/** Whether a value is any 422 (`validation_failed` or `scope_not_allowed_for_encrypted_graph`). */
export const isValidationError = guard(ValidationError);
/** Whether a value is a `scope_not_allowed_for_encrypted_graph` error. */
export const isEncryptedGraphScopeError = guard(EncryptedGraphScopeError);
/** Whether a value is a 429 `rate_limited`. */
export const isRateLimitError = guard(RateLimitError);
/** Whether a value is a 5xx. */
export const isInternalServerError = guard(InternalServerError);
/** Whether a value is a connection failure (timeouts included). */
export const isConnectionError = guard(ConnectionError);
/** Whether a value is a timeout (per attempt or overall). */
export const isTimeoutError = guard(TimeoutError);
/** Whether a value is an abort by the caller's signal. */
export const isAbortError = guard(AbortError);
/** Whether a value is a failure of the client's token provider function. */
export const isTokenProviderError = guard(TokenProviderError);
/** Whether a value is a response that broke the API schema. */
export const isResponseValidationError = guard(ResponseValidationError);
/** Whether a value is an invalid argument caught before any request. */
export const isInvalidArgumentError = guard(InvalidArgumentError);
