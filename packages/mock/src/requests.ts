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
  /** The parsed JSON body (the raw text when it is not JSON; null when empty), secrets scrubbed. */
  body: unknown;
  /** The answered status; 0 for a dropped connection. */
  status: number;
  /** The calling token's id, when the credential matched a token. */
  tokenId: string | null;
  /** When (mock clock, ISO 8601). */
  at: string;
}

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
 * `mock.requests`.
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

/** @internal */
export function createRequests(): InternalRequests {
  let recorded: RecordedRequest[] = [];
  return {
    record: (r) => {
      recorded.push(r);
    },
    all: () => structuredClone(recorded),
    last: () => {
      const r = recorded.at(-1);
      return r && structuredClone(r);
    },
    clear: () => {
      recorded = [];
    },
    filter: (m) => structuredClone(recorded.filter((r) => matches(r, m))),
    count: (m) => (m ? recorded.filter((r) => matches(r, m)).length : recorded.length),
  };
}
