import { describe, expect, it } from 'vitest';
import {
  checkTokenFormat,
  containsSecret,
  describeTokenFormatProblem,
  generateTokenSecret,
  isWellFormedToken,
  redactToken,
  scrubSecrets,
  TOKEN_LENGTH,
  TOKEN_PATTERN,
  tokenFromBody,
  tokenHint,
} from './token-format.js';

describe('token format', () => {
  it('generates well-formed, distinct secrets', () => {
    const secrets = new Set(Array.from({ length: 200 }, generateTokenSecret));
    expect(secrets.size).toBe(200);
    for (const s of secrets) {
      expect(s).toMatch(/^gt_[0-9A-Za-z]{36}$/);
      expect(checkTokenFormat(s)).toEqual({ ok: true });
    }
  });

  it('builds the same secret from the same body', () => {
    const body = 'GraphTokenMockBootstrap0000001';
    expect(tokenFromBody(body)).toBe(tokenFromBody(body));
    expect(tokenFromBody(body)).toHaveLength(TOKEN_LENGTH);
    expect(() => tokenFromBody('short')).toThrow(RangeError);
  });

  const good = generateTokenSecret();
  const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'a' ? 'b' : 'a') + s.slice(i + 1);
  it.each([
    { given: '', want: 'empty' },
    { given: 'ghp_abc', want: 'prefix' },
    { given: good.slice(4), want: 'prefix' },
    { given: good.slice(0, -1), want: 'length' },
    { given: `${good} `, want: 'whitespace' },
    { given: `${good}\n`, want: 'whitespace' },
    { given: `${good.slice(0, 20)} ${good.slice(20)}`, want: 'whitespace' },
    { given: `"${good}"`, want: 'quotes' },
    { given: `'${good}'`, want: 'quotes' },
    { given: `"${good}`, want: 'quotes' },
    { given: `Bearer ${good}`, want: 'bearer' },
    { given: `bearer ${good}`, want: 'bearer' },
    { given: `gt_${good.slice(3, 10)}"${good.slice(11)}`, want: 'charset' },
    { given: `${good.slice(0, 10)}-${good.slice(11)}`, want: 'charset' },
    { given: flip(good, 10), want: 'checksum' },
    { given: flip(good, good.length - 1), want: 'checksum' },
  ])('rejects $want problems', ({ given, want }) => {
    expect(checkTokenFormat(given)).toEqual({ ok: false, problem: want });
    expect(isWellFormedToken(given)).toBe(false);
  });

  it('explains every problem without echoing the token', () => {
    for (const problem of [
      'empty',
      'quotes',
      'bearer',
      'whitespace',
      'prefix',
      'length',
      'charset',
      'checksum',
    ] as const) {
      const text = describeTokenFormatProblem(problem);
      expect(text.length).toBeGreaterThan(10);
      expect(text).not.toContain(good.slice(3, 10));
    }
    expect(describeTokenFormatProblem('length')).toMatch(/full token string/);
    // The paste mistakes are named as what the user sees, not as a wrong prefix.
    expect(describeTokenFormatProblem('quotes')).toMatch(/quotes/);
    expect(describeTokenFormatProblem('bearer')).toMatch(/"Bearer "/);
    expect(describeTokenFormatProblem('whitespace')).toMatch(/whitespace/);
    expect(describeTokenFormatProblem('quotes')).not.toMatch(/starts with "gt_"/);
  });

  it('scrubs secrets pasted back to back, truncated ones, and nothing else', () => {
    const [a, b] = [generateTokenSecret(), generateTokenSecret()];
    const scrubbed = scrubSecrets(`GET /v1/tokens/${a}${b}?x=${a.slice(0, 20)} tok_G5KdR5pNKRaVTet6 gt_ab`);
    expect(scrubbed).toBe(
      `GET /v1/tokens/gt_…${a.slice(-4)}gt_…${b.slice(-4)}?x=[redacted] tok_G5KdR5pNKRaVTet6 gt_ab`,
    );
    expect(containsSecret(`Bearer ${a}`)).toBe(true);
    expect(containsSecret(` ${a.slice(0, 12)}`)).toBe(true);
    expect(containsSecret('tok_G5KdR5pNKRaVTet6 gt_ab')).toBe(false);
  });

  it('shows only the public hint', () => {
    expect(tokenHint(good)).toBe(good.slice(-4));
    expect(redactToken(good)).toBe(`gt_…${good.slice(-4)}`);
    expect(redactToken('short')).toBe('[redacted]');
    expect(`leaked: ${good}`.match(TOKEN_PATTERN)).toEqual([good]);
  });
});
