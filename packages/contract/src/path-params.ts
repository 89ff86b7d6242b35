/**
 * Path parameter checks, from the patterns the spec gives each path parameter (the generated
 * `pathParamPatterns`). The SDK refuses an id that breaks its pattern before sending anything,
 * and the mock answers one with `404 not_found`: such an id (`self`, `.`, `..`, an encoded `/`)
 * could otherwise land on another operation (`DELETE /v1/tokens/self` revokes the caller).
 *
 * @see ../../../spec/openapi.yaml `components.parameters` (TokenId, GraphId, BlockId)
 */
import {
  type OperationId,
  operations,
  type PathParamName,
  pathParamPatterns,
} from './generated/operations.js';

/** Whether `name` is a path parameter of the API. */
export function isPathParamName(name: string): name is PathParamName {
  return Object.hasOwn(pathParamPatterns, name);
}

/**
 * Whether `value` matches the spec's pattern for the path parameter `name` (`tokenId`, `graphId`,
 * `blockId`). Checks the raw value, before any percent-encoding: `tok_…`, `gr_…` and `blk_…` ids
 * are letters and digits only, so a valid id never needs encoding. An unknown name never matches.
 * @example matchesPathParam('tokenId', 'self') // false: `self` is a path segment, not an id
 */
export function matchesPathParam(name: string, value: string): boolean {
  return isPathParamName(name) && new RegExp(pathParamPatterns[name]).test(value);
}

/**
 * The first path parameter of an operation whose value breaks its pattern (or is missing), or
 * `undefined` when every one matches.
 */
export function invalidPathParam(
  operationId: OperationId,
  params: Readonly<Record<string, unknown>>,
): PathParamName | undefined {
  const names: readonly string[] = operations[operationId].pathParams;
  return names.find((name) => {
    const value = params[name];
    return typeof value !== 'string' || !matchesPathParam(name, value);
  }) as PathParamName | undefined;
}
