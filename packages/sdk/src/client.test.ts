import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectPlainOwnFields } from '../test/support/own-fields.js';
import { json, newToken, problem, stubFetch, tokenObject } from '../test/support/stub-fetch.js';
import { GraphToken } from './client.js';
import {
  isInsufficientScopeError,
  isInvalidArgumentError,
  isMalformedTokenError,
  isMissingTokenError,
} from './core/error-guards.js';
import { InsufficientScopeError, MalformedTokenError, MissingTokenError } from './core/errors.js';

const introspection = (token = tokenObject()) => ({
  token,
  account: { id: 'acc_0DN5EXTAIdpO', name: 'Ada' },
  grants: [],
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('authentication', () => {
  it('sends the token as a Bearer header with JSON accept and an SDK user agent', async () => {
    const token = newToken();
    const stub = stubFetch(() => json(200, introspection()));
    const client = new GraphToken({ token, fetch: stub.fetch });
    await client.tokens.introspect();
    expect(stub.sent).toHaveLength(1);
    expect(stub.sent[0]!.headers.authorization).toBe(`Bearer ${token}`);
    expect(stub.sent[0]!.headers.accept).toBe('application/json');
    expect(stub.sent[0]!.headers['user-agent']).toMatch(/^graphtoken-sdk-js\/\S+ node\//);
    expect(stub.sent[0]!.url).toBe('https://api.graphtoken.dev/v1/tokens/self');
  });

  // Each mistake is named as what the user did, never as a misleading "wrong prefix".
  const truncatedOrMistyped = [
    { given: 'truncated', mutate: (t: string) => t.slice(0, -3), want: 'length', says: /full token string/ },
    {
      given: 'mistyped',
      mutate: (t: string) => `${t.slice(0, 10)}${t[10] === 'a' ? 'b' : 'a'}${t.slice(11)}`,
      want: 'checksum',
      says: /checksum does not match/,
    },
    {
      given: 'a token id instead of the secret',
      mutate: () => 'tok_G5KdR5pNKRaVTet6',
      want: 'prefix',
      says: /starts with "gt_".*not its id/,
    },
    {
      given: 'a stray space inside',
      mutate: (t: string) => `${t.slice(0, 20)} ${t.slice(21)}`,
      want: 'whitespace',
      says: /contains whitespace/,
    },
    {
      given: 'a line break inside',
      mutate: (t: string) => `${t.slice(0, 20)}\n${t.slice(20)}`,
      want: 'whitespace',
      says: /contains whitespace/,
    },
    { given: 'a double-quoted', mutate: (t: string) => `"${t}"`, want: 'quotes', says: /wrapped in quotes/ },
    { given: 'a single-quoted', mutate: (t: string) => `'${t}'`, want: 'quotes', says: /wrapped in quotes/ },
    { given: 'a Bearer-prefixed', mutate: (t: string) => `Bearer ${t}`, want: 'bearer', says: /"Bearer "/ },
    { given: 'a bearer-prefixed', mutate: (t: string) => `bearer ${t}`, want: 'bearer', says: /"Bearer "/ },
    {
      given: 'a stray character inside',
      mutate: (t: string) => `${t.slice(0, 20)}-${t.slice(21)}`,
      want: 'charset',
      says: /letters and digits/,
    },
  ];
  for (const { given, mutate, want, says } of truncatedOrMistyped) {
    it(`rejects ${given} token offline with MalformedTokenError (${want}), without calling fetch`, async () => {
      const stub = stubFetch(() => json(200, introspection()));
      const good = newToken();
      const bad = mutate(good);
      const client = new GraphToken({ token: bad, fetch: stub.fetch });
      const error = await client.tokens.introspect().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MalformedTokenError);
      expect(isMalformedTokenError(error)).toBe(true);
      const e = error as MalformedTokenError;
      expect(e.formatProblem).toBe(want);
      expect(e.offline).toBe(true);
      expect(e.status).toBe(401);
      expect(e.code).toBe('malformed_token');
      expect(e.message).toMatch(says);
      if (want !== 'prefix') expect(e.message).not.toMatch(/starts with "gt_"/);
      for (const shown of [e.message, JSON.stringify(e), String(e.stack)]) {
        expect(shown).not.toContain(bad);
        expect(shown).not.toContain(good.slice(3, 30));
      }
      expect(stub.sent).toHaveLength(0);
    });
  }

  it("removes only surrounding whitespace (a file read's newline), and sends the token without it", async () => {
    const token = newToken();
    const stub = stubFetch(() => json(200, introspection()));
    await new GraphToken({ token: ` ${token}\n`, fetch: stub.fetch }).tokens.introspect();
    expect(stub.sent[0]!.headers.authorization).toBe(`Bearer ${token}`);
  });

  it('says "no token is configured" once, with what to do', async () => {
    vi.stubEnv('GRAPHTOKEN_TOKEN', '');
    const error = (await new GraphToken({ fetch: stubFetch(() => json(200, {})).fetch }).tokens
      .introspect()
      .catch((e: unknown) => e)) as MissingTokenError;
    expect(error.message).toMatch(/^No token is configured: pass `token`/);
    expect(error.message.match(/no token/gi)).toHaveLength(1);
  });

  it('fails with MissingTokenError, offline, when no token is configured', async () => {
    vi.stubEnv('GRAPHTOKEN_TOKEN', '');
    const stub = stubFetch(() => json(200, {}));
    const client = new GraphToken({ fetch: stub.fetch });
    const error = await client.graphs.get('gr_x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingTokenError);
    expect(isMissingTokenError(error)).toBe(true);
    expect((error as MissingTokenError).message).toContain('GRAPHTOKEN_TOKEN');
    expect(stub.sent).toHaveLength(0);
  });

  it('reads GRAPHTOKEN_TOKEN and GRAPHTOKEN_BASE_URL in Node when not given', async () => {
    const token = newToken();
    vi.stubEnv('GRAPHTOKEN_TOKEN', `${token}\n`);
    vi.stubEnv('GRAPHTOKEN_BASE_URL', 'http://localhost:4010/');
    const stub = stubFetch(() => json(200, introspection()));
    const client = new GraphToken({ fetch: stub.fetch });
    await client.tokens.introspect();
    expect(client.baseUrl).toBe('http://localhost:4010');
    expect(stub.sent[0]!.url).toBe('http://localhost:4010/v1/tokens/self');
    expect(stub.sent[0]!.headers.authorization).toBe(`Bearer ${token}`);
  });

  it('prefers explicit options over the environment', async () => {
    vi.stubEnv('GRAPHTOKEN_BASE_URL', 'http://localhost:1');
    const client = new GraphToken({ token: newToken(), baseUrl: 'https://eu.graphtoken.dev/' });
    expect(client.baseUrl).toBe('https://eu.graphtoken.dev');
  });

  it('refuses plain http to a remote host, and an Authorization default header', () => {
    expect(() => new GraphToken({ baseUrl: 'http://api.example.com' })).toThrow(/plain http/);
    expect(
      () => new GraphToken({ baseUrl: 'http://api.example.com', allowInsecureHttp: true }),
    ).not.toThrow();
    expect(() => new GraphToken({ defaultHeaders: { Authorization: 'Bearer x' } })).toThrow(/token/);
  });

  it('refuses a token secret passed where a token id belongs, without sending it', async () => {
    const stub = stubFetch(() => json(200, tokenObject()));
    const client = new GraphToken({ token: newToken(), fetch: stub.fetch });
    const secret = newToken();
    // Anywhere in the value: a pasted secret often comes with a space or its "Bearer " prefix.
    for (const given of [secret, ` ${secret}`, `Bearer ${secret}`, `${secret.slice(0, 12)}`]) {
      const error = await client.tokens.get(given).catch((e: unknown) => e);
      expect(isInvalidArgumentError(error), given.slice(0, 8)).toBe(true);
      expect(String((error as Error).message)).not.toContain(secret.slice(3, 12));
    }
    const query = await client.blocks
      .list('gr_x', { cursor: ` ${secret}` })
      .firstPage()
      .catch((e: unknown) => e);
    expect(isInvalidArgumentError(query)).toBe(true);
    expect(stub.sent).toHaveLength(0);
  });

  it('never shows the token when the client is logged', async () => {
    const token = newToken();
    const client = new GraphToken({ token });
    const { inspect } = await import('node:util');
    expect(JSON.stringify(client)).not.toContain(token);
    expect(inspect(client, { showHidden: true, depth: Number.POSITIVE_INFINITY })).not.toContain(token);
    expect(await client.tokenHint()).toBe(`gt_…${token.slice(-4)}`);
  });
});

describe('own fields', () => {
  it('are the resources, baseUrl and scopes, in that order, each a plain writable value', () => {
    const client = new GraphToken({ token: newToken(), scopes: ['read'], baseUrl: 'http://localhost:1' });
    const keys = ['tokens', 'graphs', 'blocks', 'auditEvents', 'baseUrl', 'scopes'];
    expectPlainOwnFields(client, keys);
    expect(client.baseUrl).toBe('http://localhost:1');
    expect(client.scopes).toEqual(['read']);
  });

  it("are defined on the client, so a JavaScript subclass's getter for one neither throws nor replaces it", () => {
    class PinnedClient extends GraphToken {}
    Object.defineProperty(PinnedClient.prototype, 'baseUrl', {
      get: () => 'https://pinned',
      configurable: true,
    });
    const client = new PinnedClient({ token: newToken(), baseUrl: 'http://localhost:1' });
    expect(Object.getOwnPropertyDescriptor(client, 'baseUrl')?.value).toBe('http://localhost:1');
  });
});

describe('declared scopes', () => {
  it('refuses, offline, an operation the declared scopes do not allow', async () => {
    const stub = stubFetch(() => json(200, {}));
    const client = new GraphToken({ token: newToken(), scopes: ['append'], fetch: stub.fetch });
    // A JavaScript caller (or a cast) can still reach the method; the run-time check catches it.
    const blocks = client.blocks as unknown as { list: (g: string) => { firstPage(): Promise<unknown> } };
    const error = await blocks
      .list('gr_x')
      .firstPage()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsufficientScopeError);
    expect(isInsufficientScopeError(error)).toBe(true);
    expect((error as InsufficientScopeError).requiredScopes).toEqual(['read']);
    expect((error as InsufficientScopeError).grantedScopes).toEqual(['append']);
    expect((error as InsufficientScopeError).offline).toBe(true);
    expect(stub.sent).toHaveLength(0);
  });

  it('normalises declared scopes and rejects unknown ones', () => {
    expect(new GraphToken({ scopes: ['read', 'write'] }).scopes).toEqual(['write']);
    expect(() => new GraphToken({ scopes: ['admin' as never] })).toThrow(/unknown scope/);
  });
});

describe('raw access', () => {
  it('returns data, response and request id with withResponse()', async () => {
    const stub = stubFetch(() => json(200, tokenObject(), { 'x-request-id': 'req_abc123' }));
    const client = new GraphToken({ token: newToken(), fetch: stub.fetch });
    const { data, response, requestId } = await client.tokens.get('tok_G5KdR5pNKRaVTet6').withResponse();
    expect(data.id).toBe('tok_G5KdR5pNKRaVTet6');
    expect(response.status).toBe(200);
    expect(requestId).toBe('req_abc123');
    expect(stub.sent[0]!.url).toBe('https://api.graphtoken.dev/v1/tokens/tok_G5KdR5pNKRaVTet6');
  });

  it('maps an error response to its class with status, code, request id and headers', async () => {
    const stub = stubFetch(() =>
      problem(403, 'insufficient_scope', { requiredScopes: ['manage'], grantedScopes: ['read'] }),
    );
    const client = new GraphToken({ token: newToken(), fetch: stub.fetch });
    const error = (await client.tokens
      .get('tok_G5KdR5pNKRaVTet6')
      .catch((e: unknown) => e)) as InsufficientScopeError;
    expect(error).toBeInstanceOf(InsufficientScopeError);
    expect(error.status).toBe(403);
    expect(error.requestId).toMatch(/^req_/);
    expect(error.headers['content-type']).toBe('application/problem+json');
    expect(error.requiredScopes).toEqual(['manage']);
    expect(error.message).toContain("'manage'");
  });
});
