import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  blockObject,
  hang,
  json,
  networkFailure,
  newToken,
  problem,
  stubFetch,
  tokenObject,
} from '../../test/support/stub-fetch.js';
import { type ClientOptions, GraphToken } from '../client.js';
import {
  AbortError,
  ConnectionError,
  InternalServerError,
  InvalidArgumentError,
  RateLimitError,
  ResponseValidationError,
  TimeoutError,
  TokenExpiredError,
  TokenRevokedError,
} from '../core/errors.js';
import type { RequestEvent, ResponseEvent, RetryEvent } from '../core/hooks.js';
import { parseRetryAfter } from './retry-after.js';

// Fast backoff so retry tests do not wait; no assertion depends on timing.
const fast = { baseDelayMs: 1, maxDelayMs: 2 } as const;

function client(fetch: NonNullable<ClientOptions['fetch']>, options: Omit<ClientOptions, 'fetch'> = {}) {
  return new GraphToken({ token: newToken(), fetch, retry: fast, ...options });
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

describe('retries', () => {
  const retried = [
    { given: 408, code: undefined },
    { given: 429, code: 'rate_limited' },
    { given: 500, code: 'internal_error' },
    { given: 502, code: undefined },
    { given: 503, code: undefined },
    { given: 504, code: undefined },
  ];
  for (const { given, code } of retried) {
    it(`retries a ${given} and returns the later success`, async () => {
      const stub = stubFetch((_r, i) =>
        i === 0
          ? code
            ? problem(given, code)
            : new Response('busy', { status: given })
          : json(200, { data: [] }),
      );
      const page = await client(stub.fetch).graphs.list().firstPage();
      expect(page.data).toEqual([]);
      expect(stub.sent).toHaveLength(2);
    });
  }

  const neverRetried = [
    { given: 400, code: 'invalid_request' },
    { given: 401, code: 'invalid_token' },
    { given: 403, code: 'graph_not_in_token' },
    { given: 404, code: 'not_found' },
    { given: 409, code: 'token_not_active' },
    { given: 422, code: 'validation_failed' },
  ];
  for (const { given, code } of neverRetried) {
    it(`never retries a ${given} ${code}`, async () => {
      const stub = stubFetch(() => problem(given, code));
      const error = await client(stub.fetch)
        .graphs.get('gr_x')
        .catch((e: unknown) => e);
      expect((error as { status: number }).status).toBe(given);
      expect(stub.sent).toHaveLength(1);
    });
  }

  it('gives up after maxRetries with the last error', async () => {
    const stub = stubFetch(() => problem(500, 'internal_error'));
    const error = await client(stub.fetch, { maxRetries: 3 })
      .graphs.get('gr_x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(stub.sent).toHaveLength(4);
  });

  it('retries connection errors, then fails with ConnectionError carrying a safe cause', async () => {
    const stub = stubFetch(() => networkFailure());
    const error = (await client(stub.fetch)
      .graphs.get('gr_x')
      .catch((e: unknown) => e)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toContain('https://api.graphtoken.dev');
    expect((error.cause as Error).message).toBe('fetch failed');
    expect(stub.sent).toHaveLength(3);
  });

  it('does not retry when retry is false or maxRetries is 0', async () => {
    for (const options of [{ retry: false as const }, { maxRetries: 0 }]) {
      const stub = stubFetch(() => problem(503, 'internal_error'));
      await new GraphToken({ token: newToken(), fetch: stub.fetch, ...options }).graphs
        .get('gr_x')
        .catch(() => undefined);
      expect(stub.sent).toHaveLength(1);
    }
  });

  it('honours Retry-After within the cap (seconds and HTTP-date)', async () => {
    for (const retryAfter of ['0', new Date(Date.now() - 5000).toUTCString()]) {
      const stub = stubFetch((_r, i) =>
        i === 0 ? problem(429, 'rate_limited', {}, { 'retry-after': retryAfter }) : json(200, { data: [] }),
      );
      await client(stub.fetch).graphs.list().firstPage();
      expect(stub.sent).toHaveLength(2);
    }
  });

  it('hands a Retry-After beyond the cap to the caller as RateLimitError.retryAfter', async () => {
    const stub = stubFetch(() => problem(429, 'rate_limited', { retryAfter: 120 }, { 'retry-after': '120' }));
    const error = (await client(stub.fetch, { retry: { ...fast, maxRetryAfterMs: 5000 } })
      .graphs.get('gr_x')
      .catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(120);
    expect(error.message).toContain('retry after 120 s');
    expect(stub.sent).toHaveLength(1);
  });

  it('hands a Retry-After beyond the time the call has left to the caller at once (finding 05)', async () => {
    for (const [clientOptions, callOptions] of [
      [{ totalTimeout: 2000 }, {}],
      [{}, { totalTimeout: 2000 }],
    ] as const) {
      const stub = stubFetch(() => problem(429, 'rate_limited', {}, { 'retry-after': '30' }));
      const error = (await client(stub.fetch, clientOptions)
        .graphs.get('gr_x', callOptions)
        .catch((e: unknown) => e)) as RateLimitError;
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error.retryAfter).toBe(30);
      expect(stub.sent).toHaveLength(1);
    }
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2025-11-20T10:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Thu, 20 Nov 2025 10:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('Thu, 20 Nov 2025 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('idempotency keys', () => {
  it('sends one generated Idempotency-Key per POST call, reused by its retries', async () => {
    const stub = stubFetch((_r, i) =>
      i % 2 === 0 ? problem(503, 'internal_error') : json(201, { data: [blockObject(1)] }),
    );
    const gt = client(stub.fetch);
    await gt.blocks.append('gr_x', { blocks: [{ content: 'a' }] });
    await gt.blocks.append('gr_x', { blocks: [{ content: 'a' }] });
    const keys = stub.sent.map((s) => s.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toBe(keys[3]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('uses the caller-given key', async () => {
    const stub = stubFetch(() => json(201, { token: tokenObject(), secret: newToken() }));
    await client(stub.fetch).tokens.create({ name: 'ci', scopes: ['read'] }, { idempotencyKey: 'my-key-1' });
    expect(stub.sent[0]!.headers['idempotency-key']).toBe('my-key-1');
  });

  it('sends a caller key verbatim, even the text "undefined", and retries the POST with it', async () => {
    const stub = stubFetch((_r, i) =>
      i === 0 ? problem(503, 'internal_error') : json(201, { data: [blockObject(1)] }),
    );
    await client(stub.fetch).blocks.append(
      'gr_x',
      { blocks: [{ content: 'a' }] },
      { idempotencyKey: 'undefined' },
    );
    expect(stub.sent.map((s) => s.headers['idempotency-key'])).toEqual(['undefined', 'undefined']);
  });

  it('sends no Idempotency-Key on GET, PATCH or DELETE', async () => {
    const stub = stubFetch((r) => (r.method === 'DELETE' ? json(204, null) : json(200, tokenObject())));
    const gt = client(stub.fetch);
    await gt.tokens.get('tok_G5KdR5pNKRaVTet6');
    await gt.tokens.update('tok_G5KdR5pNKRaVTet6', { name: 'x' });
    await gt.tokens.revoke('tok_G5KdR5pNKRaVTet6');
    expect(stub.sent.map((s) => s.headers['idempotency-key'])).toEqual([undefined, undefined, undefined]);
  });
});

describe('timeouts and aborts', () => {
  it('fails an attempt that exceeds timeout with TimeoutError (attempt), after its retries', async () => {
    const stub = stubFetch((request) => hang(request));
    const error = (await client(stub.fetch, { timeout: 20, maxRetries: 1 })
      .graphs.get('gr_x')
      .catch((e: unknown) => e)) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.limit).toBe('attempt');
    expect(stub.sent).toHaveLength(2);
  });

  it('fails a call that exceeds totalTimeout with TimeoutError (total)', async () => {
    const stub = stubFetch((request) => hang(request));
    const error = (await client(stub.fetch, { timeout: false, totalTimeout: 30 })
      .graphs.get('gr_x')
      .catch((e: unknown) => e)) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.limit).toBe('total');
    expect(error.timeoutMs).toBe(30);
  });

  it('keeps one totalTimeout for the whole call, a repeat with a refreshed token included', async () => {
    vi.useFakeTimers();
    try {
      const [oldToken, newer] = [newToken(), newToken()];
      let calls = 0;
      // The first answer (token_revoked) takes 150 ms; the repeat with the new token never answers.
      const stub = stubFetch((request, i) =>
        i === 0
          ? new Promise<Response>((resolve) => setTimeout(() => resolve(problem(401, 'token_revoked')), 150))
          : hang(request),
      );
      const gt = new GraphToken({
        token: async () => [oldToken, newer][calls++]!,
        fetch: stub.fetch,
        timeout: false,
        totalTimeout: 200,
        retry: false,
      });
      const outcome = gt.graphs.get('gr_x').then(
        () => 'resolved',
        (e: unknown) => e,
      );
      await vi.advanceTimersByTimeAsync(199);
      expect(stub.sent).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(1);
      const error = (await outcome) as TimeoutError;
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error.limit).toBe('total');
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects with AbortError when the caller aborts, and sends nothing when already aborted', async () => {
    const stub = stubFetch((request) => hang(request));
    const controller = new AbortController();
    const pending = client(stub.fetch).graphs.get('gr_x', { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    expect(await pending.catch((e: unknown) => e)).toBeInstanceOf(AbortError);

    const before = stub.sent.length;
    const error = await client(stub.fetch)
      .graphs.get('gr_x', { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(stub.sent).toHaveLength(before);
  });
});

describe('per-call options', () => {
  it('overrides maxRetries and timeout for one call', async () => {
    const failing = stubFetch(() => problem(503, 'internal_error'));
    const gt = client(failing.fetch);
    await gt.graphs.get('gr_x', { maxRetries: 0 }).catch(() => undefined);
    expect(failing.sent).toHaveLength(1);
    await gt.graphs.get('gr_x', { maxRetries: 3 }).catch(() => undefined);
    expect(failing.sent).toHaveLength(5);

    const hanging = stubFetch((request) => hang(request));
    const error = (await client(hanging.fetch, { maxRetries: 0 })
      .graphs.get('gr_x', { timeout: 15 })
      .catch((e: unknown) => e)) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.limit).toBe('attempt');
    expect(error.timeoutMs).toBe(15);
  });

  it('never retries a POST sent without an Idempotency-Key', async () => {
    const stub = stubFetch(() => problem(503, 'internal_error'));
    await client(stub.fetch)
      .blocks.append('gr_x', { blocks: [{ content: 'a' }] }, { idempotencyKey: '' })
      .catch(() => undefined);
    expect(stub.sent).toHaveLength(1);
    expect(stub.sent[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it("aborts with the caller's signal when there is no overall timeout", async () => {
    const stub = stubFetch((request) => hang(request));
    const controller = new AbortController();
    const pending = client(stub.fetch, { totalTimeout: false }).graphs.get('gr_x', {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 5);
    expect(await pending.catch((e: unknown) => e)).toBeInstanceOf(AbortError);
  });

  it('merges default and per-call headers; the SDK sets accept, authorization and idempotency-key', async () => {
    const token = newToken();
    const stub = stubFetch(() => json(201, { data: [blockObject(1)] }));
    const gt = new GraphToken({
      token,
      fetch: stub.fetch,
      defaultHeaders: { 'X-Team': 'docs', 'X-Trace': 'default' },
    });
    await gt.blocks.append(
      'gr_x',
      { blocks: [{ content: 'a' }] },
      {
        idempotencyKey: 'key-1',
        headers: { 'x-trace': 'call', Accept: 'text/plain', 'Idempotency-Key': 'other' },
      },
    );
    await gt.graphs.get('gr_x').catch(() => undefined);
    const [first, second] = stub.sent;
    expect(first!.headers).toMatchObject({
      'x-team': 'docs',
      'x-trace': 'call',
      accept: 'application/json',
      authorization: `Bearer ${token}`,
      'idempotency-key': 'key-1',
      'content-type': 'application/json',
    });
    expect(JSON.parse(first!.body)).toEqual({ blocks: [{ content: 'a' }] });
    expect(second!.headers).toMatchObject({ 'x-team': 'docs', 'x-trace': 'default' });
  });

  it('refuses an invalid per-call header with InvalidArgumentError, before sending anything', async () => {
    const stub = stubFetch(() => json(200, { data: [] }));
    const bad = { 'x-note': 'two\nlines' };
    const perCall = await client(stub.fetch)
      .graphs.list({ headers: bad })
      .firstPage()
      .catch((e: unknown) => e);
    expect(perCall).toBeInstanceOf(InvalidArgumentError);
    expect((perCall as Error).message).toContain('"x-note" is not a valid HTTP header');
    // In the client's defaultHeaders it fails at construction (see option-validation.test.ts).
    expect(() => new GraphToken({ token: newToken(), fetch: stub.fetch, defaultHeaders: bad })).toThrow(
      InvalidArgumentError,
    );
    expect(stub.sent).toHaveLength(0);
  });
});

describe('response validation', () => {
  it('rejects a body that breaks the schema with ResponseValidationError (issues, no status)', async () => {
    const stub = stubFetch(() => json(200, { ...tokenObject(), scopes: ['superuser'] }));
    const error = (await client(stub.fetch)
      .tokens.get('tok_G5KdR5pNKRaVTet6')
      .catch((e: unknown) => e)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.issues[0]!.path).toEqual(['scopes', 0]);
    expect(error.operationId).toBe('getToken');
    expect('status' in error).toBe(false);
  });

  it('passes the body through unchecked with validateResponses: false', async () => {
    const stub = stubFetch(() => json(200, { ...tokenObject(), scopes: ['superuser'] }));
    const token = await client(stub.fetch, { validateResponses: false }).tokens.get('tok_G5KdR5pNKRaVTet6');
    expect(token.scopes).toEqual(['superuser']);
  });

  it('drops unknown properties a newer server adds', async () => {
    const stub = stubFetch(() => json(200, { ...tokenObject(), addedLater: true }));
    const token = await client(stub.fetch).tokens.get('tok_G5KdR5pNKRaVTet6');
    expect('addedLater' in token).toBe(false);
  });
});

describe('token rotation through a provider', () => {
  for (const code of ['token_revoked', 'token_expired'] as const) {
    it(`asks the provider again after ${code} and retries once with the new token`, async () => {
      const [oldToken, newer] = [newToken(), newToken()];
      const tokens = [oldToken, newer];
      let calls = 0;
      const stub = stubFetch((r) =>
        r.headers.get('authorization') === `Bearer ${oldToken}`
          ? problem(401, code)
          : json(200, { data: [] }),
      );
      const gt = new GraphToken({ token: async () => tokens[calls++]!, fetch: stub.fetch });
      await gt.graphs.list().firstPage();
      expect(calls).toBe(2);
      expect(stub.sent.map((s) => s.headers.authorization)).toEqual([
        `Bearer ${oldToken}`,
        `Bearer ${newer}`,
      ]);
      // Later calls use the new token without asking again.
      await gt.graphs.list().firstPage();
      expect(calls).toBe(2);
    });
  }

  it('never repeats revokeSelf with a refreshed token: that would revoke the successor', async () => {
    const [oldToken, newer] = [newToken(), newToken()];
    let calls = 0;
    const stub = stubFetch(() => problem(401, 'token_revoked'));
    const gt = new GraphToken({ token: async () => [oldToken, newer][calls++]!, fetch: stub.fetch });
    await expect(gt.tokens.revokeSelf()).rejects.toBeInstanceOf(TokenRevokedError);
    expect(stub.sent.map((s) => s.headers.authorization)).toEqual([`Bearer ${oldToken}`]);
  });

  it('does not retry when the provider returns the same token', async () => {
    const token = newToken();
    let calls = 0;
    const stub = stubFetch(() => problem(401, 'token_revoked'));
    const gt = new GraphToken({
      token: () => {
        calls++;
        return token;
      },
      fetch: stub.fetch,
    });
    const error = await gt.graphs.get('gr_x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRevokedError);
    expect(calls).toBe(2);
    expect(stub.sent).toHaveLength(1);
  });

  it('does not retry a fixed string token', async () => {
    const stub = stubFetch(() => problem(401, 'token_expired'));
    const error = await client(stub.fetch)
      .graphs.get('gr_x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenExpiredError);
    expect(stub.sent).toHaveLength(1);
  });

  it('calls a provider once for concurrent first calls', async () => {
    let calls = 0;
    const token = newToken();
    const stub = stubFetch(() => json(200, { data: [] }));
    const gt = new GraphToken({
      token: async () => {
        calls++;
        return token;
      },
      fetch: stub.fetch,
    });
    await Promise.all([gt.graphs.list().firstPage(), gt.graphs.list().firstPage()]);
    expect(calls).toBe(1);
  });
});

describe('hooks', () => {
  it('reports requests, responses, retries and errors, redacted', async () => {
    const token = newToken();
    const events: {
      requests: RequestEvent[];
      responses: ResponseEvent[];
      retries: RetryEvent[];
      errors: unknown[];
    } = {
      requests: [],
      responses: [],
      retries: [],
      errors: [],
    };
    const stub = stubFetch(() => problem(503, 'internal_error'));
    const gt = new GraphToken({
      token,
      fetch: stub.fetch,
      retry: { ...fast, maxRetries: 1 },
      hooks: {
        onRequest: (e) => void events.requests.push(e),
        onResponse: (e) => void events.responses.push(e),
        onRetry: (e) => void events.retries.push(e),
        onError: (e) => void events.errors.push(e),
      },
    });
    await gt.graphs.get('gr_x').catch(() => undefined);
    expect(events.requests.map((e) => e.attempt)).toEqual([1, 2]);
    expect(events.requests[0]!.headers.authorization).toBe(`Bearer gt_…${token.slice(-4)}`);
    expect(events.responses.map((e) => e.status)).toEqual([503, 503]);
    expect(events.retries).toHaveLength(1);
    expect(events.retries[0]!.error).toBeInstanceOf(InternalServerError);
    expect(events.errors).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(token);
  });
});
