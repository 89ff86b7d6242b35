/**
 * How many bytes of heap a recorded value holds (estimated), for the journal's byte budget.
 * @internal
 */

/**
 * The estimated heap size of a recorded body, in bytes, after V8's layout on 64-bit Node: a string
 * 24 + 2 per character, an object 56 + 8 per property (plus its key and value), an array 48 + 8 per
 * element (plus the element), a number or other scalar 16. A parsed JSON body costs several times
 * its text (a 3-byte `{},` is a whole object), so the estimate follows the parsed shape.
 * @internal
 */
export function recordedBodyBytes(body: unknown): number {
  if (typeof body === 'string') return 24 + 2 * body.length;
  if (Array.isArray(body)) {
    let bytes = 48;
    for (const item of body) bytes += 8 + recordedBodyBytes(item);
    return bytes;
  }
  if (body !== null && typeof body === 'object') {
    let bytes = 56;
    for (const [key, value] of Object.entries(body))
      bytes += 8 + 24 + 2 * key.length + recordedBodyBytes(value);
    return bytes;
  }
  return 16;
}
