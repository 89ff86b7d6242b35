import {
  type ErrorCode,
  errorCodes,
  type FieldError,
  type OperationId,
  operations,
} from '@graphtoken/contract';
import type { ClockAdvance, FaultRule } from '../index.js';

/** The outcome of validating an admin request body: the value, or every failing field. */
export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

type Json = Record<string, unknown>;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const MAX_LATENCY_MS = 60_000;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInt(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function unknownKeys(body: Json, allowed: readonly string[], errors: FieldError[]): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      errors.push({ field: key, message: `unknown property; allowed: ${allowed.join(', ')}` });
    }
  }
}

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
 * Validates the body of `POST /__mock/faults` against the mock's {@link FaultRule}: known
 * properties only, a known operationId and error code, sane numbers, and at least one effect
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
    if (typeof path === 'string' && path.startsWith('/') && path.length <= 500) rule.path = path;
    else
      errors.push({
        field: 'path',
        message: 'must be a path starting with "/", e.g. /v1/graphs/{graphId}/blocks',
      });
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
    if (typeof detail === 'string' && detail.length >= 1 && detail.length <= 1000) rule.detail = detail;
    else errors.push({ field: 'detail', message: 'must be a string of 1 to 1000 characters' });
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

/** The validated body of `POST /__mock/clock`: exactly one of `advance` and `set`. */
export type ClockCommand = { advance: ClockAdvance } | { set: string };

const UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;

/**
 * Validates the body of `POST /__mock/clock`: `{ "advance": 60000 }` (milliseconds),
 * `{ "advance": { "days": 1, "hours": 2 } }` or `{ "set": "2030-01-01T00:00:00Z" }`.
 */
export function validateClockCommand(body: unknown): Validated<ClockCommand> {
  if (!isObject(body)) return { ok: false, errors: [{ field: 'body', message: 'must be a JSON object' }] };
  const errors: FieldError[] = [];
  unknownKeys(body, ['advance', 'set'], errors);
  const hasAdvance = body.advance !== undefined;
  const hasSet = body.set !== undefined;
  if (hasAdvance === hasSet) {
    errors.push({ field: 'body', message: 'give exactly one of "advance" and "set"' });
    return { ok: false, errors };
  }
  if (hasSet) {
    const at = body.set;
    if (typeof at !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(at) || Number.isNaN(Date.parse(at))) {
      errors.push({ field: 'set', message: 'must be an RFC 3339 date-time, e.g. 2030-01-01T00:00:00Z' });
    }
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { set: at as string } };
  }
  const advance = body.advance;
  if (typeof advance === 'number') {
    if (!Number.isFinite(advance) || advance < 0) {
      errors.push({ field: 'advance', message: 'must be a number of milliseconds >= 0' });
    }
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { advance } };
  }
  if (!isObject(advance)) {
    errors.push({
      field: 'advance',
      message: 'must be milliseconds or an object like { "days": 1, "hours": 2 }',
    });
    return { ok: false, errors };
  }
  const duration: Record<string, number> = {};
  for (const key of Object.keys(advance)) {
    const value = advance[key];
    if (!(UNITS as readonly string[]).includes(key)) {
      errors.push({ field: `advance.${key}`, message: `unknown unit; allowed: ${UNITS.join(', ')}` });
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      errors.push({ field: `advance.${key}`, message: 'must be a number >= 0' });
    } else {
      duration[key] = value;
    }
  }
  if (errors.length === 0 && Object.keys(duration).length === 0) {
    errors.push({ field: 'advance', message: `give at least one of ${UNITS.join(', ')}` });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { advance: duration } };
}

/** The validated query of `GET /__mock/requests`. */
export interface RequestsQuery {
  operationId?: OperationId;
  method?: string;
  path?: string;
  status?: number;
}

/** Validates the optional filters of `GET /__mock/requests` (`operationId`, `method`, `path`, `status`). */
export function validateRequestsQuery(params: URLSearchParams): Validated<RequestsQuery> {
  const errors: FieldError[] = [];
  const query: RequestsQuery = {};
  for (const key of params.keys()) {
    if (!['operationId', 'method', 'path', 'status'].includes(key)) {
      errors.push({
        field: key,
        message: 'unknown query parameter; allowed: operationId, method, path, status',
      });
    }
  }
  const operationId = params.get('operationId');
  if (operationId !== null) {
    if (Object.hasOwn(operations, operationId)) query.operationId = operationId as OperationId;
    else errors.push({ field: 'operationId', message: 'must be an operationId of spec/openapi.yaml' });
  }
  const method = params.get('method');
  if (method !== null) query.method = method.toUpperCase();
  const path = params.get('path');
  if (path !== null) query.path = path;
  const status = params.get('status');
  if (status !== null) {
    const n = Number(status);
    if (isInt(n, 100, 599) && /^\d+$/.test(status)) query.status = n;
    else errors.push({ field: 'status', message: 'must be an HTTP status, e.g. 401' });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: query };
}
