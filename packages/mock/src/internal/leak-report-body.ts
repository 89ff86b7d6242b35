/**
 * What the request journal keeps of a `revoke-leaked` body: never the reported strings, not even
 * their hints (they are secrets someone leaked, and the journal is printed in test failures and
 * served at `/__mock/requests`). Each string becomes `[redacted]`; the shape of anything else in the
 * body (it is refused with 422) is kept, its keys and strings redacted too; a body that is not JSON is not kept at all.
 * @internal
 */
/** The marker a reported string is recorded as. */
export const REDACTED_SECRET = '[redacted]';

/** The recorded form of a leak report's body. */
export function recordedLeakReport(
  text: string,
  parsed: { ok: true; value: unknown } | { ok: false } | undefined,
  truncated: boolean,
): unknown {
  if (parsed === undefined && text === '') return null;
  if (truncated || parsed === undefined || !parsed.ok) {
    return `[a body of ${new TextEncoder().encode(text).length}${truncated ? '+' : ''} bytes that is not JSON: not recorded, it may hold secrets]`;
  }
  return redactStrings(parsed.value);
}

/** Every string in a JSON value replaced by the marker, and every object key but `secrets`. */
function redactStrings(value: unknown): unknown {
  if (typeof value === 'string') return REDACTED_SECRET;
  if (Array.isArray(value)) return value.map(redactStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v], i) => [
        k === 'secrets' ? k : `[redacted key ${i}]`,
        redactStrings(v),
      ]),
    );
  }
  return value;
}
