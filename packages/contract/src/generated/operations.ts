// The operations table and error codes of the GraphToken API.
// Generated from spec/openapi.yaml by packages/contract/scripts/generate.mjs. Do not edit: run `pnpm generate`.

/** The scopes a token can hold, in the order the spec lists them. */
export const scopeNames = ['read','append','write','manage'] as const;

/** The roles an account can have on a graph. */
export const roleNames = ['owner','admin','editor','viewer'] as const;

/** One operation of the API, as the spec declares it. */
export interface OperationInfo {
  readonly operationId: string;
  readonly method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  /** The path template, e.g. `/v1/tokens/{tokenId}`. */
  readonly path: string;
  /** The names of the path template's parameters, in order; their patterns are in {@link pathParamPatterns}. */
  readonly pathParams: readonly string[];
  /** The spec tag, which is also the SDK resource and the mock handler file. */
  readonly tag: string;
  /**
   * The operation's `security` requirement: alternatives, any one of which suffices; each lists the
   * scopes it needs. `[[]]` means any valid token; `[]` means no token at all (the operation
   * ignores credentials, e.g. `revokeLeakedTokens`).
   */
  readonly security: readonly (readonly (typeof scopeNames)[number][])[];
  readonly successStatus: number;
}

/** Every operation of the API, keyed by operationId. */
export const operations = {
  introspectToken: {
    operationId: 'introspectToken',
    method: 'GET',
    path: '/v1/tokens/self',
    pathParams: [],
    tag: 'tokens',
    security: [[]],
    successStatus: 200,
  },
  revokeSelfToken: {
    operationId: 'revokeSelfToken',
    method: 'DELETE',
    path: '/v1/tokens/self',
    pathParams: [],
    tag: 'tokens',
    security: [[]],
    successStatus: 204,
  },
  rotateSelfToken: {
    operationId: 'rotateSelfToken',
    method: 'POST',
    path: '/v1/tokens/self/rotate',
    pathParams: [],
    tag: 'tokens',
    security: [[]],
    successStatus: 201,
  },
  revokeLeakedTokens: {
    operationId: 'revokeLeakedTokens',
    method: 'POST',
    path: '/v1/tokens/revoke-leaked',
    pathParams: [],
    tag: 'tokens',
    security: [],
    successStatus: 202,
  },
  listTokens: {
    operationId: 'listTokens',
    method: 'GET',
    path: '/v1/tokens',
    pathParams: [],
    tag: 'tokens',
    security: [['manage']],
    successStatus: 200,
  },
  createToken: {
    operationId: 'createToken',
    method: 'POST',
    path: '/v1/tokens',
    pathParams: [],
    tag: 'tokens',
    security: [['manage']],
    successStatus: 201,
  },
  getToken: {
    operationId: 'getToken',
    method: 'GET',
    path: '/v1/tokens/{tokenId}',
    pathParams: ['tokenId'],
    tag: 'tokens',
    security: [['manage']],
    successStatus: 200,
  },
  updateToken: {
    operationId: 'updateToken',
    method: 'PATCH',
    path: '/v1/tokens/{tokenId}',
    pathParams: ['tokenId'],
    tag: 'tokens',
    security: [['manage']],
    successStatus: 200,
  },
  revokeToken: {
    operationId: 'revokeToken',
    method: 'DELETE',
    path: '/v1/tokens/{tokenId}',
    pathParams: ['tokenId'],
    tag: 'tokens',
    security: [['manage']],
    successStatus: 204,
  },
  rotateToken: {
    operationId: 'rotateToken',
    method: 'POST',
    path: '/v1/tokens/{tokenId}/rotate',
    pathParams: ['tokenId'],
    tag: 'tokens',
    security: [['manage']],
    successStatus: 201,
  },
  listGraphs: {
    operationId: 'listGraphs',
    method: 'GET',
    path: '/v1/graphs',
    pathParams: [],
    tag: 'graphs',
    security: [[]],
    successStatus: 200,
  },
  getGraph: {
    operationId: 'getGraph',
    method: 'GET',
    path: '/v1/graphs/{graphId}',
    pathParams: ['graphId'],
    tag: 'graphs',
    security: [['read'],['append'],['write']],
    successStatus: 200,
  },
  listBlocks: {
    operationId: 'listBlocks',
    method: 'GET',
    path: '/v1/graphs/{graphId}/blocks',
    pathParams: ['graphId'],
    tag: 'blocks',
    security: [['read']],
    successStatus: 200,
  },
  appendBlocks: {
    operationId: 'appendBlocks',
    method: 'POST',
    path: '/v1/graphs/{graphId}/blocks',
    pathParams: ['graphId'],
    tag: 'blocks',
    security: [['append']],
    successStatus: 201,
  },
  getBlock: {
    operationId: 'getBlock',
    method: 'GET',
    path: '/v1/graphs/{graphId}/blocks/{blockId}',
    pathParams: ['graphId','blockId'],
    tag: 'blocks',
    security: [['read']],
    successStatus: 200,
  },
  updateBlock: {
    operationId: 'updateBlock',
    method: 'PATCH',
    path: '/v1/graphs/{graphId}/blocks/{blockId}',
    pathParams: ['graphId','blockId'],
    tag: 'blocks',
    security: [['write']],
    successStatus: 200,
  },
  deleteBlock: {
    operationId: 'deleteBlock',
    method: 'DELETE',
    path: '/v1/graphs/{graphId}/blocks/{blockId}',
    pathParams: ['graphId','blockId'],
    tag: 'blocks',
    security: [['write']],
    successStatus: 204,
  },
  listAuditEvents: {
    operationId: 'listAuditEvents',
    method: 'GET',
    path: '/v1/audit-events',
    pathParams: [],
    tag: 'audit',
    security: [['manage']],
    successStatus: 200,
  },
} as const satisfies Record<string, OperationInfo>;

/** An operationId of the API. */
export type OperationId = keyof typeof operations;

/**
 * The pattern every path parameter must match, keyed by parameter name (the `schema.pattern` of
 * the spec's path parameters; the generator checks that a name has one pattern in every
 * operation, so {@link operations}' `pathParams` lead here). A value that breaks it could reach
 * another operation (`self`, `.`, `..`, an encoded `/`): clients refuse it before sending,
 * the server answers `404 not_found`.
 */
export const pathParamPatterns = {
  tokenId: '^tok_[A-Za-z0-9]{16,64}$',
  graphId: '^gr_[A-Za-z0-9]{1,64}$',
  blockId: '^blk_[A-Za-z0-9]{1,64}$',
} as const;

/** The name of a path parameter of the API (`tokenId`, `graphId`, `blockId`). */
export type PathParamName = keyof typeof pathParamPatterns;

/** Every API error `code` with the HTTP status it comes with. */
export const errorCodes = {
  invalid_request: { status: 400 },
  missing_token: { status: 401 },
  malformed_token: { status: 401 },
  invalid_token: { status: 401 },
  token_revoked: { status: 401 },
  token_expired: { status: 401 },
  insufficient_scope: { status: 403 },
  graph_not_in_token: { status: 403 },
  not_graph_admin: { status: 403 },
  not_token_owner: { status: 403 },
  not_found: { status: 404 },
  token_not_active: { status: 409 },
  request_too_large: { status: 413 },
  validation_failed: { status: 422 },
  scope_not_allowed_for_encrypted_graph: { status: 422 },
  rate_limited: { status: 429 },
  internal_error: { status: 500 },
} as const;

/** An API error `code`. */
export type ErrorCode = keyof typeof errorCodes;

/**
 * The API error codes each operation documents, keyed by operationId. Kept apart from
 * {@link operations} so that code which only sends requests (the SDK) does not bundle them.
 */
export const operationErrorCodes = {
  introspectToken: ['internal_error','invalid_request','invalid_token','malformed_token','missing_token','rate_limited','token_expired','token_revoked','validation_failed'],
  revokeSelfToken: ['internal_error','invalid_request','invalid_token','malformed_token','missing_token','rate_limited','token_expired','token_revoked','validation_failed'],
  rotateSelfToken: ['internal_error','invalid_request','invalid_token','malformed_token','missing_token','not_graph_admin','rate_limited','request_too_large','token_expired','token_not_active','token_revoked','validation_failed'],
  revokeLeakedTokens: ['internal_error','rate_limited','request_too_large','validation_failed'],
  listTokens: ['insufficient_scope','internal_error','invalid_request','invalid_token','malformed_token','missing_token','rate_limited','token_expired','token_revoked','validation_failed'],
  createToken: ['insufficient_scope','internal_error','invalid_request','invalid_token','malformed_token','missing_token','not_found','not_graph_admin','rate_limited','request_too_large','scope_not_allowed_for_encrypted_graph','token_expired','token_revoked','validation_failed'],
  getToken: ['insufficient_scope','internal_error','invalid_request','invalid_token','malformed_token','missing_token','not_found','rate_limited','token_expired','token_revoked','validation_failed'],
  updateToken: ['insufficient_scope','internal_error','invalid_request','invalid_token','malformed_token','missing_token','not_found','not_token_owner','rate_limited','request_too_large','token_expired','token_revoked','validation_failed'],
  revokeToken: ['insufficient_scope','internal_error','invalid_request','invalid_token','malformed_token','missing_token','not_found','rate_limited','token_expired','token_revoked','validation_failed'],
  rotateToken: ['insufficient_scope','internal_error','invalid_request','invalid_token','malformed_token','missing_token','not_found','not_graph_admin','not_token_owner','rate_limited','request_too_large','token_expired','token_not_active','token_revoked','validation_failed'],
  listGraphs: ['internal_error','invalid_request','invalid_token','malformed_token','missing_token','rate_limited','token_expired','token_revoked','validation_failed'],
  getGraph: ['graph_not_in_token','insufficient_scope','internal_error','invalid_request','invalid_token','malformed_token','missing_token','not_found','rate_limited','token_expired','token_revoked','validation_failed'],
  listBlocks: ['graph_not_in_token','insufficient_scope','internal_error','invalid_request','invalid_token','malformed_token','missing_token','not_found','rate_limited','token_expired','token_revoked','validation_failed'],
  appendBlocks: ['graph_not_in_token','insufficient_scope','internal_error','invalid_request','invalid_token','malformed_token','missing_token','not_found','rate_limited','request_too_large','token_expired','token_revoked','validation_failed'],
  getBlock: ['graph_not_in_token','insufficient_scope','internal_error','invalid_request','invalid_token','malformed_token','missing_token','not_found','rate_limited','token_expired','token_revoked','validation_failed'],
  updateBlock: ['graph_not_in_token','insufficient_scope','internal_error','invalid_request','invalid_token','malformed_token','missing_token','not_found','rate_limited','request_too_large','token_expired','token_revoked','validation_failed'],
  deleteBlock: ['graph_not_in_token','insufficient_scope','internal_error','invalid_request','invalid_token','malformed_token','missing_token','not_found','rate_limited','token_expired','token_revoked','validation_failed'],
  listAuditEvents: ['insufficient_scope','internal_error','invalid_request','invalid_token','malformed_token','missing_token','rate_limited','token_expired','token_revoked','validation_failed'],
} as const satisfies Record<OperationId, readonly ErrorCode[]>;
