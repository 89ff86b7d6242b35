/**
 * `client.tokens`: the operations tagged `tokens` in spec/openapi.yaml: mint, list, inspect,
 * rename, rotate and revoke tokens (`manage`), and introspect or revoke the calling token (any token).
 */
import {
  IntrospectionSchema,
  type OperationId,
  TokenPageSchema,
  TokenSchema,
  TokenWithSecretSchema,
} from '@graphtoken/contract';
import type { APIPromise } from '../core/api-promise.js';
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../core/operation-types.js';
import type { PagedList } from '../core/pagination.js';
import { APIResource } from '../core/resource.js';
import type { RequestOptions } from '../internal/transport.js';

/** Which operation each `tokens` method calls. */
export const tokensOperations = {
  introspect: 'introspectToken',
  revokeSelf: 'revokeSelfToken',
  list: 'listTokens',
  create: 'createToken',
  get: 'getToken',
  update: 'updateToken',
  revoke: 'revokeToken',
  rotate: 'rotateToken',
} as const satisfies Record<string, OperationId>;

/** Filters and page size of `tokens.list` (`cursor` starts from a given page). */
export type ListTokensParams = QueryOf<'listTokens'>;
/** The body of `tokens.create`. */
export type CreateTokenParams = BodyOf<'createToken'>;
/** The body of `tokens.update`. */
export type UpdateTokenParams = BodyOf<'updateToken'>;
/** The (optional) body of `tokens.rotate`. */
export type RotateTokenParams = BodyOf<'rotateToken'>;

/** Token management. */
export class Tokens extends APIResource {
  /**
   * Who am I: the calling token, its account and its effective grants. Needs any valid token.
   * @example const { token, grants } = await client.tokens.introspect();
   */
  introspect(options?: RequestOptions): APIPromise<ResponseOf<'introspectToken'>> {
    return this._call({ operationId: tokensOperations.introspect, schema: IntrospectionSchema }, options);
  }

  /**
   * Revokes the calling token, at once and for good (the thing to do when it leaked). Needs any
   * valid token. When an attempt failed after it may have reached the API (a 5xx, a timeout, a
   * dropped answer) and its retry gets 401 `token_revoked`, that attempt did it: the call resolves.
   */
  revokeSelf(options?: RequestOptions): APIPromise<ResponseOf<'revokeSelfToken'>> {
    return this._call(
      { operationId: tokensOperations.revokeSelf, actsOnCallingToken: true, doneIf: 'token_revoked' },
      options,
    );
  }

  /**
   * The tokens the account created or can manage, newest first, lazily paginated. Needs `manage`.
   * @example for await (const token of client.tokens.list({ status: 'active' })) console.log(token.name);
   */
  list(params: ListTokensParams = {}, options?: RequestOptions): PagedList<ItemOf<'listTokens'>> {
    const { cursor, ...query } = params;
    return this._list(
      { operationId: tokensOperations.list, query, schema: TokenPageSchema },
      cursor,
      options,
    );
  }

  /**
   * Mints a token; the secret is in this response only: store it now. Needs `manage`.
   * @example const { token, secret } = await client.tokens.create({ name: 'ci', scopes: ['append'], graphIds: ['gr_…'] });
   */
  create(params: CreateTokenParams, options?: RequestOptions): APIPromise<ResponseOf<'createToken'>> {
    return this._call(
      { operationId: tokensOperations.create, body: params, schema: TokenWithSecretSchema },
      options,
    );
  }

  /** One token's metadata (never its secret), by id (`tok_…`). Needs `manage`. */
  get(tokenId: string, options?: RequestOptions): APIPromise<ResponseOf<'getToken'>> {
    return this._call({ operationId: tokensOperations.get, path: { tokenId }, schema: TokenSchema }, options);
  }

  /** Renames or redescribes a token (nothing else can change). Needs `manage`. */
  update(
    tokenId: string,
    params: UpdateTokenParams,
    options?: RequestOptions,
  ): APIPromise<ResponseOf<'updateToken'>> {
    return this._call(
      { operationId: tokensOperations.update, path: { tokenId }, body: params, schema: TokenSchema },
      options,
    );
  }

  /**
   * Revokes a token at once and for good; idempotent. Needs `manage`. A 404 `not_found` on a retry
   * after an attempt that may have reached the API (a 5xx, a timeout, a dropped answer) resolves.
   */
  revoke(tokenId: string, options?: RequestOptions): APIPromise<ResponseOf<'revokeToken'>> {
    return this._call(
      { operationId: tokensOperations.revoke, path: { tokenId }, doneIf: 'not_found' },
      options,
    );
  }

  /**
   * Replaces a token with a successor (same name, scopes, graphs) and a new secret, shown once;
   * the old secret keeps working for `gracePeriodSeconds`. Needs `manage`.
   * @example const { secret } = await client.tokens.rotate('tok_…', { gracePeriodSeconds: 3600 });
   */
  rotate(
    tokenId: string,
    params?: RotateTokenParams,
    options?: RequestOptions,
  ): APIPromise<ResponseOf<'rotateToken'>> {
    return this._call(
      {
        operationId: tokensOperations.rotate,
        path: { tokenId },
        body: params,
        schema: TokenWithSecretSchema,
      },
      options,
    );
  }
}
