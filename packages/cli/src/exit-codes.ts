/**
 * The `graphtoken` exit codes, one per class of outcome, so a script can branch on `$?` without
 * parsing messages. The README's table is this one.
 */
import {
  isAuthenticationError,
  isConnectionError,
  isGraphTokenError,
  isInternalServerError,
  isInvalidArgumentError,
  isInvalidRequestError,
  isNotFoundError,
  isPermissionDeniedError,
  isRateLimitError,
  isResponseValidationError,
  isTimeoutError,
} from '@graphtoken/sdk';
import { UsageError } from './usage-error.js';

/** Exit codes of `graphtoken`. */
export const EXIT_CODES = {
  /** Done; for `scan`, no secret found. */
  ok: 0,
  /** `scan` found at least one secret. */
  secretsFound: 1,
  /** Bad command line or configuration (e.g. GRAPHTOKEN_TOKEN missing or malformed; nothing was sent), or a scan that could not read a path. */
  usage: 2,
  /** The API refused the token (401: missing, malformed, unknown, revoked or expired; 400 bad credentials). */
  authentication: 3,
  /** The token may not do this (403: scope, graph binding, role, not the token's owner). */
  permission: 4,
  /** The token or graph does not exist, or the token's account cannot see it (404). */
  notFound: 5,
  /** The API refused the request itself (409, 413, 422: validation, a token no longer active, an encrypted graph). */
  rejected: 6,
  /** Rate limited (429): retry after the time the message gives. */
  rateLimited: 7,
  /** The API could not be reached or failed (network, timeout, 5xx, an answer that breaks the spec). */
  unavailable: 8,
  /** A bug in graphtoken itself: please report it. */
  internal: 9,
} as const;

/** One of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** The exit code for an error a command threw (an SDK error, a {@link UsageError}, or anything else). */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof UsageError || isInvalidArgumentError(error)) return EXIT_CODES.usage;
  if (isAuthenticationError(error) || isInvalidRequestError(error)) {
    // Caught before any request: the configured token is not a token.
    return (error as { offline?: boolean }).offline ? EXIT_CODES.usage : EXIT_CODES.authentication;
  }
  if (isPermissionDeniedError(error)) return EXIT_CODES.permission;
  if (isNotFoundError(error)) return EXIT_CODES.notFound;
  if (isRateLimitError(error)) return EXIT_CODES.rateLimited;
  if (
    isConnectionError(error) ||
    isTimeoutError(error) ||
    isInternalServerError(error) ||
    isResponseValidationError(error)
  ) {
    return EXIT_CODES.unavailable;
  }
  if (isGraphTokenError(error)) {
    const status = (error as { status?: number }).status;
    return status !== undefined && status >= 500 ? EXIT_CODES.unavailable : EXIT_CODES.rejected;
  }
  return EXIT_CODES.internal;
}
