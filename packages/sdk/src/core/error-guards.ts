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
  PermissionDeniedError,
  RateLimitError,
  RequestTooLargeError,
  ResponseValidationError,
  TimeoutError,
  TokenExpiredError,
  TokenNotActiveError,
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

function guard<C extends ErrorClass>(cls: C, name: string): (value: unknown) => value is InstanceType<C> {
  return (value: unknown): value is InstanceType<C> => value instanceof cls || hasKind(value, name);
}

/** Whether a value is any error thrown by this SDK. */
export const isGraphTokenError = guard(GraphTokenError, 'GraphTokenError');
/** Whether a value is an error the API answered with (or an offline equivalent). */
export const isAPIError = guard(APIError, 'APIError');
/** Whether a value is a 400 `invalid_request`. */
export const isInvalidRequestError = guard(InvalidRequestError, 'InvalidRequestError');
/** Whether a value is any 401 (missing, malformed, invalid, revoked or expired token). */
export const isAuthenticationError = guard(AuthenticationError, 'AuthenticationError');
/** Whether a value is a `missing_token` error. */
export const isMissingTokenError = guard(MissingTokenError, 'MissingTokenError');
/** Whether a value is a `malformed_token` error (usually caught offline). */
export const isMalformedTokenError = guard(MalformedTokenError, 'MalformedTokenError');
/** Whether a value is an `invalid_token` error. */
export const isInvalidTokenError = guard(InvalidTokenError, 'InvalidTokenError');
/** Whether a value is a `token_revoked` error. */
export const isTokenRevokedError = guard(TokenRevokedError, 'TokenRevokedError');
/** Whether a value is a `token_expired` error. */
export const isTokenExpiredError = guard(TokenExpiredError, 'TokenExpiredError');
/** Whether a value is any 403. */
export const isPermissionDeniedError = guard(PermissionDeniedError, 'PermissionDeniedError');
/** Whether a value is an `insufficient_scope` error. */
export const isInsufficientScopeError = guard(InsufficientScopeError, 'InsufficientScopeError');
/** Whether a value is a `graph_not_in_token` error. */
export const isGraphNotInTokenError = guard(GraphNotInTokenError, 'GraphNotInTokenError');
/** Whether a value is a `not_graph_admin` error. */
export const isNotGraphAdminError = guard(NotGraphAdminError, 'NotGraphAdminError');
/** Whether a value is a 404 `not_found`. */
export const isNotFoundError = guard(NotFoundError, 'NotFoundError');
/** Whether a value is any 409. */
export const isConflictError = guard(ConflictError, 'ConflictError');
/** Whether a value is a `token_not_active` error. */
export const isTokenNotActiveError = guard(TokenNotActiveError, 'TokenNotActiveError');
/** Whether a value is a `request_too_large` error (413). */
export const isRequestTooLargeError = guard(RequestTooLargeError, 'RequestTooLargeError');
/** Whether a value is any 422 (`validation_failed` or `scope_not_allowed_for_encrypted_graph`). */
export const isValidationError = guard(ValidationError, 'ValidationError');
/** Whether a value is a `scope_not_allowed_for_encrypted_graph` error. */
export const isEncryptedGraphScopeError = guard(EncryptedGraphScopeError, 'EncryptedGraphScopeError');
/** Whether a value is a 429 `rate_limited`. */
export const isRateLimitError = guard(RateLimitError, 'RateLimitError');
/** Whether a value is a 5xx. */
export const isInternalServerError = guard(InternalServerError, 'InternalServerError');
/** Whether a value is a connection failure (timeouts included). */
export const isConnectionError = guard(ConnectionError, 'ConnectionError');
/** Whether a value is a timeout (per attempt or overall). */
export const isTimeoutError = guard(TimeoutError, 'TimeoutError');
/** Whether a value is an abort by the caller's signal. */
export const isAbortError = guard(AbortError, 'AbortError');
/** Whether a value is a response that broke the API schema. */
export const isResponseValidationError = guard(ResponseValidationError, 'ResponseValidationError');
/** Whether a value is an invalid argument caught before any request. */
export const isInvalidArgumentError = guard(InvalidArgumentError, 'InvalidArgumentError');
