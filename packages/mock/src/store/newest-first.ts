/**
 * A walk over several {@link SortedIndex} lists at once, newest (largest key) first, each item
 * once however many of the lists hold it (an audit event sits in its token's creator's list and
 * in each of its graphs' lists). Each step costs the number of lists; the start is a binary
 * search per list, so reading `k` items costs O(lists × (log n + k)).
 * @internal
 */
import type { SortedIndex, SortKey } from './sorted-index.js';

/** Where a walk starts and stops: keys strictly below `before`, at or above `from`. */
export interface NewestFirstRange {
  /** Start below this key (a cursor's last item); absent: from the newest. */
  before?: SortKey | undefined;
  /** Stop below this key (a `since`); absent: to the oldest. */
  from?: SortKey | undefined;
}

/** Yields the items of `lists` in descending key order, de-duplicated by identity. */
export function* newestFirst<T>(
  lists: readonly SortedIndex<T>[],
  keyOf: (item: T) => SortKey,
  { before, from }: NewestFirstRange = {},
): Generator<T> {
  // Each list's position: its last slot below `before`, and the first slot it may not go under.
  const positions = lists.map((list) =>
    before === undefined ? list.length - 1 : list.lowerBound(before[0], before[1]) - 1,
  );
  const floors = lists.map((list) => (from === undefined ? 0 : list.lowerBound(from[0], from[1])));
  for (;;) {
    let best: T | undefined;
    let bestKey: SortKey | undefined;
    for (let i = 0; i < lists.length; i++) {
      const list = lists[i]!;
      while (positions[i]! >= floors[i]! && list.at(positions[i]!) === undefined) positions[i]!--; // tombstones
      if (positions[i]! < floors[i]!) continue;
      const candidate = list.at(positions[i]!)!;
      const key = keyOf(candidate);
      if (
        bestKey === undefined ||
        key[0] - bestKey[0] > 0 ||
        (key[0] === bestKey[0] && key[1] > bestKey[1])
      ) {
        best = candidate;
        bestKey = key;
      }
    }
    if (best === undefined) return;
    // The same item may head several lists: step past it in each.
    for (let i = 0; i < lists.length; i++) {
      if (positions[i]! >= floors[i]! && lists[i]!.at(positions[i]!) === best) positions[i]!--;
    }
    yield best;
  }
}
