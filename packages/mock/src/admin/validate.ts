import { type FieldError, isDateTime, type OperationId, operations } from '@graphtoken/contract';
import type { ClockAdvance } from '../index.js';
import { isInt, isObject, unknownKeys, type Validated } from '../internal/json-checks.js';
import { pathTemplateProblem } from '../internal/path-pattern.js';

export { validateFaultRule } from '../faults.js';
export type { Validated } from '../internal/json-checks.js';

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
    if (typeof at !== 'string' || !isDateTime(at)) {
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
  if (path !== null) {
    const problem = path.length > 500 ? 'must be at most 500 characters' : pathTemplateProblem(path);
    if (problem === undefined) query.path = path;
    else errors.push({ field: 'path', message: problem });
  }
  const status = params.get('status');
  if (status !== null) {
    const n = Number(status);
    if (isInt(n, 100, 599) && /^\d+$/.test(status)) query.status = n;
    else errors.push({ field: 'status', message: 'must be an HTTP status, e.g. 401' });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: query };
}
