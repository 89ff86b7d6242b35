/**
 * `GraphToken-Token-Expiration` (spec "Expiry warning"): when the calling token stops working, its
 * `expiresAt` or, for a rotated token in its grace period, its `revokedAt` when that comes first;
 * no header for a token with neither. Same timestamp format as the bodies.
 * @internal
 */
import type { TokenRecord } from '../store/records.js';

/** The header name. */
export const TOKEN_EXPIRATION_HEADER = 'GraphToken-Token-Expiration';

/** The header for an authenticated (so active) token: `{}` when it never stops working by itself. */
export function tokenExpirationHeader(token: TokenRecord): Record<string, string> {
  const times = [token.expiresAt, token.revokedAt].filter((t): t is string => t !== null);
  if (times.length === 0) return {};
  const first = times.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
  return { [TOKEN_EXPIRATION_HEADER]: first };
}

/**
 * `live` with its `GraphToken-Token-Expiration` recomputed from the token's state now: after an
 * operation that changed the calling token (a rotation sets its `revokedAt`), the answer says when
 * it stops working after that operation, not before.
 */
export function withTokenExpiration(
  live: Record<string, string>,
  token: TokenRecord,
): Record<string, string> {
  const { [TOKEN_EXPIRATION_HEADER]: _before, ...rest } = live;
  return { ...rest, ...tokenExpirationHeader(token) };
}
