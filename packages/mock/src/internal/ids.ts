/**
 * Deterministic ids: the n-th id of a kind is always the same string, so a test run (and a reset
 * mock) produces the same token and block ids every time, which keeps snapshots and logs stable.
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
} as const;

/** A kind of generated id. */
export type IdKind = keyof typeof ID_KINDS;

/** The `n`-th request id: a counter in base 36, padded (a request id needs no hash). */
export function requestId(n: number): string {
  return `${ID_KINDS.request.prefix}${n.toString(36).padStart(ID_KINDS.request.length, '0')}`;
}

/** The `n`-th id of a kind. */
export function deterministicId(kind: Exclude<IdKind, 'request'>, n: number): string {
  const { prefix, length } = ID_KINDS[kind];
  const hex = sha256Hex(`graphtoken-mock:${kind}:${n}`);
  let body = '';
  for (let i = 0; body.length < length; i += 2)
    body += ALPHABET[Number.parseInt(hex.slice(i, i + 2), 16) % 62];
  return prefix + body;
}
