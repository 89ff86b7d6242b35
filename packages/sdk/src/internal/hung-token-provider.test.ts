/**
 * Finding 03: a token provider that never settles (a vault call that hangs) is bounded by the
 * call's totalTimeout and its AbortSignal, and a provider call given up on is not shared by later
 * calls: the next call asks the provider again.
 */
import { describe, expect, it } from 'vitest';
import { json, newToken, problem, stubFetch } from '../../test/support/stub-fetch.js';
import { GraphToken } from '../client.js';
import { AbortError, TimeoutError } from '../core/errors.js';

const never = () => new Promise<string>(() => {});
const introspection = () => json(200, { data: [], nextCursor: null });

describe('a token provider that never settles', () => {
  it('rejects with TimeoutError (total) at totalTimeout; nothing is sent', async () => {
    const stub = stubFetch(introspection);
    const client = new GraphToken({ token: never, fetch: stub.fetch, totalTimeout: 50 });
    const error = await client.tokens.introspect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).limit).toBe('total');
    expect(stub.sent).toHaveLength(0);
  });

  it('rejects with AbortError when the signal aborts (no totalTimeout)', async () => {
    const client = new GraphToken({
      token: never,
      fetch: stubFetch(introspection).fetch,
      totalTimeout: false,
    });
    const controller = new AbortController();
    const call = client.tokens.introspect({ signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(call).rejects.toBeInstanceOf(AbortError);
    await expect(client.tokens.introspect({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      AbortError,
    );
  });

  it('a hung first provider call does not wedge the client: the next call asks again', async () => {
    let calls = 0;
    const token = newToken();
    const stub = stubFetch(introspection);
    const client = new GraphToken({
      token: () => (++calls === 1 ? never() : token),
      fetch: stub.fetch,
      totalTimeout: 50,
    });
    await expect(client.tokens.introspect()).rejects.toBeInstanceOf(TimeoutError);
    await expect(client.graphs.list().firstPage()).resolves.toBeDefined();
    expect(calls).toBe(2);
    expect(stub.sent[0]?.headers.authorization).toBe(`Bearer ${token}`);
  });

  it('a refresh after token_revoked that never settles is bounded too', async () => {
    let calls = 0;
    const stub = stubFetch(() => problem(401, 'token_revoked'));
    const client = new GraphToken({
      token: () => (++calls === 1 ? newToken() : never()),
      fetch: stub.fetch,
      totalTimeout: 80,
    });
    await expect(client.tokens.introspect()).rejects.toBeInstanceOf(TimeoutError);
    expect(stub.sent).toHaveLength(1);
  });
});
