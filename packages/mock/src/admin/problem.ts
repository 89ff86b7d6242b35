import type { ErrorCode, FieldError } from '@graphtoken/contract';
import { ApiProblem } from '../internal/problem.js';

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A fresh `req_…` id for a response the mock's /v1 handlers did not produce. */
export function newRequestId(): string {
  let id = 'req_';
  for (const byte of crypto.getRandomValues(new Uint8Array(16))) id += ID_ALPHABET[byte % 62];
  return id;
}

/** What {@link problemResponse} needs: the rest of the RFC 9457 body is derived. */
export interface ProblemInit {
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
  requestId?: string;
}

/**
 * An `application/problem+json` response in the API's Problem shape (RFC 9457), with its
 * `X-Request-Id`. Used by the admin endpoints and the standalone server for answers that do not
 * come from the /v1 handlers (unknown routes, oversized bodies, admin validation).
 *
 * @see ../../../../spec/openapi.yaml `components.schemas.Problem`
 */
export function problemResponse(init: ProblemInit): Response {
  const requestId = init.requestId ?? newRequestId();
  // The same body the /v1 pipeline renders (type, title, scrubbed detail and fields).
  const problem = new ApiProblem(init.code, init.detail, {
    status: init.status,
    ...(init.errors && { errors: init.errors }),
  });
  return new Response(JSON.stringify(problem.body(requestId)), {
    status: init.status,
    headers: { 'Content-Type': 'application/problem+json', 'X-Request-Id': requestId },
  });
}
