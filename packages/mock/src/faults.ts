/**
 * Fault injection: make the mock fail the way networks and servers do (a 503, a dropped
 * connection, a 429 with `Retry-After`, a slow answer), to test a client's retries and error paths.
 */
import {
  type ErrorCode,
  errorCodes,
  type FieldError,
  type OperationId,
  operations,
  scrubEncodedSecrets,
} from '@graphtoken/contract';
import { isInt, isObject, unknownKeys, type Validated } from './internal/json-checks.js';
import { pathPattern, pathTemplateProblem } from './internal/path-pattern.js';

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

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const MAX_LATENCY_MS = 60_000;

const FAULT_KEYS = [
  'operationId',
  'method',
  'path',
  'times',
  'status',
  'code',
  'detail',
  'latencyMs',
  'drop',
  'retryAfter',
] as const;

/**
 * Validates a {@link FaultRule}, from code (`mock.faults.add`) or from JSON (`POST /__mock/faults`):
 * known properties only, a known operationId and error code, sane numbers, and at least one effect
 * (`status`, `code`, `latencyMs`, `drop` or `retryAfter`).
 */
export function validateFaultRule(body: unknown): Validated<FaultRule> {
  if (!isObject(body)) return { ok: false, errors: [{ field: 'body', message: 'must be a JSON object' }] };
  const errors: FieldError[] = [];
  unknownKeys(body, FAULT_KEYS, errors);
  const rule: Record<string, unknown> = {};
  const { operationId, method, path, times, status, code, detail, latencyMs, drop, retryAfter } = body;
  if (operationId !== undefined) {
    if (typeof operationId === 'string' && Object.hasOwn(operations, operationId)) {
      rule.operationId = operationId as OperationId;
    } else {
      errors.push({
        field: 'operationId',
        message: 'must be an operationId of spec/openapi.yaml, e.g. listTokens',
      });
    }
  }
  if (method !== undefined) {
    if (typeof method === 'string' && METHODS.includes(method.toUpperCase()))
      rule.method = method.toUpperCase();
    else errors.push({ field: 'method', message: `must be one of ${METHODS.join(', ')}` });
  }
  if (path !== undefined) {
    const problem =
      typeof path !== 'string'
        ? 'must be a path starting with "/", e.g. /v1/graphs/{graphId}/blocks'
        : path.length > 500
          ? 'must be at most 500 characters'
          : pathTemplateProblem(path);
    if (problem === undefined) rule.path = path as string;
    else errors.push({ field: 'path', message: problem });
  }
  if (times !== undefined) {
    if (isInt(times, 1, 1_000_000)) rule.times = times;
    else errors.push({ field: 'times', message: 'must be an integer >= 1' });
  }
  if (status !== undefined) {
    if (isInt(status, 400, 599)) rule.status = status;
    else
      errors.push({ field: 'status', message: 'must be an HTTP error status, an integer from 400 to 599' });
  }
  if (code !== undefined) {
    if (typeof code === 'string' && Object.hasOwn(errorCodes, code)) rule.code = code as ErrorCode;
    else
      errors.push({
        field: 'code',
        message: `must be an API error code: ${Object.keys(errorCodes).join(', ')}`,
      });
  }
  if (detail !== undefined) {
    if (typeof detail === 'string' && detail.length >= 1 && detail.length <= 1000) {
      // Kept and listed by the admin endpoints: a secret pasted into it is shown as its hint only.
      rule.detail = scrubEncodedSecrets(detail);
    } else errors.push({ field: 'detail', message: 'must be a string of 1 to 1000 characters' });
  }
  if (latencyMs !== undefined) {
    if (isInt(latencyMs, 0, MAX_LATENCY_MS)) rule.latencyMs = latencyMs;
    else errors.push({ field: 'latencyMs', message: `must be an integer from 0 to ${MAX_LATENCY_MS}` });
  }
  if (drop !== undefined) {
    if (typeof drop === 'boolean') rule.drop = drop;
    else errors.push({ field: 'drop', message: 'must be a boolean' });
  }
  if (retryAfter !== undefined) {
    if (isInt(retryAfter, 1, 86_400)) rule.retryAfter = retryAfter;
    else
      errors.push({ field: 'retryAfter', message: 'must be an integer number of seconds from 1 to 86400' });
  }
  const hasEffect =
    ['status', 'code', 'latencyMs', 'retryAfter'].some((k) => k in rule) || rule.drop === true;
  if (errors.length === 0 && !hasEffect) {
    errors.push({
      field: 'body',
      message: 'a fault needs an effect: status, code, latencyMs, drop: true or retryAfter',
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: rule as FaultRule };
}

/** @internal */
export function createFaults(): InternalFaults {
  let rules: { id: string; rule: FaultRule; remaining: number | undefined; path?: RegExp }[] = [];
  let counter = 0;
  return {
    add(given) {
      const checked = validateFaultRule(given);
      if (!checked.ok) {
        const why = checked.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
        throw new TypeError(`invalid fault rule (${why})`);
      }
      const rule = checked.value;
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
