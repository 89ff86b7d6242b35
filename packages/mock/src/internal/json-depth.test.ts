import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth.js';

const nested = (levels: number, open = '[', close = ']') => open.repeat(levels) + close.repeat(levels);

describe('exceedsJsonDepth', () => {
  it.each([
    { given: '{}', want: false },
    { given: '{"blocks":[{"content":"x"}]}', want: false },
    { given: nested(MAX_JSON_DEPTH), want: false },
    { given: nested(MAX_JSON_DEPTH + 1), want: true },
    { given: nested(100_000, '{"a":', '}'), want: true },
    { given: `"${'['.repeat(10_000)}"`, want: false }, // brackets inside a string
    { given: `["\\"${'['.repeat(100)}"]`, want: false }, // an escaped quote does not end the string
    { given: '[[[[ not json', want: false },
  ])('$want for a body like $given.length characters', ({ given, want }) => {
    expect(exceedsJsonDepth(given)).toBe(want);
  });
});
