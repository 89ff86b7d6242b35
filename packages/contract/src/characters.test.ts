import { describe, expect, it } from 'vitest';
import { characterLength, MAX_BLOCK_CHARACTERS } from './characters.js';
import { NewBlockSchema, UpdateBlockRequestSchema } from './schemas.js';

const EMOJI = '😀'; // one code point, two UTF-16 units

describe('characterLength', () => {
  it.each([
    { given: '', want: 0 },
    { given: 'abc', want: 3 },
    { given: EMOJI, want: 1 },
    { given: `a${EMOJI}b`, want: 3 },
    { given: '\ud800', want: 1 }, // a lone high surrogate
    { given: '\udc00\ud800', want: 2 }, // reversed pair: two lone surrogates
    { given: '👩‍💻', want: 3 }, // woman + ZWJ + laptop: three code points
  ])('$given has $want characters', ({ given, want }) => {
    expect(characterLength(given)).toBe(want);
  });

  it('agrees with the schemas at the block limit, emoji included', () => {
    for (const schema of [NewBlockSchema, UpdateBlockRequestSchema]) {
      for (const unit of ['a', EMOJI]) {
        const atLimit = unit.repeat(MAX_BLOCK_CHARACTERS);
        const over = unit.repeat(MAX_BLOCK_CHARACTERS + 1);
        expect(characterLength(atLimit)).toBe(MAX_BLOCK_CHARACTERS);
        expect(schema.safeParse({ content: atLimit }).success).toBe(true);
        expect(schema.safeParse({ content: over }).success).toBe(false);
        expect(schema.safeParse({ content: `${'a'.repeat(MAX_BLOCK_CHARACTERS - 1)}${EMOJI}` }).success).toBe(
          true,
        );
      }
    }
  });
});
