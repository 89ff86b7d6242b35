/**
 * What the API calls a "character": a Unicode code point, as JSON Schema's `minLength` and
 * `maxLength` count them (spec/openapi.yaml, "Lengths of strings"). An emoji such as 😀 is one
 * character but two UTF-16 units (`'😀'.length === 2`), so `String.length` is not the measure.
 */

/**
 * The length of `text` in characters (Unicode code points). A lone surrogate counts as one.
 *
 * @example
 * characterLength('a😀') // 2 (String.length says 3)
 * @see spec/openapi.yaml, "Lengths of strings"
 */
export function characterLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** The most characters a block's `content` may have (spec: `NewBlock.content.maxLength`). */
export const MAX_BLOCK_CHARACTERS = 10_000;
