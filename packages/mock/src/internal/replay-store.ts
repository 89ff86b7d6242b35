/**
 * `Idempotency-Key` replay records (spec: "Idempotency"): the first answer to a POST, kept for 24
 * hours on the mock clock and pruned once expired, so the store never grows without bound.
 * @internal
 */

import { MinHeap } from './min-heap.js';

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

/**
 * One record in memory, as small as it replays byte-identically: one object (no wrapper, no
 * headers object when the answer had none), the fingerprint's 32 digest bytes as a 32-character
 * string instead of 64 hex characters. Measured with heap snapshots: a record of an append
 * held about 600 bytes of heap before, about 400 after (184 of them the answer's JSON).
 */
class Entry {
  constructor(
    /** Its Map key (the same string, shared): to drop it when it comes out of the expiry heap. */
    readonly key: string,
    /** The fingerprint's digest, one character per byte (see {@link packHex}). */
    readonly fingerprint: string,
    readonly status: number,
    /** The headers as JSON, or undefined when there were none. */
    readonly headers: string | undefined,
    readonly body: string | undefined,
    readonly expiresAtMs: number,
  ) {}
}

/** Hex to one character per byte (half the length); anything else is kept as it is, prefixed. */
function packHex(text: string): string {
  if (text.length % 2 !== 0 || !/^[0-9a-f]*$/.test(text)) return `=${text}`;
  // One fromCharCode call: a flat string (`+=` per byte would leave a chain of cons strings).
  const codes = [35]; // '#'
  for (let i = 0; i < text.length; i += 2) codes.push(parseInt(text.slice(i, i + 2), 16));
  return String.fromCharCode(...codes);
}

function unpackHex(packed: string): string {
  if (packed.startsWith('=')) return packed.slice(1);
  let text = '';
  for (let i = 1; i < packed.length; i++) text += packed.charCodeAt(i).toString(16).padStart(2, '0');
  return text;
}

/** A record's Map key, one flat string (a template literal gives a cons string, then a flat copy). */
const keyOf = (tokenId: string, key: string): string => [tokenId, key].join('\n');

/** Expiry order: the earlier expiry first. */
const expiresBefore = (a: Entry, b: Entry) => a.expiresAtMs < b.expiresAtMs;

/**
 * Replay records in a Map, with a min-heap of the same records by expiry beside it: each `put`
 * first drops every expired record, in expiry order whatever the mock clock did (it can be set
 * backwards, so the order records were stored in is not the order they expire in), so memory
 * follows the last 24 hours of traffic only. O(log n) per `put`. A record replaced or dropped by
 * `get` stays in the heap until it comes out (lazy deletion: it is dropped from the Map only if
 * the Map still holds that very record); the heap is rebuilt from the Map when it holds more than
 * twice as many records, so it never exceeds 2n + 64 whatever the clock did.
 */
export function createMemoryReplayStore(): ReplayStore {
  const entries = new Map<string, Entry>();
  const byExpiry = new MinHeap<Entry>(expiresBefore);
  const prune = (nowMs: number) => {
    for (
      let first = byExpiry.peek();
      first !== undefined && first.expiresAtMs <= nowMs;
      first = byExpiry.peek()
    ) {
      byExpiry.pop();
      if (entries.get(first.key) === first) entries.delete(first.key);
    }
    if (byExpiry.size > 2 * entries.size + 64) byExpiry.replaceAll([...entries.values()]);
  };
  return {
    get(tokenId, key, nowMs) {
      const k = keyOf(tokenId, key);
      const entry = entries.get(k);
      if (entry === undefined) return undefined;
      if (entry.expiresAtMs <= nowMs) {
        entries.delete(k);
        return undefined;
      }
      return {
        fingerprint: unpackHex(entry.fingerprint),
        status: entry.status,
        headers: entry.headers === undefined ? {} : JSON.parse(entry.headers),
        body: entry.body,
      };
    },
    put(tokenId, key, response, nowMs) {
      prune(nowMs);
      const k = keyOf(tokenId, key);
      const headers =
        Object.keys(response.headers).length === 0 ? undefined : JSON.stringify(response.headers);
      const entry = new Entry(
        k,
        packHex(response.fingerprint),
        response.status,
        headers,
        response.body,
        nowMs + REPLAY_TTL_MS,
      );
      entries.set(k, entry);
      byExpiry.push(entry);
    },
    clear: () => {
      entries.clear();
      byExpiry.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
