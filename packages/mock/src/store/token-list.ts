/**
 * A list of tokens in `[createdAt, seq]` order (an account's own, or a graph's), which finds the
 * next token of a status in O(log n) once a status has been asked for: a {@link TokenStatusTree}
 * built at the first such query (a mock never listing by status never pays for it), then kept up
 * to date by appends and by {@link TokenList.changed}.
 * @internal
 */
import type { TokenStatus } from '@graphtoken/contract';
import type { TokenRecord } from './records.js';
import { SortedIndex, type SortKey } from './sorted-index.js';
import { TokenStatusTree } from './token-status-tree.js';

/** A token's place in list order: `[createdAt ms, seq]`. */
export const tokenKey = (t: TokenRecord): SortKey => [Date.parse(t.createdAt), t.seq];

/** @internal */
export class TokenList extends SortedIndex<TokenRecord> {
  #tree: TokenStatusTree | undefined;

  constructor() {
    super(tokenKey);
  }

  override add(token: TokenRecord): number {
    const at = super.add(token);
    if (this.#tree !== undefined) {
      // An append (the usual case) updates the tree; an insertion before the end (a token created
      // with an earlier createdAt) moves every later position, so the next query rebuilds it.
      if (at === this.length - 1 && at < this.#tree.capacity) this.#tree.set(at, token);
      else this.#tree = undefined;
    }
    return at;
  }

  override remove(token: TokenRecord): boolean {
    this.#tree = undefined; // the list may compact: positions move
    return super.remove(token);
  }

  /** Takes a change of a token's `revokedAt` or `expiresAt` into account: O(log n). */
  changed(token: TokenRecord): void {
    if (this.#tree === undefined) return;
    const at = this.indexOf(token);
    if (at >= 0) this.#tree.set(at, token);
  }

  /**
   * The last position at or before `from` holding a token that may have `status` at `nowMs`
   * (exactly for active and revoked; an expired-then-revoked token may come back for `expired`),
   * or -1.
   */
  lastWithStatus(from: number, status: TokenStatus, nowMs: number): number {
    this.#tree ??= new TokenStatusTree(this.length, (i) => this.at(i));
    return this.#tree.findLast(Math.min(from, this.length - 1), status, nowMs);
  }
}
