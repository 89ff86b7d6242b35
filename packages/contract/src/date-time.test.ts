import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isDateTime } from './date-time.js';
import { CreateTokenRequestSchema, TokenSchema } from './schemas.js';

/** What the schemas used before: the behaviour `isDateTime` must keep exactly. */
const zodDateTime = z.iso.datetime({ offset: true });

const table: { given: string; want: boolean }[] = [
  { given: '2026-01-01T00:00:00Z', want: true },
  { given: '2026-01-01T00:00:00.123Z', want: true },
  { given: '2026-01-01T00:00:00.123456789+05:30', want: true },
  { given: '2026-12-31T23:59:59-23:59', want: true },
  { given: '2024-02-29T12:00:00Z', want: true },
  { given: '2000-02-29T12:00:00Z', want: true },
  { given: '0000-02-29T12:00:00Z', want: true },
  { given: '2023-02-29T12:00:00Z', want: false },
  { given: '1900-02-29T12:00:00Z', want: false },
  { given: '2024-02-30T12:00:00Z', want: false },
  { given: '2026-04-30T00:00:00Z', want: true },
  { given: '2026-04-31T00:00:00Z', want: false },
  { given: '2026-06-31T00:00:00Z', want: false },
  { given: '2026-09-31T00:00:00Z', want: false },
  { given: '2026-11-31T00:00:00Z', want: false },
  { given: '2026-07-31T00:00:00Z', want: true },
  { given: '2026-08-31T00:00:00Z', want: true },
  { given: '2026-12-31T00:00:00Z', want: true },
  { given: '2026-13-01T00:00:00Z', want: false },
  { given: '2026-00-01T00:00:00Z', want: false },
  { given: '2026-01-00T00:00:00Z', want: false },
  { given: '2026-01-32T00:00:00Z', want: false },
  { given: '2026-01-01T24:00:00Z', want: false },
  { given: '2026-01-01T23:60:00Z', want: false },
  { given: '2026-01-01T23:59:60Z', want: false },
  { given: '2026-01-01T00:00:00+24:00', want: false },
  { given: '2026-01-01T00:00:00+05:60', want: false },
  { given: '2026-01-01T00:00:00+0530', want: false },
  { given: '2026-01-01T00:00Z', want: false },
  { given: '2026-01-01T00:00:00', want: false },
  { given: '2026-01-01T00:00:00.Z', want: false },
  { given: '2026-01-01 00:00:00Z', want: false },
  { given: '2026-01-01t00:00:00z', want: false },
  { given: '2026-01-01', want: false },
  { given: '26-01-01T00:00:00Z', want: false },
  { given: '+02026-01-01T00:00:00Z', want: false },
  { given: ' 2026-01-01T00:00:00Z', want: false },
  { given: '2026-01-01T00:00:00Z\n', want: false },
  { given: '２０２６-01-01T00:00:00Z', want: false },
  { given: 'yesterday', want: false },
  { given: '', want: false },
];

/** Every one-character change of a few valid date-times: a dense set of near misses. */
function nearMisses(): string[] {
  const seeds = ['2024-02-29T23:59:59.5+23:59', '2026-04-30T09:05:07Z', '1999-12-31T00:00:00-00:00'];
  const alphabet = '0123456789-:+.TZ tz';
  const out: string[] = [];
  for (const seed of seeds) {
    for (let i = 0; i < seed.length; i++) {
      out.push(seed.slice(0, i) + seed.slice(i + 1));
      for (const c of alphabet) out.push(seed.slice(0, i) + c + seed.slice(i + 1));
    }
  }
  return out;
}

/** Every day of a few years around the leap-year edge cases, at midnight UTC. */
function calendar(): string[] {
  const out: string[] = [];
  for (const year of ['1900', '2000', '2023', '2024', '2100']) {
    for (let month = 1; month <= 12; month++) {
      for (let day = 0; day <= 32; day++) {
        out.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T00:00:00Z`);
      }
    }
  }
  return out;
}

describe('isDateTime', () => {
  it.each(table)('says $want for "$given"', ({ given, want }) => {
    expect(isDateTime(given)).toBe(want);
  });

  it('accepts exactly what z.iso.datetime({ offset: true }) accepts', () => {
    const inputs = [...table.map((row) => row.given), ...nearMisses(), ...calendar()];
    const disagreements = inputs.filter((s) => isDateTime(s) !== zodDateTime.safeParse(s).success);
    expect(disagreements).toEqual([]);
    expect(inputs.length).toBeGreaterThan(3000);
  });

  it('is what the schemas check timestamps with, reporting a datetime format issue', () => {
    const token = {
      id: 'tok_G5KdR5pNKRaVTet6',
      name: 'ci',
      description: null,
      scopes: ['read'],
      graphIds: [],
      createdAt: '2026-02-30T00:00:00Z',
      createdBy: 'acc_ada',
      expiresAt: null,
      lastUsedAt: null,
      status: 'active',
      revokedAt: null,
      rotatedFrom: null,
      rotatedTo: null,
      hint: 'abcd',
    };
    const result = TokenSchema.safeParse(token);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([
      { code: 'invalid_format', format: 'datetime', path: ['createdAt'] },
    ]);
    expect(TokenSchema.safeParse({ ...token, createdAt: '2026-02-28T00:00:00Z' }).success).toBe(true);
    expect(
      CreateTokenRequestSchema.safeParse({ name: 'x', scopes: ['read'], expiresAt: 'next week' }).success,
    ).toBe(false);
  });
});
