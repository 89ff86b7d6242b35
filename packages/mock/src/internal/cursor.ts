/**
 * Opaque pagination cursors: base64url JSON naming the list, its filters and the last item's sort
 * key. A cursor from another list or other filters, or one that was edited, is a
 * `422 validation_failed` on field `cursor`, as the spec says.
 */
import { validationFailed } from './problem.js';

/** What a cursor holds. */
export interface CursorData {
  /** Which list, with its filters (`tokens|active|` or `blocks|gr_…`). */
  list: string;
  /** The sort key of the last item of the previous page. */
  after: readonly number[];
  /** A text part of that sort key (the `name` of a token list sorted by name). */
  text?: string | undefined;
  /**
   * Instead of `text` when it would make the cursor too long: the id of the last item, whose
   * current text is then the key.
   */
  id?: string | undefined;
}

// UTF-8 inside the base64 (a name in a cursor may be any text); ASCII cursors read as before.
function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const b64 = text.replaceAll('-', '+').replaceAll('_', '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** Encodes a cursor. */
export function encodeCursor(data: CursorData): string {
  return toBase64Url(
    JSON.stringify({
      l: data.list,
      a: data.after,
      ...(data.text !== undefined && { t: data.text }),
      ...(data.id !== undefined && { i: data.id }),
    }),
  );
}

/** Decodes a cursor for this list, or throws `validation_failed` on `cursor`. */
export function decodeCursor(cursor: string, list: string): CursorData {
  const invalid = (message: string) => validationFailed([{ field: 'cursor', message }]);
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('charset');
    parsed = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw invalid('is not a cursor this API issued; pass a nextCursor unchanged');
  }
  const p = parsed as { l?: unknown; a?: unknown; t?: unknown; i?: unknown };
  if (
    typeof p !== 'object' ||
    p === null ||
    typeof p.l !== 'string' ||
    !Array.isArray(p.a) ||
    !p.a.every((n) => Number.isSafeInteger(n)) ||
    (p.t !== undefined && typeof p.t !== 'string') ||
    (p.i !== undefined && typeof p.i !== 'string')
  ) {
    throw invalid('is not a cursor this API issued; pass a nextCursor unchanged');
  }
  if (p.l !== list)
    throw invalid('belongs to another list or other filters; use the same filters as the first page');
  return {
    list: p.l,
    after: p.a as number[],
    ...(typeof p.t === 'string' && { text: p.t }),
    ...(typeof p.i === 'string' && { id: p.i }),
  };
}

/** Compares two sort keys lexicographically. */
export function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * One page of `items` (already in list order): those after the cursor, `limit` of them, and the
 * cursor of the next page (null on the last).
 */
export function paginate<T>(
  items: readonly T[],
  options: {
    list: string;
    cursor: string | undefined;
    limit: number;
    key: (item: T) => number[];
    /** Whether `a` comes after `b` in list order (by key). */
    after: (itemKey: readonly number[], cursorKey: readonly number[]) => boolean;
  },
): { data: T[]; nextCursor: string | null } {
  let start = 0;
  if (options.cursor !== undefined) {
    const { after } = decodeCursor(options.cursor, options.list);
    start = items.findIndex((item) => options.after(options.key(item), after));
    if (start === -1) start = items.length;
  }
  const data = items.slice(start, start + options.limit);
  const last = data.at(-1);
  const more = start + options.limit < items.length;
  return {
    data,
    nextCursor:
      more && last !== undefined ? encodeCursor({ list: options.list, after: options.key(last) }) : null,
  };
}

/**
 * A page from `items`, the first `limit + 1` items after the cursor in list order (as the state's
 * indexed queries return them): the first `limit`, and the cursor of the next page when the extra
 * item exists (null on the last page).
 */
export function pageOf<T>(
  items: readonly T[],
  limit: number,
  list: string,
  key: (item: T) => number[],
): { data: T[]; nextCursor: string | null } {
  const data = items.slice(0, limit);
  const last = data.at(-1);
  return {
    data,
    nextCursor: items.length > limit && last !== undefined ? encodeCursor({ list, after: key(last) }) : null,
  };
}
