/**
 * compileSchema against the original schemas: for every schema of the contract (each response
 * schema the SDK validates among them), random and edge inputs, valid and invalid, must give the
 * same success, the same output and byte-identical issues. Also checks that the string test is
 * really taken (zod's checks loop is skipped for a value that passes) and where it must not be.
 */
import * as contract from '@graphtoken/contract';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { type $ZodType, safeParse, safeParseAsync } from 'zod/v4/core';
import { tokenObject } from '../../test/support/stub-fetch.js';
import { compileSchema } from './compile-schema.js';

type Def = Record<string, unknown> & { type: string; checks?: $ZodType[] };
const defOf = (schema: $ZodType) => schema._zod.def as unknown as Def;

/** A small seeded PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const { token } = { token: tokenObject() };

/** Strings near every check the contract has: ids, hints, timestamps, lengths, secrets, emoji. */
function strings(next: () => number): string[] {
  const pick = (n: number) => Array.from({ length: n }, () => BASE62[Math.floor(next() * 62)]).join('');
  return [
    '',
    ' ',
    'x',
    'self',
    `tok_${pick(16)}`,
    `tok_${pick(15)}`,
    `tok_${pick(16)}\n`,
    `tok_${pick(16)}-`,
    `gr_${pick(16)}`,
    `blk_${pick(20)}`,
    `evt_${pick(8)}`,
    `acc_${pick(5)}`,
    'system',
    pick(4),
    pick(3),
    pick(5),
    `${pick(3)}!`,
    contract.generateTokenSecret(),
    `gt_${pick(36)}`,
    '2026-01-01T00:00:00Z',
    '2026-01-01T00:00:00.123+05:30',
    '2024-02-29T23:59:59Z',
    '2025-02-29T00:00:00Z',
    '2025-04-31T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T00:00:00',
    '2026-01-01 00:00:00Z',
    new Date(Math.floor(next() * 4e12)).toISOString(),
    'a'.repeat(100),
    'a'.repeat(101),
    'a'.repeat(500),
    'a'.repeat(501),
    '😀'.repeat(50),
    '😀'.repeat(51),
    '😀'.repeat(100),
    '😀'.repeat(101),
    `${'a'.repeat(99)}😀`,
    pick(Math.floor(next() * 40)),
    'read',
    'write',
    'owner',
    'active',
    'revoked',
    'token.created',
    'manual',
    'not_found',
    'invalid_request',
  ];
}

/** Per leaf schema, the candidates it accepts (worked out once: the page test draws thousands). */
const fits = new WeakMap<$ZodType, unknown[]>();

/**
 * A random value for `schema`. Each leaf is drawn near its checks: with probability `wild` from
 * every candidate, otherwise from the candidates the leaf itself accepts, so whole inputs are
 * often valid and often broken in one place only.
 */
function sample(schema: $ZodType, next: () => number, wild: number, depth = 0): unknown {
  const def = defOf(schema);
  // Now and then anything at all, whatever the schema.
  if (next() < wild / 10) return [null, undefined, 0, 1.5, true, 'x', [], {}, ['x']][Math.floor(next() * 9)];
  const leaf = (pool: unknown[]) => {
    let fitting = fits.get(schema);
    if (!fitting) {
      fitting = pool.filter((v) => safeParse(schema, v).success);
      fits.set(schema, fitting);
    }
    const from = next() < wild || fitting.length === 0 ? pool : fitting;
    return from[Math.floor(next() * from.length)];
  };
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(def.shape as Record<string, $ZodType>)) {
        if (next() < wild / 10) continue;
        out[key] = sample(value, next, wild, depth + 1);
      }
      if (next() < 0.1) out.addedLater = 'x';
      return out;
    }
    case 'array': {
      const length = (next() < wild ? 0 : 1) + Math.floor(next() * (depth > 2 ? 2 : 3));
      return Array.from({ length }, () => sample(def.element as $ZodType, next, wild, depth + 1));
    }
    case 'nullable':
    case 'optional':
      return next() < 0.3
        ? def.type === 'nullable'
          ? null
          : undefined
        : sample(def.innerType as $ZodType, next, wild, depth);
    case 'enum':
      return leaf([...Object.values(def.entries as Record<string, string>), 'x', 'READ']);
    case 'string':
      return leaf(strings(next));
    case 'number':
      return leaf([0, 1, 50, 100, 101, -1, 1.5, Number.NaN]);
    case 'boolean':
      return leaf([true, false, 'true']);
    default:
      return undefined;
  }
}

/** Every zod schema the contract exports: each response schema the SDK validates is one of them. */
const schemas = Object.entries(contract as Record<string, unknown>).filter(
  (entry): entry is [string, $ZodType] =>
    entry[0].endsWith('Schema') && typeof entry[1] === 'object' && entry[1] !== null && '_zod' in entry[1],
);

/** Same success, same output, byte-identical issues. */
function expectSame(original: $ZodType, compiled: $ZodType, input: unknown): void {
  const a = safeParse(original, input);
  const b = safeParse(compiled, input);
  expect(b.success).toBe(a.success);
  if (a.success) expect(b.data).toEqual(a.data);
  else expect(JSON.stringify(b.error?.issues)).toBe(JSON.stringify(a.error?.issues));
}

describe('compileSchema accepts and rejects exactly what the original does', () => {
  it('covers the response schemas the SDK validates', () => {
    const names = schemas.map(([name]) => name);
    for (const name of [
      'TokenSchema',
      'TokenPageSchema',
      'TokenWithSecretSchema',
      'IntrospectionSchema',
      'GraphSchema',
      'GraphListSchema',
      'BlockSchema',
      'BlockPageSchema',
      'AppendBlocksResultSchema',
      'AuditEventPageSchema',
    ]) {
      expect(names).toContain(name);
    }
  });

  for (const [name, schema] of schemas) {
    it(`${name}: 1,500 random and edge inputs, valid and invalid`, () => {
      const compiled = compileSchema(schema);
      const next = random(name.length * 7919);
      let valid = 0;
      for (let i = 0; i < 1500; i++) {
        const input = sample(schema, next, [0, 0.05, 0.5][i % 3] as number);
        if (safeParse(schema, input).success) valid++;
        expectSame(schema, compiled, input);
      }
      // Both kinds were tried, where the schema accepts anything at all.
      expect(valid).toBeGreaterThan(0);
      expect(valid).toBeLessThan(1500);
    }, 30_000);
  }

  it('a page of tokens: valid, and each field broken in turn', async () => {
    const compiled = compileSchema(contract.TokenPageSchema);
    const good = { data: [tokenObject(), { ...token, id: 'tok_AAAAAAAAAAAAAAAA' }], nextCursor: null };
    const broken = [
      { id: 'tok_short' },
      { id: `tok_${'A'.repeat(16)}\n` },
      { hint: 'ab' },
      { hint: 'ab!d' },
      { createdAt: '2025-02-29T00:00:00Z' },
      { expiresAt: '2026-01-01' },
      { lastUsedAt: 5 },
      { name: '' },
      { name: '😀'.repeat(101) },
      { description: 'a'.repeat(501) },
      { scopes: [] },
      { status: 'paused' },
    ];
    expectSame(contract.TokenPageSchema, compiled, good);
    for (const fields of broken) {
      const input = { ...good, data: [good.data[0], { ...token, ...fields }] };
      expectSame(contract.TokenPageSchema, compiled, input);
      expect(safeParse(compiled, input).success).toBe(false);
      // The async path gives the same answer too.
      const [a, b] = await Promise.all([
        safeParseAsync(contract.TokenPageSchema, input),
        safeParseAsync(compiled, input),
      ]);
      expect(JSON.stringify(b.error?.issues)).toBe(JSON.stringify(a.error?.issues));
    }
  });
});

describe('zod’s compiled path', () => {
  const values = [
    '',
    'a',
    'aa',
    'ba',
    'ab',
    'aab',
    'aaa',
    5,
    null,
    undefined,
    ['a'],
    '😀',
    '😀😀',
    'a😀',
    '\ud83d',
    '\ud83da',
  ];

  it('is taken: a valid value never reaches zod’s runtime checks; an invalid one gets zod’s own issues', () => {
    const check = z.regex(/^a+$/);
    const spy = vi.spyOn(check._zod, 'check');
    const schema = z.object({ id: z.string().check(check, z.maxLength(3)) }) as unknown as $ZodType;
    const compiled = compileSchema(schema);
    expect(compiled).not.toBe(schema);
    expect(compileSchema(schema)).toBe(compiled);
    expect(safeParse(compiled, { id: 'aaa' }).success).toBe(true);
    expect(spy).not.toHaveBeenCalled();
    expectSame(schema, compiled, { id: 'aab' });
    expect(spy).toHaveBeenCalled();
  });

  it('lengths in code points, as zod counts them, at and around every bound', () => {
    const pieces = ['a', '😀', '\ud83d', '\ude00'];
    const inputs: string[] = [''];
    for (let length = 1; length <= 4; length++)
      for (const input of inputs.filter((v) => v.length === length - 1 || v.length === length - 2))
        for (const piece of pieces) if (inputs.length < 400) inputs.push(input + piece);
    for (const bound of [0, 1, 2, 3]) {
      for (const schema of [
        z.string().check(z.minLength(bound)),
        z.string().check(z.maxLength(bound)),
        z.string().check(z.minLength(bound), z.maxLength(bound + 1)),
        z.array(z.string()).check(z.minLength(bound), z.maxLength(bound + 1)),
      ] as unknown as $ZodType[]) {
        const compiled = compileSchema(schema);
        for (const value of [...inputs, ...inputs.map((v) => [...v])]) expectSame(schema, compiled, value);
      }
    }
  });

  it('matches from the start whatever the lastIndex of a global or sticky expression', () => {
    for (const pattern of [/a/g, /a/y, /^a+$/gy, /b/]) {
      const schema = z.string().check(z.regex(pattern)) as unknown as $ZodType;
      const compiled = compileSchema(schema);
      for (const value of values) {
        for (const lastIndex of [0, 1, 2]) {
          pattern.lastIndex = lastIndex;
          const a = safeParse(schema, value);
          pattern.lastIndex = lastIndex;
          const b = safeParse(compiled, value);
          expect([b.success, JSON.stringify(b.error?.issues)]).toEqual([
            a.success,
            JSON.stringify(a.error?.issues),
          ]);
        }
      }
    }
  });

  it('a format function: its own answer decides, truthy or not, with lengths after it', () => {
    const answers: unknown[] = [true, false, 1, 0, '', 'yes', null, undefined];
    for (const answer of answers) {
      for (const schema of [
        z.stringFormat('custom', () => answer as boolean),
        z.stringFormat('custom', () => answer as boolean).check(z.maxLength(1)),
      ] as unknown as $ZodType[]) {
        const compiled = compileSchema(schema);
        for (const value of values) expectSame(schema, compiled, value);
      }
    }
  });

  it('an abort, a when, a refinement or a built-in format changes nothing', () => {
    const schemas = [
      z.string().check(z.minLength(2, { abort: true }), z.regex(/^a/)),
      z.string().check(z.regex(/^a/, { abort: true }), z.maxLength(1)),
      z.string().check(z.maxLength(1, { when: () => false } as never), z.regex(/a/)),
      z.array(z.string().check(z.minLength(1))).check(z.minLength(1, { abort: true }), z.maxLength(1)),
      z.string().check(
        z.regex(/^a/),
        z.refine((v) => v === 'a'),
      ),
      z.string().check(z.length(1)),
      z.string().check(z.minLength(1), z.startsWith('a')),
      z.email(),
    ] as unknown as $ZodType[];
    for (const schema of schemas) {
      const compiled = compileSchema(schema);
      for (const value of [...values, ['', 'a'], [''], ['a', 'aa'], 'a@b.example']) {
        expectSame(schema, compiled, value);
      }
    }
  });

  it('under `jitless` (no code from text), the schema itself, with the same answers', () => {
    const schema = z.object({ id: z.string().check(z.regex(/^a+$/)) }) as unknown as $ZodType;
    z.config({ jitless: true });
    try {
      expect(compileSchema(schema)).toBe(schema);
    } finally {
      z.config({ jitless: false });
    }
    expect(compileSchema(schema)).not.toBe(schema);
  });
});
