/**
 * The rate-limit header fields of draft-ietf-httpapi-ratelimit-headers-09 (spec "Rate limits"):
 * `RateLimit-Policy: "<name>";q=<quota>;w=<window seconds>` and
 * `RateLimit: "<name>";r=<left>;t=<seconds to reset>`, both Structured Field lists.
 * @internal
 */
import type { RateLimitOptions, RateLimitVerdict } from './rate-limit.js';

/** The policy names the API uses: per token, and per client for `revoke-leaked`. */
export type RateLimitPolicyName = 'token' | 'client';

/** The two header fields for a policy and a counted request's verdict. */
export function rateLimitHeaders(
  name: RateLimitPolicyName,
  options: RateLimitOptions,
  verdict: RateLimitVerdict,
): Record<string, string> {
  return {
    'RateLimit-Policy': `"${name}";q=${options.limit};w=${Math.ceil(options.windowSeconds)}`,
    RateLimit: `"${name}";r=${verdict.remaining};t=${verdict.resetSeconds}`,
  };
}
