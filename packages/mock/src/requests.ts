/**
 * The requests the mock answered, recorded for assertions, with every credential redacted to its
 * public hint (`Authorization: Bearer gt_…abcd`).
 */
import type { OperationId } from '@graphtoken/contract';
import { pathPattern } from './internal/path-pattern.js';

/** One request the mock answered. */
export interface RecordedRequest {
  /** The `X-Request-Id` the mock answered with. */
  requestId: string;
  method: string;
  /** The path under the base URL, e.g. `/v1/tokens/tok_…`. */
  path: string;
  /** The full URL, any token in it redacted. */
  url: string;
  /** null for a request that matched no operation. */
  operationId: OperationId | null;
  /** Lower-case header names; `authorization` redacted to `Bearer gt_…abcd`. */
  headers: Record<string, string>;
  /**
   * The parsed JSON body (the raw text when it is not JSON; null when empty), secrets scrubbed. A
   * body larger than {@link RECORDED_BODY_LIMIT} bytes is recorded as a string: its first 64 KiB
   * followed by {@link TRUNCATED_MARKER}.
   */
  body: unknown;
  /** The answered status; 0 for a dropped connection. */
  status: number;
  /** The calling token's id, when the credential matched a token. */
  tokenId: string | null;
  /** When (mock clock, ISO 8601). */
  at: string;
}

/** How many requests the mock keeps by default; older ones are dropped first (a ring buffer). */
export const DEFAULT_JOURNAL_SIZE = 10_000;

/** The largest request body recorded whole, in bytes (64 KiB); a larger one is cut there. */
export const RECORDED_BODY_LIMIT = 64 * 1024;

/** What ends the recorded text of a body cut at {@link RECORDED_BODY_LIMIT}. */
export const TRUNCATED_MARKER = '…[truncated: the body is larger than 64 KiB]';

/** What {@link MockRequests.filter} matches on; every given field must match. */
export interface RequestMatch {
  operationId?: OperationId;
  method?: string;
  /** An exact path, or a spec template such as `/v1/graphs/{graphId}/blocks`. */
  path?: string;
  status?: number;
  tokenId?: string;
}

/**
 * `mock.requests`: the last `journalSize` requests (default {@link DEFAULT_JOURNAL_SIZE}), oldest
 * first; older ones are dropped as new ones come, so a long-running mock keeps bounded memory.
 *
 * @example
 * expect(mock.requests.filter({ operationId: 'createToken', status: 201 })).toHaveLength(1)
 * expect(mock.requests.last()?.headers.authorization).toBe('Bearer gt_…' + hint)
 */
export interface MockRequests {
  all(): RecordedRequest[];
  last(): RecordedRequest | undefined;
  clear(): void;
  filter(match: RequestMatch): RecordedRequest[];
  /** How many recorded requests match (all of them without `match`). */
  count(match?: RequestMatch): number;
}

/** @internal */
export interface InternalRequests extends MockRequests {
  record(request: RecordedRequest): void;
}

function matches(r: RecordedRequest, m: RequestMatch): boolean {
  if (m.operationId !== undefined && r.operationId !== m.operationId) return false;
  if (m.method !== undefined && r.method !== m.method.toUpperCase()) return false;
  if (m.status !== undefined && r.status !== m.status) return false;
  if (m.tokenId !== undefined && r.tokenId !== m.tokenId) return false;
  if (m.path !== undefined) {
    if (!pathPattern(m.path).test(r.path)) return false;
  }
  return true;
}

/**
 * A journal of at most `capacity` requests: a ring buffer, so recording is O(1) and the oldest
 * request is dropped when it is full.
 * @internal
 */
export function createRequests(capacity: number = DEFAULT_JOURNAL_SIZE): InternalRequests {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`journalSize must be an integer >= 1, not ${capacity}`);
  }
  let ring: RecordedRequest[] = [];
  let next = 0; // where the next record goes once the ring is full
  const ordered = () => (ring.length < capacity ? ring : [...ring.slice(next), ...ring.slice(0, next)]);
  return {
    record: (r) => {
      if (ring.length < capacity) ring.push(r);
      else {
        ring[next] = r;
        next = (next + 1) % capacity;
      }
    },
    all: () => structuredClone(ordered()),
    last: () => {
      const r = ring.length < capacity ? ring.at(-1) : ring[(next + capacity - 1) % capacity];
      return r && structuredClone(r);
    },
    clear: () => {
      ring = [];
      next = 0;
    },
    filter: (m) => structuredClone(ordered().filter((r) => matches(r, m))),
    count: (m) => (m ? ring.filter((r) => matches(r, m)).length : ring.length),
  };
}
