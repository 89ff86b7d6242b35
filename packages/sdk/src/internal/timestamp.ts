/** Time parameters (`lastUsedBefore`, `since`…): a `Date` or an RFC 3339 string, sent as RFC 3339. */
import { isDateTime } from '@graphtoken/contract';
import { InvalidArgumentError } from '../core/errors.js';

/** A time a method accepts: a `Date`, or an RFC 3339 date-time string (`2025-11-01T00:00:00Z`). */
export type Timestamp = Date | string;

/**
 * The RFC 3339 text of a time parameter: a `Date` as `toISOString()` (UTC), a string as given,
 * once it passes the spec's `format: date-time` check (the contract's `isDateTime`: seconds, a time
 * zone, a real calendar day). RFC 3339 has four-digit years only: a `Date` outside the years 0000
 * to 9999 (`new Date(8.64e15)`, a negative year) has no RFC 3339 text and is refused too.
 *
 * @throws {InvalidArgumentError} naming the field, for an invalid or out-of-range `Date`, a string
 *   that is not an RFC 3339 date-time, or a value that is neither, before anything is sent
 */
export function toTimestamp(value: Timestamp | undefined, name: string): string | undefined {
  if (value === undefined) return value;
  if (typeof value === 'string') {
    if (isDateTime(value)) return value;
    throw new InvalidArgumentError(
      `${name}: not an RFC 3339 date-time (e.g. 2025-11-01T00:00:00Z: seconds, a time zone, a real day). Nothing was sent.`,
    );
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const text = value.toISOString();
    if (isDateTime(text)) return text;
    throw new InvalidArgumentError(`${name}: a Date in the years 0000 to 9999 (RFC 3339). Nothing was sent.`);
  }
  throw new InvalidArgumentError(`${name}: not a valid Date or RFC 3339 string. Nothing was sent.`);
}
