/**
 * Errors as the API answers them: RFC 9457 problem details with the DOMAIN.md code, and the RFC 6750
 * `WWW-Authenticate` challenge that goes with it.
 */
import {
  type ErrorCode,
  errorCodes,
  type FieldError,
  type Problem,
  type Scope,
  scrubEncodedSecrets,
} from '@graphtoken/contract';

/** The `title` of each code. */
export const PROBLEM_TITLES: Record<ErrorCode, string> = {
  invalid_request: 'Invalid request',
  missing_token: 'Missing token',
  malformed_token: 'Malformed token',
  invalid_token: 'Invalid token',
  token_revoked: 'Token revoked',
  token_expired: 'Token expired',
  insufficient_scope: 'Insufficient scope',
  graph_not_in_token: 'Graph not in token',
  not_graph_admin: 'Not a graph admin',
  not_token_owner: "Not the token's owner",
  not_found: 'Not found',
  token_not_active: 'Token not active',
  request_too_large: 'Request too large',
  validation_failed: 'Validation failed',
  scope_not_allowed_for_encrypted_graph: 'Scope not allowed for encrypted graph',
  rate_limited: 'Rate limited',
  internal_error: 'Internal error',
};

/** Extras a problem can carry. */
export interface ProblemExtras {
  requiredScopes?: readonly Scope[];
  grantedScopes?: readonly Scope[];
  errors?: readonly FieldError[];
  retryAfter?: number;
  /** Overrides the status of the code (injected faults, and the standalone server's own answers). */
  status?: number;
}

/** The RFC 6750 challenge for a code (DOMAIN.md error table), or undefined when it has none. */
export function wwwAuthenticateFor(
  code: ErrorCode,
  requiredScopes: readonly Scope[] = [],
): string | undefined {
  switch (code) {
    case 'missing_token':
      return 'Bearer realm="graphtoken"';
    case 'invalid_request':
      return 'Bearer error="invalid_request"';
    case 'malformed_token':
    case 'invalid_token':
      return 'Bearer error="invalid_token"';
    case 'token_revoked':
      return 'Bearer error="invalid_token", error_description="token revoked"';
    case 'token_expired':
      return 'Bearer error="invalid_token", error_description="token expired"';
    case 'insufficient_scope':
      return `Bearer error="insufficient_scope", scope="${requiredScopes.join(' ')}"`;
    default:
      return undefined;
  }
}

/** An API error, thrown inside the mock and turned into a problem+json response. @internal */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extras: ProblemExtras = {},
  ) {
    super(`${code}: ${scrubEncodedSecrets(detail)}`);
    this.status = extras.status ?? errorCodes[code].status;
  }

  /** The problem body, secrets scrubbed. */
  body(requestId: string): Problem {
    const { requiredScopes, grantedScopes, errors, retryAfter } = this.extras;
    return {
      type: `https://docs.graphtoken.dev/errors/${this.code}`,
      title: PROBLEM_TITLES[this.code],
      status: this.status,
      detail: scrubEncodedSecrets(this.detail),
      code: this.code,
      requestId,
      ...(requiredScopes && { requiredScopes: [...requiredScopes] }),
      ...(grantedScopes && { grantedScopes: [...grantedScopes] }),
      ...(errors && {
        errors: errors.map((e) => ({
          field: scrubEncodedSecrets(e.field),
          message: scrubEncodedSecrets(e.message),
        })),
      }),
      ...(retryAfter !== undefined && { retryAfter }),
    };
  }

  /** The response headers this problem needs besides `X-Request-Id` and `Content-Type`. */
  headers(): Record<string, string> {
    const headers: Record<string, string> = {};
    // A challenge belongs to the code's own status (a 405 or 414 borrowing a code gets none).
    const challenge =
      this.status === errorCodes[this.code].status
        ? wwwAuthenticateFor(this.code, this.extras.requiredScopes)
        : undefined;
    if (challenge !== undefined) headers['WWW-Authenticate'] = challenge;
    if (this.extras.retryAfter !== undefined) headers['Retry-After'] = String(this.extras.retryAfter);
    return headers;
  }
}

/** A `422 validation_failed` naming the failing fields. */
export function validationFailed(errors: readonly FieldError[]): ApiProblem {
  const fields = [...new Set(errors.map((e) => e.field))].join(', ');
  return new ApiProblem(
    'validation_failed',
    `The request does not match the API contract (${fields}); see errors.`,
    {
      errors,
    },
  );
}
