import { type ErrorCode, errorCodes } from '@graphtoken/contract';
import { describe, expect, it } from 'vitest';
import { expectPlainOwnFields } from '../../test/support/own-fields.js';
import * as guards from './error-guards.js';
import {
  APIError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  EncryptedGraphScopeError,
  ERROR_CLASSES,
  GraphNotInTokenError,
  GraphTokenError,
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
  ResponseValidationError,
  TimeoutError,
  TokenExpiredError,
  TokenNotActiveError,
  TokenRevokedError,
  ValidationError,
} from './errors.js';

const problemFor = (code: ErrorCode, extra: Record<string, unknown> = {}) => ({
  type: `https://docs.graphtoken.dev/errors/${code}`,
  title: code,
  status: errorCodes[code].status,
  detail: `detail of ${code}`,
  code,
  requestId: 'req_abc123',
  ...extra,
});

/** The DOMAIN.md error table (plus internal_error): code → class and parent class. */
const table: {
  code: ErrorCode;
  want: abstract new (...a: never[]) => APIError;
  parent: abstract new (...a: never[]) => APIError;
}[] = [
  { code: 'missing_token', want: MissingTokenError, parent: AuthenticationError },
  { code: 'invalid_request', want: InvalidRequestError, parent: APIError },
  { code: 'malformed_token', want: MalformedTokenError, parent: AuthenticationError },
  { code: 'invalid_token', want: InvalidTokenError, parent: AuthenticationError },
  { code: 'token_revoked', want: TokenRevokedError, parent: AuthenticationError },
  { code: 'token_expired', want: TokenExpiredError, parent: AuthenticationError },
  { code: 'insufficient_scope', want: InsufficientScopeError, parent: PermissionDeniedError },
  { code: 'graph_not_in_token', want: GraphNotInTokenError, parent: PermissionDeniedError },
  { code: 'not_found', want: NotFoundError, parent: APIError },
  { code: 'not_graph_admin', want: NotGraphAdminError, parent: PermissionDeniedError },
  { code: 'not_token_owner', want: NotTokenOwnerError, parent: PermissionDeniedError },
  { code: 'token_not_active', want: TokenNotActiveError, parent: ConflictError },
  { code: 'request_too_large', want: RequestTooLargeError, parent: APIError },
  { code: 'validation_failed', want: ValidationError, parent: APIError },
  { code: 'scope_not_allowed_for_encrypted_graph', want: EncryptedGraphScopeError, parent: ValidationError },
  { code: 'rate_limited', want: RateLimitError, parent: APIError },
  { code: 'internal_error', want: InternalServerError, parent: APIError },
];

describe('APIError.generate', () => {
  it('has a row in this table for every code the spec generates', () => {
    expect(table.map((r) => r.code).sort()).toEqual(Object.keys(errorCodes).sort());
    expect(Object.keys(ERROR_CLASSES).sort()).toEqual(Object.keys(errorCodes).sort());
  });

  for (const { code, want, parent } of table) {
    it(`maps ${errorCodes[code].status} ${code} to ${want.name}`, () => {
      const error = APIError.generate({ status: errorCodes[code].status, problem: problemFor(code) });
      expect(error).toBeInstanceOf(want);
      expect(error).toBeInstanceOf(parent);
      expect(error).toBeInstanceOf(GraphTokenError);
      expect(error.name).toBe(want.name);
      expect(error.status).toBe(errorCodes[code].status);
      expect(error.code).toBe(code);
      expect(error.requestId).toBe('req_abc123');
      expect(error.message).toContain(`https://docs.graphtoken.dev/errors/${code}`);
      expect(error.message).toContain('req_abc123');
      expect(error.stack).toContain(want.name);
    });
  }

  it('falls back to the status when the body has no known code', () => {
    const cases = [
      { status: 400, want: InvalidRequestError },
      { status: 401, want: AuthenticationError },
      { status: 403, want: PermissionDeniedError },
      { status: 404, want: NotFoundError },
      { status: 409, want: ConflictError },
      { status: 413, want: RequestTooLargeError },
      { status: 422, want: ValidationError },
      { status: 429, want: RateLimitError },
      { status: 502, want: InternalServerError },
      { status: 418, want: APIError },
    ];
    for (const { status, want } of cases) {
      const error = APIError.generate({ status });
      expect(error.constructor).toBe(want);
      expect(error.code).toBeUndefined();
    }
  });

  it('carries the failing fields, scopes and retry delay', () => {
    const validation = APIError.generate({
      status: 422,
      problem: problemFor('validation_failed', { errors: [{ field: 'name', message: 'too long' }] }),
    }) as ValidationError;
    expect(validation.fields).toEqual([{ field: 'name', message: 'too long' }]);
    expect(validation.message).toContain('name: too long');

    const scope = APIError.generate({
      status: 403,
      problem: problemFor('insufficient_scope', { requiredScopes: ['read'], grantedScopes: ['append'] }),
    }) as InsufficientScopeError;
    expect(scope.requiredScopes).toEqual(['read']);
    expect(scope.grantedScopes).toEqual(['append']);

    const rate = APIError.generate({
      status: 429,
      problem: problemFor('rate_limited'),
      retryAfter: 7,
    }) as RateLimitError;
    expect(rate.retryAfter).toBe(7);
  });

  it('tells the user what to check next for each troubleshooting path', () => {
    const message = (code: ErrorCode) =>
      APIError.generate({ status: errorCodes[code].status, problem: problemFor(code) }).message;
    expect(message('malformed_token')).toContain('full token string?');
    expect(message('invalid_token')).toContain('full token string');
    expect(message('token_revoked')).toContain('revoked');
    expect(message('token_expired')).toContain('expired');
    expect(message('graph_not_in_token')).toContain('right graph id');
    expect(message('insufficient_scope')).toContain('right scope');
    expect(message('not_graph_admin')).toContain('owners and admins');
    expect(message('not_token_owner')).toContain("token's creator");
    expect(message('not_token_owner')).toContain('revoke it');
    expect(message('scope_not_allowed_for_encrypted_graph')).toContain('append');
  });
});

describe('guards', () => {
  const all = Object.entries(guards) as [string, (v: unknown) => boolean][];

  it('match their own class and its subclasses', () => {
    const revoked = APIError.generate({ status: 401, problem: problemFor('token_revoked') });
    expect(guards.isTokenRevokedError(revoked)).toBe(true);
    expect(guards.isAuthenticationError(revoked)).toBe(true);
    expect(guards.isAPIError(revoked)).toBe(true);
    expect(guards.isGraphTokenError(revoked)).toBe(true);
    expect(guards.isTokenExpiredError(revoked)).toBe(false);
    expect(guards.isPermissionDeniedError(revoked)).toBe(false);
    expect(guards.isConnectionError(new TimeoutError('attempt', 10))).toBe(true);
  });

  it('match errors from another copy of the package, where instanceof fails', async () => {
    // A second, independent instance of the errors module, as two installed versions would give.
    const specifier = './errors.js?another-copy';
    const copy = (await import(/* @vite-ignore */ specifier)) as typeof import('./errors.js');
    expect(copy.APIError).not.toBe(APIError);
    const foreign = copy.APIError.generate({ status: 401, problem: problemFor('token_revoked') });
    expect(foreign instanceof TokenRevokedError).toBe(false);
    expect(guards.isTokenRevokedError(foreign)).toBe(true);
    expect(guards.isAuthenticationError(foreign)).toBe(true);
    expect(guards.isGraphTokenError(foreign)).toBe(true);
    expect(guards.isTokenExpiredError(foreign)).toBe(false);
    expect(guards.isTimeoutError(new copy.TimeoutError('total', 5))).toBe(true);
  });

  it('never match a foreign error that only shares a name', () => {
    const lookalikes = [
      Object.assign(new Error('x'), { name: 'TimeoutError' }),
      Object.assign(new Error('x'), { name: 'ValidationError' }),
      new DOMException('x', 'AbortError'),
      { name: 'TokenRevokedError', message: 'x' },
      null,
      'TokenRevokedError',
    ];
    for (const [name, guard] of all) {
      for (const value of lookalikes) expect(guard(value), `${name}(${String(value)})`).toBe(false);
    }
  });

  it('exist for every error class', () => {
    const names = Object.keys(guards).map((n) => n.slice(2));
    for (const { want } of table) expect(names).toContain(want.name);
    for (const cls of [ConnectionError, TimeoutError, GraphTokenError, APIError])
      expect(names).toContain(cls.name);
  });
});

describe('a code that disagrees with its status', () => {
  // The literal `code`/`status` types promise that an InsufficientScopeError is a 403: a body
  // claiming a code the spec pairs with another status does not pick the class.
  const cases = [
    { status: 400, code: 'insufficient_scope', want: InvalidRequestError },
    { status: 500, code: 'token_revoked', want: InternalServerError },
    { status: 404, code: 'rate_limited', want: NotFoundError },
    { status: 418, code: 'not_found', want: APIError },
  ] as const;
  for (const { status, code, want } of cases) {
    it(`${status} with code ${code} is a ${want.name} with code undefined, the body kept in problem`, () => {
      const error = APIError.generate({ status, problem: { ...problemFor(code), status } });
      expect(error.constructor).toBe(want);
      expect(error.status).toBe(status);
      expect(error.code).toBeUndefined();
      expect(error.problem?.code).toBe(code);
    });
  }

  it('internal_error fits any 5xx', () => {
    const error = APIError.generate({
      status: 503,
      problem: { ...problemFor('internal_error'), status: 503 },
    });
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.code).toBe('internal_error');
  });
});

describe('fields are defined on the instance, not assigned', () => {
  // Class fields define their property on the error, so whatever a subclass or other code put on
  // a prototype (an accessor, a read-only value) is shadowed, never called or tripped over. Setting
  // them with `this.x = …` in the constructors would save 0.05 kB of bundle and throw here.
  it("a JavaScript subclass's getter for a field neither throws nor replaces the field", () => {
    class TeaError extends APIError {}
    Object.defineProperty(TeaError.prototype, 'code', { get: () => 'teapot', configurable: true });
    class SlowError extends TimeoutError {}
    Object.defineProperty(SlowError.prototype, 'timeoutMs', { get: () => 0, configurable: true });
    const tea = new TeaError({ status: 418 });
    const slow = new SlowError('total', 5);
    expect(Object.getOwnPropertyDescriptor(tea, 'code')?.value).toBeUndefined();
    expect(tea.status).toBe(418);
    expect(Object.getOwnPropertyDescriptor(slow, 'timeoutMs')?.value).toBe(5);
  });

  it('a setter on a subclass is not called, and toJSON lists the field itself', () => {
    const seen: unknown[] = [];
    class CountingError extends APIError {}
    Object.defineProperty(CountingError.prototype, 'requestId', {
      get: () => 'from the prototype',
      set: (value: unknown) => seen.push(value),
      configurable: true,
    });
    const error = new CountingError({ status: 500, requestId: 'req_1' });
    expect(seen).toEqual([]);
    expect(error.requestId).toBe('req_1');
    expect(error.toJSON()).toMatchObject({ requestId: 'req_1' });
  });
});

describe('own fields', () => {
  // What toJSON, JSON.stringify and a browser's DevTools list, in this order: plain, enumerable,
  // writable data properties, defined on the instance (class fields).
  const api = ['status', 'code', 'requestId', 'problem', 'headers', 'offline', 'tokenHint'];
  const cases: [string, GraphTokenError, string[]][] = [
    ['APIError', APIError.generate({ status: 418 }), api],
    [
      'MalformedTokenError',
      APIError.generate({ status: 401, code: 'malformed_token', offline: true, formatProblem: 'length' }),
      [...api, 'formatProblem'],
    ],
    [
      'InsufficientScopeError',
      APIError.generate({ status: 403, problem: problemFor('insufficient_scope') }),
      [...api, 'requiredScopes', 'grantedScopes'],
    ],
    [
      'EncryptedGraphScopeError',
      APIError.generate({ status: 422, problem: problemFor('scope_not_allowed_for_encrypted_graph') }),
      [...api, 'fields'],
    ],
    ['RateLimitError', APIError.generate({ status: 429, retryAfter: 3 }), [...api, 'retryAfter']],
    ['TimeoutError', new TimeoutError('total', 5), ['limit', 'timeoutMs']],
    [
      'ResponseValidationError',
      new ResponseValidationError('getToken', [], undefined),
      ['issues', 'operationId', 'requestId'],
    ],
    ['ConnectionError', new ConnectionError('down', { cause: new Error('x') }), []],
  ];
  for (const [name, error, keys] of cases) {
    it(`${name} has its fields in order, each a plain writable value`, () => {
      expect(error.name).toBe(name);
      expectPlainOwnFields(error, keys);
      expect(Object.keys(error.toJSON())).toEqual([
        'name',
        'message',
        ...keys.filter((k) => (error as unknown as Record<string, unknown>)[k] !== undefined),
        ...(error.cause ? ['cause'] : []),
      ]);
    });
  }
});
