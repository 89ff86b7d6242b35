import { afterEach, describe, expect, it, vi } from 'vitest';
import { newIdempotencyKey } from './idempotency.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('newIdempotencyKey', () => {
  it('is a fresh UUID v4 per call', () => {
    const keys = new Set(Array.from({ length: 1000 }, newIdempotencyKey));
    expect(keys.size).toBe(1000);
    for (const key of keys) expect(key).toMatch(UUID_V4);
  });

  it('builds a UUID v4 from getRandomValues where randomUUID is missing (an insecure browser context)', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', {
      getRandomValues: <T extends Uint8Array>(array: T) => real.getRandomValues(array),
    });
    const keys = Array.from({ length: 2000 }, newIdempotencyKey);
    expect(new Set(keys).size).toBe(2000);
    for (const key of keys) expect(key).toMatch(UUID_V4);
    // Every hex digit and every variant appears where it may: the bits are really random.
    expect(new Set(keys.map((k) => k[0])).size).toBe(16);
    expect(new Set(keys.map((k) => k[19])).size).toBe(4);
    expect(new Set(keys.map((k) => k[35])).size).toBe(16);
  });
});
