/**
 * Step 1 of the spec's order of checks: the credentials (RFC 6750). Exactly one token, in
 * `Authorization: Bearer <token>`; its format is checked offline (no lookup for a malformed one),
 * then it is looked up by hash, then its status.
 */
import { checkTokenFormat, describeTokenFormatProblem } from '@graphtoken/contract';
import type { TokenRecord } from '../store/records.js';
import type { MockState } from '../store/state.js';
import { ApiProblem } from './problem.js';

const BEARER = /^bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** Whether the query string carries a credential (`access_token`, or anything shaped like a secret). */
function queryHasToken(url: URL): boolean {
  for (const [key, value] of url.searchParams) {
    if (key.toLowerCase() === 'access_token' || value.startsWith('gt_')) return true;
  }
  return false;
}

/** The presented secret, or a problem (400 invalid_request / 401 missing_token). */
export function readCredential(request: Request, url: URL): string {
  return readCredentialFrom(request.headers.get('authorization'), url);
}

/** {@link readCredential} from the `Authorization` header's value (null when absent) and the URL. */
export function readCredentialFrom(header: string | null, url: URL): string {
  if (queryHasToken(url)) {
    throw new ApiProblem(
      'invalid_request',
      header === null
        ? 'Tokens in the query string are refused. Send the token in the Authorization header as "Bearer <token>", and revoke this one: URLs end up in logs.'
        : 'This request carries two credentials (a token in the query string and an Authorization header). Send exactly one, in the Authorization header; revoke the one that was in the URL.',
    );
  }
  if (header === null || header.trim() === '') {
    throw new ApiProblem(
      'missing_token',
      'This request carries no token. Send one in the Authorization header as "Bearer <token>".',
    );
  }
  const match = BEARER.exec(header.trim());
  if (!match) {
    const two = (header.match(/bearer/gi) ?? []).length > 1 || header.includes(',');
    throw new ApiProblem(
      'invalid_request',
      two
        ? 'This request carries two credentials. Send exactly one token, as "Authorization: Bearer <token>".'
        : 'The Authorization header must be "Bearer <token>" (one space, the token, nothing else). Check the scheme and that the token has no spaces or line breaks.',
    );
  }
  return match[1]!;
}

/** A secret that did not authenticate: its 401, and the token it named, if one was found. */
export class AuthenticationFailure extends Error {
  constructor(
    readonly problem: ApiProblem,
    readonly tokenId: string | null,
  ) {
    super(problem.message);
  }
}

/**
 * Authenticates a secret: format (no lookup for a malformed one), lookup, status. Returns the
 * token or throws an {@link AuthenticationFailure} carrying its 401 and, for a revoked or expired
 * token, the token's id (so the recorded request says which token failed).
 */
export function authenticateSecret(state: MockState, secret: string): TokenRecord {
  const format = checkTokenFormat(secret);
  if (!format.ok) {
    const problem = new ApiProblem(
      'malformed_token',
      `This is not a well-formed GraphToken token: ${describeTokenFormatProblem(format.problem)}.`,
    );
    throw new AuthenticationFailure(problem, null);
  }
  const token = state.findBySecret(secret);
  if (!token) {
    const problem = new ApiProblem(
      'invalid_token',
      'No token matches this secret. Check that you copied the token for this environment; if it was lost, create a new one.',
    );
    throw new AuthenticationFailure(problem, null);
  }
  const inactive = inactiveProblem(state, token);
  if (inactive) throw new AuthenticationFailure(inactive, token.id);
  return token;
}

/** The 401 of a revoked or expired token; none for an active one. */
function inactiveProblem(state: MockState, token: TokenRecord): ApiProblem | undefined {
  const status = state.statusOf(token);
  if (status === 'revoked') {
    return new ApiProblem(
      'token_revoked',
      token.rotatedTo !== null
        ? `This token was rotated and its grace period is over. Use its successor (${token.rotatedTo}).`
        : 'This token was revoked and can no longer be used. Ask a graph owner or admin for a new token.',
    );
  }
  if (status === 'expired') {
    return new ApiProblem(
      'token_expired',
      `This token expired at ${token.expiresAt}. Create a new token, or rotate a token before it expires.`,
    );
  }
  return undefined;
}
