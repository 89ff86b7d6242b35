/**
 * An app that turns on zod's global compile mode (`import 'zod/compile'`: every schema built after
 * it is compiled at its first parse). zod keeps that setting on `globalThis`, so it reaches the
 * zod the SDK bundles too. A response that breaks its schema must still be a
 * `ResponseValidationError` with the contract's own issues, whatever was compiled first (an outside
 * tester found a stack overflow here when the SDK wrapped zod's shim in its own fast path).
 */
import 'zod/compile';
import * as contract from '@graphtoken/contract';
import { describe, expect, it } from 'vitest';
import { safeParse } from 'zod/v4/core';
import { tokenObject } from '../../test/support/stub-fetch.js';
import { GraphToken } from '../client.js';
import { ResponseValidationError } from '../core/errors.js';

describe('with zod’s global compile mode on', () => {
  it('every response is judged as the contract judges it, broken or not, again and again', async () => {
    const token = tokenObject();
    let body = '';
    const client = new GraphToken({
      baseUrl: 'https://api.example.test',
      token: contract.generateTokenSecret(),
      maxRetries: 0,
      fetch: async () => new Response(body, { headers: { 'content-type': 'application/json' } }),
    });
    const bodies = [
      token,
      { ...token, id: 'tok_short' },
      { ...token, hint: 'ab' },
      token,
      { ...token, name: '' },
      { ...token, createdAt: '2025-02-29T00:00:00Z' },
      { ...token, hint: 'ab' },
      { ...token, scopes: [] },
      { ...token, name: '😀'.repeat(101) },
      token,
    ];
    for (const broken of [...bodies, ...bodies]) {
      body = JSON.stringify(broken);
      const expected = safeParse(contract.TokenSchema, broken);
      const got = await client.tokens.get(token.id).then(
        (data) => ({ data }),
        (error: unknown) => ({ error }),
      );
      if (expected.success) {
        expect(got).toEqual({ data: expected.data });
      } else {
        expect('error' in got && got.error).toBeInstanceOf(ResponseValidationError);
        const issues = (got as { error: ResponseValidationError }).error.issues;
        expect(issues).toEqual(
          expected.error.issues.map((i) => ({ path: i.path, message: i.message, code: i.code })),
        );
      }
    }
  });
});
