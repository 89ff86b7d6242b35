/** Turns any failure into one sentence a user can act on, without ever printing a secret. */
import { isAPIError, isConnectionError, isGraphTokenError } from '@graphtoken/sdk';

/**
 * The SDK's messages already say what to check (full token? revoked? right graph? right scope?)
 * and never contain a token, so they are shown as they are, with the request id for support.
 */
export function describeError(error: unknown): string {
  if (isConnectionError(error)) {
    return `Could not reach the GraphToken API: ${error.message}`;
  }
  if (isAPIError(error)) {
    return error.requestId && !error.message.includes(error.requestId)
      ? `${error.message} (request ${error.requestId})`
      : error.message;
  }
  if (isGraphTokenError(error)) return error.message;
  return 'Something went wrong. Reload the page and try again.';
}
