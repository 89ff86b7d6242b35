/**
 * A connection that drops while the response body is read fails the attempt like any connection
 * error, so ky's retry covers it: a GET, a PATCH, or a POST with its Idempotency-Key is retried
 * (the API replays the stored answer to the POST); a POST without a key is not.
 */
import { describe, expect, it } from 'vitest';
import { cutBody, stalledBody } from '../../test/support/cut-body.js';
import { blockObject, json, newToken, stubFetch, tokenObject } from '../../test/support/stub-fetch.js';
import { GraphToken } from '../client.js';
import { AbortError, ConnectionError, TimeoutError } from '../core/errors.js';

const fast = { baseDelayMs: 1, maxDelayMs: 2 } as const;
const introspection = {
  token: tokenObject(),
  account: { id: 'acc_0DN5EXTAIdpO', name: 'Ada' },
  grants: [],
};
const appended = { data: [blockObject(1)] };

const client = (fetch: ReturnType<typeof stubFetch>['fetch'], maxRetries = 2) =>
  new GraphToken({ token: newToken(), fetch, retry: { ...fast, maxRetries } });

describe('a response body cut mid-way', () => {
  const errors = [
    { given: "undici's TypeError: terminated", error: new TypeError('terminated') },
    { given: 'a plain Error from the stream', error: new Error('socket hang up') },
  ];
  for (const { given, error } of errors) {
    it(`retries a GET whose body fails (${given}) and returns the later answer`, async () => {
      const stub = stubFetch((_r, i) =>
        i === 0 ? cutBody(introspection, { error }) : json(200, introspection),
      );
      const me = await client(stub.fetch).tokens.introspect();
      expect(me.token.id).toBe(introspection.token.id);
      expect(stub.sent).toHaveLength(2);
    });
  }

  it('retries a POST with its Idempotency-Key, the same key on every attempt', async () => {
    const stub = stubFetch((_r, i) => (i < 2 ? cutBody(appended, { status: 201 }) : json(201, appended)));
    const result = await client(stub.fetch).blocks.append('gr_x', { blocks: [{ content: 'x' }] });
    expect(result.data).toHaveLength(1);
    expect(stub.sent).toHaveLength(3);
    const keys = new Set(stub.sent.map((s) => s.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('retries a PATCH', async () => {
    const stub = stubFetch((_r, i) => (i === 0 ? cutBody(tokenObject()) : json(200, tokenObject())));
    await client(stub.fetch).tokens.update('tok_G5KdR5pNKRaVTet6', { name: 'renamed' });
    expect(stub.sent).toHaveLength(2);
  });

  it('does not retry a POST sent without an Idempotency-Key (the caller passed "")', async () => {
    const stub = stubFetch(() => cutBody(appended, { status: 201 }));
    const error = await client(stub.fetch)
      .blocks.append('gr_x', { blocks: [{ content: 'x' }] }, { idempotencyKey: '' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(stub.sent).toHaveLength(1);
  });

  it('fails with ConnectionError saying what happened once every attempt was cut', async () => {
    const stub = stubFetch(() => cutBody(introspection));
    const error = (await client(stub.fetch, 2)
      .tokens.introspect()
      .catch((e: unknown) => e)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error.message).toMatch(/dropped while its answer was read \(terminated\)/);
    expect(stub.sent).toHaveLength(3);
  });

  it('covers a stalled body with the per-attempt timeout, and retries it', async () => {
    const stub = stubFetch((r, i) =>
      i === 0 ? stalledBody(introspection, r.signal) : json(200, introspection),
    );
    const gt = new GraphToken({ token: newToken(), fetch: stub.fetch, timeout: 50, retry: fast });
    await expect(gt.tokens.introspect()).resolves.toMatchObject({ token: { id: introspection.token.id } });
    expect(stub.sent).toHaveLength(2);
  });

  it('gives up with TimeoutError (attempt) when every body stalls', async () => {
    const stub = stubFetch((r) => stalledBody(introspection, r.signal));
    const gt = new GraphToken({
      token: newToken(),
      fetch: stub.fetch,
      timeout: 30,
      retry: { ...fast, maxRetries: 1 },
    });
    const error = await gt.tokens.introspect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).limit).toBe('attempt');
    expect(stub.sent).toHaveLength(2);
  });

  it("never retries a body read the caller's own signal aborted", async () => {
    const controller = new AbortController();
    const stub = stubFetch((r) => {
      setTimeout(() => controller.abort(new Error('user gave up')), 5);
      return stalledBody(introspection, r.signal);
    });
    const error = await client(stub.fetch)
      .tokens.introspect({ signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(stub.sent).toHaveLength(1);
  });

  it('walks a list whose second page is cut once', async () => {
    const stub = stubFetch((request, i) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      const page = cursor
        ? { data: [blockObject(2)], nextCursor: null }
        : { data: [blockObject(1)], nextCursor: 'c2' };
      return i === 1 ? cutBody(page) : json(200, page);
    });
    const ids: string[] = [];
    for await (const block of client(stub.fetch).blocks.list('gr_x')) ids.push(block.id);
    expect(ids).toEqual(['blk_1', 'blk_2']);
    expect(stub.sent).toHaveLength(3);
  });
});
