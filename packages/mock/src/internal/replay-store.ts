/**
 * `Idempotency-Key` replay records (spec: "Idempotency"): the first answer to a POST, kept for 24
 * hours on the mock clock and pruned once expired, so the store never grows without bound.
 * @internal
 */

/** How long a replay record lives, on the mock clock (spec: 24 hours). */
export const REPLAY_TTL_MS = 24 * 60 * 60 * 1000;

/** A stored first answer. */
export interface StoredResponse {
  /** What the request was (operation, path, body), to refuse the same key with another request. */
  fingerprint: string;
  status: number;
  headers: Record<string, string>;
  /** The JSON body as sent, or undefined for none (204). */
  body: string | undefined;
}

/** Where replay records live: in memory, or in the standalone server's state database. */
export interface ReplayStore {
  /** The record of this key of this token, unless it expired (an expired one is dropped). */
  get(tokenId: string, key: string, nowMs: number): StoredResponse | undefined;
  /** Stores a first answer, to expire {@link REPLAY_TTL_MS} after `nowMs`. */
  put(tokenId: string, key: string, response: StoredResponse, nowMs: number): void;
  /** Drops every record (reset, restore). */
  clear(): void;
  /** How many records are held (expired ones not yet pruned included). */
  readonly size: number;
}

interface Entry {
  response: StoredResponse;
  expiresAtMs: number;
}

/**
 * Replay records in a Map, in the order they were stored: each `put` first drops the expired
 * records at the front (the oldest), so memory follows the last 24 hours of traffic only.
 */
export function createMemoryReplayStore(): ReplayStore {
  const entries = new Map<string, Entry>();
  const prune = (nowMs: number) => {
    for (const [k, entry] of entries) {
      if (entry.expiresAtMs > nowMs) break;
      entries.delete(k);
    }
  };
  return {
    get(tokenId, key, nowMs) {
      const k = `${tokenId}\n${key}`;
      const entry = entries.get(k);
      if (entry === undefined) return undefined;
      if (entry.expiresAtMs <= nowMs) {
        entries.delete(k);
        return undefined;
      }
      return entry.response;
    },
    put(tokenId, key, response, nowMs) {
      prune(nowMs);
      const k = `${tokenId}\n${key}`;
      entries.delete(k);
      entries.set(k, { response, expiresAtMs: nowMs + REPLAY_TTL_MS });
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}
