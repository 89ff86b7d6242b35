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
  // A Date as RFC 3339 UTC (an invalid one, NaN, is left as is: toISOString would throw); the
  // result, or a string as given, must pass the spec's check; anything else fails it.
  const text = value instanceof Date && !Number.isNaN(+value) ? value.toISOString() : value;
  if (text === undefined || isDateTime(text as string)) return text as string | undefined;
  throw new InvalidArgumentError(`${name}: not a valid Date or RFC 3339 string. Nothing was sent.`);
}
