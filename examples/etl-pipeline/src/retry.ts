/**
 * The pipeline's retry policy for one batch. A pipeline can afford more patience than an
 * interactive request: it retries transient failures (dropped connections, timeouts, 429, 5xx)
 * with exponential backoff, honours `Retry-After`, and gives up at once on errors a retry cannot
 * fix (401 revoked token, 403 missing scope, 422 invalid body).
 */
import { isAPIError, isConnectionError, isRateLimitError } from '@graphtoken/sdk';

/** How patient the pipeline is with one batch. */
export interface RetryPolicy {
  /** Attempts per batch, the first included. */
  readonly maxAttempts: number;
  /** Delay before the second attempt; doubles with every further attempt. */
  readonly baseDelayMs: number;
  /** Upper bound of a backoff delay (a longer `Retry-After` is still honoured). */
  readonly maxDelayMs: number;
}

/** The default: 6 attempts, 0.5 s → 8 s backoff. */
export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 8_000 };

/** Statuses worth another attempt with the same idempotency key. */
const TRANSIENT_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * Whether a retry of the same request (same idempotency key) might succeed. The SDK's guards
 * match on the error's brand, so they work even with two copies of the SDK installed.
 */
export function isTransient(error: unknown): boolean {
  return isConnectionError(error) || (isAPIError(error) && TRANSIENT_STATUSES.has(error.status));
}

/**
 * How long to wait before attempt `attempt + 1` after `error` failed attempt `attempt` (1-based),
 * or `null` when the pipeline should stop retrying.
 */
export function retryDelay(
  error: unknown,
  attempt: number,
  policy: RetryPolicy = defaultRetryPolicy,
): number | null {
  if (!isTransient(error) || attempt >= policy.maxAttempts) return null;
  const backoff = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
  const retryAfterMs =
    isRateLimitError(error) && error.retryAfter !== undefined ? error.retryAfter * 1000 : 0;
  return Math.max(backoff, retryAfterMs);
}
