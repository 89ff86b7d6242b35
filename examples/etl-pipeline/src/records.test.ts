import { describe, expect, it } from 'vitest';
import { generateRecords, recordIdOf, toBlockContent } from './records.ts';

describe('generateRecords', () => {
  it('gives the same records for the same count and seed, so a resumed run sees the same input', () => {
    expect(generateRecords(50)).toEqual(generateRecords(50));
    expect(generateRecords(50, 1)).not.toEqual(generateRecords(50, 2));
  });

  it('numbers records rec-000001 upwards, each id unique', () => {
    const records = generateRecords(3000);
    expect(records[0]?.id).toBe('rec-000001');
    expect(records.at(-1)?.id).toBe('rec-003000');
    expect(new Set(records.map((r) => r.id)).size).toBe(3000);
  });
});

describe('toBlockContent / recordIdOf', () => {
  it('round-trips the record id through the block content', () => {
    for (const record of generateRecords(20)) expect(recordIdOf(toBlockContent(record))).toBe(record.id);
  });

  it('ignores blocks the pipeline did not write', () => {
    expect(recordIdOf('Note G: computing Bernoulli numbers')).toBeNull();
    expect(recordIdOf('rec-12 · not ours')).toBeNull();
  });
});
