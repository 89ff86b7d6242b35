/**
 * Type-level tests: each error class's `code` and `status` are literal types, so narrowing with
 * `instanceof` or a guard gives the exact code a handler can switch on.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { isInsufficientScopeError, isRateLimitError, isTokenRevokedError } from './error-guards.js';
import type {
  APIError,
  AuthenticationError,
  CodeOf,
  ConflictError,
  EncryptedGraphScopeError,
  GraphNotInTokenError,
  InsufficientScopeError,
  InternalServerError,
  InvalidRequestError,
  InvalidTokenError,
  MalformedTokenError,
  MissingTokenError,
  NotFoundError,
  NotGraphAdminError,
  NotTokenOwnerError,
  PermissionDeniedError,
  RateLimitError,
  RequestTooLargeError,
  TokenExpiredError,
  TokenNotActiveError,
  TokenRevokedError,
  ValidationError,
} from './errors.js';

describe('literal code and status per class', () => {
  it('a class for one API code has that code, never undefined', () => {
    expectTypeOf<InsufficientScopeError['code']>().toEqualTypeOf<'insufficient_scope'>();
    expectTypeOf<InsufficientScopeError['status']>().toEqualTypeOf<403>();
    expectTypeOf<MissingTokenError['code']>().toEqualTypeOf<'missing_token'>();
    expectTypeOf<MalformedTokenError['code']>().toEqualTypeOf<'malformed_token'>();
    expectTypeOf<InvalidTokenError['code']>().toEqualTypeOf<'invalid_token'>();
    expectTypeOf<TokenRevokedError['code']>().toEqualTypeOf<'token_revoked'>();
    expectTypeOf<TokenExpiredError['code']>().toEqualTypeOf<'token_expired'>();
    expectTypeOf<TokenExpiredError['status']>().toEqualTypeOf<401>();
    expectTypeOf<GraphNotInTokenError['code']>().toEqualTypeOf<'graph_not_in_token'>();
    expectTypeOf<NotGraphAdminError['code']>().toEqualTypeOf<'not_graph_admin'>();
    expectTypeOf<NotTokenOwnerError['code']>().toEqualTypeOf<'not_token_owner'>();
    expectTypeOf<TokenNotActiveError['code']>().toEqualTypeOf<'token_not_active'>();
    expectTypeOf<TokenNotActiveError['status']>().toEqualTypeOf<409>();
    expectTypeOf<EncryptedGraphScopeError['code']>().toEqualTypeOf<'scope_not_allowed_for_encrypted_graph'>();
    expectTypeOf<EncryptedGraphScopeError['status']>().toEqualTypeOf<422>();
  });

  it('a class that also stands for a bare status (no code in the body) adds undefined', () => {
    expectTypeOf<NotFoundError['code']>().toEqualTypeOf<'not_found' | undefined>();
    expectTypeOf<NotFoundError['status']>().toEqualTypeOf<404>();
    expectTypeOf<RateLimitError['code']>().toEqualTypeOf<'rate_limited' | undefined>();
    expectTypeOf<RateLimitError['status']>().toEqualTypeOf<429>();
    expectTypeOf<RequestTooLargeError['code']>().toEqualTypeOf<'request_too_large' | undefined>();
    expectTypeOf<RequestTooLargeError['status']>().toEqualTypeOf<413>();
    expectTypeOf<InvalidRequestError['code']>().toEqualTypeOf<'invalid_request' | undefined>();
    expectTypeOf<InvalidRequestError['status']>().toEqualTypeOf<400>();
    expectTypeOf<InternalServerError['code']>().toEqualTypeOf<'internal_error' | undefined>();
  });

  it('a status class has the codes the spec pairs with its status', () => {
    expectTypeOf<AuthenticationError['status']>().toEqualTypeOf<401>();
    expectTypeOf<AuthenticationError['code']>().toEqualTypeOf<
      'missing_token' | 'malformed_token' | 'invalid_token' | 'token_revoked' | 'token_expired' | undefined
    >();
    expectTypeOf<PermissionDeniedError['code']>().toEqualTypeOf<
      'insufficient_scope' | 'graph_not_in_token' | 'not_graph_admin' | 'not_token_owner' | undefined
    >();
    expectTypeOf<ConflictError['code']>().toEqualTypeOf<CodeOf<409> | undefined>();
    expectTypeOf<ValidationError['code']>().toEqualTypeOf<
      'validation_failed' | 'scope_not_allowed_for_encrypted_graph' | undefined
    >();
    expectTypeOf<APIError['status']>().toEqualTypeOf<number>();
  });

  it('narrowing with a guard gives the literal', () => {
    const e: unknown = undefined;
    if (isInsufficientScopeError(e)) {
      expectTypeOf(e.code).toEqualTypeOf<'insufficient_scope'>();
      expectTypeOf(e.requiredScopes).toEqualTypeOf<readonly ('read' | 'append' | 'write' | 'manage')[]>();
    }
    if (isTokenRevokedError(e)) expectTypeOf(e.status).toEqualTypeOf<401>();
    if (isRateLimitError(e)) expectTypeOf(e.retryAfter).toEqualTypeOf<number | undefined>();
  });

  it('a switch over an AuthenticationError code is checked for exhaustiveness', () => {
    const handle = (e: AuthenticationError): string => {
      switch (e.code) {
        case 'missing_token':
        case 'malformed_token':
        case 'invalid_token':
          return 'fix the token';
        case 'token_revoked':
        case 'token_expired':
          return 'get a new token';
        case undefined:
          return 'a 401 without a code';
        default: {
          const never: never = e.code;
          return never;
        }
      }
    };
    expectTypeOf(handle).returns.toEqualTypeOf<string>();
    // @ts-expect-error a 401 is never insufficient_scope
    const wrong: AuthenticationError['code'] = 'insufficient_scope';
    void wrong;
  });
});
