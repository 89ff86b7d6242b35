/**
 * A hostile or broken server echoes a secret into fields that fail validation, and the app's own
 * zod error map quotes the input (a common debugging setup). No piece of a secret long enough to
 * help rebuild it (7 characters or more of its body; its 30 random characters rebuild it whole)
 * may reach a ResponseValidationError, whatever form the echo takes. Cases from two outside
 * testers (break13, break14).
 */
import { inspect } from 'node:util';
import { generateTokenSecret } from '@graphtoken/contract';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { json, problem, tokenObject } from '../../test/support/stub-fetch.js';
import { GraphToken } from '../client.js';
import { ResponseValidationError } from '../core/errors.js';
import { MIN_RUN } from './redact.js';

afterEach(() => {
  z.config({ customError: undefined });
});

const quoting = (limit = Number.POSITIVE_INFINITY) =>
  z.config({
    customError: (issue) =>
      `got ${JSON.stringify((issue as { input?: unknown }).input).slice(0, limit)} (${issue.code})`,
  });

/** Every view of an error a user or a log could see. */
function views(error: unknown): string[] {
  const e = error as ResponseValidationError;
  return [
    e.message,
    JSON.stringify(e),
    inspect(e, { depth: 10 }),
    String(e.stack),
    String(JSON.stringify(e.issues)),
  ];
}

/** Every piece of the secret's body `MIN_RUN` characters long found in `text`. */
function pieces(secret: string, text: string): string[] {
  const body = secret.slice(3);
  const found: string[] = [];
  for (let at = 0; at + MIN_RUN <= body.length; at++) {
    const piece = body.slice(at, at + MIN_RUN);
    if (text.includes(piece)) found.push(piece);
  }
  return found;
}

function clientAnswering(token: string, body: () => unknown) {
  return new GraphToken({
    baseUrl: 'https://api.example.test',
    token,
    maxRetries: 0,
    fetch: async () => json(200, body()),
  });
}

describe('a secret echoed into a response that fails validation', () => {
  const token = tokenObject();

  it('the caller’s: whole, without gt_, broken, split or cut short, no piece of it is shown', async () => {
    const secret = generateTokenSecret();
    const body = secret.slice(3);
    const cases: [string, Record<string, unknown>][] = [
      ['whole', { hint: secret }],
      ['without gt_', { hint: body }],
      ['with a newline', { hint: `${secret}\n` }],
      ['percent-encoded', { hint: encodeURIComponent(` ${body}`) }],
      ['a line break after 4 characters', { hint: `${secret.slice(0, 7)}\n${secret.slice(7)}` }],
      ['a space after 4 characters', { hint: `${secret.slice(0, 7)} ${secret.slice(7)}` }],
      ['split across two fields', { hint: body.slice(0, 18), id: body.slice(18) }],
      ['split, gt_ on the first half', { hint: secret.slice(0, 21), id: secret.slice(21) }],
      ['its last character cut', { hint: body.slice(0, -1) }],
      ['repeated in a name', { name: secret.repeat(3) }],
      ['in the status', { status: body }],
    ];
    for (const limit of [Number.POSITIVE_INFINITY, 32]) {
      quoting(limit);
      for (const [what, fields] of cases) {
        const client = clientAnswering(secret, () => ({ ...token, ...fields }));
        const error = await client.tokens.get(token.id).catch((e: unknown) => e);
        expect(error, what).toBeInstanceOf(ResponseValidationError);
        // The error map was used: its text is in the issues.
        expect((error as ResponseValidationError).issues[0]?.message, what).toMatch(/^got /);
        for (const view of views(error)) expect(pieces(secret, view), `${what}, limit ${limit}`).toEqual([]);
      }
    }
  });

  it('a new secret the response itself carries (create, rotate), echoed where validation fails', async () => {
    quoting();
    const caller = generateTokenSecret();
    const newer = `gtk_${generateTokenSecret().slice(3)}`;
    for (const fresh of [generateTokenSecret(), newer]) {
      const cases = [
        { token: { ...token, hint: fresh.slice(fresh.indexOf('_') + 1) }, secret: fresh },
        { token: { ...token, id: fresh.slice(3) }, secret: fresh },
        { token: { ...token, hint: `${fresh.slice(0, 7)}\n${fresh.slice(7)}` }, secret: fresh },
        { token, secret: fresh },
      ];
      for (const answer of cases) {
        if (fresh.startsWith('gt_') && answer.token === token) continue;
        const client = clientAnswering(caller, () => answer);
        const error = await client.tokens
          .create({ name: 'ci', scopes: ['read'], graphIds: [] })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ResponseValidationError);
        for (const view of views(error)) expect(pieces(`gt_${fresh.slice(-36)}`, view)).toEqual([]);
        // The token exists: its one copy is kept, out of every view, for the app to take.
        expect((error as ResponseValidationError).responseBody()).toEqual(answer);
      }
    }
  });
});

describe('a response body the SDK cannot validate', () => {
  it('a newer server’s create answer: the error keeps the new secret for responseBody() alone', async () => {
    const fresh = generateTokenSecret();
    const answer = { token: { ...tokenObject(), scopes: ['read', 'admin:all'] }, secret: fresh };
    const client = clientAnswering(generateTokenSecret(), () => answer);
    const error = await client.tokens.create({ name: 'ci', scopes: ['read'], graphIds: [] }).catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).responseBody()).toEqual(answer);
    for (const view of views(error)) expect(view).not.toContain(fresh.slice(3, 3 + MIN_RUN));
  });

  it('broken in too many places for zod to list: a ResponseValidationError, and onError sees it', async () => {
    // Also deep instead of wide, with an error map that quotes the input (zod runs it lazily).
    quoting();
    const seen: unknown[] = [];
    const token = tokenObject();
    // 200,000 arrays deep: written as text (JSON.stringify itself would overflow).
    const deep = `${'['.repeat(200_000)}"x"${']'.repeat(200_000)}`;
    const bodies: string[] = [
      JSON.stringify({ ...token, scopes: Array(400_000).fill('x') }),
      JSON.stringify({ ...token, id: '__deep__' }).replace('"__deep__"', deep),
    ];
    const client = new GraphToken({
      baseUrl: 'https://api.example.test',
      token: generateTokenSecret(),
      maxRetries: 0,
      hooks: { onError: (error) => void seen.push(error) },
      fetch: async () =>
        new Response(bodies.shift(), {
          headers: { 'content-type': 'application/json' },
        }),
    });
    for (const _ of [1, 2]) {
      const error = await client.tokens.get(token.id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect((error as ResponseValidationError).issues).toEqual([
        {
          path: [],
          message: 'the response body breaks its schema, and its issues could not be listed (see cause)',
          code: 'issues_not_listed',
        },
      ]);
      expect(seen.at(-1)).toBe(error);
    }
    expect(seen).toHaveLength(2);
  }, 60_000);
});

describe('a secret echoed broken into a problem detail (no error map at all)', () => {
  it('reaches neither the error nor the retry event in a piece of 7 characters or more', async () => {
    const secret = generateTokenSecret();
    const retries: unknown[] = [];
    const client = new GraphToken({
      baseUrl: 'https://api.example.test',
      token: secret,
      maxRetries: 1,
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
      hooks: { onRetry: (event) => void retries.push(event) },
      fetch: async () =>
        problem(503, 'internal_error', {
          detail: `upstream refused the request headers: Authorization: Bearer ${secret.slice(0, 7)}\n${secret.slice(7)}`,
        }),
    });
    const error = await client.tokens.introspect().catch((e: unknown) => e);
    expect(retries).toHaveLength(1);
    const shown = JSON.stringify((error as { problem?: unknown }).problem);
    // The detail is shown (scrubbed), so the test reaches the text that carried the secret.
    expect(shown).toContain('upstream refused the request headers');
    for (const view of [...views(error), shown, inspect(retries, { depth: 10 })]) {
      expect(pieces(secret, view)).toEqual([]);
    }
  });
});

describe('echoes found by a third outside tester (break15)', () => {
  it('a secret echoed in capitals, in X-Request-Id or a header name, is scrubbed too', async () => {
    const secret = generateTokenSecret();
    const upper = secret.toUpperCase();
    const events: unknown[] = [];
    const client = new GraphToken({
      baseUrl: 'https://api.example.test',
      token: secret,
      maxRetries: 0,
      hooks: { onResponse: (event) => void events.push(event) },
      fetch: async () =>
        problem(
          404,
          'not_found',
          {},
          { 'x-request-id': `req_${upper}`, [`x-debug-${secret.slice(3)}`]: '1' },
        ),
    });
    const error = await client.tokens.get('tok_AAAAAAAAAAAAAAAA').catch((e: unknown) => e);
    for (const view of [...views(error), inspect(events, { depth: 10 })]) {
      expect(pieces(secret.toLowerCase(), view.toLowerCase())).toEqual([]);
    }
  });

  it('a new secret echoed in X-Request-Id is not in the requestId or the onResponse event, on success or failure', async () => {
    const fresh = generateTokenSecret();
    for (const answer of [
      { token: tokenObject(), secret: fresh },
      { token: { ...tokenObject(), hint: '!' }, secret: fresh },
    ]) {
      const events: unknown[] = [];
      const client = new GraphToken({
        baseUrl: 'https://api.example.test',
        token: generateTokenSecret(),
        maxRetries: 0,
        hooks: { onResponse: (event) => void events.push(event) },
        fetch: async () => json(200, answer, { 'x-request-id': `req_${fresh.slice(3)}` }),
      });
      const outcome = await client.tokens
        .create({ name: 'ci', scopes: ['read'], graphIds: [] })
        .withResponse()
        .then(
          ({ requestId }) => String(requestId),
          (e: unknown) => views(e).join('\n'),
        );
      expect(pieces(fresh, outcome)).toEqual([]);
      expect(events).toHaveLength(1);
      expect(pieces(fresh, inspect(events, { depth: 10 }))).toEqual([]);
    }
  });

  it('an error map that throws: a ResponseValidationError that keeps the new secret for responseBody()', async () => {
    z.config({
      customError: (issue) => {
        throw new Error(`invalid value ${JSON.stringify((issue as { input?: unknown }).input)}`);
      },
    });
    const fresh = generateTokenSecret();
    const answer = { token: { ...tokenObject(), hint: fresh.slice(3) }, secret: fresh };
    const client = clientAnswering(generateTokenSecret(), () => answer);
    const error = await client.tokens.create({ name: 'ci', scopes: ['read'], graphIds: [] }).catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).responseBody()).toEqual(answer);
    for (const view of views(error)) expect(pieces(fresh, view)).toEqual([]);
  });

  it('revokeLeaked with whole pasted lines: their secrets are scrubbed, the words around them are not', async () => {
    const leaked = generateTokenSecret();
    const lines = [`Authorization: Bearer ${leaked}`, `const internalToken = "${leaked}";`];
    const client = new GraphToken({
      baseUrl: 'https://api.example.test',
      token: generateTokenSecret(),
      maxRetries: 0,
      fetch: async () =>
        problem(503, 'internal_error', {
          detail: `the internalToken service is restarting; got ${leaked.slice(3)}`,
        }),
    });
    const error = (await client.tokens.revokeLeaked(lines).catch((e: unknown) => e)) as {
      code?: string;
      message: string;
    };
    expect(error.code).toBe('internal_error');
    expect(error.message).toContain('the internalToken service is restarting');
    for (const view of views(error)) expect(pieces(leaked, view)).toEqual([]);
  });

  it('the body is in no own or private field of the error (an inspector lists those)', () => {
    const error = new ResponseValidationError('getToken', [], undefined, undefined, {
      body: { secret: 'x' },
    });
    expect(Object.getOwnPropertyNames(error)).not.toContain('body');
    expect(inspect(error, { showHidden: true, depth: 10 })).not.toContain("secret: 'x'");
    expect(error.responseBody()).toEqual({ secret: 'x' });
  });
});
