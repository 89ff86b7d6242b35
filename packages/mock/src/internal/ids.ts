/**
 * Deterministic ids: the n-th id of a kind is always the same string, so a test run (and a reset
 * mock) produces the same token and block ids every time, which keeps snapshots and logs stable.
 * Request ids are the exception: they must tell requests apart in logs across resets and processes.
 */
import { sha256Hex } from './sha256.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The kinds of generated ids, with their prefix and body length (as the spec's patterns want). */
export const ID_KINDS = {
  token: { prefix: 'tok_', length: 16 },
  graph: { prefix: 'gr_', length: 12 },
  block: { prefix: 'blk_', length: 12 },
  account: { prefix: 'acc_', length: 12 },
  request: { prefix: 'req_', length: 16 },
  event: { prefix: 'evt_', length: 16 },
} as const;

/** A kind of generated id. */
export type IdKind = keyof typeof ID_KINDS;

const RANDOM_PART = 8;
const COUNTER_PART = ID_KINDS.request.length - RANDOM_PART;

/**
 * A source of request ids unique over its whole life and across processes: `req_` + 8 random
 * base62 characters drawn once (Web Crypto) + a base-36 counter padded to 8 (longer past 36^8
 * requests), so `req_` + 16 characters matching the spec's `^req_[A-Za-z0-9]+$`. Nothing rewinds
 * the counter (a mock's `reset()` keeps it), and two mocks, in one process or two, draw different
 * random parts (a collision needs the same 8 characters: 1 in 2 * 10^14). A request id needs no hash.
 */
export function createRequestIds(): () => string {
  let stem = ID_KINDS.request.prefix;
  for (const byte of crypto.getRandomValues(new Uint8Array(RANDOM_PART * 2))) {
    // 248 = 4 * 62: rejecting the rest keeps every character equally likely.
    if (byte < 248 && stem.length < ID_KINDS.request.prefix.length + RANDOM_PART) stem += ALPHABET[byte % 62];
  }
  while (stem.length < ID_KINDS.request.prefix.length + RANDOM_PART) stem += ALPHABET[0];
  let counter = 0;
  return () => stem + (++counter).toString(36).padStart(COUNTER_PART, '0');
}

/** The `n`-th id of a kind. */
export function deterministicId(kind: Exclude<IdKind, 'request'>, n: number): string {
  const { prefix, length } = ID_KINDS[kind];
  const hex = sha256Hex(`graphtoken-mock:${kind}:${n}`);
  let body = '';
  for (let i = 0; body.length < length; i += 2)
    body += ALPHABET[Number.parseInt(hex.slice(i, i + 2), 16) % 62];
  // Joined, not `+`: one flat string (`+` gives a cons string over the two, which hashing as a Map key
  // then doubles with a flat copy; a mock holding a million blocks holds a million of these ids).
  return [prefix, body].join('');
}
