/**
 * Small checks for JSON bodies the mock validates by hand (fault rules, admin requests): each
 * failing field is collected as a `FieldError`, so a caller gets every problem at once.
 * @internal
 */
import type { FieldError } from '@graphtoken/contract';

/** The outcome of validating a body: the value, or every failing field. */
export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** A JSON object. */
export type Json = Record<string, unknown>;

/** Whether a value is a JSON object (not null, not an array). */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a value is an integer from `min` to `max`. */
export function isInt(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Adds an error for every property of `body` not in `allowed`. */
export function unknownKeys(body: Json, allowed: readonly string[], errors: FieldError[]): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      errors.push({ field: key, message: `unknown property; allowed: ${allowed.join(', ')}` });
    }
  }
}
