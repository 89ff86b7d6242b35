/** Time parameters (`lastUsedBefore`, `since`…): a `Date` or an RFC 3339 string, sent as RFC 3339. */
import { InvalidArgumentError } from '../core/errors.js';

/** A time a method accepts: a `Date`, or an RFC 3339 date-time string (`2025-11-01T00:00:00Z`). */
export type Timestamp = Date | string;

/**
 * The RFC 3339 text of a time parameter: a `Date` as `toISOString()` (UTC), a string as given (the
 * API checks it: `422 validation_failed` names the field).
 *
 * @throws {InvalidArgumentError} for an invalid `Date` or a value that is neither, before anything is sent
 */
export function toTimestamp(value: Timestamp | undefined, name: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  throw new InvalidArgumentError(`${name}: not a valid Date or RFC 3339 string. Nothing was sent.`);
}
