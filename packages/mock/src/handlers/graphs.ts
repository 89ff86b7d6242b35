/**
 * The `graphs` tag of spec/openapi.yaml: the graphs a token can reach, with its creator's role and
 * the token's effective scopes (scopes ∩ role) on each.
 */
import { canMintTokens, type Graph, type GraphList } from '@graphtoken/contract';
import type { OperationContext } from '../internal/pipeline.js';
import type { GraphRecord } from '../store/records.js';
import type { TagOperations } from './define.js';

function graphView(ctx: OperationContext, graph: GraphRecord): Graph {
  const role = ctx.state.roleOf(ctx.token.createdBy, graph.id)!;
  return {
    id: graph.id,
    name: graph.name,
    encrypted: graph.encrypted,
    role,
    scopes: ctx.state.effectiveOn(ctx.token, graph.id),
  };
}

/** The `graphs` operations. */
export const graphOperations: TagOperations<'graphs'> = {
  listGraphs(ctx) {
    const { state, token } = ctx;
    const manages = token.scopes.includes('manage');
    const data = [...state.graphs.values()]
      .filter((g) => {
        const role = state.roleOf(token.createdBy, g.id);
        if (role === undefined) return false;
        return token.graphIds.includes(g.id) || (manages && canMintTokens(role));
      })
      .map((g) => graphView(ctx, g));
    return { status: 200, body: { data } satisfies GraphList };
  },

  getGraph(ctx) {
    return { status: 200, body: graphView(ctx, ctx.graph!) };
  },
};
