/**
 * `client.graphs`: the operations tagged `graphs` in spec/openapi.yaml: the graphs a token can
 * reach, with the creator's role and the token's effective scopes on each.
 */
import { GraphListSchema, GraphSchema, type OperationId } from '@graphtoken/contract';
import type { APIPromise } from '../core/api-promise.js';
import type { ItemOf, ResponseOf } from '../core/operation-types.js';
import type { PagedList } from '../core/pagination.js';
import { APIResource } from '../core/resource.js';
import type { RequestOptions } from '../internal/transport.js';

/**
 * Which operation each `graphs` method calls (the scope types follow it). The methods name their
 * operationId as a literal, so an app's bundle carries this map only if it imports it; each
 * method calls the operation named here (the SDK's tests check every one).
 */
export const graphsOperations = {
  list: 'listGraphs',
  get: 'getGraph',
} as const satisfies Record<string, OperationId>;

/** Graphs. */
export class Graphs extends APIResource {
  /**
   * The graphs the token can reach (one page: the API does not paginate them). Needs any valid token.
   * @example for await (const graph of client.graphs.list()) console.log(graph.name, graph.scopes);
   */
  list(options?: RequestOptions): PagedList<ItemOf<'listGraphs'>> {
    return this._list({ operationId: 'listGraphs', schema: GraphListSchema }, undefined, options);
  }

  /** One graph, with the token's effective scopes on it. Needs `read`, `append` or `write` on it. */
  get(graphId: string, options?: RequestOptions): APIPromise<ResponseOf<'getGraph'>> {
    return this._call({ operationId: 'getGraph', path: { graphId }, schema: GraphSchema }, options);
  }
}
