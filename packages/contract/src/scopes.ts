/**
 * The scope lattice of DOMAIN.md, at the value level and the type level. Which scopes an
 * operation needs is never written here: it comes from the generated operations table, which
 * comes from each operation's `security` requirement in spec/openapi.yaml.
 */
import { type OperationId, operations, type roleNames, scopeNames } from './generated/operations.js';

/** A token scope: `read`, `append`, `write` or `manage`. */
export type Scope = (typeof scopeNames)[number];

/** An account's role on a graph. */
export type Role = (typeof roleNames)[number];

/** What each scope implies (itself included): `write` implies `read` and `append`. */
const IMPLIES = {
  read: ['read'],
  append: ['append'],
  write: ['write', 'read', 'append'],
  manage: ['manage'],
} as const satisfies Record<Scope, readonly Scope[]>;

/** What each role lets a token created by that account do on a graph. */
const ROLE_SCOPES = {
  owner: ['read', 'append', 'write', 'manage'],
  admin: ['read', 'append', 'write', 'manage'],
  editor: ['read', 'append', 'write'],
  viewer: ['read'],
} as const satisfies Record<Role, readonly Scope[]>;

/** The type-level form of {@link expandScopes}. */
export type ExpandScopes<S extends Scope> = (typeof IMPLIES)[S][number];

/** Whether granted scopes `G` cover every scope in `R`, at the type level. */
export type CoversAll<G extends Scope, R extends readonly Scope[]> = [
  Exclude<R[number], ExpandScopes<G>>,
] extends [never]
  ? true
  : false;

/** Whether any alternative of a security requirement is covered by `G`, at the type level. */
type AnyCovered<G extends Scope, Alternatives> = Alternatives extends readonly [
  infer First extends readonly Scope[],
  ...infer Rest,
]
  ? CoversAll<G, First> extends true
    ? true
    : AnyCovered<G, Rest>
  : false;

/**
 * Whether a token with scopes `G` may call operation `Op`, at the type level. An operation whose
 * `security` is empty (`[]`, no token needed, e.g. `revokeLeakedTokens`) is open to every token.
 */
export type CanPerform<
  G extends Scope,
  Op extends OperationId,
> = (typeof operations)[Op]['security'] extends readonly []
  ? true
  : AnyCovered<G, (typeof operations)[Op]['security']>;

/** The operationIds a token with scopes `G` may call. */
export type AllowedOperationId<G extends Scope> = {
  [K in OperationId]: CanPerform<G, K> extends true ? K : never;
}[OperationId];

/** Whether a value is one of the four scope names. */
export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (scopeNames as readonly string[]).includes(value);
}

/** Every scope a set grants, implied ones included (`['write']` → `['read', 'append', 'write']`), in canonical order. */
export function expandScopes(scopes: Iterable<Scope>): Scope[] {
  const granted = new Set<Scope>();
  for (const s of scopes) for (const implied of IMPLIES[s]) granted.add(implied);
  return scopeNames.filter((s) => granted.has(s));
}

/**
 * The canonical form of a scope set: duplicates and implied scopes dropped, canonical order
 * (`['read', 'write']` → `['write']`). The API stores and returns scopes in this form.
 */
export function normalizeScopes(scopes: Iterable<Scope>): Scope[] {
  const expanded = expandScopes(scopes);
  return expanded.filter(
    (s) => !expanded.some((other) => other !== s && IMPLIES[other].includes(s as never)),
  );
}

/** Whether granted scopes cover every required one, through the lattice. */
export function scopesCover(granted: Iterable<Scope>, required: Iterable<Scope>): boolean {
  const have = new Set(expandScopes(granted));
  for (const s of required) if (!have.has(s)) return false;
  return true;
}

/**
 * The scopes an operation needs, as alternatives (any one suffices); `[[]]` means any valid token,
 * `[]` no token at all (`revokeLeakedTokens`).
 *
 * @example
 * requiredScopes('listBlocks') // [['read']]
 */
export function requiredScopes(operationId: OperationId): readonly (readonly Scope[])[] {
  return operations[operationId].security;
}

/** Whether a token with these scopes may call the operation (before graph binding and role are considered). */
export function canPerform(granted: Iterable<Scope>, operationId: OperationId): boolean {
  const have = [...granted];
  const required = requiredScopes(operationId);
  // `security: []`: the operation needs no token at all, so no scope set is refused.
  return required.length === 0 || required.some((alternative) => scopesCover(have, alternative));
}

/**
 * The scopes a token lacks for an operation: the smallest missing set over the alternatives,
 * normalised. Empty when {@link canPerform} is true.
 */
export function missingScopes(granted: Iterable<Scope>, operationId: OperationId): Scope[] {
  const have = new Set(expandScopes(granted));
  let best: Scope[] | undefined;
  for (const alternative of requiredScopes(operationId)) {
    const missing = alternative.filter((s) => !have.has(s));
    if (best === undefined || missing.length < best.length) best = missing;
  }
  return normalizeScopes(best ?? []);
}

/** The scopes a role lets a token use on a graph (viewer → read; editor → read/append/write; owner/admin → all). */
export function roleScopes(role: Role): Scope[] {
  return [...ROLE_SCOPES[role]];
}

/** Whether an account with this role may mint tokens for the graph (owners and admins only). */
export function canMintTokens(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

/**
 * A token's effective scopes on a graph: its scopes ∩ what its creator's current role allows,
 * normalised. Demoting the creator narrows every token they made at once.
 */
export function effectiveScopes(tokenScopes: Iterable<Scope>, role: Role): Scope[] {
  const allowed = new Set<Scope>(ROLE_SCOPES[role]);
  return normalizeScopes(expandScopes(tokenScopes).filter((s) => allowed.has(s) && s !== 'manage'));
}

/**
 * Whether a scope set must be bound to at least one graph: `read`, `append` and `write` apply to
 * graphs; `manage` alone is account-level.
 */
export function needsGraphs(scopes: Iterable<Scope>): boolean {
  for (const s of scopes) if (s !== 'manage') return true;
  return false;
}

/** The scopes an encrypted graph accepts: only `append` (its content cannot be read, so neither can it be edited). */
export const ENCRYPTED_GRAPH_SCOPES: readonly Scope[] = ['append'];

/**
 * The scopes of a set that an encrypted graph refuses (`read`, `write`), in the order given;
 * `manage` is account-level and never refused.
 */
export function scopesRefusedOnEncryptedGraph(scopes: Iterable<Scope>): Scope[] {
  return [...new Set(scopes)].filter((s) => s !== 'manage' && !ENCRYPTED_GRAPH_SCOPES.includes(s));
}

/**
 * Scope presets that map the permission choices of the products GraphToken models.
 *
 * @example
 * client.tokens.create({ name: 'Zapier', scopes: [...presets.roamAppendOnly], graphIds: ['gr_…'] })
 */
export const presets = {
  /** Roam Research "read-only access". */
  roamReadOnly: ['read'],
  /** Roam Research "read & edit access". */
  roamReadEdit: ['write'],
  /** Roam Research "append-only access": the only choice for encrypted graphs. */
  roamAppendOnly: ['append'],
  /** TriplyDB "Read access". */
  triplyRead: ['read'],
  /** TriplyDB "Write access": enough for most pipelines. */
  triplyWrite: ['write'],
  /** TriplyDB "Management access" (rarely needed). */
  triplyManagement: ['manage', 'write'],
  /** A Graphor project token: `write` on one graph. */
  graphorProject: ['write'],
} as const satisfies Record<string, readonly Scope[]>;

/** The name of a scope preset. */
export type PresetName = keyof typeof presets;
