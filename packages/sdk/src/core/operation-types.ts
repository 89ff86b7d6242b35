/**
 * Request and response types of each operation, derived from the types openapi-typescript
 * generates from spec/openapi.yaml (`@graphtoken/contract`), so the SDK's signatures follow the
 * spec with no hand-written copy.
 */
import type { OperationId, OperationTypes, operations } from '@graphtoken/contract';

type SuccessStatus<Op extends OperationId> = (typeof operations)[Op]['successStatus'];

/**
 * `T` with `| undefined` on its optional properties, so callers compiling with
 * `exactOptionalPropertyTypes` can forward a possibly-undefined value (undefined means not given).
 */
export type UndefinedOptional<T> = { [K in keyof T]: {} extends Pick<T, K> ? T[K] | undefined : T[K] };

/** The query parameters of an operation (`{}` when it has none). */
export type QueryOf<Op extends OperationId> = OperationTypes[Op]['parameters'] extends { query?: infer Q }
  ? [NonNullable<Q>] extends [never]
    ? Record<string, never>
    : UndefinedOptional<NonNullable<Q>>
  : Record<string, never>;

/** The JSON request body of an operation (`never` when it has none). */
export type BodyOf<Op extends OperationId> = OperationTypes[Op] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? UndefinedOptional<B>
  : never;

/** The JSON body of an operation's success response (`undefined` for 204). */
export type ResponseOf<Op extends OperationId> = OperationTypes[Op]['responses'] extends infer R
  ? SuccessStatus<Op> extends keyof R
    ? R[SuccessStatus<Op>] extends { content: { 'application/json': infer D } }
      ? D
      : undefined
    : never
  : never;

/** The item type of a list operation's page. */
export type ItemOf<Op extends OperationId> = ResponseOf<Op> extends { data: (infer I)[] } ? I : never;
