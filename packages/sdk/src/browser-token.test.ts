/**
 * A static token in browser code needs `dangerouslyAllowBrowser: true`; a provider function needs
 * nothing. Here a browser is simulated (a global `document`); test/browser/ checks it in Chromium.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, newToken, stubFetch } from '../test/support/stub-fetch.js';
import { GraphToken } from './client.js';
import { isInvalidArgumentError } from './core/error-guards.js';
import { InvalidArgumentError } from './core/errors.js';

const ok = () => json(200, { data: [] });

describe('in a browser', () => {
  beforeEach(() => {
    vi.stubGlobal('document', {});
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('refuses a static token at construction, saying why and what to do, without printing it', () => {
    const token = newToken();
    let error: unknown;
    try {
      new GraphToken({ token, fetch: stubFetch(ok).fetch });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(isInvalidArgumentError(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toMatch(/readable by anyone who opens the page/);
    expect(message).toMatch(/provider function/);
    expect(message).toMatch(/dangerouslyAllowBrowser: true/);
    expect(`${message}${JSON.stringify(error)}`).not.toContain(token);
  });

  it('refuses it with dangerouslyAllowBrowser: false too', () => {
    expect(() => new GraphToken({ token: newToken(), dangerouslyAllowBrowser: false })).toThrow(
      InvalidArgumentError,
    );
  });

  it('takes a static token with dangerouslyAllowBrowser: true', async () => {
    const stub = stubFetch(ok);
    const gt = new GraphToken({ token: newToken(), fetch: stub.fetch, dangerouslyAllowBrowser: true });
    await expect(gt.graphs.list()).resolves.toMatchObject({ data: [] });
  });

  it('takes a token provider function with no opt-in', async () => {
    const stub = stubFetch(ok);
    const gt = new GraphToken({ token: async () => newToken(), fetch: stub.fetch });
    await expect(gt.graphs.list()).resolves.toMatchObject({ data: [] });
  });

  it('constructs without a token (the first call then fails with MissingTokenError)', () => {
    expect(() => new GraphToken({ fetch: stubFetch(ok).fetch })).not.toThrow();
  });
});

it('outside a browser, a static token needs no opt-in', () => {
  expect(() => new GraphToken({ token: newToken() })).not.toThrow();
});
