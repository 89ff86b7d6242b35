import { describe, expect, it } from 'vitest';
import { hashSecret } from './secret-hash.js';
import { sha256Hex, sha256HexPortable } from './sha256.js';

describe.each([
  { name: 'sha256Hex (node:crypto here)', sha256Hex },
  { name: 'sha256HexPortable (@noble/hashes, the browser path)', sha256Hex: sha256HexPortable },
])('$name', ({ sha256Hex }) => {
  it.each([
    { given: '', want: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    { given: 'abc', want: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
    {
      given: 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      want: '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    },
  ])('hashes $given like the standard test vectors', ({ given, want }) => {
    expect(sha256Hex(given)).toBe(want);
  });

  it('agrees with Web Crypto on secrets of every length up to two blocks', async () => {
    for (let n = 0; n < 140; n += 7) {
      const text = 'gt_é'.repeat(n);
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
      const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
      expect(sha256Hex(text)).toBe(hex);
    }
  });
});

describe('secret hashing', () => {
  it('never stores the secret itself', () => {
    const secret = 'gt_MockBootstrapTokenForTests0000abcdef';
    expect(hashSecret(secret)).not.toContain(secret);
    expect(hashSecret(secret)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
