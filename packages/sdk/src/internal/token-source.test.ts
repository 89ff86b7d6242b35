/**
 * Single flight: however many calls need a new token at once, the provider is called once and
 * every one of them waits on that call; a provider that fails rejects them all with
 * TokenProviderError, and the next call asks again.
 */
import { describe, expect, it } from 'vitest';
import { json, newToken, problem, stubFetch } from '../../test/support/stub-fetch.js';
import { GraphToken } from '../client.js';
import { isTokenProviderError } from '../core/error-guards.js';
import { TokenProviderError, TokenRevokedError } from '../core/errors.js';

/** A stub API that refuses `revoked` secrets with token_revoked and answers every other one. */
function api(revoked: Set<string>) {
  return stubFetch((request) => {
    const secret = request.headers.get('authorization')?.slice('Bearer '.length) ?? '';
    return revoked.has(secret) ? problem(401, 'token_revoked') : json(200, { data: [] });
  });
}

/** A rotating provider: every call mints (and returns) a new secret, as a vault with rotation does. */
function rotatingProvider(delayMs = 5) {
  const minted: string[] = [];
  const provider = async () => {
    await new Promise((r) => setTimeout(r, delayMs));
    const secret = newToken();
    minted.push(secret);
    return secret;
  };
  return { provider, minted };
}

describe('token provider, single flight', () => {
  it('ten concurrent calls after the token was revoked call the provider once', async () => {
    const revoked = new Set<string>();
    const stub = api(revoked);
    const { provider, minted } = rotatingProvider();
    const gt = new GraphToken({ token: provider, fetch: stub.fetch });
    await gt.graphs.list();
    expect(minted).toHaveLength(1);

    revoked.add(minted[0]!);
    const pages = await Promise.all(Array.from({ length: 10 }, () => gt.graphs.list()));
    expect(pages).toHaveLength(10);
    // One refresh for all ten: one successor minted, and every retry sent it.
    expect(minted).toHaveLength(2);
    const retried = stub.sent.slice(11).map((s) => s.headers.authorization);
    expect(retried).toHaveLength(10);
    expect(new Set(retried)).toEqual(new Set([`Bearer ${minted[1]}`]));
  });

  it('a call that fails after another call already refreshed uses the new token without asking again', async () => {
    const revoked = new Set<string>();
    const stub = api(revoked);
    const { provider, minted } = rotatingProvider(0);
    const gt = new GraphToken({ token: provider, fetch: stub.fetch });
    await gt.graphs.list();
    revoked.add(minted[0]!);
    await gt.graphs.list(); // refreshes
    expect(minted).toHaveLength(2);
    await gt.graphs.list(); // uses the successor directly
    expect(minted).toHaveLength(2);
  });

  it('concurrent first calls share one provider call', async () => {
    const { provider, minted } = rotatingProvider();
    const gt = new GraphToken({ token: provider, fetch: api(new Set()).fetch });
    await Promise.all(Array.from({ length: 10 }, () => gt.graphs.list()));
    expect(minted).toHaveLength(1);
  });

  it('a failing provider rejects every waiting call with TokenProviderError, called once; the next call asks again', async () => {
    const revoked = new Set<string>();
    const stub = api(revoked);
    const first = newToken();
    let calls = 0;
    const gt = new GraphToken({
      token: async () => {
        calls++;
        if (calls === 1) return first;
        await new Promise((r) => setTimeout(r, 5));
        if (calls === 2) throw new Error('vault unreachable');
        return newToken();
      },
      fetch: stub.fetch,
    });
    await gt.graphs.list();
    revoked.add(first);

    const results = await Promise.allSettled(Array.from({ length: 10 }, () => gt.graphs.list()));
    expect(calls).toBe(2);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      const reason = (result as PromiseRejectedResult).reason as TokenProviderError;
      expect(reason).toBeInstanceOf(TokenProviderError);
      expect(isTokenProviderError(reason)).toBe(true);
      expect(reason.message).toMatch(/token provider failed/);
      expect((reason.cause as Error).message).toBe('vault unreachable');
    }
    // Not cached: the next call asks the provider again, and gets through.
    await expect(gt.graphs.list()).resolves.toMatchObject({ data: [] });
    expect(calls).toBe(3);
  });

  it('a provider that returns no string fails clearly, and one that returns the same token gives up with the API error', async () => {
    const bad = new GraphToken({ token: (async () => 42) as never, fetch: api(new Set()).fetch });
    const error = await bad.tokens.introspect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenProviderError);
    expect((error as Error).message).toMatch(/returned number, not a string/);

    const same = newToken();
    const stuck = new GraphToken({ token: () => same, fetch: api(new Set([same])).fetch });
    await expect(stuck.graphs.list()).rejects.toBeInstanceOf(TokenRevokedError);
  });
});
