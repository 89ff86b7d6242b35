/**
 * `@graphtoken/sdk`: the typed GraphToken API client for Node, browsers, Deno, Bun and edge
 * workers.
 *
 * @example
 * import { GraphToken, isTokenRevokedError } from '@graphtoken/sdk';
 * const client = new GraphToken({ token: process.env.GRAPHTOKEN_TOKEN });
 * const me = await client.tokens.introspect();
 *
 * @packageDocumentation
 */

export type {
  AppendBlocksResult,
  AuditEvent,
  AuditEventPage,
  AuditEventType,
  Block,
  BlockPage,
  FieldError,
  Grant,
  Graph,
  GraphList,
  Introspection,
  OperationId,
  Problem,
  RevocationReason,
  RevokeLeakedResult,
  Token,
  TokenPage,
  TokenSort,
  TokenStatus,
  TokenWithSecret,
} from '@graphtoken/contract';
export {
  checkTokenFormat,
  containsSecret,
  describeTokenFormatProblem,
  isWellFormedToken,
  matchesPathParam,
  type PathParamName,
  pathParamPatterns,
  redactToken,
  scrubSecrets,
  TOKEN_PREFIX,
  type TokenFormatCheck,
  type TokenFormatProblem,
  tokenHint,
} from '@graphtoken/contract';
export {
  type ClientOptions,
  createClient,
  DEFAULT_BASE_URL,
  GraphToken,
  type RetryOptions,
} from './client.js';
export { APIPromise, type WithResponse } from './core/api-promise.js';
export {
  isAbortError,
  isAPIError,
  isAuthenticationError,
  isConflictError,
  isConnectionError,
  isEncryptedGraphScopeError,
  isGraphNotInTokenError,
  isGraphTokenError,
  isInsufficientScopeError,
  isInternalServerError,
  isInvalidArgumentError,
  isInvalidRequestError,
  isInvalidTokenError,
  isMalformedTokenError,
  isMissingTokenError,
  isNotFoundError,
  isNotGraphAdminError,
  isNotTokenOwnerError,
  isPermissionDeniedError,
  isRateLimitError,
  isRequestTooLargeError,
  isResponseValidationError,
  isTimeoutError,
  isTokenExpiredError,
  isTokenNotActiveError,
  isTokenProviderError,
  isTokenRevokedError,
  isValidationError,
} from './core/error-guards.js';
export {
  AbortError,
  APIError,
  type APIErrorInit,
  AuthenticationError,
  type CodeOf,
  ConflictError,
  ConnectionError,
  EncryptedGraphScopeError,
  ERROR_CLASSES,
  GraphNotInTokenError,
  GraphTokenError,
  InsufficientScopeError,
  InternalServerError,
  InvalidArgumentError,
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
  type ResponseIssue,
  ResponseValidationError,
  TimeoutError,
  TokenExpiredError,
  TokenNotActiveError,
  TokenProviderError,
  TokenRevokedError,
  ValidationError,
} from './core/errors.js';
export type { Hooks, RequestEvent, ResponseEvent, RetryEvent, TokenExpiringEvent } from './core/hooks.js';
export type { BodyOf, ItemOf, QueryOf, ResponseOf } from './core/operation-types.js';
export { type Page, PagedList } from './core/pagination.js';
export { type HeaderSource, parseRateLimit, type RateLimitState } from './core/rate-limit.js';
export {
  createRateLimitPacer,
  RateLimitPacer,
  type RateLimitPacerOptions,
} from './core/rate-limit-pacer.js';
export {
  type AllowedMethods,
  type AllowedOperationId,
  type CanPerform,
  canPerform,
  ENCRYPTED_GRAPH_SCOPES,
  type ExpandScopes,
  effectiveScopes,
  expandScopes,
  isScope,
  type MethodName,
  type MethodOperation,
  methodOperations,
  missingScopes,
  needsGraphs,
  normalizeScopes,
  operationOf,
  type PresetName,
  presets,
  type Role,
  requiredScopes,
  roleScopes,
  type Scope,
  type Scoped,
  type ScopeRequired,
  type ScopeRequiredMessage,
  scopesCover,
  scopesRefusedOnEncryptedGraph,
} from './core/scopes.js';
export type { FetchLike } from './internal/redirect-fetch.js';
export type { Timestamp } from './internal/timestamp.js';
export type { TokenProvider } from './internal/token-source.js';
export type { RequestOptions } from './internal/transport.js';
export {
  AuditEvents,
  auditEventsOperations,
  type ListAuditEventsParams,
} from './resources/audit-events.js';
export {
  type AppendBlocksParams,
  Blocks,
  blocksOperations,
  type ListBlocksParams,
  type UpdateBlockParams,
} from './resources/blocks.js';
export { Graphs, graphsOperations } from './resources/graphs.js';
export {
  type CreateTokenParams,
  type ListTokensParams,
  type RotateSelfParams,
  type RotateTokenParams,
  Tokens,
  tokensOperations,
  type UpdateTokenParams,
} from './resources/tokens.js';
export { VERSION } from './version.js';
