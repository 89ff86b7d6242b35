/**
 * Zod schemas of the API's objects, written against `components.schemas` in spec/openapi.yaml.
 * `schemas.test-d.ts` proves at compile time that each schema's type and the generated type
 * agree, so the two cannot drift. Built on `zod/mini` to keep the SDK's browser bundle small.
 *
 * Response schemas (`Token`, `Block`…) are `object`s: unknown properties a newer server adds are
 * dropped, not rejected. Request schemas are `strictObject`s, like the spec
 * (`additionalProperties: false`).
 *
 * Every schema is built in a `@__PURE__`-annotated call, so a bundler drops the ones an app never
 * uses (the SDK's browser bundle carries no request schema): bundlers keep any top-level
 * expression with a method call in it (`z.string().check(…)`) unless it is marked side-effect free.
 */
import * as z from 'zod/mini';
import { MAX_BLOCK_CHARACTERS } from './characters.js';
import { isDateTime } from './date-time.js';
import { errorCodes, roleNames, scopeNames } from './generated/operations.js';
import { TOKEN_LENGTH, TOKEN_PREFIX } from './token-format.js';

/** Builds a schema; its call sites carry the pure annotation that lets bundlers drop unused schemas. */
const pure = <T>(build: () => T): T => build();
const id = (prefix: string) => z.string().check(z.regex(new RegExp(`^${prefix}_[A-Za-z0-9]{16,}$`)));
/** An RFC 3339 date-time with a time zone (see `date-time.ts`); its issues have `format: 'datetime'`. */
const timestamp = () => z.stringFormat('datetime', isDateTime);
/** The shape of a secret (`gt_` and 36 base62 characters), from the token format's own constants. */
const SECRET_SHAPE = new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9]{${TOKEN_LENGTH - TOKEN_PREFIX.length}}$`);
const nullable = <T extends z.ZodMiniType>(schema: T) => z.nullable(schema);

/** A token scope. */
export const ScopeSchema = /* @__PURE__ */ pure(() => z.enum(scopeNames));
/** An account's role on a graph. */
export const RoleSchema = /* @__PURE__ */ pure(() => z.enum(roleNames));
/** A token's lifecycle status. */
export const TokenStatusSchema = /* @__PURE__ */ pure(() => z.enum(['active', 'revoked', 'expired']));
/** An API error code. */
export const ErrorCodeSchema = /* @__PURE__ */ pure(() =>
  z.enum(Object.keys(errorCodes) as [keyof typeof errorCodes]),
);

/** A token's metadata. Never holds the secret. */
export const TokenSchema = /* @__PURE__ */ pure(() =>
  z.object({
    id: id('tok'),
    name: z.string().check(z.minLength(1), z.maxLength(100)),
    description: nullable(z.string().check(z.maxLength(500))),
    scopes: z.array(ScopeSchema).check(z.minLength(1)),
    graphIds: z.array(z.string()),
    createdAt: timestamp(),
    createdBy: z.string(),
    expiresAt: nullable(timestamp()),
    lastUsedAt: nullable(timestamp()),
    status: TokenStatusSchema,
    revokedAt: nullable(timestamp()),
    rotatedFrom: nullable(z.string()),
    rotatedTo: nullable(z.string()),
    hint: z.string().check(z.regex(/^[A-Za-z0-9]{4}$/)),
  }),
);

/** A token with its secret: the create and rotate responses, the only place a secret appears. */
export const TokenWithSecretSchema = /* @__PURE__ */ pure(() =>
  z.object({
    token: TokenSchema,
    secret: z.string().check(z.regex(SECRET_SHAPE)),
  }),
);

/** One page of tokens. */
export const TokenPageSchema = /* @__PURE__ */ pure(() =>
  z.object({
    data: z.array(TokenSchema),
    nextCursor: nullable(z.string()),
  }),
);

/** The account a token acts for. */
export const AccountSchema = /* @__PURE__ */ pure(() => z.object({ id: z.string(), name: z.string() }));

/** What a token may do on one graph. */
export const GrantSchema = /* @__PURE__ */ pure(() =>
  z.object({
    graphId: z.string(),
    graphName: z.string(),
    role: RoleSchema,
    scopes: z.array(ScopeSchema),
  }),
);

/** The introspection of the calling token (`GET /v1/tokens/self`). */
export const IntrospectionSchema = /* @__PURE__ */ pure(() =>
  z.object({
    token: TokenSchema,
    account: AccountSchema,
    grants: z.array(GrantSchema),
  }),
);

/** A graph, as the calling token sees it. */
export const GraphSchema = /* @__PURE__ */ pure(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    encrypted: z.boolean(),
    role: RoleSchema,
    scopes: z.array(ScopeSchema),
  }),
);

/** The graphs a token can reach. */
export const GraphListSchema = /* @__PURE__ */ pure(() => z.object({ data: z.array(GraphSchema) }));

/** A block of graph content. */
export const BlockSchema = /* @__PURE__ */ pure(() =>
  z.object({
    id: z.string(),
    graphId: z.string(),
    content: z.string().check(z.minLength(1), z.maxLength(MAX_BLOCK_CHARACTERS)),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  }),
);

/** One page of blocks. */
export const BlockPageSchema = /* @__PURE__ */ pure(() =>
  z.object({
    data: z.array(BlockSchema),
    nextCursor: nullable(z.string()),
  }),
);

/** The blocks an append created. */
export const AppendBlocksResultSchema = /* @__PURE__ */ pure(() => z.object({ data: z.array(BlockSchema) }));

/** A field that broke the spec, in a `validation_failed` problem. */
export const FieldErrorSchema = /* @__PURE__ */ pure(() =>
  z.object({ field: z.string(), message: z.string() }),
);

/** An RFC 9457 problem details body, as every error response carries. */
export const ProblemSchema = /* @__PURE__ */ pure(() =>
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().check(z.int()),
    detail: z.string(),
    code: ErrorCodeSchema,
    requestId: z.string(),
    requiredScopes: z.exactOptional(z.array(ScopeSchema)),
    grantedScopes: z.exactOptional(z.array(ScopeSchema)),
    errors: z.exactOptional(z.array(FieldErrorSchema)),
    retryAfter: z.exactOptional(z.number().check(z.int())),
  }),
);

/** A `listTokens` order (`sort`): a field, descending when prefixed with `-`. */
export const TokenSortSchema = /* @__PURE__ */ pure(() =>
  z.enum(['createdAt', '-createdAt', 'lastUsedAt', '-lastUsedAt', 'expiresAt', 'name']),
);

/** What an audit event records (spec `AuditEventType`). */
export const AuditEventTypeSchema = /* @__PURE__ */ pure(() =>
  z.enum([
    'token.created',
    'token.updated',
    'token.rotated',
    'token.revoked',
    'token.expired',
    'token.first_used',
  ]),
);

/** Why a token was revoked (spec `RevocationReason`). */
export const RevocationReasonSchema = /* @__PURE__ */ pure(() =>
  z.enum(['manual', 'self', 'rotation_grace_ended', 'leak_report']),
);

/** One thing that happened to a token (spec `AuditEvent`). Never holds a secret. */
export const AuditEventSchema = /* @__PURE__ */ pure(() =>
  z.object({
    id: z.string().check(z.regex(/^evt_[A-Za-z0-9]+$/)),
    type: AuditEventTypeSchema,
    occurredAt: timestamp(),
    tokenId: id('tok'),
    actor: z.string().check(z.regex(/^(acc_[A-Za-z0-9]+|system)$/)),
    reason: nullable(RevocationReasonSchema),
    successorId: nullable(id('tok')),
  }),
);

/** One page of audit events, newest first (`GET /v1/audit-events`). */
export const AuditEventPageSchema = /* @__PURE__ */ pure(() =>
  z.object({
    data: z.array(AuditEventSchema),
    nextCursor: nullable(z.string()),
  }),
);

/** The answer of `POST /v1/tokens/revoke-leaked`: how many strings were received, never how many were valid. */
export const RevokeLeakedResultSchema = /* @__PURE__ */ pure(() =>
  z.object({ received: z.number().check(z.int(), z.minimum(1), z.maximum(100)) }),
);

/** The body of `POST /v1/tokens/revoke-leaked`: 1 to 100 strings, each 1 to 256 characters. */
export const RevokeLeakedRequestSchema = /* @__PURE__ */ pure(() =>
  z.strictObject({
    secrets: z
      .array(z.string().check(z.minLength(1), z.maxLength(256)))
      .check(z.minLength(1), z.maxLength(100)),
  }),
);

/** The body of `POST /v1/tokens`. */
export const CreateTokenRequestSchema = /* @__PURE__ */ pure(() =>
  z.strictObject({
    name: z.string().check(z.minLength(1), z.maxLength(100)),
    description: z.exactOptional(nullable(z.string().check(z.maxLength(500)))),
    scopes: z.array(ScopeSchema).check(z.minLength(1)),
    graphIds: z.exactOptional(z.array(z.string())),
    expiresAt: z.exactOptional(nullable(timestamp())),
  }),
);

/** The body of `PATCH /v1/tokens/{tokenId}`: name and description only. */
export const UpdateTokenRequestSchema = /* @__PURE__ */ pure(() =>
  z.strictObject({
    name: z.exactOptional(z.string().check(z.minLength(1), z.maxLength(100))),
    description: z.exactOptional(nullable(z.string().check(z.maxLength(500)))),
  }),
);

/** The (optional) body of `POST /v1/tokens/{tokenId}/rotate`. */
export const RotateTokenRequestSchema = /* @__PURE__ */ pure(() =>
  z.strictObject({
    gracePeriodSeconds: z.exactOptional(z.number().check(z.int(), z.minimum(0), z.maximum(604800))),
  }),
);

/** One block to append. */
export const NewBlockSchema = /* @__PURE__ */ pure(() =>
  z.strictObject({
    content: z.string().check(z.minLength(1), z.maxLength(MAX_BLOCK_CHARACTERS)),
  }),
);

/** The body of `POST /v1/graphs/{graphId}/blocks`: a batch of 1 to 100 blocks. */
export const AppendBlocksRequestSchema = /* @__PURE__ */ pure(() =>
  z.strictObject({
    blocks: z.array(NewBlockSchema).check(z.minLength(1), z.maxLength(100)),
  }),
);

/** The body of `PATCH /v1/graphs/{graphId}/blocks/{blockId}`. */
export const UpdateBlockRequestSchema = /* @__PURE__ */ pure(() =>
  z.strictObject({
    content: z.string().check(z.minLength(1), z.maxLength(MAX_BLOCK_CHARACTERS)),
  }),
);

/** A token's metadata. */
export type Token = z.infer<typeof TokenSchema>;
/** A token with its secret (create and rotate responses). */
export type TokenWithSecret = z.infer<typeof TokenWithSecretSchema>;
/** One page of tokens. */
export type TokenPage = z.infer<typeof TokenPageSchema>;
/** A token's lifecycle status. */
export type TokenStatus = z.infer<typeof TokenStatusSchema>;
/** The account a token acts for. */
export type Account = z.infer<typeof AccountSchema>;
/** What a token may do on one graph. */
export type Grant = z.infer<typeof GrantSchema>;
/** The introspection of the calling token. */
export type Introspection = z.infer<typeof IntrospectionSchema>;
/** A graph as the calling token sees it. */
export type Graph = z.infer<typeof GraphSchema>;
/** The graphs a token can reach. */
export type GraphList = z.infer<typeof GraphListSchema>;
/** A block of graph content. */
export type Block = z.infer<typeof BlockSchema>;
/** One page of blocks. */
export type BlockPage = z.infer<typeof BlockPageSchema>;
/** The blocks an append created. */
export type AppendBlocksResult = z.infer<typeof AppendBlocksResultSchema>;
/** A field that broke the spec. */
export type FieldError = z.infer<typeof FieldErrorSchema>;
/** An RFC 9457 problem details body. */
export type Problem = z.infer<typeof ProblemSchema>;
/** The body of `POST /v1/tokens`. */
export type CreateTokenRequest = z.infer<typeof CreateTokenRequestSchema>;
/** The body of `PATCH /v1/tokens/{tokenId}`. */
export type UpdateTokenRequest = z.infer<typeof UpdateTokenRequestSchema>;
/** The body of `POST /v1/tokens/{tokenId}/rotate`. */
export type RotateTokenRequest = z.infer<typeof RotateTokenRequestSchema>;
/** One block to append. */
export type NewBlock = z.infer<typeof NewBlockSchema>;
/** The body of `POST /v1/graphs/{graphId}/blocks`. */
export type AppendBlocksRequest = z.infer<typeof AppendBlocksRequestSchema>;
/** The body of `PATCH /v1/graphs/{graphId}/blocks/{blockId}`. */
export type UpdateBlockRequest = z.infer<typeof UpdateBlockRequestSchema>;
/** A `listTokens` order. */
export type TokenSort = z.infer<typeof TokenSortSchema>;
/** An audit event type. */
export type AuditEventType = z.infer<typeof AuditEventTypeSchema>;
/** Why a token was revoked. */
export type RevocationReason = z.infer<typeof RevocationReasonSchema>;
/** One audit event. */
export type AuditEvent = z.infer<typeof AuditEventSchema>;
/** One page of audit events. */
export type AuditEventPage = z.infer<typeof AuditEventPageSchema>;
/** The body of `POST /v1/tokens/revoke-leaked`. */
export type RevokeLeakedRequest = z.infer<typeof RevokeLeakedRequestSchema>;
/** The answer of `POST /v1/tokens/revoke-leaked`. */
export type RevokeLeakedResult = z.infer<typeof RevokeLeakedResultSchema>;
