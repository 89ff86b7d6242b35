/**
 * The msw handlers of the whole API, built from the spec's operations table: one route per
 * operation (static paths before parameterised ones, so `/v1/tokens/self` wins over
 * `/v1/tokens/{tokenId}`), then a catch-all that answers any other path under the base URL with a
 * loud `404 not_found` naming the unknown route.
 */
import { type OperationId, type OperationInfo, operations } from '@graphtoken/contract';
import { http, type RequestHandler } from 'msw';
import { answer, type MockRuntime, type OperationImpl } from '../internal/pipeline.js';
import { blockOperations } from './blocks.js';
import { graphOperations } from './graphs.js';
import { tokenOperations } from './tokens.js';

const implementations: Record<OperationId, OperationImpl> = {
  ...tokenOperations,
  ...graphOperations,
  ...blockOperations,
};

/** `/v1/tokens/{tokenId}` → `/v1/tokens/:tokenId`. */
function toMswPath(template: string): string {
  return template.replace(/\{(\w+)\}/g, ':$1');
}

const METHOD = {
  GET: http.get,
  POST: http.post,
  PUT: http.put,
  PATCH: http.patch,
  DELETE: http.delete,
} as const;

/** @internal */
export function createHandlers(runtime: MockRuntime): RequestHandler[] {
  const ops: OperationInfo[] = Object.values(operations);
  const ordered = ops
    .map((op, index) => ({ op, index }))
    .sort((a, b) => a.op.pathParams.length - b.op.pathParams.length || a.index - b.index)
    .map(({ op }) => op);
  const handlers: RequestHandler[] = ordered.map((op) =>
    METHOD[op.method](`${runtime.baseUrl}${toMswPath(op.path)}`, ({ request, params }) =>
      answer(
        runtime,
        op,
        implementations[op.operationId as OperationId],
        request,
        params as Record<string, string>,
      ),
    ),
  );
  handlers.push(http.all(`${runtime.baseUrl}/*`, ({ request }) => answer(runtime, null, null, request, {})));
  return handlers;
}
