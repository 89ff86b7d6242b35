/** `onTokenExpiring`: once per client and token, within the window, with a Date and the hint only. */
import { inspect } from 'node:util';
import { redactToken } from '@graphtoken/contract';
import { describe, expect, it } from 'vitest';
import { json, newToken, problem, stubFetch, tokenObject } from '../test/support/stub-fetch.js';
import { GraphToken } from './client.js';
import type { TokenExpiringEvent } from './core/hooks.js';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().replace(/\.\d+Z$/, 'Z');

function expiringServer(expiration: () => string | undefined) {
  return stubFetch(() => {
    const value = expiration();
    return json(200, tokenObject(), value === undefined ? {} : { 'graphtoken-token-expiration': value });
  });
}

describe('onTokenExpiring', () => {
  it('fires once per client, with the expiry as a Date and the hint, never the secret', async () => {
    const token = newToken();
    const expires = inDays(3);
    const events: TokenExpiringEvent[] = [];
    const stub = expiringServer(() => expires);
    const client = new GraphToken({ token, fetch: stub.fetch, onTokenExpiring: (e) => void events.push(e) });
    for (let i = 0; i < 5; i++) await client.tokens.get('tok_G5KdR5pNKRaVTet6');
    expect(events).toHaveLength(1);
    expect(events[0]!.expiresAt).toEqual(new Date(expires));
    expect(events[0]!.tokenHint).toBe(redactToken(token));
    expect(events[0]!.operationId).toBe('getToken');
    const shown = `${JSON.stringify(events)} ${inspect(events, { depth: 9, showHidden: true })}`;
    expect(shown).not.toContain(token);
    expect(shown).not.toContain(token.slice(3));
    // Another client on the same token warns once too.
    const other: TokenExpiringEvent[] = [];
    const second = new GraphToken({ token, fetch: stub.fetch, onTokenExpiring: (e) => void other.push(e) });
    await second.tokens.get('tok_G5KdR5pNKRaVTet6');
    expect(other).toHaveLength(1);
  });

  it('stays quiet outside the window (default 7 days) and without the header', async () => {
    const events: TokenExpiringEvent[] = [];
    let value: string | undefined = inDays(8);
    const client = new GraphToken({
      token: newToken(),
      fetch: expiringServer(() => value).fetch,
      onTokenExpiring: (e) => void events.push(e),
    });
    await client.tokens.get('tok_G5KdR5pNKRaVTet6');
    value = undefined;
    await client.tokens.get('tok_G5KdR5pNKRaVTet6');
    value = 'next tuesday';
    await client.tokens.get('tok_G5KdR5pNKRaVTet6');
    expect(events).toEqual([]);
    // The token's expiry moved closer (a rotation with a grace period): now it warns.
    value = inDays(6.9);
    await client.tokens.get('tok_G5KdR5pNKRaVTet6');
    expect(events).toHaveLength(1);
  });

  it('takes its window in milliseconds', async () => {
    const events: TokenExpiringEvent[] = [];
    const client = new GraphToken({
      token: newToken(),
      fetch: expiringServer(() => inDays(20)).fetch,
      tokenExpiringWithinMs: 30 * DAY,
      onTokenExpiring: (e) => void events.push(e),
    });
    await client.tokens.get('tok_G5KdR5pNKRaVTet6');
    expect(events).toHaveLength(1);
    expect(() => new GraphToken({ tokenExpiringWithinMs: -1 })).toThrow(/tokenExpiringWithinMs/);
  });

  it('warns once per token: a provider that hands out a new token warns again', async () => {
    const events: TokenExpiringEvent[] = [];
    const first = newToken();
    const second = newToken();
    let current = first;
    let revokeFirst = false;
    const stub = stubFetch((request) => {
      if (revokeFirst && request.headers.get('authorization') === `Bearer ${first}`)
        return problem(401, 'token_revoked');
      return json(200, tokenObject(), { 'graphtoken-token-expiration': inDays(1) });
    });
    const client = new GraphToken({
      token: () => current,
      fetch: stub.fetch,
      onTokenExpiring: (e) => void events.push(e),
    });
    await client.tokens.get('tok_G5KdR5pNKRaVTet6');
    current = second;
    revokeFirst = true;
    await client.tokens.get('tok_G5KdR5pNKRaVTet6');
    expect(events.map((e) => e.tokenHint)).toEqual([redactToken(first), redactToken(second)]);
  });

  it('fires on an error answer too, and a throwing hook never fails the call', async () => {
    const stub = stubFetch(() => problem(404, 'not_found', {}, { 'graphtoken-token-expiration': inDays(1) }));
    let calls = 0;
    const client = new GraphToken({
      token: newToken(),
      fetch: stub.fetch,
      onTokenExpiring: () => {
        calls++;
        throw new Error('hook bug');
      },
    });
    await expect(client.tokens.get('tok_G5KdR5pNKRaVTet6')).rejects.toMatchObject({ code: 'not_found' });
    expect(calls).toBe(1);
    const rejecting = new GraphToken({
      token: newToken(),
      fetch: expiringServer(() => inDays(1)).fetch,
      onTokenExpiring: async () => Promise.reject(new Error('async hook bug')),
    });
    await expect(rejecting.tokens.get('tok_G5KdR5pNKRaVTet6')).resolves.toBeDefined();
  });
});
