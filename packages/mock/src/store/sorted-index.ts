/**
 * An append-mostly list kept in key order, for the mock's per-graph blocks and per-creator and
 * per-graph token lists: an append in key order is O(1) amortised, finding a cursor's place is a
 * binary search (O(log n)), and reading a page from there costs the page. Removal leaves a
 * tombstone (O(log n)); the list compacts itself once tombstones outnumber live items, so a
 * removal stays O(1) amortised on top of its search and a page skips at most as many tombstones
 * as it has live items around it.
 * @internal
 */

/** A two-part sort key, compared lexicographically: `[primary, tie-breaker]`. */
export type SortKey = readonly [number, number];

const COMPACT_MIN = 64;

/** @internal */
export class SortedIndex<T> {
  #items: (T | undefined)[] = [];
  #primary: number[] = [];
  /** The tie-breakers; null while every one is 0 (as for blocks, keyed by `seq` alone). */
  #secondary: number[] | null = null;
  #dead = 0;

  constructor(private readonly keyOf: (item: T) => SortKey) {}

  /** How many live items the list holds. */
  get size(): number {
    return this.#items.length - this.#dead;
  }

  /** Slots, tombstones included: the bound of the positions `at` and the bounds answer. */
  get length(): number {
    return this.#items.length;
  }

  /** The live item at a position, or undefined for a tombstone or a position out of range. */
  at(position: number): T | undefined {
    return this.#items[position];
  }

  /**
   * Adds an item at its place in key order (O(1) when its key is the largest, as appends are) and
   * returns that position.
   */
  add(item: T): number {
    const [p, s] = this.keyOf(item);
    const n = this.#items.length;
    if (s !== 0 && this.#secondary === null) this.#secondary = new Array<number>(n).fill(0);
    if (n === 0 || this.#compareAt(n - 1, p, s) < 0) {
      this.#items.push(item);
      this.#primary.push(p);
      this.#secondary?.push(s);
      return n;
    }
    const at = this.upperBound(p, s);
    this.#items.splice(at, 0, item);
    this.#primary.splice(at, 0, p);
    this.#secondary?.splice(at, 0, s);
    return at;
  }

  /** An item's position (found by its key, then by identity), or -1: O(log n). */
  indexOf(item: T): number {
    const [p, s] = this.keyOf(item);
    for (let i = this.lowerBound(p, s); i < this.#items.length && this.#compareAt(i, p, s) === 0; i++) {
      if (this.#items[i] === item) return i;
    }
    return -1;
  }

  /**
   * Removes an item (found by its key, then by identity); false when it is not in the list. The
   * list may compact itself: positions found before a removal are stale after it.
   */
  remove(item: T): boolean {
    const i = this.indexOf(item);
    if (i < 0) return false;
    this.#items[i] = undefined;
    this.#dead++;
    if (this.#dead >= COMPACT_MIN && this.#dead * 2 > this.#items.length) this.#compact();
    return true;
  }

  /** The first position whose key is >= `[p, s]`. */
  lowerBound(p: number, s: number): number {
    let lo = 0;
    let hi = this.#items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#compareAt(mid, p, s) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first position whose key is > `[p, s]`. */
  upperBound(p: number, s: number): number {
    let lo = 0;
    let hi = this.#items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#compareAt(mid, p, s) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Live items in key order. */
  *values(): IterableIterator<T> {
    for (const item of this.#items) if (item !== undefined) yield item;
  }

  #compareAt(i: number, p: number, s: number): number {
    return this.#primary[i]! - p || (this.#secondary === null ? 0 : this.#secondary[i]!) - s;
  }

  #compact(): void {
    const items: T[] = [];
    const primary: number[] = [];
    const secondary: number[] | null = this.#secondary === null ? null : [];
    for (let i = 0; i < this.#items.length; i++) {
      const item = this.#items[i];
      if (item === undefined) continue;
      items.push(item);
      primary.push(this.#primary[i]!);
      secondary?.push(this.#secondary![i]!);
    }
    this.#items = items;
    this.#primary = primary;
    this.#secondary = secondary;
    this.#dead = 0;
  }
}
