/**
 * A bound on how deeply a JSON body may nest, checked on the text before it is parsed. The deepest
 * valid body of the API nests 3 levels (`{ "blocks": [{ "content": … }] }`); a body nested
 * thousands of levels deep would overflow the stack of every recursive walk over it (recording,
 * scrubbing, validation, cloning), so it is refused before any of them runs.
 * @internal
 */

/** The deepest nesting of arrays and objects a JSON body may have. */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether `text`, read as JSON, nests arrays and objects more than `max` levels deep. One pass,
 * no recursion; brackets inside strings do not count. Text that is not JSON is measured the same
 * way (the parser refuses it later).
 */
export function exceedsJsonDepth(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}
