/**
 * The standalone server reads the whole body of an operation that needs no token (revoke-leaked),
 * not only the 64 KiB prefix the journal records: a valid JSON body over 64 KiB is parsed (or, over
 * the server's limit, refused with 413), never answered "body: is not valid JSON". And the `log`
 * option takes `false` for no log, while refusing at start anything else that is not a function.
 */
import { describe, expect, it } from 'vitest';
import { RECORDED_BODY_LIMIT } from '../requests.js';
import { MockServerError, startGraphTokenMockServer } from './start-server.js';

const post = (url: string, text: string) =>
  fetch(new URL('/v1/tokens/revoke-leaked', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: text,
  });

describe('revoke-leaked with a body over the recorded 64 KiB', () => {
  it('parses a valid JSON body whole: the live secret in it is revoked', async () => {
    const server = await startGraphTokenMockServer({ port: 0 });
    try {
      const { secret, token } = server.mock.store.createToken({
        scopes: ['read'],
        graphIds: ['gr_research'],
      });
      // Valid JSON, padded with whitespace past the journal's cut.
      const text = `{"secrets": [${' '.repeat(RECORDED_BODY_LIMIT + 4096)}"${secret}"]}`;
      const response = await post(server.url, text);
      expect(response.status, await response.clone().text()).toBe(202);
      expect(await response.json()).toEqual({ received: 1 });
      expect(server.mock.store.getToken(token.id)?.status).toBe('revoked');
      // The journal keeps no reported secret.
      expect(JSON.stringify(server.mock.requests.all())).not.toContain(secret);
    } finally {
      await server.close();
    }
  });

  it('answers a string over 256 characters by its field, not "is not valid JSON"', async () => {
    const server = await startGraphTokenMockServer({ port: 0 });
    try {
      const response = await post(server.url, JSON.stringify({ secrets: ['x'.repeat(70_000)] }));
      expect(response.status).toBe(422);
      const text = await response.text();
      expect(text).not.toContain('is not valid JSON');
      expect(text).toContain('secrets');
    } finally {
      await server.close();
    }
  });

  it('refuses a body over the server limit with 413 request_too_large', async () => {
    const server = await startGraphTokenMockServer({ port: 0, maxBodyBytes: 100_000 });
    try {
      const response = await post(server.url, JSON.stringify({ secrets: ['x'.repeat(150_000)] }));
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ code: 'request_too_large' });
    } finally {
      await server.close();
    }
  });
});

describe('the log option', () => {
  it('takes false for no log: requests are answered, nothing crashes', async () => {
    const failures: unknown[] = [];
    const onFailure = (error: unknown) => void failures.push(error);
    process.on('unhandledRejection', onFailure);
    const server = await startGraphTokenMockServer({ port: 0, log: false });
    try {
      const response = await fetch(new URL('/v1/graphs', server.url));
      expect(response.status).toBe(401);
      expect((await post(server.url, '{')).status).toBe(422);
      await new Promise((resolve) => setTimeout(resolve, 20)); // the log line is written after the answer
    } finally {
      await server.close();
      process.off('unhandledRejection', onFailure);
    }
    expect(failures).toEqual([]);
  });

  it.each([true, 'stdout', null, {}])('refuses %s at start with a clear error', async (log) => {
    const attempt = startGraphTokenMockServer({ port: 0, log: log as never });
    await expect(attempt).rejects.toThrowError(MockServerError);
    await expect(startGraphTokenMockServer({ port: 0, log: log as never })).rejects.toThrow(
      /log must be a function that takes one line, or false for no log/,
    );
  });
});
