/**
 * The token never escapes beyond its public hint: for every error class, every channel a user can
 * see (message, stack, toJSON, util.inspect, cause, headers kept on the error, hook events) is
 * checked while the server, the network layer and the abort reason all echo the secret back.
 */
import { inspect } from 'node:util';
import { errorCodes } from '@graphtoken/contract';
import { describe, expect, it } from 'vitest';
import { hang, json, newToken, problem, stubFetch, tokenObject } from '../test/support/stub-fetch.js';
import * as sdk from './index.js';

const { GraphToken, GraphTokenError } = sdk;

/** Every error class the package exports. */
const errorClasses = Object.entries(sdk).filter(
  (entry): entry is [string, typeof GraphTokenError] =>
    typeof entry[1] === 'function' &&
    (entry[1] === GraphTokenError || entry[1].prototype instanceof GraphTokenError),
);

/** Renders everything a user could print or ship to a log about an error. */
function everything(error: unknown, events: unknown[]): string {
  const e = error as Error & { headers?: unknown; problem?: unknown };
  return [
    String(e),
    e.message,
    e.stack,
    JSON.stringify(e),
    inspect(e, { showHidden: true, depth: Number.POSITIVE_INFINITY }),
    String(e.cause),
    inspect(e.cause, { showHidden: true, depth: Number.POSITIVE_INFINITY }),
    JSON.stringify(e.headers),
    JSON.stringify(e.problem),
    inspect(events, { showHidden: true, depth: Number.POSITIVE_INFINITY }),
  ].join('\n');
}

/** A client whose server echoes the secret everywhere it can. */
function echoingClient(token: string, respond: (request: Request) => Response | Promise<Response>) {
  const events: unknown[] = [];
  const stub = stubFetch(respond);
  const client = new GraphToken({
    token,
    fetch: stub.fetch,
    retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 },
    hooks: {
      onRequest: (e) => void events.push(e),
      onResponse: (e) => void events.push(e),
      onRetry: (e) => void events.push(e),
      onError: (e) => void events.push(e),
    },
  });
  return { client, events, stub };
}

function echoProblem(status: number, code: string | undefined, token: string): Response {
  const body = code
    ? {
        type: `https://docs.graphtoken.dev/errors/${code}`,
        title: `leaked ${token}`,
        status,
        detail: `you sent Bearer ${token}`,
        code,
        requestId: 'req_leak1',
        errors: [{ field: 'name', message: `bad ${token}` }],
      }
    : `<html>proxy error for ${token}</html>`;
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: {
      'content-type': code ? 'application/problem+json' : 'text/html',
      'x-request-id': 'req_leak1',
      'x-echo': `Bearer ${token}`,
      'set-cookie': `session=${token}`,
    },
  });
}

describe('no token leaks', () => {
  it('checks every exported error class', async () => {
    const produced = new Map<string, string>();
    const record = async (token: string, call: () => Promise<unknown>, events: unknown[]) => {
      const error = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(GraphTokenError);
      const text = everything(error, events);
      expect(text, (error as Error).name).not.toContain(token);
      expect(text).not.toContain(token.slice(3, -4)); // not even the body of the secret
      produced.set((error as Error).name, text);
    };

    // Every API error code, and status-only answers (no code: an HTML page from a proxy).
    for (const [code, { status }] of Object.entries(errorCodes)) {
      const token = newToken();
      const { client, events } = echoingClient(token, () => echoProblem(status, code, token));
      await record(token, () => client.graphs.get('gr_x'), events);
    }
    for (const status of [400, 401, 403, 409, 418, 422, 429, 502]) {
      const token = newToken();
      const { client, events } = echoingClient(token, () => echoProblem(status, undefined, token));
      await record(token, () => client.graphs.get('gr_x'), events);
    }

    // Offline: missing, malformed (a truncated secret does not look like one: scrubbed by value), scopes.
    await record(newToken(), () => new GraphToken({ token: '' }).graphs.get('gr_x'), []);
    const truncated = newToken().slice(0, -2);
    await record(truncated, () => new GraphToken({ token: truncated }).graphs.get('gr_x'), []);
    const scoped = newToken();
    await record(
      scoped,
      () =>
        (new GraphToken({ token: scoped, scopes: ['append'] }).tokens as unknown as sdk.Tokens).get('tok_x'),
      [],
    );

    // Transport: a network error whose message echoes the header, a timeout, an abort whose reason holds the secret.
    const net = newToken();
    const failing = echoingClient(net, () => {
      throw new TypeError('fetch failed', {
        cause: new Error(`socket closed after Authorization: Bearer ${net}`),
      });
    });
    await record(net, () => failing.client.graphs.get('gr_x'), failing.events);

    const slow = newToken();
    const hanging = echoingClient(slow, (request) => hang(request));
    await record(
      slow,
      () => hanging.client.graphs.get('gr_x', { timeout: 10, maxRetries: 0 }),
      hanging.events,
    );

    const aborted = newToken();
    const abortable = echoingClient(aborted, (request) => hang(request));
    const controller = new AbortController();
    const pending = abortable.client.graphs.get('gr_x', { signal: controller.signal });
    controller.abort(new Error(`cancelled by ${aborted}`));
    await record(aborted, () => pending, abortable.events);

    // A success body that breaks the schema (and holds the secret).
    const invalid = newToken();
    const bad = echoingClient(invalid, () => json(200, { ...tokenObject(), name: invalid, hint: invalid }));
    await record(invalid, () => bad.client.tokens.get('tok_G5KdR5pNKRaVTet6'), bad.events);

    // A secret passed as an id, refused before sending.
    const misuse = newToken();
    const argument = echoingClient(newToken(), () => json(200, {}));
    await record(misuse, () => argument.client.tokens.get(misuse), argument.events);

    // A failing token provider whose error holds the secret.
    const vaulted = newToken();
    const vault = new GraphToken({
      token: () => {
        throw new Error(`vault refused ${vaulted}`);
      },
      fetch: stubFetch(() => json(200, {})).fetch,
    });
    await record(vaulted, () => vault.tokens.introspect(), []);

    // A looping cursor.
    const looping = newToken();
    const loop = echoingClient(looping, () => json(200, { data: [], nextCursor: 'same' }));
    await record(
      looping,
      async () => {
        for await (const _ of loop.client.tokens.list({ cursor: 'same' })) void _;
      },
      loop.events,
    );

    // The base class is never thrown itself: each failure has its own class.
    const classNames = errorClasses
      .map(([name]) => name)
      .filter((name) => name !== 'GraphTokenError')
      .sort();
    expect([...produced.keys()].sort()).toEqual(classNames);
  });

  it('scrubs the secret echoed without its gt_ prefix (finding 04)', async () => {
    for (const [status, code] of [
      [401, 'token_revoked'],
      [422, 'validation_failed'],
      [502, undefined],
    ] as const) {
      const token = newToken();
      const body = token.slice(3);
      const { client, events } = echoingClient(token, () => echoProblem(status, code, body));
      const error = await client.graphs.get('gr_x').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphTokenError);
      const text = everything(error, events);
      expect(text).not.toContain(body);
      expect(text).not.toContain(body.slice(0, -4));
      if (code) expect((error as Error).message).toContain(`gt_…${token.slice(-4)}`);
    }
  });

  it('keeps a response secret out of a ResponseValidationError when another field breaks the schema', async () => {
    // zod's own issues carry the failing value (`input`); the error keeps only path, message and code.
    const token = newToken();
    const secret = newToken();
    for (const broken of [{ hint: secret }, { name: '' }, { id: secret }]) {
      const { client, events } = echoingClient(token, () =>
        json(201, { token: tokenObject(broken), secret }),
      );
      const error = await client.tokens
        .create({ name: 'ci', scopes: ['read'], graphIds: ['gr_AAAAAAAAAAAAAAAA'] })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(sdk.ResponseValidationError);
      const text = `${everything(error, events)}\n${JSON.stringify((error as sdk.ResponseValidationError).issues)}`;
      expect(text).not.toContain(secret);
      expect(text).not.toContain(token);
    }
  });

  it('shows the public hint, so a user can tell which token failed', async () => {
    const token = newToken();
    const { client } = echoingClient(token, () => echoProblem(401, 'token_revoked', token));
    const error = (await client.graphs.get('gr_x').catch((e: unknown) => e)) as sdk.TokenRevokedError;
    expect(error.message).toContain(`gt_…${token.slice(-4)}`);
    expect(error.headers['x-echo']).toBe(`Bearer gt_…${token.slice(-4)}`);
    expect(error.headers['set-cookie']).not.toContain(token);
  });
});

describe('no token leaks: what an outside tester echoed back (break12)', () => {
  const hint = (token: string) => `gt_…${token.slice(-4)}`;

  it('scrubs an X-Request-Id that echoes the secret, whole or without gt_: error, toJSON, inspect, hooks', async () => {
    for (const echo of [(t: string) => t, (t: string) => t.slice(3)]) {
      const token = newToken();
      const { client, events } = echoingClient(
        token,
        () => new Response('busy', { status: 503, headers: { 'x-request-id': echo(token) } }),
      );
      const error = (await client.graphs.get('gr_x').catch((e: unknown) => e)) as sdk.APIError;
      expect(error).toBeInstanceOf(sdk.APIError);
      expect(error.requestId).toBe(hint(token));
      const responses = events.filter((e) => 'attempt' in (e as object) && 'status' in (e as object));
      expect(responses.map((e) => (e as { requestId?: string }).requestId)).toEqual([
        hint(token),
        hint(token),
      ]);
      expect(everything(error, events)).not.toContain(token.slice(3));
    }
  });

  it('scrubs an X-Request-Id echoing the secret on a success (withResponse)', async () => {
    const token = newToken();
    const { client, events } = echoingClient(token, () =>
      json(200, tokenObject(), { 'x-request-id': token.slice(3) }),
    );
    const { requestId } = await client.tokens.get('tok_AAAAAAAAAAAAAAAA').withResponse();
    expect(requestId).toBe(hint(token));
    expect(inspect(events, { depth: Number.POSITIVE_INFINITY })).not.toContain(token.slice(3));
  });

  it("scrubs a refused redirect's Location holding the secret without gt_ or percent-encoded", async () => {
    for (const location of [
      (t: string) => `https://elsewhere.example/cb?t=${t.slice(3)}`,
      (t: string) => `https://elsewhere.example/cb?t=gt%5F${t.slice(3)}`,
      (t: string) =>
        `https://elsewhere.example/cb?t=gt%5f${t.slice(3, 8)}%${t.charCodeAt(8).toString(16)}${t.slice(9)}`,
      (t: string) => `/v1/${encodeURIComponent(t)}/x`,
    ]) {
      const token = newToken();
      const { client, events } = echoingClient(
        token,
        () => new Response(null, { status: 302, headers: { location: location(token) } }),
      );
      const error = await client.graphs.get('gr_x').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(sdk.ConnectionError);
      expect((error as Error).message).toContain('302 redirect');
      const text = everything(error, events);
      expect(text).not.toContain(token.slice(3));
      expect(text).not.toContain(token.slice(9));
      expect((error as Error).message).toContain(hint(token));
    }
  });

  it('refuses a per-call header value with NUL or CR/LF with InvalidArgumentError, never quoting it', async () => {
    for (const value of [
      (t: string) => `${t}\u0000`,
      (t: string) => `Bearer ${t}\r\nx: y`,
      (t: string) => `${t}\nx`,
    ]) {
      const token = newToken();
      const { client, events, stub } = echoingClient(token, () => json(200, { data: [] }));
      const error = await client.graphs
        .list({ headers: { 'x-forwarded-credential': value(token) } })
        .firstPage()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(sdk.InvalidArgumentError);
      expect((error as Error).message).toContain('"x-forwarded-credential" is not a valid HTTP header');
      expect(everything(error, events)).not.toContain(token.slice(3));
      expect(stub.sent).toHaveLength(0);
    }
  });

  it('refuses an invalid idempotencyKey with InvalidArgumentError, never quoting it', async () => {
    const token = newToken();
    const { client, stub } = echoingClient(token, () => json(201, {}));
    const error = await client.tokens
      .create(
        { name: 'ci', scopes: ['read'], graphIds: ['gr_AAAAAAAAAAAAAAAA'] },
        { idempotencyKey: `${token}\nx` },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(sdk.InvalidArgumentError);
    expect(everything(error, [])).not.toContain(token.slice(3));
    expect(stub.sent).toHaveLength(0);
  });

  it('keeps the retired secret on the scrub list of the call repeated after a token_expired refresh', async () => {
    const [oldToken, newer] = [newToken(), newToken()];
    let asked = 0;
    const events: unknown[] = [];
    const stub = stubFetch((r) =>
      r.headers.get('authorization') === `Bearer ${oldToken}`
        ? problem(401, 'token_expired')
        : echoProblem(422, 'validation_failed', oldToken.slice(3)),
    );
    const client = new GraphToken({
      token: async () => [oldToken, newer][asked++]!,
      fetch: stub.fetch,
      hooks: { onError: (e) => void events.push(e), onResponse: (e) => void events.push(e) },
    });
    const error = await client.graphs.get('gr_x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(sdk.ValidationError);
    expect(stub.sent.map((s) => s.headers.authorization)).toEqual([`Bearer ${oldToken}`, `Bearer ${newer}`]);
    const text = everything(error, events);
    expect(text).not.toContain(oldToken.slice(3));
    expect(text).not.toContain(newer.slice(3));
    expect((error as Error).message).toContain(hint(oldToken));
  });
});
