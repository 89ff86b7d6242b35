/** A per-token fixed-window rate limit on the mock clock (off unless configured). */

/** The rate limit: at most `limit` requests per token in each window of `windowSeconds`. */
export interface RateLimitOptions {
  limit: number;
  windowSeconds: number;
}

/**
 * What a counted request learns of its window: whether it is allowed, how many requests the window
 * has left after it, and the whole seconds until the window resets (a client that waits that long
 * is in a new window: rounded up, never below 1).
 */
export interface RateLimitVerdict {
  ok: boolean;
  remaining: number;
  resetSeconds: number;
  /** When refused: the seconds to wait (`Retry-After`), the same as `resetSeconds`. */
  retryAfter: number;
}

/** @internal */
export interface RateLimiter {
  /** Counts a request from `key` (a token id, a client address) in its fixed window. */
  hit(key: string, nowMs: number, options: RateLimitOptions): RateLimitVerdict;
  clear(): void;
  /** How many windows are held. */
  readonly size: number;
}

/** @internal */
export function createRateLimiter(): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let hits = 0;
  return {
    hit(tokenId, nowMs, { limit, windowSeconds }): RateLimitVerdict {
      const windowMs = windowSeconds * 1000;
      // Windows that ended are dropped now and then (every 1024 hits: O(1) amortised), so the
      // map holds only the tokens seen in the current window.
      if (++hits % 1024 === 0) {
        for (const [id, w] of windows) if (nowMs >= w.start + windowMs || nowMs < w.start) windows.delete(id);
      }
      let w = windows.get(tokenId);
      if (!w || nowMs >= w.start + windowMs || nowMs < w.start) {
        w = { start: nowMs, count: 0 };
        windows.set(tokenId, w);
      }
      w.count++;
      const resetSeconds = Math.max(1, Math.ceil((w.start + windowMs - nowMs) / 1000));
      return {
        ok: w.count <= limit,
        remaining: Math.max(0, limit - w.count),
        resetSeconds,
        retryAfter: resetSeconds,
      };
    },
    clear: () => windows.clear(),
    get size() {
      return windows.size;
    },
  };
}
