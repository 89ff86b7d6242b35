/**
 * The msw handlers of the whole API, built from the spec's operations table: one route per
 * operation (static paths before parameterised ones, so `/v1/tokens/self` wins over
 * `/v1/tokens/{tokenId}`), then a catch-all that answers `HEAD` on a `GET` resource like the `GET`
 * without a body, another method on a known path with `405` and an `Allow` header, and any other
 * path under the base URL with a loud `404 not_found` naming the unknown route. A route answers only
 * a path that is exactly its template with each id matching its spec pattern; any other path is
 * answered as unknown. A URL longer than msw's router takes is answered `414` before any route is tried.
 */
import { type OperationId, type OperationInfo, operations } from '@graphtoken/contract';
import { http, type RequestHandler } from 'msw';
import { operationPathPattern } from '../internal/path-pattern.js';
import { type AnyOperationImpl, answer, type MockRuntime } from '../internal/pipeline.js';
import { allowedMethods, findRoute } from '../internal/route-table.js';
import { isUrlTooLong, MAX_URL_LENGTH } from '../internal/url-length.js';
import { auditOperations } from './audit.js';
import { blockOperations } from './blocks.js';
import { graphOperations } from './graphs.js';
import { tokenOperations } from './tokens.js';

const implementations: Record<OperationId, AnyOperationImpl> = {
  ...tokenOperations,
  ...auditOperations,
  ...graphOperations,
  ...blockOperations,
};

/** The path of a request URL under the mock's base path, as sent (still percent-encoded). */
function rawPath(url: string, basePath: string): string {
  const { pathname } = new URL(url);
  return pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname;
}

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
  const handlers: RequestHandler[] = ordered.map((op) => {
    const exact = operationPathPattern(op.path);
    return METHOD[op.method](`${runtime.baseUrl}${toMswPath(op.path)}`, ({ request }) => {
      // msw matches loosely (a trailing slash, decoded segments): route only a raw path that is
      // exactly this operation's, with every id matching its spec pattern; anything else is an
      // unknown path (404), never this or another operation.
      const match = exact.exec(rawPath(request.url, runtime.basePath));
      if (match === null) return answer(runtime, null, null, request, {});
      const impl = implementations[op.operationId as OperationId];
      return answer(runtime, op, impl, request, { ...match.groups });
    });
  });
  const underBase = (request: Request) => request.url.startsWith(`${runtime.baseUrl}/`);
  // First: a URL too long for msw's router (it throws past 8,192 characters) gets its own answer.
  handlers.unshift(
    http.all(
      ({ request }) => isUrlTooLong(request, runtime.baseUrl),
      ({ request }) => answer(runtime, null, null, request, {}, { uriTooLong: MAX_URL_LENGTH }),
    ),
  );
  // Last: HEAD on a GET resource, a known path with another method (405 + Allow), unknown paths (404).
  handlers.push(
    http.all(
      ({ request }) => underBase(request),
      async ({ request }) => {
        const path = rawPath(request.url, runtime.basePath) || '/';
        if (request.method === 'HEAD') {
          const get = findRoute('GET', path);
          if (get) {
            const response = await answer(
              runtime,
              get.op,
              implementations[get.op.operationId as OperationId],
              request,
              get.params,
            );
            return response.type === 'error'
              ? response
              : new Response(null, { status: response.status, headers: response.headers });
          }
        }
        return answer(runtime, null, null, request, {}, { allow: allowedMethods(path) });
      },
    ),
  );
  return handlers;
}
