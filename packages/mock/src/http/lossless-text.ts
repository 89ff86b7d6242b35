/**
 * A string as an SQLite column value without loss. SQLite keeps TEXT as UTF-8, which cannot hold
 * a lone surrogate (`"a\ud800b"` would come back as `"a\uFFFDb"`): a string that is not
 * well-formed UTF-16 is stored as a BLOB of its UTF-16LE code units instead (a TEXT-affinity
 * column keeps a BLOB as it is), and read back the same way. Well-formed strings stay TEXT, so
 * files written before this read as they did.
 * @internal
 */

/** A lone surrogate: a high one not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The value to bind for `text`: itself when well-formed, otherwise its UTF-16LE code units. */
export function textToColumn(text: string): string | Uint8Array {
  return !LONE_SURROGATE.test(text) ? text : new Uint8Array(Buffer.from(text, 'utf16le'));
}

/** The string a column value written by {@link textToColumn} stands for. */
export function textFromColumn(value: unknown): string {
  if (value instanceof Uint8Array) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf16le');
  }
  return String(value);
}
