/**
 * Findings 06 and 09: options a user can get wrong fail at construction with InvalidArgumentError
 * saying what to fix (never a raw TypeError/RangeError, a retried ConnectionError, or a /v1/v1
 * NotFoundError at call time); a non-string token fails with the token-format error, offline.
 */
import { describe, expect, it } from 'vitest';
import { json, stubFetch } from '../test/support/stub-fetch.js';
import { type ClientOptions, GraphToken } from './client.js';
import { InvalidArgumentError, MalformedTokenError } from './core/errors.js';

const TOKEN = 'gt_MockBootstrapTokenForTests00003sQDaL';
const make = (options: Record<string, unknown>) => () =>
  new GraphToken({ token: TOKEN, ...options } as ClientOptions);

describe('bad options fail at construction', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['baseUrl ending in /v1', { baseUrl: 'https://api.graphtoken.dev/v1' }, /drop \/v1/],
    ['baseUrl ending in /v1/', { baseUrl: 'http://localhost:4010/V1/' }, /drop \/v1/],
    ['fetch not a function', { fetch: 'https://api.graphtoken.dev' }, /fetch must be a function/],
    ['timeout of 2^31 ms', { timeout: 2 ** 31 }, /timeout must be 1 to 2147483647 ms/],
    ['totalTimeout as a string', { totalTimeout: '1000' }, /totalTimeout must be/],
    ['timeout NaN', { timeout: Number.NaN }, /timeout must be/],
    ['CR/LF in userAgent', { userAgent: 'app/1\r\nX-Evil: 1' }, /no CR\/LF/],
    ['CR/LF in a defaultHeaders value', { defaultHeaders: { 'x-team': 'a\r\nX-Evil: 1' } }, /no CR\/LF/],
    ['an invalid defaultHeaders name', { defaultHeaders: { 'bad name': 'x' } }, /no CR\/LF/],
    ['scopes as a string', { scopes: 'read' }, /scopes must be an array/],
  ];
  for (const [given, options, message] of cases) {
    it(given, () => {
      expect(make(options)).toThrow(InvalidArgumentError);
      expect(make(options)).toThrow(message);
    });
  }

  it('still accepts the limits and a good baseUrl with a path', () => {
    expect(
      make({ timeout: 2 ** 31 - 1, totalTimeout: false, baseUrl: 'https://gw.example/graphtoken' }),
    ).not.toThrow();
    expect(
      make({ baseUrl: 'https://gw.example/v10', userAgent: 'app/1.2', defaultHeaders: { 'x-a': 'b' } }),
    ).not.toThrow();
  });
});

describe('a non-string token', () => {
  for (const token of [12345, { secret: TOKEN }]) {
    it(`${typeof token}: MalformedTokenError at the call, nothing sent`, async () => {
      const stub = stubFetch(() => json(200, { data: [], nextCursor: null }));
      const client = new GraphToken({ token: token as never, fetch: stub.fetch });
      await expect(client.graphs.list().firstPage()).rejects.toBeInstanceOf(MalformedTokenError);
      expect(stub.sent).toHaveLength(0);
    });
  }
});
