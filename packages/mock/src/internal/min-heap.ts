/**
 * A binary min-heap: `push` and `pop` in O(log n), the least item at {@link MinHeap.peek},
 * whatever order the items come in. Used for what the mock clock causes (audit events due) and
 * for pruning replay records in expiry order (the mock clock can move backwards).
 * @internal
 */
export class MinHeap<T> {
  #items: T[] = [];

  /** @param before Whether `a` comes out before `b` (a strict order). */
  constructor(private readonly before: (a: T, b: T) => boolean) {}

  /** How many items are held. */
  get size(): number {
    return this.#items.length;
  }

  /** The least item, or undefined when empty. */
  peek(): T | undefined {
    return this.#items[0];
  }

  /** Adds an item: O(log n). */
  push(item: T): void {
    const heap = this.#items;
    let i = heap.push(item) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  /** Removes and returns the least item (undefined when empty): O(log n). */
  pop(): T | undefined {
    const heap = this.#items;
    const first = heap[0];
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return first;
    heap[0] = last;
    this.#siftDown(0);
    return first;
  }

  /** Replaces every item with `items` (kept as given, no copy): O(n). */
  replaceAll(items: T[]): void {
    this.#items = items;
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this.#siftDown(i);
  }

  /** Drops every item. */
  clear(): void {
    this.#items = [];
  }

  #siftDown(start: number): void {
    const heap = this.#items;
    for (let i = start; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      if (l < heap.length && this.before(heap[l]!, heap[least]!)) least = l;
      if (r < heap.length && this.before(heap[r]!, heap[least]!)) least = r;
      if (least === i) return;
      [heap[i], heap[least]] = [heap[least]!, heap[i]!];
      i = least;
    }
  }
}
