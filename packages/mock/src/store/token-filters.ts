/**
 * The stale-token filters and the orders of `GET /v1/tokens` (spec `listTokens`): `lastUsedBefore`,
 * `createdBefore`, `expiresBefore`, `neverUsed`, `q`, and `sort`. Tokens without the sorted field
 * (never used, never expiring) come last in either direction; ties keep creation order (reversed
 * when descending).
 * @internal
 */
import type { TokenSort } from '@graphtoken/contract';
import type { TokenRecord } from './records.js';

/** The filters beyond `status` and `graphId`, times in ms. */
export interface TokenFilters {
  lastUsedBeforeMs?: number | undefined;
  createdBeforeMs?: number | undefined;
  expiresBeforeMs?: number | undefined;
  neverUsed?: boolean | undefined;
  /** Already lower-cased. */
  q?: string | undefined;
}

/** Lower-casing without locale rules (spec `q`: "Unicode lower-casing, without locale rules"). */
export const foldCase = (text: string): string => text.toLowerCase();

/** Whether a token passes every filter given. */
export function matchesFilters(t: TokenRecord, f: TokenFilters): boolean {
  if (f.createdBeforeMs !== undefined && !(Date.parse(t.createdAt) < f.createdBeforeMs)) return false;
  if (f.lastUsedBeforeMs !== undefined) {
    // Not used since then: last used before it, or never used and created before it.
    const since = t.lastUsedAt === null ? Date.parse(t.createdAt) : Date.parse(t.lastUsedAt);
    if (!(since < f.lastUsedBeforeMs)) return false;
  }
  if (
    f.expiresBeforeMs !== undefined &&
    (t.expiresAt === null || !(Date.parse(t.expiresAt) < f.expiresBeforeMs))
  )
    return false;
  if (f.neverUsed !== undefined && (t.lastUsedAt === null) !== f.neverUsed) return false;
  if (f.q !== undefined) {
    const inName = foldCase(t.name).includes(f.q);
    if (!inName && !(t.description !== null && foldCase(t.description).includes(f.q))) return false;
  }
  return true;
}

/** Compares two strings by code point (not UTF-16 unit: U+FFFD sorts before U+1F600). */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done === y.done ? 0 : x.done ? -1 : 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

/** A token's position in a sorted list: absent field (0 present, 1 absent), value, creation order. */
export interface TokenSortKey {
  absent: 0 | 1;
  value: number | string;
  seq: number;
}

/** The field a sort orders by, and whether descending. */
export function parseSort(sort: TokenSort): {
  field: 'createdAt' | 'lastUsedAt' | 'expiresAt' | 'name';
  desc: boolean;
} {
  const desc = sort.startsWith('-');
  return { field: (desc ? sort.slice(1) : sort) as 'createdAt' | 'lastUsedAt' | 'expiresAt' | 'name', desc };
}

/** A token's sort key for a sort. */
export function sortKeyOf(t: TokenRecord, sort: TokenSort): TokenSortKey {
  const { field } = parseSort(sort);
  if (field === 'name') return { absent: 0, value: t.name, seq: t.seq };
  const raw = t[field];
  return raw === null
    ? { absent: 1, value: 0, seq: t.seq }
    : { absent: 0, value: Date.parse(raw), seq: t.seq };
}

/** Compares two sort keys in list order (negative: `a` lists first). */
export function compareSortKeys(a: TokenSortKey, b: TokenSortKey, sort: TokenSort): number {
  if (a.absent !== b.absent) return a.absent - b.absent; // absent last, in either direction
  const { desc } = parseSort(sort);
  const byValue =
    typeof a.value === 'string' && typeof b.value === 'string'
      ? compareCodePoints(a.value, b.value)
      : (a.value as number) - (b.value as number);
  const d = byValue || a.seq - b.seq;
  return desc ? -d : d;
}
