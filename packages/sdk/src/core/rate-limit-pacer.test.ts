/**
 * Pacing against a stub server that enforces a fixed window (q requests per w seconds) and
 * answers 429 beyond it, as the API does: N concurrent calls through a paced client get no 429.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, newToken, stubFetch, tokenObject } from '../../test/support/stub-fetch.js';
import { GraphToken } from '../client.js';
import { AbortError, InvalidArgumentError, TimeoutError } from './errors.js';
import { createRateLimitPacer } from './rate-limit-pacer.js';

/** A server with a fixed window of `quota` requests per `windowMs`, counting what it refuses. */
function windowedServer(quota: number, windowMs: number, round: 'ceil' | 'floor' = 'ceil', latencyMs = 5) {
  let windowStart = performance.now();
  let used = 0;
  const stats = { served: 0, refused: 0, maxInFlight: 0 };
  let inFlight = 0;
  const stub = stubFetch(async () => {
    inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, latencyMs));
    inFlight--;
    const now = performance.now();
    if (now - windowStart >= windowMs) {
      windowStart += Math.floor((now - windowStart) / windowMs) * windowMs;
      used = 0;
    }
    // Delta-seconds: a server may round up or down; the pacer must cope with both.
    const t = Math[round]((windowStart + windowMs - now) / 1000);
    const policy = { 'ratelimit-policy': `"token";q=${quota};w=${windowMs / 1000}` };
    if (used >= quota) {
      stats.refused++;
      return json(
        429,
        { code: 'rate_limited' },
        { ...policy, ratelimit: `"token";r=0;t=${t}`, 'retry-after': String(t) },
      );
    }
    used++;
    stats.served++;
    return json(200, tokenObject(), { ...policy, ratelimit: `"token";r=${quota - used};t=${t}` });
  });
  return { ...stub, stats };
}

describe('createRateLimitPacer', () => {
  it.each(['ceil', 'floor'] as const)(
    'lets 30 concurrent calls through a 10-per-second window with no 429 (t rounded with %s)',
    async (round) => {
      const server = windowedServer(10, 1000, round);
      const client = new GraphToken({
        token: newToken(),
        fetch: server.fetch,
        retry: false,
        rateLimit: createRateLimitPacer(),
      });
      const results = await Promise.allSettled(
        Array.from({ length: 30 }, () => client.tokens.get('tok_G5KdR5pNKRaVTet6')),
      );
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      expect(server.stats).toMatchObject({ served: 30, refused: 0 });
      // Concurrency kept: each window's quota went out together, not one at a time.
      expect(server.stats.maxInFlight).toBeGreaterThan(1);
    },
    20_000,
  );

  it('without a pacer the same server refuses most of them (the test can fail)', async () => {
    const server = windowedServer(10, 1000);
    const client = new GraphToken({ token: newToken(), fetch: server.fetch, retry: false });
    await Promise.allSettled(Array.from({ length: 30 }, () => client.tokens.get('tok_G5KdR5pNKRaVTet6')));
    expect(server.stats.refused).toBe(20);
  });

  it('does not pace an API that sends no rate-limit headers', async () => {
    let inFlight = 0;
    let most = 0;
    const stub = stubFetch(async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 10));
      inFlight--;
      return json(200, tokenObject());
    });
    const client = new GraphToken({
      token: newToken(),
      fetch: stub.fetch,
      rateLimit: createRateLimitPacer(),
    });
    await client.tokens.get('tok_G5KdR5pNKRaVTet6'); // learns there is no limit
    await Promise.all(Array.from({ length: 8 }, () => client.tokens.get('tok_G5KdR5pNKRaVTet6')));
    expect(most).toBe(8);
  });

  it('ignores malformed headers instead of failing or stalling', async () => {
    const stub = stubFetch(() =>
      json(200, tokenObject(), { ratelimit: '"token";r=oops;;', 'ratelimit-policy': '(' }),
    );
    const client = new GraphToken({
      token: newToken(),
      fetch: stub.fetch,
      rateLimit: createRateLimitPacer(),
    });
    const all = await Promise.all(Array.from({ length: 5 }, () => client.tokens.get('tok_G5KdR5pNKRaVTet6')));
    expect(all).toHaveLength(5);
  });

  it('a call waiting for the window stops at its AbortSignal, and one past its totalTimeout', async () => {
    const stub = stubFetch(() =>
      json(200, tokenObject(), { 'ratelimit-policy': '"token";q=1;w=60', ratelimit: '"token";r=0;t=60' }),
    );
    const client = new GraphToken({
      token: newToken(),
      fetch: stub.fetch,
      rateLimit: createRateLimitPacer(),
    });
    await client.tokens.get('tok_G5KdR5pNKRaVTet6');
    const controller = new AbortController();
    const aborted = client.tokens.get('tok_G5KdR5pNKRaVTet6', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(aborted).rejects.toBeInstanceOf(AbortError);
    const started = performance.now();
    const late = await client.tokens.get('tok_G5KdR5pNKRaVTet6', { totalTimeout: 50 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(late).toBeInstanceOf(TimeoutError);
    expect((late as TimeoutError).limit).toBe('total');
    expect(performance.now() - started).toBeLessThan(5000);
    // Neither waiting call was sent.
    expect(stub.sent).toHaveLength(1);
  });

  it('keeps no place for a call that failed before it was answered', async () => {
    let fail = true;
    const stub = stubFetch(() => {
      if (fail) {
        fail = false;
        throw new TypeError('fetch failed');
      }
      return json(200, tokenObject(), {
        'ratelimit-policy': '"token";q=5;w=60',
        ratelimit: '"token";r=4;t=60',
      });
    });
    const pacer = createRateLimitPacer();
    const client = new GraphToken({ token: newToken(), fetch: stub.fetch, retry: false, rateLimit: pacer });
    await expect(client.tokens.get('tok_G5KdR5pNKRaVTet6')).rejects.toThrow();
    await client.tokens.get('tok_G5KdR5pNKRaVTet6');
    expect(pacer.toJSON()).toEqual({ token: { remaining: 4, inFlight: 0, waiting: 0 } });
  });

  describe('a window longer than a timer can wait (2^31-1 ms)', () => {
    afterEach(() => vi.restoreAllMocks());

    it('waits in capped timers instead of firing at once (no busy loop, no TimeoutOverflowWarning)', async () => {
      const stub = stubFetch(() =>
        json(200, tokenObject(), {
          'ratelimit-policy': '"token";q=1;w=3000000',
          ratelimit: '"token";r=0;t=3000000',
        }),
      );
      const client = new GraphToken({
        token: newToken(),
        fetch: stub.fetch,
        rateLimit: createRateLimitPacer(),
      });
      await client.tokens.get('tok_G5KdR5pNKRaVTet6');
      const warnings: Error[] = [];
      const onWarning = (warning: Error) => void warnings.push(warning);
      process.on('warning', onWarning);
      const spy = vi.spyOn(globalThis, 'setTimeout');
      const controller = new AbortController();
      const waiting = client.tokens.get('tok_G5KdR5pNKRaVTet6', {
        signal: controller.signal,
        totalTimeout: false,
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const pacerDelays = spy.mock.calls.map(([, delay]) => delay ?? 0);
      spy.mockRestore();
      controller.abort();
      await expect(waiting).rejects.toBeInstanceOf(AbortError);
      process.off('warning', onWarning);
      expect(stub.sent).toHaveLength(1);
      // One wake-up armed for the whole 100 ms (a busy loop re-arms every millisecond), capped.
      const long = pacerDelays.filter((delay) => delay > 1000);
      expect(long.length).toBeGreaterThan(0);
      expect(pacerDelays.length).toBeLessThan(5);
      for (const delay of pacerDelays) expect(delay).toBeLessThanOrEqual(2_147_483_647);
      expect(warnings.filter((w) => w.name === 'TimeoutOverflowWarning')).toEqual([]);
    });
  });

  it.each([Number.NaN, -1, Number.POSITIVE_INFINITY, 2 ** 31, '5'])(
    'refuses marginMs %s when it is created',
    (marginMs) => {
      expect(() => createRateLimitPacer({ marginMs: marginMs as number })).toThrow(InvalidArgumentError);
      expect(() => createRateLimitPacer({ marginMs: marginMs as number })).toThrow(/marginMs must be/);
    },
  );

  it('takes marginMs 0 and no options, and refuses options that are not an object', () => {
    expect(() => createRateLimitPacer({ marginMs: 0 })).not.toThrow();
    expect(() => createRateLimitPacer()).not.toThrow();
    expect(() => createRateLimitPacer(5 as never)).toThrow(InvalidArgumentError);
  });
});
