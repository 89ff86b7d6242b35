/**
 * The requests the mock answered, recorded for assertions, with every credential redacted to its
 * public hint (`Authorization: Bearer gt_…abcd`).
 */
import type { OperationId } from '@graphtoken/contract';
import { pathPattern } from './internal/path-pattern.js';
import { recordedBodyBytes } from './internal/recorded-size.js';
import { droppableBytes, leanEntry } from './journal-lean-entry.js';

export { CUT_URL_MARKER, DROPPED_HEADERS_KEY } from './journal-lean-entry.js';
export { recordedBodyBytes };

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

/**
 * How many bytes the journal keeps by default (16 MiB, estimated heap size) of recorded bodies and
 * of what is oversized in recorded headers, paths and URLs (headers past 2 KiB, a path or URL past
 * 256 characters: see `journal-lean-entry.ts`). Past it, the oldest entries are made lean first:
 * the body replaced by {@link DROPPED_BODY_MARKER}, headers cut to 2 KiB (the rest counted under
 * {@link DROPPED_HEADERS_KEY}), path and URL to 256 characters plus {@link CUT_URL_MARKER}; the
 * entries themselves are kept. So the journal holds at most this budget plus a lean entry of at
 * most about 4 KiB per request kept (estimated; the default 10,000: about 40 MB), whatever clients
 * send; measured with 10,000 401s: 500 tiny headers each 26 MB, one 15 KB header 11 MB, an 8 KB
 * URL 17 MB (233, 145 and 80 MB before). An ordinary request (a few headers, a short URL) only ever
 * loses its body.
 */
export const DEFAULT_JOURNAL_BODY_BYTES = 16 * 2 ** 20;

/** What replaces a recorded body dropped to keep the journal within its body budget. */
export const DROPPED_BODY_MARKER =
  '…[dropped: the journal keeps the newest bodies only, see journalBodyBytes]';

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

/**
 * The predicate of a match, its path template compiled once (not once per recorded request).
 * @throws {TypeError} at once for a path template that is not one, even with no request recorded.
 */
function matcher(m: RequestMatch): (r: RecordedRequest) => boolean {
  const path = m.path === undefined ? undefined : pathPattern(m.path);
  const method = m.method?.toUpperCase();
  return (r) =>
    (m.operationId === undefined || r.operationId === m.operationId) &&
    (method === undefined || r.method === method) &&
    (m.status === undefined || r.status === m.status) &&
    (m.tokenId === undefined || r.tokenId === m.tokenId) &&
    (path === undefined || path.test(r.path));
}

/**
 * A journal of at most `capacity` requests: a ring buffer, so recording is O(1) and the oldest
 * request is dropped when it is full.
 * @internal
 */
export function createRequests(
  capacity: number = DEFAULT_JOURNAL_SIZE,
  bodyBytes: number = DEFAULT_JOURNAL_BODY_BYTES,
): InternalRequests {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`journalSize must be an integer >= 1, not ${capacity}`);
  }
  if (!Number.isInteger(bodyBytes) || bodyBytes < 0) {
    throw new RangeError(`journalBodyBytes must be an integer >= 0, not ${bodyBytes}`);
  }
  // Entry number n (counted since the last clear) sits at ring[n % capacity], the estimated size of
  // what its lean form drops (body, oversized headers, path and URL) at sizes[n % capacity]. Entries
  // are made lean oldest first, so the entries still whole are always the newest ones:
  // numbers kept..recorded-1.
  let ring: RecordedRequest[] = [];
  let sizes: number[] = [];
  let recorded = 0;
  let kept = 0;
  let total = 0;
  const ordered = () => {
    const next = recorded % capacity;
    return ring.length < capacity ? ring : [...ring.slice(next), ...ring.slice(0, next)];
  };
  return {
    record: (r) => {
      const slot = recorded % capacity;
      if (ring.length === capacity && kept <= recorded - capacity) {
        // The entry overwritten still held its body: its bytes leave with it.
        total -= sizes[slot]!;
        kept = recorded - capacity + 1;
      }
      const size = droppableBytes(r);
      ring[slot] = r;
      sizes[slot] = size;
      total += size;
      recorded++;
      while (total > bodyBytes && kept < recorded) {
        const at = kept % capacity;
        if (sizes[at]! > 0) {
          ring[at] = leanEntry(ring[at]!, DROPPED_BODY_MARKER);
          total -= sizes[at]!;
          sizes[at] = 0;
        }
        kept++;
      }
    },
    all: () => structuredClone(ordered()),
    last: () => {
      const r = ring.length === 0 ? undefined : ring[(recorded - 1) % capacity];
      return r && structuredClone(r);
    },
    clear: () => {
      ring = [];
      sizes = [];
      recorded = 0;
      kept = 0;
      total = 0;
    },
    filter: (m) => {
      const test = matcher(m);
      return structuredClone(ordered().filter(test));
    },
    count: (m) => (m ? ring.filter(matcher(m)).length : ring.length),
  };
}
