/**
 * Finding 07: callers compiling with `exactOptionalPropertyTypes` (as this repo does: see
 * tsconfig.base.json) can forward a possibly-undefined value to every optional input, since the
 * SDK treats undefined as "not given".
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  type ClientOptions,
  type CreateTokenParams,
  GraphToken,
  type ListBlocksParams,
  type ListTokensParams,
  type RequestOptions,
} from './index.js';

declare const cfg: {
  baseUrl?: string;
  token?: string;
  timeout?: number;
  signal?: AbortSignal;
  limit?: number;
  cursor?: string;
  expiresAt?: string;
  jitter?: boolean;
};

describe('optional inputs accept undefined under exactOptionalPropertyTypes', () => {
  it('client options, retry options and hooks', () => {
    const client = new GraphToken({
      baseUrl: cfg.baseUrl,
      token: cfg.token,
      timeout: cfg.timeout,
      totalTimeout: undefined,
      retry: { jitter: cfg.jitter, maxRetries: undefined },
      hooks: { onRequest: undefined },
      scopes: undefined,
      fetch: undefined,
      userAgent: undefined,
      defaultHeaders: undefined,
    });
    expectTypeOf(client).toEqualTypeOf<GraphToken>();
    expectTypeOf<{ baseUrl: undefined }>().toExtend<ClientOptions>();
  });

  it('request options and list/body params', () => {
    const client = new GraphToken();
    void client.tokens.introspect({ signal: cfg.signal, timeout: cfg.timeout, idempotencyKey: undefined });
    void client.tokens.list({ limit: cfg.limit, cursor: cfg.cursor });
    void client.blocks.list('gr_x', { limit: cfg.limit });
    void client.tokens.create({ name: 'n', scopes: ['read'], graphIds: ['gr_x'], expiresAt: cfg.expiresAt });
    expectTypeOf<{ signal: undefined; headers: undefined }>().toExtend<RequestOptions>();
    expectTypeOf<{ limit: undefined }>().toExtend<ListTokensParams>();
    expectTypeOf<{ limit: undefined }>().toExtend<ListBlocksParams>();
    expectTypeOf<{
      name: string;
      scopes: ['read'];
      graphIds: string[];
      expiresAt: undefined;
    }>().toExtend<CreateTokenParams>();
    // Required inputs stay required.
    expectTypeOf<{ scopes: ['read']; graphIds: string[] }>().not.toExtend<CreateTokenParams>();
  });
});
