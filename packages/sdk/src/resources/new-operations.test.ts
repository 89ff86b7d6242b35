/**
 * The issue-11 methods against a stub fetch: what each sends (query, body, headers), and that
 * `revokeLeaked` sends no token and never shows the reported secrets anywhere a user can see.
 */
import { inspect } from 'node:util';
import { generateTokenSecret } from '@graphtoken/contract';
import { describe, expect, it } from 'vitest';
import { json, newToken, problem, stubFetch, tokenObject } from '../../test/support/stub-fetch.js';
import { GraphToken } from '../client.js';
import { InvalidArgumentError, ValidationError } from '../core/errors.js';

const event = (i: number) => ({
  id: `evt_${i}`,
  type: 'token.revoked',
  occurredAt: '2025-11-20T12:40:00Z',
  tokenId: 'tok_lZmRyRh907KdgFgj',
  actor: 'system',
  reason: 'leak_report',
  successorId: null,
});

describe('tokens.list filters', () => {
  it('sends Dates as RFC 3339 UTC, strings as given, and keeps every filter on every page', async () => {
    const stub = stubFetch((request) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      return json(200, { data: [tokenObject()], nextCursor: cursor ? null : 'c2' });
    });
    const client = new GraphToken({ token: newToken(), fetch: stub.fetch });
    const ids = [];
    for await (const token of client.tokens.list({
      lastUsedBefore: new Date(Date.UTC(2025, 7, 22)),
      createdBefore: '2025-01-01T00:00:00+01:00',
      expiresBefore: new Date(Date.UTC(2025, 10, 27, 12, 30)),
      neverUsed: false,
      q: 'pipeline',
      sort: '-lastUsedAt',
      status: 'active',
      limit: 1,
    }))
      ids.push(token.id);
    expect(ids).toHaveLength(2);
    const [first, second] = stub.sent.map((s) => Object.fromEntries(new URL(s.url).searchParams));
    const want = {
      lastUsedBefore: '2025-08-22T00:00:00.000Z',
      createdBefore: '2025-01-01T00:00:00+01:00',
      expiresBefore: '2025-11-27T12:30:00.000Z',
      neverUsed: 'false',
      q: 'pipeline',
      sort: '-lastUsedAt',
      status: 'active',
      limit: '1',
    };
    expect(first).toEqual(want);
    expect(second).toEqual({ ...want, cursor: 'c2' });
  });

  it('refuses an invalid Date before sending anything', () => {
    const stub = stubFetch(() => json(200, { data: [], nextCursor: null }));
    const client = new GraphToken({ token: newToken(), fetch: stub.fetch });
    expect(() => client.tokens.list({ lastUsedBefore: new Date('not a date') })).toThrow(
      InvalidArgumentError,
    );
    expect(() => client.tokens.list({ lastUsedBefore: new Date('not a date') })).toThrow(/lastUsedBefore/);
    expect(stub.sent).toHaveLength(0);
  });

  it.each([
    ['a Date past the year 9999', new Date(8.64e15)],
    ['a Date in the year 10000', new Date(Date.UTC(10_000, 0, 1))],
    ['a Date before the year 0', new Date(Date.UTC(-1, 0, 1))],
    ['a Date at the earliest instant', new Date(-8.64e15)],
    ['a string without a time zone', '2025-11-01T00:00:00'],
    ['a string on a day the calendar lacks', '2025-02-30T00:00:00Z'],
    ['a string with a six-digit year', '+275760-09-13T00:00:00.000Z'],
    ['a date only', '2025-11-01'],
    ['a word', 'yesterday'],
  ])('refuses %s offline, naming the field', async (_, value) => {
    const stub = stubFetch(() => json(200, { data: [], nextCursor: null }));
    const client = new GraphToken({ token: newToken(), fetch: stub.fetch });
    for (const field of ['lastUsedBefore', 'createdBefore', 'expiresBefore'] as const) {
      expect(() => client.tokens.list({ [field]: value })).toThrow(InvalidArgumentError);
      expect(() => client.tokens.list({ [field]: value })).toThrow(new RegExp(`^${field}: `));
    }
    expect(() => client.auditEvents.list({ since: value })).toThrow(/^since: /);
    expect(stub.sent).toHaveLength(0);
  });

  it('sends the years 0000 and 9999 (the edges RFC 3339 can write) and the epoch', async () => {
    const stub = stubFetch(() => json(200, { data: [], nextCursor: null }));
    const client = new GraphToken({ token: newToken(), fetch: stub.fetch });
    await client.tokens
      .list({
        createdBefore: new Date('0000-01-01T00:00:00Z'),
        expiresBefore: new Date('9999-12-31T23:59:59Z'),
      })
      .firstPage();
    const query = new URL(stub.sent.at(-1)!.url).searchParams;
    expect(query.get('createdBefore')).toBe('0000-01-01T00:00:00.000Z');
    expect(query.get('expiresBefore')).toBe('9999-12-31T23:59:59.000Z');
    await client.tokens.list({ lastUsedBefore: new Date(0) }).firstPage();
    expect(new URL(stub.sent.at(-1)!.url).searchParams.get('lastUsedBefore')).toBe(
      '1970-01-01T00:00:00.000Z',
    );
  });
});

describe('tokens.rotateSelf', () => {
  it('posts the grace period with the given Idempotency-Key', async () => {
    const secret = generateTokenSecret();
    const stub = stubFetch(() =>
      json(201, { token: tokenObject({ rotatedFrom: 'tok_MPxf0A9Rt4jp5IIk' }), secret }),
    );
    const client = new GraphToken({ token: newToken(), fetch: stub.fetch });
    const rotated = await client.tokens.rotateSelf({
      gracePeriodSeconds: 300,
      idempotencyKey: 'rotate-2025-11',
    });
    expect(rotated.secret).toBe(secret);
    const [sent] = stub.sent;
    expect(sent).toMatchObject({ method: 'POST', body: '{"gracePeriodSeconds":300}' });
    expect(new URL(sent!.url).pathname).toBe('/v1/tokens/self/rotate');
    expect(sent!.headers['idempotency-key']).toBe('rotate-2025-11');
  });

  it('is never repeated with a refreshed token after token_revoked (it would rotate the successor)', async () => {
    const stub = stubFetch(() => problem(401, 'token_revoked'));
    let asked = 0;
    const client = new GraphToken({
      token: () => {
        asked++;
        return newToken();
      },
      fetch: stub.fetch,
    });
    await expect(client.tokens.rotateSelf()).rejects.toMatchObject({ code: 'token_revoked' });
    expect(asked).toBe(1);
    expect(stub.sent).toHaveLength(1);
  });
  it('moves a provider-backed client to the successor on its next call, not at the end of the grace period', async () => {
    const old = newToken();
    const successor = generateTokenSecret();
    const stub = stubFetch((request) =>
      new URL(request.url).pathname === '/v1/tokens/self/rotate'
        ? json(201, { token: tokenObject({ rotatedFrom: 'tok_MPxf0A9Rt4jp5IIk' }), secret: successor })
        : json(200, { data: [], nextCursor: null }),
    );
    let current = old;
    let asked = 0;
    const client = new GraphToken({
      token: () => {
        asked++;
        return current;
      },
      fetch: stub.fetch,
    });
    const { secret } = await client.tokens.rotateSelf({ gracePeriodSeconds: 300 });
    current = secret; // stored, then used
    await client.graphs.list();
    await client.graphs.list();
    expect(stub.sent.map((s) => s.headers.authorization)).toEqual([
      `Bearer ${old}`,
      `Bearer ${successor}`,
      `Bearer ${successor}`,
    ]);
    expect(asked).toBe(2);
  });

  it('asks the provider again after the token revoked itself, instead of sending the dead secret', async () => {
    const old = newToken();
    const next = newToken();
    const stub = stubFetch((request) =>
      request.method === 'DELETE'
        ? new Response(null, { status: 204 })
        : json(200, { data: [], nextCursor: null }),
    );
    let current = old;
    const client = new GraphToken({ token: () => current, fetch: stub.fetch });
    await client.tokens.revokeSelf();
    current = next;
    await client.graphs.list();
    expect(stub.sent.map((s) => s.headers.authorization)).toEqual([`Bearer ${old}`, `Bearer ${next}`]);
  });

  it('keeps a fixed token after a self-rotation (only a provider can hand out the successor)', async () => {
    const old = newToken();
    const stub = stubFetch((request) =>
      new URL(request.url).pathname === '/v1/tokens/self/rotate'
        ? json(201, { token: tokenObject(), secret: generateTokenSecret() })
        : json(200, { data: [], nextCursor: null }),
    );
    const client = new GraphToken({ token: old, fetch: stub.fetch });
    await client.tokens.rotateSelf({ gracePeriodSeconds: 300 });
    await client.graphs.list();
    expect(stub.sent.map((s) => s.headers.authorization)).toEqual([`Bearer ${old}`, `Bearer ${old}`]);
  });
});

describe('tokens.revokeLeaked', () => {
  const found = [
    generateTokenSecret(),
    generateTokenSecret(),
    'gt_Z7MFBtQcY6wU02M8gQCCmq',
    'hunter2-password',
  ];

  it.each([
    { label: 'a client built without a token', token: undefined },
    { label: 'a client with a token (left out of the request)', token: newToken() },
  ])('works on $label and sends no Authorization header', async ({ token }) => {
    const stub = stubFetch(() => json(202, { received: 4 }));
    const client = new GraphToken({ ...(token ? { token } : {}), fetch: stub.fetch });
    await expect(client.tokens.revokeLeaked(found)).resolves.toEqual({ received: 4 });
    const [sent] = stub.sent;
    expect(sent!.headers.authorization).toBeUndefined();
    expect(new URL(sent!.url).pathname).toBe('/v1/tokens/revoke-leaked');
    expect(JSON.parse(sent!.body)).toEqual({ secrets: found });
  });

  it('never shows a reported secret: error message, toJSON, inspect, hook events', async () => {
    const events: unknown[] = [];
    // A server (or proxy) that echoes the body back in its problem detail and a header.
    const stub = stubFetch(async (request) => {
      const body = await request.text();
      return problem(
        422,
        'validation_failed',
        { detail: `bad body ${body}`, errors: [{ field: 'secrets[0]', message: body }] },
        { 'x-echo': body.slice(0, 200) },
      );
    });
    const client = new GraphToken({
      fetch: stub.fetch,
      hooks: {
        onRequest: (e) => void events.push(e),
        onResponse: (e) => void events.push(e),
        onError: (e) => void events.push(e),
      },
    });
    const error = await client.tokens.revokeLeaked(found).then(
      () => undefined,
      (e: unknown) => e as ValidationError,
    );
    expect(error).toBeInstanceOf(ValidationError);
    const shown = [
      String(error),
      error!.stack,
      JSON.stringify(error),
      inspect(error, { depth: 9, showHidden: true }),
      JSON.stringify(error!.problem),
      JSON.stringify(error!.headers),
      inspect(events, { depth: 9, showHidden: true }),
    ].join('\n');
    for (const secret of found) {
      expect(shown).not.toContain(secret);
      if (secret.startsWith('gt_')) expect(shown).not.toContain(secret.slice(3));
    }
    expect(events.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses something other than an array of strings, sending nothing', async () => {
    const stub = stubFetch(() => json(202, { received: 1 }));
    const client = new GraphToken({ fetch: stub.fetch });
    await expect(client.tokens.revokeLeaked('gt_x' as never)).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(client.tokens.revokeLeaked([1] as never)).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(stub.sent).toHaveLength(0);
  });
});

describe('auditEvents.list', () => {
  it('filters by token, type and since (a Date), newest first, across pages', async () => {
    const stub = stubFetch((request) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      return json(200, { data: [event(cursor ? 2 : 1)], nextCursor: cursor ? null : 'next' });
    });
    const client = new GraphToken({ token: newToken(), fetch: stub.fetch });
    const seen = [];
    for await (const e of client.auditEvents.list({
      tokenId: 'tok_lZmRyRh907KdgFgj',
      type: 'token.revoked',
      since: new Date(Date.UTC(2025, 10, 1)),
    }))
      seen.push(e.id);
    expect(seen).toEqual(['evt_1', 'evt_2']);
    const query = Object.fromEntries(new URL(stub.sent[1]!.url).searchParams);
    expect(query).toEqual({
      tokenId: 'tok_lZmRyRh907KdgFgj',
      type: 'token.revoked',
      since: '2025-11-01T00:00:00.000Z',
      cursor: 'next',
    });
    expect(new URL(stub.sent[0]!.url).pathname).toBe('/v1/audit-events');
  });

  it('is refused offline for a client declared without manage', async () => {
    const stub = stubFetch(() => json(200, { data: [], nextCursor: null }));
    const reader = new GraphToken({ token: newToken(), scopes: ['read'], fetch: stub.fetch });
    // @ts-expect-error: auditEvents.list needs manage
    await expect(reader.auditEvents.list().firstPage()).rejects.toMatchObject({
      code: 'insufficient_scope',
      offline: true,
    });
    // revokeLeaked needs no scope at all: open to every client.
    stub.sent.length = 0;
    const ok = stubFetch(() => json(202, { received: 1 }));
    const appender = new GraphToken({ token: newToken(), scopes: ['append'], fetch: ok.fetch });
    await expect(appender.tokens.revokeLeaked(['x'])).resolves.toEqual({ received: 1 });
    await expect(appender.tokens.rotateSelf).toBeTypeOf('function');
  });
});
