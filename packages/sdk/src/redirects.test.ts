/**
 * The SDK follows no redirect: a 3xx fails the call with ConnectionError naming where it pointed,
 * and nothing is sent there. Found by an outside tester: a 307 `Location: /v1/tokens/self` in
 * answer to `tokens.revoke('tok_…')` made the SDK send `DELETE /v1/tokens/self` with the token,
 * revoking the calling token instead of the target.
 */
import { describe, expect, it } from 'vitest';
import { json, newToken, type StubHandler, stubFetch, tokenObject } from '../test/support/stub-fetch.js';
import { GraphToken } from './client.js';
import { isConnectionError } from './core/error-guards.js';
import { ConnectionError } from './core/errors.js';

const API = 'https://api.graphtoken.dev';
const T = 'tok_G5KdR5pNKRaVTet6';
const G = 'gr_x2nEgXwpV83v';
const REDIRECTS = [301, 302, 303, 307, 308] as const;

/** A stub that answers the first request with `status` and `location`, and anything later with 200/204. */
function redirectOnce(status: number, location: string | null): StubHandler {
  return (request, i) => {
    if (i === 0) return new Response(null, { status, headers: location === null ? {} : { location } });
    return request.method === 'DELETE' ? new Response(null, { status: 204 }) : json(200, tokenObject());
  };
}

async function failure(promise: Promise<unknown>): Promise<ConnectionError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectionError);
  expect(isConnectionError(error)).toBe(true);
  return error as ConnectionError;
}

describe('a redirect in answer to tokens.revoke(id)', () => {
  // given: the Location; want: where the error says it pointed (resolved as a URL parser would).
  const cases = [
    { given: '/v1/tokens/self', want: '/v1/tokens/self' },
    { given: `${API}/v1/tokens/self`, want: '/v1/tokens/self' },
    { given: 'self', want: '/v1/tokens/self' },
    { given: './self', want: '/v1/tokens/self' },
    { given: '../tokens/self', want: '/v1/tokens/self' },
    { given: `/v1/tokens/${T}/../self`, want: '/v1/tokens/self' },
    { given: `${T}/../self`, want: '/v1/tokens/self' },
    { given: '/v1/tokens/%2e%2e/tokens/self', want: '/v1/tokens/self' },
    { given: '/v1/graphs/../tokens/self?x=1', want: '/v1/tokens/self?x=1' },
    { given: `/v1/tokens/${T}?status=revoked`, want: `/v1/tokens/${T}?status=revoked` },
    // The same path on another origin: followed, it could only go without the token (and fail).
    { given: `https://evil.example/v1/tokens/${T}`, want: `https://evil.example/v1/tokens/${T}` },
    { given: `//evil.example/v1/tokens/${T}`, want: `https://evil.example/v1/tokens/${T}` },
    { given: `http://api.graphtoken.dev/v1/tokens/${T}`, want: `http://api.graphtoken.dev/v1/tokens/${T}` },
    {
      given: `https://api.graphtoken.dev:8443/v1/tokens/${T}`,
      want: `https://api.graphtoken.dev:8443/v1/tokens/${T}`,
    },
    // A loop: the same URL again.
    { given: `/v1/tokens/${T}`, want: `/v1/tokens/${T}` },
    { given: `${API}/v1/tokens/${T}`, want: `/v1/tokens/${T}` },
  ];

  for (const status of REDIRECTS) {
    for (const { given, want } of cases) {
      it(`${status} to ${given}: refused, nothing sent there, the error names ${want}`, async () => {
        const token = newToken();
        const stub = stubFetch(redirectOnce(status, given));
        const client = new GraphToken({ token, fetch: stub.fetch });
        const settled = client.tokens.revoke(T).catch((e: unknown) => e);
        await settled;
        // One request, the one asked for; never retried, never DELETE /v1/tokens/self.
        expect(stub.sent.map((s) => `${s.method} ${s.url}`)).toEqual([`DELETE ${API}/v1/tokens/${T}`]);
        const error = await failure(settled.then((e) => Promise.reject(e)));
        expect(error.message).toContain(`DELETE /v1/tokens/${T} with a ${status} redirect to ${want},`);
        expect(error.message).toMatch(/never follows: nothing was sent there\. Point baseUrl/);
        expect(error.message).not.toContain(token);
      });
    }
  }
});

describe('refused redirects, whatever the operation and the Location', () => {
  it('never replays a POST body on a 307/308 to another path', async () => {
    for (const status of [307, 308]) {
      const stub = stubFetch(redirectOnce(status, `/v2/graphs/${G}/blocks`));
      const client = new GraphToken({ token: newToken(), fetch: stub.fetch });
      const error = await failure(client.blocks.append(G, { blocks: [{ content: 'secret plans' }] }));
      expect(stub.sent).toHaveLength(1);
      expect(error.message).toContain(`to /v2/graphs/${G}/blocks,`);
    }
  });

  it('refuses a PATCH redirected to another token and a GET redirected to introspection', async () => {
    const patch = stubFetch(redirectOnce(308, '/v1/tokens/tok_AAAAAAAAAAAAAAAA'));
    await failure(new GraphToken({ token: newToken(), fetch: patch.fetch }).tokens.update(T, { name: 'x' }));
    expect(patch.sent.map((s) => s.method)).toEqual(['PATCH']);
    const get = stubFetch(redirectOnce(302, '/v1/tokens/self'));
    await failure(new GraphToken({ token: newToken(), fetch: get.fetch }).tokens.get(T));
    expect(get.sent).toHaveLength(1);
  });

  it('names no secret a Location carries, nor its credentials or fragment', async () => {
    const token = newToken();
    const stub = stubFetch(
      redirectOnce(302, `https://user:pa55@evil.example/collect?t=${token}&u=${newToken()}#${token}`),
    );
    const error = await failure(new GraphToken({ token, fetch: stub.fetch }).tokens.revoke(T));
    expect(error.message).toContain('to https://evil.example/collect?t=gt_…');
    expect(error.message).not.toMatch(/gt_[0-9A-Za-z]{8}/);
    expect(error.message).not.toContain('pa55');
    expect(JSON.stringify(error)).not.toContain(token);
  });

  it('quotes an unparsable Location, and cuts a long one', async () => {
    const bad = stubFetch(redirectOnce(307, 'http://[::1'));
    const a = await failure(new GraphToken({ token: newToken(), fetch: bad.fetch }).tokens.revoke(T));
    expect(a.message).toContain('307 redirect to "http://[::1",');
    const long = stubFetch(redirectOnce(301, `/${'a'.repeat(5000)}`));
    const b = await failure(new GraphToken({ token: newToken(), fetch: long.fetch }).tokens.revoke(T));
    expect(b.message.length).toBeLessThan(600);
  });

  it('refuses a 3xx without a Location, and a redirect a browser hides (opaque)', async () => {
    const bare = stubFetch(redirectOnce(303, null));
    const a = await failure(new GraphToken({ token: newToken(), fetch: bare.fetch }).tokens.revoke(T));
    expect(a.message).toContain(`DELETE /v1/tokens/${T} with a 303 redirect, which the SDK never follows`);
    const opaque = stubFetch(() => {
      // What a browser answers a `redirect: 'manual'` fetch with: status 0, no headers.
      const response = new Response(null, { status: 200 });
      Object.defineProperties(response, { type: { value: 'opaqueredirect' }, status: { value: 0 } });
      return response;
    });
    const b = await failure(new GraphToken({ token: newToken(), fetch: opaque.fetch }).tokens.revoke(T));
    expect(b.message).toContain('with a redirect whose target this runtime hides');
    expect(opaque.sent).toHaveLength(1);
  });

  it('reports the redirect to the hooks, then the failure to onError, without the token', async () => {
    const token = newToken();
    const events: string[] = [];
    const stub = stubFetch(redirectOnce(307, '/v1/tokens/self'));
    const client = new GraphToken({
      token,
      fetch: stub.fetch,
      hooks: {
        onRequest: (e) => void events.push(`request ${e.attempt} ${e.method} ${e.url}`),
        onResponse: (e) => void events.push(`response ${e.status} ${e.headers.location}`),
        onRetry: () => void events.push('retry'),
        onError: (e) => void events.push(`error ${e.name}`),
      },
    });
    await failure(client.tokens.revoke(T));
    expect(events).toEqual([
      `request 1 DELETE ${API}/v1/tokens/${T}`,
      'response 307 /v1/tokens/self',
      'error ConnectionError',
    ]);
  });

  it('still answers a call whose response is not a redirect', async () => {
    const stub = stubFetch(() => new Response(null, { status: 204 }));
    await new GraphToken({ token: newToken(), fetch: stub.fetch }).tokens.revoke(T);
    expect(stub.sent).toHaveLength(1);
  });
});
