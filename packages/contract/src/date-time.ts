/**
 * The `format: date-time` check of the spec's timestamps: an RFC 3339 date-time with seconds and a
 * time zone (`2026-01-01T00:00:00Z`, `2026-01-01T00:00:00.123+05:30`), on a real calendar day.
 * It accepts exactly what zod's `z.iso.datetime({ offset: true })` accepts (`date-time.test.ts`
 * proves it case by case) at a fraction of its cost: one short regular expression and a little
 * arithmetic for month lengths and leap years, instead of one large pattern that spells the
 * calendar out, and without bundling zod's whole `iso` module.
 *
 * @see https://www.rfc-editor.org/rfc/rfc3339#section-5.6
 */

const SHAPE =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** The two-digit number at `at` (the shape check has already made sure both are digits). */
const twoDigits = (text: string, at: number): number =>
  (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;

/** Whether a string is an RFC 3339 date-time with a time zone on a day the calendar has. */
export function isDateTime(value: string): boolean {
  if (!SHAPE.test(value)) return false;
  const day = twoDigits(value, 8);
  if (day < 29) return true;
  const month = twoDigits(value, 5);
  if (month !== 2) return day < 31 || (month !== 4 && month !== 6 && month !== 9 && month !== 11);
  const year = Number(value.slice(0, 4));
  return day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}
