/**
 * The `tokens` tag of spec/openapi.yaml: introspect, revoke self, list, create, get, update, revoke
 * and rotate. Credentials, scopes and idempotency are already checked by the pipeline; each
 * operation validates its input, then applies the DOMAIN.md rules.
 */
import {
  type CreateTokenRequest,
  CreateTokenRequestSchema,
  canMintTokens,
  checkTokenFormat,
  type Grant,
  generateTokenSecret,
  type Introspection,
  needsGraphs,
  RevokeLeakedRequestSchema,
  type RevokeLeakedResult,
  RotateTokenRequestSchema,
  scopesRefusedOnEncryptedGraph,
  type Token,
  type TokenPage,
  type TokenSort,
  TokenSortSchema,
  TokenStatusSchema,
  type TokenWithSecret,
  UpdateTokenRequestSchema,
} from '@graphtoken/contract';
import { decodeCursor, encodeCursor, pageOf } from '../internal/cursor.js';
import type { OperationContext, OperationResult } from '../internal/pipeline.js';
import { ApiProblem, validationFailed } from '../internal/problem.js';
import { sha256Hex } from '../internal/sha256.js';
import { checkArray, QueryReader, secretFieldErrors, validateBody } from '../internal/validation.js';
import type { TokenRecord } from '../store/records.js';
import {
  compareSortKeys,
  foldCase,
  matchesFilters,
  parseSort,
  sortKeyOf,
  type TokenFilters,
  type TokenSortKey,
} from '../store/token-filters.js';
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

/**
 * Rotates `old` for the calling account (its creator): the creator must still be owner or admin
 * of every bound graph, and `old` active and not rotated yet. Records `token.rotated` and the
 * successor's `token.created`; the grace period's end is recorded when the clock passes it.
 */
function rotate(ctx: OperationContext, find: () => TokenRecord, self: boolean): OperationResult {
  const body = ctx.json({ required: false });
  const input = validateBody(RotateTokenRequestSchema, body === undefined ? {} : body);
  const { state, nowMs } = ctx;
  const old = find();
  // A rotation mints a secret: as for createToken, only an owner/admin of every bound graph may.
  for (const graphId of old.graphIds) {
    const role = state.roleOf(ctx.account.id, graphId);
    if (role === undefined || !canMintTokens(role)) {
      throw new ApiProblem(
        'not_graph_admin',
        self
          ? `This token's creator is no longer owner or admin of graph ${graphId} (now ${role ?? 'none'}), so the token cannot rotate itself. Ask an owner or admin of that graph for a new token.`
          : `Rotating token ${old.id} mints a new secret for graph ${graphId}, and only owners and admins mint tokens; your role there is ${role ?? 'none'}. Revoke the token, or ask an owner or admin of that graph for a new one.`,
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
  state.rotated(old, successor, ctx.account.id, nowMs);
  return created({ token: state.toToken(successor, nowMs), secret });
}

/** The longest cursor the spec takes (`Cursor`: maxLength 512). */
const MAX_CURSOR_LENGTH = 512;

/** The default order of `listTokens`, walked on the creation-time index. */
const DEFAULT_SORT: TokenSort = '-createdAt';

/** `listTokens` in another order: every visible token that passes the filters, sorted, then the page. */
function sortedPage(
  state: OperationContext['state'],
  found: TokenRecord[],
  sort: TokenSort,
  list: string,
  cursor: string | undefined,
  limit: number,
): { data: TokenRecord[]; nextCursor: string | null } {
  const { field } = parseSort(sort);
  const keyed = found.map((t) => ({ t, key: sortKeyOf(t, sort) }));
  keyed.sort((a, b) => compareSortKeys(a.key, b.key, sort));
  let start = 0;
  if (cursor !== undefined) {
    const decoded = decodeCursor(cursor, list);
    const [absent, value, seq] = decoded.after;
    const textual = field === 'name';
    // A name too long for a cursor is looked up by the id of its token (its current name).
    const text = decoded.text ?? (decoded.id === undefined ? undefined : state.tokens.get(decoded.id)?.name);
    if (decoded.after.length !== 3 || (absent !== 0 && absent !== 1) || textual !== (text !== undefined)) {
      throw validationFailed([
        { field: 'cursor', message: 'is not a cursor this API issued; pass a nextCursor unchanged' },
      ]);
    }
    const after: TokenSortKey = { absent, value: textual ? text! : value!, seq: seq! };
    start = keyed.findIndex((k) => compareSortKeys(k.key, after, sort) > 0);
    if (start === -1) start = keyed.length;
  }
  const data = keyed.slice(start, start + limit).map((k) => k.t);
  const last = keyed[start + data.length - 1];
  const more = start + limit < keyed.length;
  let nextCursor: string | null = null;
  if (more && last !== undefined) {
    const after = [last.key.absent, typeof last.key.value === 'number' ? last.key.value : 0, last.key.seq];
    nextCursor = encodeCursor({
      list,
      after,
      ...(typeof last.key.value === 'string' && { text: last.key.value }),
    });
    // The spec caps a cursor at 512 characters: a long non-ASCII name goes by its token's id.
    if (nextCursor.length > MAX_CURSOR_LENGTH) nextCursor = encodeCursor({ list, after, id: last.t.id });
  }
  return { data, nextCursor };
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
    ctx.state.revoke(ctx.token, ctx.nowMs, { reason: 'self', actor: ctx.account.id });
    return { status: 204 };
  },

  rotateSelfToken(ctx) {
    return rotate(ctx, () => ctx.token, true);
  },

  revokeLeakedTokens(ctx) {
    const input = validateBody(RevokeLeakedRequestSchema, ctx.json({ required: true }));
    const { state, nowMs } = ctx;
    for (const secret of input.secrets) {
      // Format and checksum first: no lookup for what cannot be a secret.
      if (!checkTokenFormat(secret).ok) continue;
      const token = state.findBySecret(secret);
      // Active, a rotated token in its grace period included; the answer never says which.
      if (token === undefined || state.statusOf(token, nowMs) !== 'active') continue;
      state.revoke(token, nowMs, { reason: 'leak_report', actor: 'system' });
    }
    // A state file commits for a valid report; commit for any other too, so time says nothing.
    state.commitAnyway();
    const body: RevokeLeakedResult = { received: input.secrets.length };
    return { status: 202, body };
  },

  listTokens(ctx) {
    const q = new QueryReader(ctx.query);
    const status = q.oneOf('status', TokenStatusSchema.options);
    const graphId = q.string('graphId', { pattern: GRAPH_ID, message: 'must be a graph id (gr_…)' });
    const filters: TokenFilters = {
      lastUsedBeforeMs: q.dateTime('lastUsedBefore'),
      createdBeforeMs: q.dateTime('createdBefore'),
      expiresBeforeMs: q.dateTime('expiresBefore'),
      neverUsed: q.boolean('neverUsed'),
    };
    const search = ctx.query.get('q');
    if (search !== null) {
      const length = [...search].length;
      if (length < 1 || length > 100)
        q.errors.push({ field: 'q', message: 'must be 1 to 100 characters long' });
      else filters.q = foldCase(search);
    }
    const sort = q.oneOf('sort', TokenSortSchema.options) ?? DEFAULT_SORT;
    const limit = q.int('limit', 1, 100, 20);
    const cursor = q.string('cursor', {
      minLength: 1,
      maxLength: MAX_CURSOR_LENGTH,
      message: `must be 1 to ${MAX_CURSOR_LENGTH} characters long`,
    });
    q.done();
    const { state, nowMs } = ctx;
    // A cursor names its list: the filters and the sort (hashed, so a long `q` keeps it short).
    const given = Object.entries(filters).filter(([, v]) => v !== undefined);
    let list = `tokens|${status ?? ''}|${graphId ?? ''}`;
    if (given.length > 0 || sort !== DEFAULT_SORT)
      list += `|${sha256Hex(JSON.stringify([sort, given])).slice(0, 16)}`;
    const keep = (t: TokenRecord) => matchesFilters(t, filters);
    const query = { accountId: ctx.account.id, status, graphId, limit };
    let page: { data: TokenRecord[]; nextCursor: string | null };
    if (sort === DEFAULT_SORT) {
      let after = cursor === undefined ? undefined : decodeCursor(cursor, list).after;
      // Created before a time: start the walk there (key [ms, 0] sorts before every token of that ms).
      if (after === undefined && filters.createdBeforeMs !== undefined) after = [filters.createdBeforeMs, 0];
      const found = state.listTokens({ ...query, after }, nowMs, keep);
      page = pageOf(found, limit, list, (t) => [Date.parse(t.createdAt), t.seq]);
    } else {
      const found = state.listTokens({ ...query, limit: Number.MAX_SAFE_INTEGER }, nowMs, keep);
      page = sortedPage(state, found, sort, list, cursor, limit);
    }
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
    state.recordEvent('token.created', record.id, ctx.account.id, ctx.nowMs);
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
    ctx.state.recordEvent('token.updated', token.id, ctx.account.id, ctx.nowMs);
    return { status: 200, body: ctx.state.toToken(token, ctx.nowMs) satisfies Token };
  },

  revokeToken(ctx) {
    const token = visibleToken(ctx);
    // A token that revokes itself by its id is a `self` revocation, as through /v1/tokens/self.
    const reason = token.id === ctx.token.id ? 'self' : 'manual';
    ctx.state.revoke(token, ctx.nowMs, { reason, actor: ctx.account.id });
    return { status: 204 };
  },

  rotateToken(ctx) {
    // Validation first, then who may: the body is checked before the token is looked at.
    return rotate(ctx, () => ownToken(ctx, 'rotate'), false);
  },
};
