import { describe, expect, it } from 'vitest';
import { parseList } from '../internal/structured-fields.js';
import { parseRateLimit } from './rate-limit.js';

describe('parseList (RFC 9651 lists of items with parameters)', () => {
  it.each([
    { given: '"token";q=100;w=60', want: [{ value: 'token', params: { q: 100, w: 60 } }] },
    { given: '  "token";r=42;t=17  ', want: [{ value: 'token', params: { r: 42, t: 17 } }] },
    {
      given: '"token";q=100;w=60, "client";q=10;w=60',
      want: [
        { value: 'token', params: { q: 100, w: 60 } },
        { value: 'client', params: { q: 10, w: 60 } },
      ],
    },
    { given: 'default;r=0;t=5', want: [{ value: 'default', params: { r: 0, t: 5 } }] },
    { given: '"a\\"b";x;y=?0;z=1.5', want: [{ value: 'a"b', params: { x: true, y: false, z: 1.5 } }] },
    { given: '', want: [] },
  ])('reads $given', ({ given, want }) => {
    expect(parseList(given)).toEqual(want);
  });

  it.each([
    '"token";q=100;w=60,',
    '"token" junk',
    '"unterminated;q=1',
    '("inner" "list");q=1',
    ':Ynl0ZXM=:;q=1',
    '"token";Q=1',
    '"token";q=',
    '"token";q=12345678901234567',
    ',"token"',
    '"token";;q=1',
    'x'.repeat(2000),
  ])('refuses %j as a whole, without throwing', (given) => {
    expect(parseList(given)).toBeUndefined();
  });

  it('gives undefined for a missing field', () => {
    expect(parseList(null)).toBeUndefined();
    expect(parseList(undefined)).toBeUndefined();
  });
});

describe('parseRateLimit', () => {
  const headers = (fields: Record<string, string>) => new Headers(fields);

  it('joins RateLimit with its policy', () => {
    expect(
      parseRateLimit(headers({ 'RateLimit-Policy': '"token";q=100;w=60', RateLimit: '"token";r=42;t=17' })),
    ).toEqual([{ policy: 'token', remaining: 42, resetSeconds: 17, limit: 100, windowSeconds: 60 }]);
  });

  it('reads a Response and the plain record an APIError keeps', () => {
    const response = new Response(null, { headers: { ratelimit: '"client";r=3;t=9' } });
    expect(parseRateLimit(response)[0]).toMatchObject({ policy: 'client', remaining: 3, limit: undefined });
    expect(parseRateLimit({ ratelimit: '"token";r=0;t=1' })[0]).toMatchObject({
      remaining: 0,
      resetSeconds: 1,
    });
  });

  it('puts the most restrictive policy first', () => {
    const [first, second] = parseRateLimit(headers({ ratelimit: '"token";r=50;t=10, "client";r=2;t=30' }));
    expect(first?.policy).toBe('client');
    expect(second?.policy).toBe('token');
  });

  it.each([
    { ratelimit: 'garbage;;' },
    { ratelimit: '"token";r=-1;t=5' },
    { ratelimit: '"token";r=1.5;t=5' },
    { ratelimit: '"token";r="many";t=5' },
    { ratelimit: '"token";t=5' },
    { ratelimit: '"token";r=5' },
    { ratelimit: '?1;r=5;t=5' },
    {},
  ])('ignores a bad or missing field %j', (fields) => {
    expect(parseRateLimit(headers(fields))).toEqual([]);
  });

  it('keeps a good RateLimit when RateLimit-Policy is malformed', () => {
    expect(parseRateLimit(headers({ 'ratelimit-policy': 'q=100,,', ratelimit: '"token";r=1;t=2' }))).toEqual([
      { policy: 'token', remaining: 1, resetSeconds: 2, limit: undefined, windowSeconds: undefined },
    ]);
  });
});
