/**
 * The authorization policy of DOMAIN.md ("Scopes", "Who may do what to a token", "Errors") and the
 * spec's order of checks, written out as small tables and one decision function: the reference the
 * authorization model test compares the mock with. Written from the documents, not from the mock:
 * it imports nothing of the mock's logic, nor the contract's scope helpers. Test-only.
 */

/** A scope a token can hold. */
export type Scope = 'read' | 'append' | 'write' | 'manage';
/** An account's role on a graph; `none` when it cannot see the graph at all. */
export type Role = 'owner' | 'admin' | 'editor' | 'viewer' | 'none';

/** DOMAIN.md "Scopes": what each scope gives (itself and what it implies). */
export const SCOPE_GIVES: Record<Scope, readonly Scope[]> = {
  read: ['read'],
  append: ['append'],
  write: ['write', 'read', 'append'],
  manage: ['manage'],
};

/** DOMAIN.md "Effective permission": the data scopes each role allows on a graph. */
export const ROLE_ALLOWS: Record<Role, readonly Scope[]> = {
  owner: ['read', 'append', 'write'],
  admin: ['read', 'append', 'write'],
  editor: ['read', 'append', 'write'],
  viewer: ['read'],
  none: [],
};

/** Only owners and admins mint tokens for a graph, and see the tokens bound to it. */
export const ADMINISTERS: Record<Role, boolean> = {
  owner: true,
  admin: true,
  editor: false,
  viewer: false,
  none: false,
};

/**
 * The scope each operation needs (any valid token when `null`), and whether it acts on a graph.
 * `open`: the operation needs no token at all and ignores credentials (DOMAIN.md "Leaked secrets").
 */
export const OPERATION_NEEDS = {
  introspectToken: { scope: null, graph: false, success: 200 },
  revokeSelfToken: { scope: null, graph: false, success: 204 },
  rotateSelfToken: { scope: null, graph: false, success: 201 },
  revokeLeakedTokens: { scope: null, graph: false, success: 202, open: true },
  listTokens: { scope: 'manage', graph: false, success: 200 },
  createToken: { scope: 'manage', graph: false, success: 201 },
  getToken: { scope: 'manage', graph: false, success: 200 },
  updateToken: { scope: 'manage', graph: false, success: 200 },
  revokeToken: { scope: 'manage', graph: false, success: 204 },
  rotateToken: { scope: 'manage', graph: false, success: 201 },
  listGraphs: { scope: null, graph: false, success: 200 },
  getGraph: { scope: ['read', 'append'], graph: true, success: 200 },
  listBlocks: { scope: 'read', graph: true, success: 200 },
  appendBlocks: { scope: 'append', graph: true, success: 201 },
  getBlock: { scope: 'read', graph: true, success: 200 },
  updateBlock: { scope: 'write', graph: true, success: 200 },
  deleteBlock: { scope: 'write', graph: true, success: 204 },
  listAuditEvents: { scope: 'manage', graph: false, success: 200 },
} as const satisfies Record<
  string,
  { scope: Scope | readonly Scope[] | null; graph: boolean; success: number; open?: boolean }
>;

/** An operation of the API. */
export type Operation = keyof typeof OPERATION_NEEDS;

/** DOMAIN.md "Who may do what to a token": who the caller's account is to the token. */
export type Relation = 'creator' | 'graphAdmin' | 'other';

/** What happens to an action on a token, by relation: allowed, or the refusal's code. */
type Verdict = 'allow' | 'not_token_owner' | 'not_found';

/** The table of DOMAIN.md "Who may do what to a token", row by row. */
export const TOKEN_ACTIONS: Record<'see' | 'revoke' | 'rename' | 'rotate', Record<Relation, Verdict>> = {
  /** List, get, and see its audit events. */
  see: { creator: 'allow', graphAdmin: 'allow', other: 'not_found' },
  revoke: { creator: 'allow', graphAdmin: 'allow', other: 'not_found' },
  rename: { creator: 'allow', graphAdmin: 'not_token_owner', other: 'not_found' },
  rotate: { creator: 'allow', graphAdmin: 'not_token_owner', other: 'not_found' },
};

/** Which row of {@link TOKEN_ACTIONS} each operation on another token is. */
const TOKEN_ACTION_OF = {
  getToken: 'see',
  revokeToken: 'revoke',
  updateToken: 'rename',
  rotateToken: 'rotate',
} as const;

/** A token as the reference sees it. */
export interface PolicyToken {
  readonly id: string;
  readonly createdBy: string;
  readonly scopes: readonly Scope[];
  readonly graphIds: readonly string[];
  readonly expiresAt: number | null;
  readonly revokedAt: number | null;
  readonly rotatedTo: string | null;
}

/** What the reference needs to know about the world. */
export interface PolicyWorld {
  readonly now: number;
  /** The account's role on a graph (`none` when it has none, or the graph does not exist). */
  role(accountId: string, graphId: string): Role;
  graphExists(graphId: string): boolean;
  graphEncrypted(graphId: string): boolean;
  blockIn(graphId: string, blockId: string): boolean;
}

/** One call: the operation, the calling token, and what it acts on. */
export interface PolicyCall {
  readonly op: Operation;
  readonly caller: PolicyToken;
  /** For getToken, updateToken, revokeToken, rotateToken. */
  readonly target?: PolicyToken | undefined;
  /** For graph operations. */
  readonly graphId?: string;
  /** For getBlock, updateBlock, deleteBlock. */
  readonly blockId?: string;
  /** For createToken. */
  readonly create?: { readonly scopes: readonly Scope[]; readonly graphIds: readonly string[] };
}

/** The answer the reference expects: a status, and the problem `code` when it is an error. */
export interface Expected {
  readonly status: number;
  readonly code?: string;
}

/** Status precedence (DOMAIN.md "Lifecycle"): revoked, then expired, else active. */
export function statusOf(t: PolicyToken, now: number): 'active' | 'revoked' | 'expired' {
  if (t.revokedAt !== null && t.revokedAt <= now) return 'revoked';
  if (t.expiresAt !== null && t.expiresAt <= now) return 'expired';
  return 'active';
}

const gives = (scopes: readonly Scope[]) => new Set(scopes.flatMap((s) => SCOPE_GIVES[s]));

function covers(granted: Set<Scope>, needed: Scope | readonly Scope[] | null): boolean {
  if (needed === null) return true;
  const any: readonly Scope[] = typeof needed === 'string' ? [needed] : needed;
  return any.some((s) => granted.has(s));
}

/** Who the caller's account is to a token, by its current roles. */
export function relation(world: PolicyWorld, accountId: string, t: PolicyToken): Relation {
  if (t.createdBy === accountId) return 'creator';
  return t.graphIds.some((g) => ADMINISTERS[world.role(accountId, g)]) ? 'graphAdmin' : 'other';
}

const refuse = (status: number, code: string): Expected => ({ status, code });

/** What the API must answer to a call, in the spec's order of checks. */
export function expectedAnswer(world: PolicyWorld, call: PolicyCall): Expected {
  const { op, caller } = call;
  const need: { scope: Scope | readonly Scope[] | null; graph: boolean; success: number; open?: boolean } =
    OPERATION_NEEDS[op];
  const account = caller.createdBy;

  // No token needed: credentials are not even read; a well-formed report is always accepted alike.
  if (need.open) return { status: need.success };

  // 1. Credentials.
  const callerStatus = statusOf(caller, world.now);
  if (callerStatus === 'revoked') return refuse(401, 'token_revoked');
  if (callerStatus === 'expired') return refuse(401, 'token_expired');

  // 3. The token's own scopes.
  if (!covers(gives(caller.scopes), need.scope)) return refuse(403, 'insufficient_scope');

  // 4. The graph: visible to the creator, bound to the token, effective scopes enough.
  if (need.graph) {
    const graphId = call.graphId!;
    const role = world.graphExists(graphId) ? world.role(account, graphId) : 'none';
    if (role === 'none') return refuse(404, 'not_found');
    if (!caller.graphIds.includes(graphId)) return refuse(403, 'graph_not_in_token');
    const allowed = new Set(ROLE_ALLOWS[role]);
    const effective = new Set([...gives(caller.scopes)].filter((s) => allowed.has(s)));
    if (!covers(effective, need.scope)) return refuse(403, 'insufficient_scope');
  }

  // 6. The resource and the business rules.
  if (op === 'getBlock' || op === 'updateBlock' || op === 'deleteBlock') {
    if (!world.blockIn(call.graphId!, call.blockId!)) return refuse(404, 'not_found');
  }
  if (op === 'createToken') {
    const { scopes, graphIds } = call.create!;
    for (const graphId of graphIds) {
      const role = world.graphExists(graphId) ? world.role(account, graphId) : 'none';
      if (role === 'none') return refuse(404, 'not_found');
      if (!ADMINISTERS[role]) return refuse(403, 'not_graph_admin');
    }
    const readsOrWrites = scopes.some((s) => s === 'read' || s === 'write');
    if (readsOrWrites && graphIds.some((g) => world.graphEncrypted(g))) {
      return refuse(422, 'scope_not_allowed_for_encrypted_graph');
    }
  }
  if (op === 'getToken' || op === 'updateToken' || op === 'revokeToken' || op === 'rotateToken') {
    const target = call.target!;
    const verdict = TOKEN_ACTIONS[TOKEN_ACTION_OF[op]][relation(world, account, target)];
    if (verdict === 'not_found') return refuse(404, 'not_found');
    if (verdict === 'not_token_owner') return refuse(403, 'not_token_owner');
    // A rotation mints a secret: the creator must still administer every bound graph.
    if (op === 'rotateToken' && target.graphIds.some((g) => !ADMINISTERS[world.role(account, g)])) {
      return refuse(403, 'not_graph_admin');
    }
    if (op === 'rotateToken' && (statusOf(target, world.now) !== 'active' || target.rotatedTo !== null)) {
      return refuse(409, 'token_not_active');
    }
  }
  if (op === 'rotateSelfToken') {
    // The caller rotates itself: it mints a secret for its creator, who must still administer
    // every bound graph; a token already rotated (in its grace period) has a successor to rotate.
    if (caller.graphIds.some((g) => !ADMINISTERS[world.role(account, g)]))
      return refuse(403, 'not_graph_admin');
    if (caller.rotatedTo !== null) return refuse(409, 'token_not_active');
  }
  return { status: need.success };
}

/**
 * The tokens an account may list, and whose audit events it may read (DOMAIN.md: created by it,
 * or bound to a graph it administers, by its current roles).
 */
export function visibleTokens<T extends PolicyToken>(
  world: PolicyWorld,
  accountId: string,
  tokens: readonly T[],
): T[] {
  return tokens.filter((t) => TOKEN_ACTIONS.see[relation(world, accountId, t)] === 'allow');
}
