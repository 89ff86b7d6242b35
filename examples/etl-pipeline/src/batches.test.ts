import { describe, expect, it } from 'vitest';
import { batchIdempotencyKey, fingerprint, newRunId, toBatches } from './batches.ts';

describe('toBatches', () => {
  it.each([
    { given: { items: 3000, size: 100 }, want: { batches: 30, last: 100 } },
    { given: { items: 250, size: 100 }, want: { batches: 3, last: 50 } },
    { given: { items: 0, size: 100 }, want: { batches: 0, last: undefined } },
  ])('splits $given.items items into batches of $given.size', ({ given, want }) => {
    const batches = toBatches(
      Array.from({ length: given.items }, (_, i) => i),
      given.size,
    );
    expect(batches).toHaveLength(want.batches);
    expect(batches.at(-1)?.length).toBe(want.last);
    expect(batches.flat()).toEqual(Array.from({ length: given.items }, (_, i) => i));
  });

  it('refuses a batch size the API would reject', () => {
    expect(() => toBatches([1], 101)).toThrow(/1 to 100/);
    expect(() => toBatches([1], 0)).toThrow(RangeError);
  });
});

describe('batchIdempotencyKey', () => {
  it('depends only on the run and the batch, so every retry reuses it', () => {
    expect(batchIdempotencyKey('etl-run', 7)).toBe(batchIdempotencyKey('etl-run', 7));
    expect(batchIdempotencyKey('etl-run', 7)).toBe('etl-run/batch-00007');
    expect(batchIdempotencyKey('etl-run', 7)).not.toBe(batchIdempotencyKey('etl-other', 7));
  });

  it('fits the API limit of 255 characters', () => {
    expect(batchIdempotencyKey(newRunId(), 99_999).length).toBeLessThanOrEqual(255);
  });
});

describe('fingerprint', () => {
  it('changes with the input and with the batch size', async () => {
    const a = await fingerprint(['x', 'y'], 100);
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await fingerprint(['x', 'y'], 100)).toBe(a);
    expect(await fingerprint(['x', 'z'], 100)).not.toBe(a);
    expect(await fingerprint(['x', 'y'], 50)).not.toBe(a);
  });
});
