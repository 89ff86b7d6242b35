/**
 * The spec's paths as a table the mock can ask about any request: which operation a method and
 * path reach (for `HEAD`, answered as `GET`), and which methods a path allows (the `Allow` header
 * of a `405`). Built from the generated operations table, never from a hand-written list.
 * @internal
 */
import { type OperationInfo, operations } from '@graphtoken/contract';
import { operationPathPattern } from './path-pattern.js';

interface Route {
  readonly op: OperationInfo;
  /** The raw path exactly, each id matching its spec pattern (named groups). */
  readonly pattern: RegExp;
}

const ROUTES: readonly Route[] = Object.values(operations as Record<string, OperationInfo>)
  .map((op, index) => ({ op, index }))
  // Static paths before parameterised ones, as the msw routes: `/v1/tokens/self` before `{tokenId}`.
  .sort((a, b) => a.op.pathParams.length - b.op.pathParams.length || a.index - b.index)
  .map(({ op }) => ({ op, pattern: operationPathPattern(op.path) }));

/** The operation `method path` (the raw path under the base path) reaches, with its path parameters; undefined when none does. */
export function findRoute(
  method: string,
  path: string,
): { op: OperationInfo; params: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    if (route.op.method !== method) continue;
    const match = route.pattern.exec(path);
    if (!match) continue;
    return { op: route.op, params: { ...match.groups } };
  }
  return undefined;
}

/**
 * The methods `path` allows, in the order of RFC 9110's examples (`GET, HEAD, POST, …, OPTIONS`):
 * the spec's operations on it, `HEAD` wherever there is a `GET`, and `OPTIONS` (CORS preflights).
 * Empty when the API has no such path.
 */
export function allowedMethods(path: string): string[] {
  const methods = new Set(ROUTES.filter((r) => r.pattern.test(path)).map((r) => r.op.method as string));
  if (methods.size === 0) return [];
  if (methods.has('GET')) methods.add('HEAD');
  methods.add('OPTIONS');
  const order = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
  return order.filter((m) => methods.has(m));
}
