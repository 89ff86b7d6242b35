/**
 * The rate-limit state an answer advertises in the IETF httpapi header fields
 * (draft-ietf-httpapi-ratelimit-headers-09): `RateLimit-Policy: "token";q=100;w=60` and
 * `RateLimit: "token";r=42;t=17`. Readable from any response the SDK hands you (`withResponse()`,
 * a page's `response`, an `APIError`'s `headers`).
 *
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-httpapi-ratelimit-headers-09
 * @see ../../../../spec/openapi.yaml `info.description` "Rate limits"
 */
import { type BareItem, parseList } from '../internal/structured-fields.js';

/** One rate-limit policy and where the client stands in it now. */
export interface RateLimitState {
  /** The policy's name: `token` (per token) or `client` (per client, for `revoke-leaked`). */
  readonly policy: string;
  /** Requests left in the current window (`r`). */
  readonly remaining: number;
  /** Seconds until the window resets (`t`). */
  readonly resetSeconds: number;
  /** Requests allowed per window (`q` of `RateLimit-Policy`), when that field named this policy. */
  readonly limit: number | undefined;
  /** The window's length in seconds (`w` of `RateLimit-Policy`), when given. */
  readonly windowSeconds: number | undefined;
}

/** Headers as a `Headers`, a `Response`, or the plain lower-cased record an `APIError` holds. */
export type HeaderSource = Headers | Response | Readonly<Record<string, string>>;

function header(source: HeaderSource, name: string): string | null {
  if (source instanceof Response) return source.headers.get(name);
  if (source instanceof Headers) return source.get(name);
  return source[name] ?? null;
}

const count = (value: BareItem | undefined): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;

/**
 * The rate-limit state of a response: one entry per policy in its `RateLimit` field, the most
 * restrictive (fewest requests left) first. An absent or malformed field gives `[]`: a bad header
 * is ignored, never thrown.
 *
 * @example
 * const { data, response } = await client.graphs.get('gr_…').withResponse();
 * const [limit] = parseRateLimit(response); // { policy: 'token', remaining: 42, resetSeconds: 17, limit: 100, windowSeconds: 60 }
 */
export function parseRateLimit(source: HeaderSource): RateLimitState[] {
  const states = parseList(header(source, 'ratelimit'));
  if (!states) return [];
  const policies = parseList(header(source, 'ratelimit-policy')) ?? [];
  const out: RateLimitState[] = [];
  for (const item of states) {
    const remaining = count(item.params.r);
    const resetSeconds = count(item.params.t);
    // Both are needed to act on it (draft-09 §4); an item without them is skipped.
    if (typeof item.value !== 'string' || remaining === undefined || resetSeconds === undefined) continue;
    const policy = policies.find((p) => p.value === item.value);
    out.push({
      policy: item.value,
      remaining,
      resetSeconds,
      limit: count(policy?.params.q),
      windowSeconds: count(policy?.params.w),
    });
  }
  return out.sort((a, b) => a.remaining - b.remaining);
}
