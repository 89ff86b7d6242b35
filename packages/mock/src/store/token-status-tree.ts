/**
 * When each token of a list has each status, as a segment tree over the list's positions, so a
 * page of `?status=active` (or `revoked`, `expired`) finds its next token in O(log n) however many
 * tokens of another status lie between: statuses change with the mock clock (a token expires when
 * the clock passes its `expiresAt`, forwards or back), so no list per status could stay right; the
 * times at which they change can.
 *
 * Per position, three times (milliseconds; tombstones match nothing):
 * - active until `min(revokedAt, expiresAt)`: active while now is before it (a node keeps the max);
 * - revoked from `revokedAt` (a node keeps the min);
 * - expired from `expiresAt`, unless `revokedAt <= expiresAt` (then it is revoked before it ever
 *   expires): a token expired and since revoked still passes this test, so the caller checks the
 *   exact status and steps past it (a node keeps the min).
 * @internal
 */
import type { TokenStatus } from '@graphtoken/contract';
import type { TokenRecord } from './records.js';

const msOf = (iso: string | null): number => (iso === null ? Number.POSITIVE_INFINITY : Date.parse(iso));

/** @internal */
export class TokenStatusTree {
  /** Leaves at [capacity, 2 * capacity), node i over its children 2i and 2i + 1. */
  #activeUntil: Float64Array;
  #revokedFrom: Float64Array;
  #expiredFrom: Float64Array;
  #capacity: number;

  /** A tree over a list's `length` slots, `at(i)` each slot's token (undefined for a tombstone). */
  constructor(length: number, at: (position: number) => TokenRecord | undefined) {
    let capacity = 1;
    while (capacity < length) capacity *= 2;
    this.#capacity = capacity;
    this.#activeUntil = new Float64Array(2 * capacity).fill(Number.NEGATIVE_INFINITY);
    this.#revokedFrom = new Float64Array(2 * capacity).fill(Number.POSITIVE_INFINITY);
    this.#expiredFrom = new Float64Array(2 * capacity).fill(Number.POSITIVE_INFINITY);
    for (let i = 0; i < length; i++) this.#setLeaf(i, at(i));
    for (let node = capacity - 1; node >= 1; node--) this.#pull(node);
  }

  /** How many positions the tree covers before it must be rebuilt larger. */
  get capacity(): number {
    return this.#capacity;
  }

  /** Sets a position's token (after an append or a change of its times): O(log n). */
  set(position: number, token: TokenRecord | undefined): void {
    if (position >= this.#capacity) throw new RangeError('position past the tree: rebuild it');
    this.#setLeaf(position, token);
    for (let node = (this.#capacity + position) >> 1; node >= 1; node >>= 1) this.#pull(node);
  }

  /**
   * The last position at or before `from` whose token may have `status` at `nowMs` (exactly for
   * `active` and `revoked`; see the file's note for `expired`), or -1: O(log n).
   */
  findLast(from: number, status: TokenStatus, nowMs: number): number {
    if (from < 0) return -1;
    const may =
      status === 'active'
        ? (node: number) => this.#activeUntil[node]! > nowMs
        : status === 'revoked'
          ? (node: number) => this.#revokedFrom[node]! <= nowMs
          : (node: number) => this.#expiredFrom[node]! <= nowMs;
    const last = Math.min(from, this.#capacity - 1);
    const search = (node: number, lo: number, hi: number): number => {
      if (lo > last || !may(node)) return -1;
      if (hi - lo === 1) return lo;
      const mid = (lo + hi) >> 1;
      const right = search(2 * node + 1, mid, hi);
      return right >= 0 ? right : search(2 * node, lo, mid);
    };
    return search(1, 0, this.#capacity);
  }

  #setLeaf(position: number, token: TokenRecord | undefined): void {
    const leaf = this.#capacity + position;
    if (token === undefined) {
      this.#activeUntil[leaf] = Number.NEGATIVE_INFINITY;
      this.#revokedFrom[leaf] = Number.POSITIVE_INFINITY;
      this.#expiredFrom[leaf] = Number.POSITIVE_INFINITY;
      return;
    }
    const revoked = msOf(token.revokedAt);
    const expires = msOf(token.expiresAt);
    this.#activeUntil[leaf] = Math.min(revoked, expires);
    this.#revokedFrom[leaf] = revoked;
    this.#expiredFrom[leaf] = revoked <= expires ? Number.POSITIVE_INFINITY : expires;
  }

  #pull(node: number): void {
    const l = 2 * node;
    const r = l + 1;
    this.#activeUntil[node] = Math.max(this.#activeUntil[l]!, this.#activeUntil[r]!);
    this.#revokedFrom[node] = Math.min(this.#revokedFrom[l]!, this.#revokedFrom[r]!);
    this.#expiredFrom[node] = Math.min(this.#expiredFrom[l]!, this.#expiredFrom[r]!);
  }
}
