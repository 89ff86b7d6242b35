/**
 * A reader for the RFC 9651 Structured Fields *List* the rate-limit header fields use
 * (`"token";q=100;w=60, "client";q=10;w=60`): items that are strings or tokens, each with
 * parameters. Lenient in what it gives back and strict in what it accepts: anything outside the
 * grammar (an inner list, a byte sequence, a stray character) makes the whole field unreadable,
 * and the caller ignores it, as RFC 9651 §4.2 asks. It never throws.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9651#section-4.2.1
 */

/** A parameter value: an integer or decimal, a string or token, or a boolean. */
export type BareItem = number | string | boolean;

/** One list member: its value and its parameters. */
export interface ListItem {
  readonly value: BareItem;
  readonly params: Readonly<Record<string, BareItem>>;
}

// One bare item at the start of the rest of the text: a string (with \" and \\ escapes), a token,
// an integer or decimal (at most 15 digits, as RFC 9651 allows), or a boolean.
const BARE_ITEM =
  /^(?:"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"|([A-Za-z*][\w:/!#$%&'*+.^`|~-]*)|(-?\d{1,12}\.\d{1,3}|-?\d{1,15})|\?([01]))/;
const KEY = /^[a-z*][a-z0-9_.*-]*/;

/**
 * Parses a Structured Fields List of items, or returns undefined when the text breaks the grammar.
 *
 * @example
 * parseList('"token";r=42;t=17') // [{ value: 'token', params: { r: 42, t: 17 } }]
 */
export function parseList(text: string | null | undefined): ListItem[] | undefined {
  if (typeof text !== 'string' || text.length > 1024) return undefined;
  const items: ListItem[] = [];
  let rest = text.replace(/^[ \t]+|[ \t]+$/g, '');
  if (rest === '') return items;
  for (;;) {
    const item = bareItem(rest);
    if (!item) return undefined;
    rest = item.rest;
    const params: Record<string, BareItem> = {};
    while (rest.startsWith(';')) {
      rest = rest.slice(1).replace(/^ +/, '');
      const key = KEY.exec(rest)?.[0];
      if (!key) return undefined;
      rest = rest.slice(key.length);
      let value: BareItem = true;
      if (rest.startsWith('=')) {
        const parsed = bareItem(rest.slice(1));
        if (!parsed) return undefined;
        value = parsed.value;
        rest = parsed.rest;
      }
      params[key] = value;
    }
    items.push({ value: item.value, params });
    rest = rest.replace(/^[ \t]+/, '');
    if (rest === '') return items;
    if (!rest.startsWith(',')) return undefined;
    rest = rest.slice(1).replace(/^[ \t]+/, '');
    if (rest === '') return undefined;
  }
}

function bareItem(text: string): { value: BareItem; rest: string } | undefined {
  const match = BARE_ITEM.exec(text);
  if (!match) return undefined;
  const [whole, quoted, token, number, boolean] = match;
  const rest = text.slice(whole.length);
  if (quoted !== undefined) return { value: quoted.replace(/\\(["\\])/g, '$1'), rest };
  if (token !== undefined) return { value: token, rest };
  if (number !== undefined) return { value: Number(number), rest };
  return { value: boolean === '1', rest };
}
