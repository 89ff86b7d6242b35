/**
 * The one check of a block's content, shared by every path that writes one (append, update, the
 * store, seeds and snapshots), so they all count characters as the spec does: Unicode code points.
 * @internal
 */
import { characterLength, MAX_BLOCK_CHARACTERS } from '@graphtoken/contract';
import { MockSetupError } from './state.js';

/**
 * Throws a {@link MockSetupError} unless `content` is 1 to 10,000 characters (code points).
 * @see spec/openapi.yaml, "Lengths of strings"
 */
export function checkBlockContent(content: unknown): asserts content is string {
  if (typeof content !== 'string') throw new MockSetupError('block content must be a string');
  const length = characterLength(content);
  if (length < 1 || length > MAX_BLOCK_CHARACTERS) {
    throw new MockSetupError(
      `block content is 1 to ${MAX_BLOCK_CHARACTERS} characters (Unicode code points), not ${length}`,
    );
  }
}
