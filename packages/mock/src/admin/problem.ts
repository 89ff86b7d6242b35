import type { ErrorCode, FieldError, Problem } from '@graphtoken/contract';
import { scrubSecrets } from '@graphtoken/contract';
import { PROBLEM_TITLES } from '../internal/problem.js';

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
  title?: string;
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
  const body: Problem = {
    type: `https://docs.graphtoken.dev/errors/${init.code}`,
    title: init.title ?? PROBLEM_TITLES[init.code],
    status: init.status,
    detail: scrubSecrets(init.detail),
    code: init.code,
    requestId,
    ...(init.errors ? { errors: init.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: init.status,
    headers: { 'Content-Type': 'application/problem+json', 'X-Request-Id': requestId },
  });
}
