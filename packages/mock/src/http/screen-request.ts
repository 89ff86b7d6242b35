/**
 * What the standalone server answers before a request reaches the mock's handlers: a request
 * target that does not parse, a request the access policy refuses (a foreign `Host`, a cross-origin
 * page on an admin endpoint, a missing admin token), a path that routes as another once
 * percent-decoded or resolved (a `\`, a `.` or `..` segment), an `Expect` other than `100-continue` (417), `OPTIONS *`, an admin preflight, and the
 * methods a Fetch `Request` cannot even carry (`TRACE`, `TRACK`).
 * @internal
 */
import type { IncomingMessage } from 'node:http';
import { adminMethods } from '../admin/create-admin-handlers.js';
import { problemResponse } from '../admin/problem.js';
import { allowedMethods } from '../internal/route-table.js';
import type { AccessPolicy } from './access-policy.js';
import { hasDotSegment } from './dot-segments.js';
import { hasRoutingEscape } from './encoded-path.js';
import type { RequestTarget } from './node-bridge.js';

const ALL_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';

/** The answer to a request that must not reach the handlers, or undefined when it may. */
export function screenRequest(
  req: IncomingMessage,
  target: RequestTarget | undefined,
  admin: boolean,
  policy: AccessPolicy,
): Response | undefined {
  if (target === undefined) {
    return problemResponse({
      status: 400,
      code: 'invalid_request',
      detail:
        'The request target is not a valid path or http URL (RFC 9112 section 3.2). Send a path such as /v1/tokens/self.',
    });
  }
  const refused = policy.refuse(req, { admin, authority: target.authority });
  if (refused) return refused;
  if (hasRoutingEscape(req.url ?? '/')) {
    // `/%5F%5Fmock/state` routes as `/__mock/state` once decoded: refuse it, so that the path
    // the guard screened is the path that is routed.
    return problemResponse({
      status: 404,
      code: 'not_found',
      detail:
        'The GraphToken API has no path with a percent-encoded letter, digit, `-._~`, `/`, `\\` or `%`. Send the path of one operation as written, e.g. /v1/tokens/self.',
    });
  }
  const expect = req.headers.expect;
  if (expect !== undefined && expect.trim().toLowerCase() !== '100-continue') {
    // node:http hands such a request to `checkExpectation`, which the server routes here.
    return problemResponse({
      status: 417,
      code: 'invalid_request',
      detail: `This server meets no expectation but 100-continue (RFC 9110 section 10.1.1); got Expect: ${expect.slice(0, 100)}. Send the request without the Expect header.`,
    });
  }
  const method = (req.method ?? 'GET').toUpperCase();
  if (target.pathname === '*') {
    if (method === 'OPTIONS') return new Response(null, { status: 204, headers: { Allow: ALL_METHODS } });
    return problemResponse({
      status: 400,
      code: 'invalid_request',
      detail: 'Only OPTIONS takes the target *.',
    });
  }
  if (admin && method === 'OPTIONS') return policy.adminPreflight(req);
  // Methods the Fetch standard forbids (a Request cannot even be built for them).
  if (method === 'TRACE' || method === 'TRACK') {
    const allow = admin ? adminMethods(target.pathname) : allowedMethods(target.pathname);
    const response = problemResponse({
      status: allow.length > 0 ? 405 : 404,
      code: allow.length > 0 ? 'invalid_request' : 'not_found',
      detail: `${method} is not allowed here${allow.length > 0 ? `; ${target.pathname} allows ${allow.join(', ')}` : ''}. The API uses GET, HEAD, POST, PATCH and DELETE.`,
    });
    if (allow.length > 0) response.headers.set('Allow', allow.join(', '));
    return response;
  }
  if (hasDotSegment(req.url ?? '/')) {
    // Resolving it would route the request to another path (`blocks/..` → the graph): refuse it.
    return problemResponse({
      status: 404,
      code: 'not_found',
      detail:
        'The GraphToken API has no path with a `\\` or a `.` or `..` segment (plain or percent-encoded). Send the path of one operation, with each id as the API returned it.',
    });
  }
  return undefined;
}
