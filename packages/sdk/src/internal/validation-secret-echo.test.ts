/**
 * A hostile or broken server echoes the calling token's secret into fields that fail validation,
 * and the app's own zod error map quotes the input (a common debugging setup). The secret must
 * not reach a ResponseValidationError in any form: whole, without its `gt_`, or with a newline.
 */
import { inspect } from 'node:util';
import { generateTokenSecret } from '@graphtoken/contract';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { tokenObject } from '../../test/support/stub-fetch.js';
import { GraphToken } from '../client.js';
import { ResponseValidationError } from '../core/errors.js';

afterEach(() => {
  z.config({ customError: undefined });
});

describe('a secret echoed into a response that fails validation', () => {
  it('is in no message, issue, toJSON, inspect or stack, even with an error map that quotes the input', async () => {
    z.config({
      customError: (issue) => `got ${JSON.stringify((issue as { input?: unknown }).input)} (${issue.code})`,
    });
    const secret = generateTokenSecret();
    const token = tokenObject();
    let body = '';
    const client = new GraphToken({
      baseUrl: 'https://api.example.test',
      token: secret,
      maxRetries: 0,
      fetch: async () => new Response(body, { headers: { 'content-type': 'application/json' } }),
    });
    let errors = 0;
    for (const echo of [secret, secret.slice(3), `${secret}\n`, encodeURIComponent(` ${secret.slice(3)}`)]) {
      for (const field of ['hint', 'id', 'createdAt', 'status', 'name']) {
        body = JSON.stringify({ ...token, [field]: field === 'name' ? echo.repeat(3) : echo });
        const error = await client.tokens.get(token.id).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ResponseValidationError);
        errors++;
        const e = error as ResponseValidationError;
        // The error map was really used: its text is in the issues.
        expect(e.issues[0]?.message).toMatch(/^got /);
        for (const view of [
          e.message,
          JSON.stringify(e),
          inspect(e),
          String(e.stack),
          JSON.stringify(e.issues),
        ]) {
          expect(view).not.toContain(secret.slice(3));
          expect(view).not.toContain(secret.slice(3, 20));
        }
      }
    }
    expect(errors).toBe(20);
  });
});
