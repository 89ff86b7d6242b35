/**
 * The query parameters each operation accepts, from the spec (spec "Query parameters": any other
 * one is a `422 validation_failed` naming it, and so is a parameter given twice). The lists are
 * checked against the types generated from spec/openapi.yaml, both ways, so a parameter added to
 * or removed from the spec fails `pnpm typecheck` until it is listed here.
 * @internal
 */
import type { OperationId, OperationTypes } from '@graphtoken/contract';
import { validationFailed } from './problem.js';

/** The query parameter names of an operation, from the generated types. */
type QueryOf<Op extends OperationId> = NonNullable<OperationTypes[Op]['parameters']['query']>;
type QueryParamOf<Op extends OperationId> = [QueryOf<Op>] extends [never]
  ? never
  : keyof QueryOf<Op> & string;

const QUERY_PARAMS = {
  introspectToken: [],
  revokeSelfToken: [],
  rotateSelfToken: [],
  revokeLeakedTokens: [],
  listTokens: [
    'status',
    'graphId',
    'lastUsedBefore',
    'createdBefore',
    'expiresBefore',
    'neverUsed',
    'q',
    'sort',
    'limit',
    'cursor',
  ],
  createToken: [],
  getToken: [],
  updateToken: [],
  revokeToken: [],
  rotateToken: [],
  listGraphs: [],
  getGraph: [],
  listBlocks: ['limit', 'cursor'],
  appendBlocks: [],
  getBlock: [],
  updateBlock: [],
  deleteBlock: [],
  listAuditEvents: ['tokenId', 'type', 'since', 'limit', 'cursor'],
} as const satisfies { readonly [Op in OperationId]: readonly QueryParamOf<Op>[] };

/** Compile-time proof that every parameter the spec gives an operation is listed. */
type Missing = {
  [Op in OperationId]: Exclude<QueryParamOf<Op>, (typeof QUERY_PARAMS)[Op][number]>;
}[OperationId];
const everyParameterListed: [Missing] extends [never] ? true : Missing = true;
void everyParameterListed;

/** The query parameters `operationId` accepts. */
export function queryParamsOf(operationId: OperationId): readonly string[] {
  return QUERY_PARAMS[operationId];
}

/** Decodes one `application/x-www-form-urlencoded` name or value; undefined when it is not valid percent-encoded UTF-8. */
function decodeStrict(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

/**
 * Refuses a query parameter the operation does not take, one given more than once, and one whose
 * name or value is not valid percent-encoded UTF-8 (`%ZZ`, a lone surrogate: `URLSearchParams`
 * would silently turn it into U+FFFD), with `422 validation_failed` naming each (never its value).
 * Runs after the credentials, so a token in the query string is still the `400 invalid_request`
 * it always was.
 */
export function checkQueryParams(operationId: OperationId, url: URL): void {
  const allowed = queryParamsOf(operationId);
  const query = url.searchParams;
  const counts = new Map<string, number>();
  for (const key of query.keys()) counts.set(key, (counts.get(key) ?? 0) + 1);
  const errors = [];
  for (const pair of url.search.slice(1).split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const rawName = at < 0 ? pair : pair.slice(0, at);
    const name = decodeStrict(rawName);
    if (name === undefined || (at >= 0 && decodeStrict(pair.slice(at + 1)) === undefined)) {
      errors.push({
        field: name ?? new URLSearchParams(`${rawName}=`).keys().next().value ?? '',
        message:
          'is not valid percent-encoded UTF-8 (each % needs two hex digits, and the bytes must be UTF-8); encode it with encodeURIComponent',
      });
    }
  }
  for (const [key, n] of counts) {
    if (!allowed.includes(key)) {
      errors.push({
        field: key,
        message:
          allowed.length === 0
            ? `is not a query parameter of ${operationId}, which takes none; remove it`
            : `is not a query parameter of ${operationId} (it takes ${allowed.join(', ')}); check the spelling`,
      });
    } else if (n > 1) {
      errors.push({ field: key, message: `must be given once, not ${n} times` });
    }
  }
  if (errors.length > 0) throw validationFailed(errors);
}
