/**
 * Fault injection: make the mock fail the way networks and servers do (a 503, a dropped
 * connection, a 429 with `Retry-After`, a slow answer), to test a client's retries and error paths.
 */
import { type ErrorCode, errorCodes, type OperationId, operations } from '@graphtoken/contract';
import { pathPattern } from './internal/path-pattern.js';

/**
 * A fault to inject. Matches by `operationId`, or by `method` and/or `path` (an exact path such as
 * `/v1/tokens/tok_…`, or a spec template such as `/v1/graphs/{graphId}/blocks`); a rule with none
 * of them matches every request. It answers instead of the API:
 * - `drop`: a dropped connection (a network error, `HttpResponse.error()`);
 * - `retryAfter`: `429 rate_limited` with this `Retry-After` (seconds);
 * - `status` and/or `code` (+ `detail`): that problem+json;
 * - `latencyMs` alone: the normal answer, that much later (combined with the others: they come late).
 *
 * @example
 * mock.faults.add({ operationId: 'listTokens', status: 503, times: 2 }) // fails twice, then works
 * mock.faults.add({ method: 'POST', path: '/v1/tokens', drop: true, times: 1 })
 */
export interface FaultRule {
  operationId?: OperationId;
  method?: string;
  path?: string;
  /** How many matching requests it applies to; default: all of them. */
  times?: number;
  status?: number;
  code?: ErrorCode;
  detail?: string;
  latencyMs?: number;
  drop?: boolean;
  retryAfter?: number;
}

/** An active fault rule, with its id and how many more times it applies. */
export interface ActiveFault extends FaultRule {
  readonly id: string;
  /** Matches left; undefined = unlimited. */
  readonly remaining: number | undefined;
}

/** `mock.faults`. */
export interface MockFaults {
  /** Adds a rule; returns its id. Rules added first are tried first. */
  add(rule: FaultRule): string;
  remove(id: string): void;
  clear(): void;
  list(): ActiveFault[];
}

/** The faults controller plus the matching the pipeline needs. @internal */
export interface InternalFaults extends MockFaults {
  /** Finds (and uses up one application of) the first rule matching a request. */
  take(request: { operationId: OperationId | null; method: string; path: string }): FaultRule | undefined;
}

function checkRule(rule: FaultRule): void {
  if (rule.operationId !== undefined && !(rule.operationId in operations)) {
    throw new TypeError(`unknown operationId ${rule.operationId}`);
  }
  if (rule.code !== undefined && !(rule.code in errorCodes))
    throw new TypeError(`unknown error code ${rule.code}`);
  if (
    rule.status !== undefined &&
    !(Number.isInteger(rule.status) && rule.status >= 400 && rule.status <= 599)
  ) {
    throw new RangeError('a fault status is an integer from 400 to 599');
  }
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times >= 1)) {
    throw new RangeError('times is a positive integer');
  }
  if (rule.retryAfter !== undefined && !(Number.isInteger(rule.retryAfter) && rule.retryAfter >= 1)) {
    throw new RangeError('retryAfter is a positive integer (seconds)');
  }
  if (rule.latencyMs !== undefined && !(rule.latencyMs >= 0)) throw new RangeError('latencyMs is >= 0');
}

/** @internal */
export function createFaults(): InternalFaults {
  let rules: { id: string; rule: FaultRule; remaining: number | undefined; path?: RegExp }[] = [];
  let counter = 0;
  return {
    add(rule) {
      checkRule(rule);
      const id = `fault_${++counter}`;
      rules.push({
        id,
        rule: { ...rule },
        remaining: rule.times,
        ...(rule.path !== undefined && { path: pathPattern(rule.path) }),
      });
      return id;
    },
    remove(id) {
      rules = rules.filter((r) => r.id !== id);
    },
    clear() {
      rules = [];
    },
    list: () => rules.map((r) => ({ ...r.rule, id: r.id, remaining: r.remaining })),
    take(request) {
      const found = rules.find(
        ({ rule, path }) =>
          (rule.operationId === undefined || rule.operationId === request.operationId) &&
          (rule.method === undefined || rule.method.toUpperCase() === request.method.toUpperCase()) &&
          (path === undefined || path.test(request.path)),
      );
      if (!found) return undefined;
      if (found.remaining !== undefined && --found.remaining <= 0) rules = rules.filter((r) => r !== found);
      return found.rule;
    },
  };
}
