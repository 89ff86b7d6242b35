/**
 * The `tokens` tag of spec/openapi.yaml: introspect, revoke self, list, create, get, update, revoke
 * and rotate. Credentials, scopes and idempotency are already checked by the pipeline; each
 * operation validates its input, then applies the DOMAIN.md rules.
 */
import {
  type CreateTokenRequest,
  CreateTokenRequestSchema,
  canMintTokens,
  type Grant,
  generateTokenSecret,
  type Introspection,
  needsGraphs,
  RotateTokenRequestSchema,
  scopesRefusedOnEncryptedGraph,
  type Token,
  type TokenPage,
  TokenStatusSchema,
  type TokenWithSecret,
  UpdateTokenRequestSchema,
} from '@graphtoken/contract';
import { decodeCursor, pageOf } from '../internal/cursor.js';
import type { OperationContext, OperationResult } from '../internal/pipeline.js';
import { ApiProblem, validationFailed } from '../internal/problem.js';
import { checkArray, QueryReader, secretFieldErrors, validateBody } from '../internal/validation.js';
import type { TokenRecord } from '../store/records.js';
import type { TagOperations } from './define.js';

/** The token fields every list shows: they must not hold a secret. */
const SHOWN_FIELDS = ['name', 'description'] as const;

const GRAPH_ID = /^gr_[A-Za-z0-9]+$/;
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** The token with this id, if the caller's account may see it (creator, or owner/admin of one of its graphs). */
function visibleToken(ctx: OperationContext): TokenRecord {
  const id = ctx.params.tokenId ?? '';
  const token = ctx.state.tokens.get(id);
  if (!token || !ctx.state.isTokenVisibleTo(token, ctx.account.id)) {
    throw new ApiProblem(
      'not_found',
      `Token ${id} does not exist or is not visible to this token's account. Check the token id (tok_…), not its secret.`,
    );
  }
  return token;
}

/**
 * The token with this id, if the caller's account created it: only the creator renames or rotates
 * a token (a rotation issues a secret that acts as the creator). An owner/admin of a bound graph
 * sees it but gets `403 not_token_owner`; anyone else gets `404` from {@link visibleToken}.
 * See DOMAIN.md, "Who may do what to a token".
 */
function ownToken(ctx: OperationContext, action: 'rename' | 'rotate'): TokenRecord {
  const token = visibleToken(ctx);
  if (token.createdBy !== ctx.account.id) {
    throw new ApiProblem(
      'not_token_owner',
      `Token ${token.id} was created by another account; only its creator can ${action} it. You can still revoke it, or create your own token.`,
    );
  }
  return token;
}

function created(body: TokenWithSecret): OperationResult {
  return { status: 201, body, headers: { 'Cache-Control': 'no-store' } };
}

function validateCreate(ctx: OperationContext): CreateTokenRequest {
  const input = validateBody(CreateTokenRequestSchema, ctx.json({ required: true }), (raw) => [
    ...secretFieldErrors(raw, SHOWN_FIELDS),
    ...checkArray(raw, 'scopes', { unique: true }),
    ...checkArray(raw, 'graphIds', {
      unique: true,
      pattern: GRAPH_ID,
      patternMessage: 'must be a graph id (gr_…)',
    }),
  ]);
  const errors = [];
  if (needsGraphs(input.scopes) && (input.graphIds ?? []).length === 0) {
    errors.push({
      field: 'graphIds',
      message: 'at least one graph is required for the read, append and write scopes',
    });
  }
  if (input.expiresAt != null) {
    const at = Date.parse(input.expiresAt);
    if (at <= ctx.nowMs) errors.push({ field: 'expiresAt', message: 'must be in the future' });
    else if (at > ctx.nowMs + YEAR_MS)
      errors.push({ field: 'expiresAt', message: 'must be at most one year ahead' });
  }
  if (errors.length > 0) throw validationFailed(errors);
  return input;
}

/** The `tokens` operations. */
export const tokenOperations: TagOperations<'tokens'> = {
  introspectToken(ctx) {
    const { state, token } = ctx;
    const grants: Grant[] = [];
    for (const graphId of token.graphIds) {
      const graph = state.graphs.get(graphId);
      const role = state.roleOf(token.createdBy, graphId);
      if (!graph || role === undefined) continue;
      grants.push({ graphId, graphName: graph.name, role, scopes: state.effectiveOn(token, graphId) });
    }
    const body: Introspection = {
      token: state.toToken(token, ctx.nowMs),
      account: { id: ctx.account.id, name: ctx.account.name },
      grants,
    };
    return { status: 200, body };
  },

  revokeSelfToken(ctx) {
    ctx.state.revoke(ctx.token, ctx.nowMs);
    return { status: 204 };
  },

  listTokens(ctx) {
    const q = new QueryReader(ctx.query);
    const status = q.oneOf('status', TokenStatusSchema.options);
    const graphId = q.string('graphId', { pattern: GRAPH_ID, message: 'must be a graph id (gr_…)' });
    const limit = q.int('limit', 1, 100, 20);
    const cursor = q.string('cursor', {
      minLength: 1,
      maxLength: 512,
      message: 'must be 1 to 512 characters long',
    });
    q.done();
    const { state, nowMs } = ctx;
    const list = `tokens|${status ?? ''}|${graphId ?? ''}`;
    const after = cursor === undefined ? undefined : decodeCursor(cursor, list).after;
    const found = state.listTokens({ accountId: ctx.account.id, status, graphId, after, limit }, nowMs);
    const page = pageOf(found, limit, list, (t) => [Date.parse(t.createdAt), t.seq]);
    const body: TokenPage = {
      data: page.data.map((t) => state.toToken(t, nowMs)),
      nextCursor: page.nextCursor,
    };
    return { status: 200, body };
  },

  createToken(ctx) {
    const input = validateCreate(ctx);
    const { state } = ctx;
    const graphIds = input.graphIds ?? [];
    for (const [i, graphId] of graphIds.entries()) {
      const role = state.graphs.has(graphId) ? state.roleOf(ctx.account.id, graphId) : undefined;
      if (role === undefined) {
        throw new ApiProblem(
          'not_found',
          `Graph ${graphId} (graphIds[${i}]) does not exist or is not visible to this token's account. Check the graph id.`,
        );
      }
      if (!canMintTokens(role)) {
        throw new ApiProblem(
          'not_graph_admin',
          `Only owners and admins can create tokens for graph ${graphId}; your role there is ${role}. Ask an owner or admin of that graph for a token.`,
        );
      }
    }
    const refused = scopesRefusedOnEncryptedGraph(input.scopes);
    for (const graphId of refused.length > 0 ? graphIds : []) {
      if (state.graphs.get(graphId)?.encrypted) {
        throw new ApiProblem(
          'scope_not_allowed_for_encrypted_graph',
          `Graph ${graphId} is encrypted and accepts only the append scope; read and write cannot be bound to it. Use an append-only token for this graph.`,
          {
            errors: refused.map((s) => ({
              field: 'scopes',
              message: `${s} is not allowed on encrypted graph ${graphId}`,
            })),
          },
        );
      }
    }
    const secret = generateTokenSecret();
    const record = state.insertToken({
      name: input.name,
      description: input.description,
      scopes: input.scopes,
      graphIds,
      createdBy: ctx.account.id,
      secret,
      expiresAt: input.expiresAt,
    });
    state.changed();
    return created({ token: state.toToken(record, ctx.nowMs), secret });
  },

  getToken(ctx) {
    const body: Token = ctx.state.toToken(visibleToken(ctx), ctx.nowMs);
    return { status: 200, body };
  },

  updateToken(ctx) {
    const input = validateBody(UpdateTokenRequestSchema, ctx.json({ required: true }), (raw) =>
      Object.keys(raw).length === 0
        ? [{ field: 'body', message: 'must set name or description' }]
        : secretFieldErrors(raw, SHOWN_FIELDS),
    );
    const token = ownToken(ctx, 'rename');
    if (input.name !== undefined) token.name = input.name;
    if (input.description !== undefined) token.description = input.description;
    ctx.state.tokenChanged(token);
    return { status: 200, body: ctx.state.toToken(token, ctx.nowMs) satisfies Token };
  },

  revokeToken(ctx) {
    ctx.state.revoke(visibleToken(ctx), ctx.nowMs);
    return { status: 204 };
  },

  rotateToken(ctx) {
    const body = ctx.json({ required: false });
    const input = validateBody(RotateTokenRequestSchema, body === undefined ? {} : body);
    const { state, nowMs } = ctx;
    const old = ownToken(ctx, 'rotate');
    // A rotation mints a secret: as for createToken, only an owner/admin of every bound graph may.
    for (const graphId of old.graphIds) {
      const role = state.roleOf(ctx.account.id, graphId);
      if (role === undefined || !canMintTokens(role)) {
        throw new ApiProblem(
          'not_graph_admin',
          `Rotating token ${old.id} mints a new secret for graph ${graphId}, and only owners and admins mint tokens; your role there is ${role ?? 'none'}. Revoke the token, or ask an owner or admin of that graph for a new one.`,
        );
      }
    }
    const status = state.statusOf(old, nowMs);
    if (status !== 'active') {
      throw new ApiProblem(
        'token_not_active',
        `Token ${old.id} is ${status} and cannot be rotated. Create a new token instead.`,
      );
    }
    if (old.rotatedTo !== null) {
      // One successor per token: a second rotation would fork the chain. Rotate the successor.
      throw new ApiProblem(
        'token_not_active',
        `Token ${old.id} was already rotated (its successor is ${old.rotatedTo}) and is in its grace period. Rotate ${old.rotatedTo} instead.`,
      );
    }
    const secret = generateTokenSecret();
    const successor = state.insertToken({
      name: old.name,
      description: old.description,
      scopes: old.scopes,
      graphIds: old.graphIds,
      createdBy: old.createdBy,
      secret,
      expiresAt: old.expiresAt,
      rotatedFrom: old.id,
    });
    const graceEnds = nowMs + (input.gracePeriodSeconds ?? 0) * 1000;
    old.revokedAt = new Date(graceEnds).toISOString();
    old.rotatedTo = successor.id;
    state.tokenChanged(old);
    return created({ token: state.toToken(successor, nowMs), secret });
  },
};
