import { generateTokenSecret, tokenFromBody } from '@graphtoken/contract';
import { describe, expect, it } from 'vitest';
import { findSecrets, SecretStream } from './find-secrets.ts';
import { Scanner } from './scanner.ts';

const secret = generateTokenSecret();
const other = generateTokenSecret();
/** The same body with its last checksum character changed: a look-alike. */
const badChecksum = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('findSecrets', () => {
  it.each([
    { name: 'a secret alone', given: secret, want: [{ line: 1, column: 1 }] },
    { name: 'an assignment', given: `GRAPHTOKEN_TOKEN=${secret}\n`, want: [{ line: 1, column: 18 }] },
    { name: 'on a later line', given: `a\nbb\n  "${secret}"`, want: [{ line: 3, column: 4 }] },
    { name: 'CRLF line ends', given: `a\r\nb\r\n${secret}`, want: [{ line: 3, column: 1 }] },
    { name: 'glued to a word before it', given: `xyz${secret}`, want: [{ line: 1, column: 4 }] },
    { name: 'after multibyte text (columns in bytes)', given: `é ${secret}`, want: [{ line: 1, column: 4 }] },
  ])('finds $name', ({ given, want }) => {
    expect(findSecrets(bytes(given))).toEqual(want.map((w) => ({ ...w, hint: secret.slice(-4) })));
  });

  it('finds secrets back to back, each once', () => {
    expect(findSecrets(bytes(`${secret}${other}\n${secret}`))).toEqual([
      { line: 1, column: 1, hint: secret.slice(-4) },
      { line: 1, column: 40, hint: other.slice(-4) },
      { line: 2, column: 1, hint: secret.slice(-4) },
    ]);
  });

  it.each([
    { name: 'a wrong checksum', given: badChecksum },
    { name: 'a truncated secret', given: secret.slice(0, -1) },
    { name: 'a secret cut at the end of the input', given: `x ${secret.slice(0, 20)}` },
    { name: 'the prefix alone', given: 'gt_ gt_gt_ see gt_docs' },
    { name: 'another prefix', given: `ghp_${secret.slice(3)}` },
    { name: 'a bad character', given: `${secret.slice(0, 10)}-${secret.slice(11)}` },
  ])('ignores $name', ({ given }) => {
    expect(findSecrets(bytes(given))).toEqual([]);
  });

  it('finds a secret whose checksum holds even amid look-alikes', () => {
    const body = 'A'.repeat(30);
    const text = `gt_${'A'.repeat(36)} ${badChecksum} ${tokenFromBody(body)}`;
    expect(findSecrets(bytes(text))).toEqual([{ line: 1, column: 81, hint: tokenFromBody(body).slice(-4) }]);
  });

  it('never returns the secret itself', () => {
    const found = findSecrets(bytes(`token: ${secret}`));
    expect(JSON.stringify(found)).not.toContain(secret.slice(3, -4));
  });
});

describe('SecretStream', () => {
  const text = `first line\nGRAPHTOKEN_TOKEN=${secret}\nmore ${other} text\n${'x'.repeat(50)}${secret}\nend`;

  it('finds what findSecrets finds, wherever the chunks are cut', () => {
    const whole = findSecrets(bytes(text));
    expect(whole).toHaveLength(3);
    const input = bytes(text);
    for (let size = 1; size <= 45; size++) {
      const stream = new SecretStream();
      const found = [];
      for (let at = 0; at < input.length; at += size)
        found.push(...stream.push(input.subarray(at, at + size)));
      expect(found, `chunks of ${size} bytes`).toEqual(whole);
    }
    // Two chunks, cut at every position.
    for (let cut = 0; cut <= input.length; cut++) {
      const stream = new SecretStream();
      const found = [...stream.push(input.subarray(0, cut)), ...stream.push(input.subarray(cut))];
      expect(found, `cut at ${cut}`).toEqual(whole);
    }
  });
});

describe('Scanner keepSecrets (scan --report)', () => {
  it('keeps each secret found once, only when asked', () => {
    const keeping = new Scanner({ keepSecrets: true });
    keeping.scanBytes('a', bytes(`${secret}\n${other}\n${secret}\n${badChecksum}`));
    expect(keeping.secrets().sort()).toEqual([secret, other].sort());
    expect(JSON.stringify(keeping.result())).not.toContain(secret.slice(3, -4));
    const plain = new Scanner();
    plain.scanBytes('a', bytes(secret));
    expect(plain.secrets()).toEqual([]);
    expect(plain.result().findings).toHaveLength(1);
  });
});
