/**
 * The SDK's public scope API: the contract's scope lattice (written once, derived from the
 * spec's `security` requirements) plus the method-level view the client needs: which method calls
 * which operation, which scopes it needs, and the type-level filter behind scoped clients.
 */
import {
  type AllowedOperationId,
  canPerform as contractCanPerform,
  requiredScopes as contractRequiredScopes,
  type OperationId,
  type operations,
  type Scope,
} from '@graphtoken/contract';
import { auditEventsOperations } from '../resources/audit-events.js';
import { blocksOperations } from '../resources/blocks.js';
import { graphsOperations } from '../resources/graphs.js';
import { tokensOperations } from '../resources/tokens.js';

export {
  type AllowedOperationId,
  type CanPerform,
  ENCRYPTED_GRAPH_SCOPES,
  type ExpandScopes,
  effectiveScopes,
  expandScopes,
  isScope,
  missingScopes,
  needsGraphs,
  normalizeScopes,
  type PresetName,
  presets,
  type Role,
  roleScopes,
  type Scope,
  scopesCover,
  scopesRefusedOnEncryptedGraph,
} from '@graphtoken/contract';

/** Every method of the client, by resource, with the operationId it calls. */
export const methodOperations = {
  tokens: tokensOperations,
  graphs: graphsOperations,
  blocks: blocksOperations,
  auditEvents: auditEventsOperations,
} as const;

type MethodOperations = typeof methodOperations;

/** A method of the client, as `resource.method` (`'blocks.list'`). */
export type MethodName = {
  [R in keyof MethodOperations]: `${R & string}.${keyof MethodOperations[R] & string}`;
}[keyof MethodOperations];

/** The operationId a method calls. */
export type MethodOperation<M extends MethodName> = M extends `${infer R}.${infer F}`
  ? R extends keyof MethodOperations
    ? F extends keyof MethodOperations[R]
      ? MethodOperations[R][F]
      : never
    : never
  : never;

/** The operationId a method (`'blocks.list'`) calls, or the operationId itself. */
export function operationOf(target: MethodName | OperationId): OperationId {
  const dot = target.indexOf('.');
  if (dot === -1) return target as OperationId;
  const resource = methodOperations[target.slice(0, dot) as keyof MethodOperations] as Record<
    string,
    OperationId
  >;
  const op = resource?.[target.slice(dot + 1)];
  if (!op) throw new TypeError(`unknown method ${target}`);
  return op;
}

/**
 * The scopes a method or operation needs, as alternatives (any one suffices); `[[]]` means any
 * valid token.
 *
 * @example
 * requiredScopes('blocks.list') // [['read']]
 * requiredScopes('getGraph')    // [['read'], ['append'], ['write']]
 */
export function requiredScopes(target: MethodName | OperationId): readonly (readonly Scope[])[] {
  return contractRequiredScopes(operationOf(target));
}

/**
 * Whether a token with these scopes may call a method or operation (before graph binding and the
 * creator's role are considered, which only the API knows).
 *
 * @example
 * canPerform(['append'], 'blocks.list') // false
 */
export function canPerform(granted: Iterable<Scope>, target: MethodName | OperationId): boolean {
  return contractCanPerform(granted, operationOf(target));
}

/** The methods of one resource a token with scopes `S` may call. */
export type AllowedMethods<Ops extends Readonly<Record<string, OperationId>>, S extends Scope> = {
  [M in keyof Ops]: Ops[M] extends AllowedOperationId<S> ? M : never;
}[keyof Ops];

/** Scopes joined for a message: `['read', 'append']` → `'read + append'`. */
type JoinScopes<T> = T extends readonly [infer F extends string, ...infer R]
  ? R extends readonly []
    ? F
    : `${F} + ${JoinScopes<R>}`
  : 'no scope';

/** A security requirement's alternatives for a message: `[['read'], ['write']]` → `'read or write'`. */
type JoinAlternatives<T> = T extends readonly [infer F, ...infer R]
  ? R extends readonly []
    ? JoinScopes<F>
    : `${JoinScopes<F>} or ${JoinAlternatives<R>}`
  : never;

/** The message a scoped client's refused method carries: `'blocks.list requires scope: read'`. */
export type ScopeRequiredMessage<
  Resource extends string,
  Method extends string,
  Op extends OperationId,
> = `${Resource}.${Method} requires scope: ${JoinAlternatives<(typeof operations)[Op]['security']>}`;

/**
 * The type a scoped client gives a method its scopes do not allow: calling it fails to compile
 * with an error that names the scope it needs ("The 'this' context … is not assignable to
 * method's 'this' of type '"blocks.list requires scope: read"'"). At run time the call is
 * refused before any request with an offline `InsufficientScopeError`.
 */
export type ScopeRequired<Message extends string> = (this: Message, ...args: unknown[]) => never;

/**
 * A resource narrowed to what a token with scopes `S` may call: an allowed method keeps its
 * signature; a refused one becomes {@link ScopeRequired}, so calling it is a compile error that
 * names the missing scope.
 */
export type Scoped<
  R,
  Ops extends Readonly<Record<string, OperationId>>,
  S extends Scope,
  Resource extends string = string,
> = {
  readonly [M in keyof Ops & keyof R & string]: Ops[M] extends AllowedOperationId<S>
    ? R[M]
    : ScopeRequired<ScopeRequiredMessage<Resource, M, Ops[M]>>;
};
