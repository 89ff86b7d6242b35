/** A per-token fixed-window rate limit on the mock clock (off unless configured). */

/** The rate limit: at most `limit` requests per token in each window of `windowSeconds`. */
export interface RateLimitOptions {
  limit: number;
  windowSeconds: number;
}

/** @internal */
export interface RateLimiter {
  /** Counts a request; returns the seconds to wait when over the limit. */
  hit(
    tokenId: string,
    nowMs: number,
    options: RateLimitOptions,
  ): { ok: true } | { ok: false; retryAfter: number };
  clear(): void;
  /** How many windows are held. */
  readonly size: number;
}

/** @internal */
export function createRateLimiter(): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let hits = 0;
  return {
    hit(tokenId, nowMs, { limit, windowSeconds }) {
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
      if (w.count <= limit) return { ok: true };
      return { ok: false, retryAfter: Math.max(1, Math.ceil((w.start + windowMs - nowMs) / 1000)) };
    },
    clear: () => windows.clear(),
    get size() {
      return windows.size;
    },
  };
}
