import { describe, expect, it } from 'vitest';
import { containsWellFormedSecret, scrubEncodedSecrets } from './encoded-secrets.js';
import { generateTokenSecret, redactToken } from './token-format.js';

const secret = generateTokenSecret();
const rest = secret.slice(3);
const hint = redactToken(secret);
const pct = (s: string) => [...s].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
const uesc = (s: string) => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

/** Every way a decoding reader could get the secret back from a scrubbed text. */
function leaks(text: string): boolean {
  const decoded = text
    .replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return decoded.toLowerCase().includes(rest.toLowerCase());
}

describe('scrubEncodedSecrets', () => {
  it.each([
    ['literal', secret],
    ['percent-encoded underscore', `gt%5F${rest}`],
    ['percent-encoded underscore, lower-case hex', `gt%5f${rest}`],
    ['every byte percent-encoded (upper-case hex)', pct(secret).toUpperCase()],
    ['every byte percent-encoded', pct(secret)],
    ['JSON-escaped underscore', `gt\\u005f${rest}`],
    ['every character JSON-escaped', uesc(secret)],
    ['a mix of spellings', `%67t\\u005F${pct(rest.slice(0, 10))}${rest.slice(10)}`],
  ])('replaces a %s secret by its hint, wherever it is', (_, spelled) => {
    for (const text of [
      spelled,
      `/v1/tokens/${spelled}`,
      `?q=${spelled}&x=1`,
      `note=${spelled}${spelled}`,
      `{"n":"${spelled}" oops`,
    ]) {
      const out = scrubEncodedSecrets(text);
      expect(leaks(out), out).toBe(false);
      expect(out).toContain(hint);
    }
  });

  it('leaves text without secrets, and non-alphanumeric escapes, as they are', () => {
    for (const text of [
      '/v1/graphs/gr_research',
      'a%20b%2Fc',
      'gt%5Fshort',
      String.raw`{"a":"\u00e9"}`,
      'gt%5F%2F%2F%2F%2F%2F%2F%2F%2F',
    ]) {
      expect(scrubEncodedSecrets(text)).toBe(text);
    }
  });

  it('takes linear time on hostile input', () => {
    const hostile = `${'%6'.repeat(50_000)}${'gt%5F'.repeat(20_000)}${'\\u00'.repeat(50_000)}`;
    const started = performance.now();
    scrubEncodedSecrets(hostile);
    const big = performance.now() - started;
    const small = hostile.slice(0, hostile.length / 10);
    const smallStarted = performance.now();
    scrubEncodedSecrets(small);
    // Same-run ratio: ten times the input may cost at most ~40 times (linear, with noise), not 100.
    expect(big).toBeLessThan(Math.max(40 * (performance.now() - smallStarted), 50));
  });
});

describe('containsWellFormedSecret', () => {
  it.each([
    ['literal', secret],
    ['inside words', `my token is ${secret}, keep it`],
    ['percent-encoded', `gt%5F${rest}`],
    ['JSON-escaped', uesc(secret)],
  ])('finds a %s secret', (_, text) => {
    expect(containsWellFormedSecret(text)).toBe(true);
  });

  it('ignores secret-looking text that is not a secret (a checksum that does not match, a short one)', () => {
    const flipped = secret.slice(0, 10) + (secret[10] === 'a' ? 'b' : 'a') + secret.slice(11);
    for (const text of ['gt_deploy key', 'gt_abcdefghij', flipped, 'gt_ is our prefix']) {
      expect(containsWellFormedSecret(text)).toBe(false);
    }
  });
});
