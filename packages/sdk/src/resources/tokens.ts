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
import { APIPromise } from '../core/api-promise.js';
import { InvalidArgumentError } from '../core/errors.js';
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../core/operation-types.js';
import type { PagedList } from '../core/pagination.js';
import { APIResource } from '../core/resource.js';
import { secretsIn } from '../internal/redact.js';
import { type Timestamp, toTimestamp } from '../internal/timestamp.js';
import type { RequestOptions } from '../internal/transport.js';

/**
 * Which operation each `tokens` method calls (the scope types follow it). The methods name their
 * operationId as a literal, so an app's bundle carries this map only if it imports it; each
 * method calls the operation named here (the SDK's tests check every one).
 */
export const tokensOperations = {
  introspect: 'introspectToken',
  revokeSelf: 'revokeSelfToken',
  list: 'listTokens',
  create: 'createToken',
  get: 'getToken',
  update: 'updateToken',
  revoke: 'revokeToken',
  rotate: 'rotateToken',
  rotateSelf: 'rotateSelfToken',
  revokeLeaked: 'revokeLeakedTokens',
} as const satisfies Record<string, OperationId>;

type TimeFilter = 'lastUsedBefore' | 'createdBefore' | 'expiresBefore';

/**
 * Filters, order and page size of `tokens.list` (`cursor` starts from a given page). The time
 * filters take a `Date` or an RFC 3339 string: `lastUsedBefore` (not used since: last used before
 * it, or never used and created before it), `createdBefore`, `expiresBefore` (already expired
 * tokens included; never-expiring ones left out). `neverUsed`, `q` (case-insensitive substring of
 * the name or description) and `sort` (`-createdAt` by default) complete them; all combine.
 */
export type ListTokensParams = Omit<QueryOf<'listTokens'>, TimeFilter> & {
  [K in TimeFilter]?: Timestamp | undefined;
};
/**
 * The options of `tokens.rotateSelf`: `gracePeriodSeconds` (how long the calling secret keeps
 * working, 0 to 604800 s; default 0) and `idempotencyKey` (the same as the request option).
 */
export type RotateSelfParams = BodyOf<'rotateSelfToken'> & { idempotencyKey?: string | undefined };
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
    return this._call({ operationId: 'introspectToken', schema: IntrospectionSchema }, options);
  }

  /**
   * Revokes the calling token, at once and for good (the thing to do when it leaked). Needs any
   * valid token. When an attempt failed after it may have reached the API (a 5xx, a timeout, a
   * dropped answer) and its retry gets 401 `token_revoked`, that attempt did it: the call resolves.
   * A client with a token provider asks it again on its next call (the revoked secret is dropped).
   */
  revokeSelf(options?: RequestOptions): APIPromise<ResponseOf<'revokeSelfToken'>> {
    return this._call(
      { operationId: 'revokeSelfToken', actsOnCallingToken: true, doneIf: 'token_revoked' },
      options,
    );
  }

  /**
   * The tokens the account created or can manage, newest first, lazily paginated. Needs `manage`.
   * @example for await (const token of client.tokens.list({ status: 'active' })) console.log(token.name);
   * @throws {InvalidArgumentError} naming the field, for a time filter that is an invalid Date, a
   *   Date outside the years 0000–9999, or a string that is not an RFC 3339 date-time, before anything is sent
   */
  list(params: ListTokensParams = {}, options?: RequestOptions): PagedList<ItemOf<'listTokens'>> {
    const { cursor, lastUsedBefore, createdBefore, expiresBefore, ...rest } = params;
    const query = {
      ...rest,
      lastUsedBefore: toTimestamp(lastUsedBefore, 'lastUsedBefore'),
      createdBefore: toTimestamp(createdBefore, 'createdBefore'),
      expiresBefore: toTimestamp(expiresBefore, 'expiresBefore'),
    };
    return this._list({ operationId: 'listTokens', query, schema: TokenPageSchema }, cursor, options);
  }

  /**
   * Mints a token; the secret is in this response only: store it now. Needs `manage`.
   * @example const { token, secret } = await client.tokens.create({ name: 'ci', scopes: ['append'], graphIds: ['gr_…'] });
   */
  create(params: CreateTokenParams, options?: RequestOptions): APIPromise<ResponseOf<'createToken'>> {
    return this._call({ operationId: 'createToken', body: params, schema: TokenWithSecretSchema }, options);
  }

  /** One token's metadata (never its secret), by id (`tok_…`). Needs `manage`. */
  get(tokenId: string, options?: RequestOptions): APIPromise<ResponseOf<'getToken'>> {
    return this._call({ operationId: 'getToken', path: { tokenId }, schema: TokenSchema }, options);
  }

  /** Renames or redescribes a token (nothing else can change). Needs `manage`. */
  update(
    tokenId: string,
    params: UpdateTokenParams,
    options?: RequestOptions,
  ): APIPromise<ResponseOf<'updateToken'>> {
    return this._call(
      { operationId: 'updateToken', path: { tokenId }, body: params, schema: TokenSchema },
      options,
    );
  }

  /**
   * Revokes a token at once and for good; idempotent. Needs `manage`. A 404 `not_found` on a retry
   * after an attempt that may have reached the API (a 5xx, a timeout, a dropped answer) resolves.
   */
  revoke(tokenId: string, options?: RequestOptions): APIPromise<ResponseOf<'revokeToken'>> {
    return this._call({ operationId: 'revokeToken', path: { tokenId }, doneIf: 'not_found' }, options);
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
        operationId: 'rotateToken',
        path: { tokenId },
        body: params,
        schema: TokenWithSecretSchema,
      },
      options,
    );
  }

  /**
   * The calling token replaces itself with a successor (same name, scopes, graphs and expiry) and a
   * new secret, shown once: store it first. Needs any valid token (no `manage`), so a pipeline can
   * rotate on schedule. The calling secret keeps working for `gracePeriodSeconds` (default 0: it
   * stops when this answer is sent). A fixed token stays as configured; a token provider
   * (`token: () => current`) is asked again on the client's next call; while it still answers the
   * old secret (the app is storing the new one), the client uses the successor's secret instead,
   * until the provider answers something else. Never repeated with a refreshed token (that would rotate the successor); a retry
   * after a lost answer reuses the call's `Idempotency-Key`, so the API replays the same successor.
   * Prefer a grace period: whatever still holds the old secret keeps working while the new one is
   * rolled out.
   * @throws {TokenNotActiveError} 409 when the token was already rotated (rotate its successor)
   * @throws {NotGraphAdminError} 403 when its creator is no longer owner or admin of a bound graph
   * @example const { token, secret } = await client.tokens.rotateSelf({ gracePeriodSeconds: 300 });
   */
  rotateSelf(
    params: RotateSelfParams = {},
    options?: RequestOptions,
  ): APIPromise<ResponseOf<'rotateSelfToken'>> {
    const { idempotencyKey, ...body } = params;
    return this._call(
      {
        operationId: 'rotateSelfToken',
        body,
        schema: TokenWithSecretSchema,
        actsOnCallingToken: true,
      },
      idempotencyKey === undefined ? options : { ...options, idempotencyKey },
    );
  }

  /**
   * Reports leaked secrets (1 to 100 strings found in a repository, a paste, a log): each one that
   * is the secret of an active token is revoked at once. Needs no token and sends none, so it works
   * on a client built without one (`new GraphToken().tokens.revokeLeaked(found)`); any configured
   * token is left out of the request. The answer says how many strings were received, never which
   * were valid. The reported strings never appear in an error, a hook event, `toJSON` or
   * `util.inspect`. Limited per client (429 `RateLimitError`).
   * @throws {InvalidArgumentError} (rejects) when `secrets` is not an array of strings, before anything is sent
   * @throws {ValidationError} 422 for an empty list, more than 100, or a string over 256 characters
   * @example const { received } = await new GraphToken().tokens.revokeLeaked(['gt_…']);
   */
  revokeLeaked(
    secrets: readonly string[],
    options?: RequestOptions,
  ): APIPromise<ResponseOf<'revokeLeakedTokens'>> {
    if (!Array.isArray(secrets) || !secrets.every((s) => typeof s === 'string')) {
      return new APIPromise(
        Promise.reject(new InvalidArgumentError('revokeLeaked takes an array of strings. Nothing was sent.')),
      );
    }
    return this._call(
      {
        operationId: 'revokeLeakedTokens',
        body: { secrets: [...secrets] },
        secrets: secretsIn(secrets),
      },
      options,
    );
  }
}
