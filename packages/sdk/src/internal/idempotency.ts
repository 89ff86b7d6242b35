/**
 * `Idempotency-Key` values: one random key per call, reused by all of that call's retries, so a
 * POST retried after a lost response is applied once (the API replays the stored response).
 */

/** The layout of a UUID v4: `x` a random hex digit, `y` the variant (8, 9, a or b), RFC 9562 §5.4. */
const UUID_V4 = 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx';

/**
 * A new random key (a UUID v4). Where `crypto.randomUUID` is missing (a browser page served over
 * plain http: it is for secure contexts only), the same layout from `crypto.getRandomValues`.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const random = crypto.getRandomValues(new Uint8Array(UUID_V4.length));
  let i = 0;
  return UUID_V4.replace(/[xy]/g, (c) =>
    (c === 'x' ? random[i++]! & 15 : (random[i++]! & 3) | 8).toString(16),
  );
}
