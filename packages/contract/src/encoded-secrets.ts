/**
 * Secrets written in another encoding: percent-encoded (`gt%5F…`, `%67%74%5F…`, as a URL, a form
 * body or a header may carry them) or JSON-escaped (`gt\u005f…`). {@link scrubSecrets} sees only the
 * literal form; a reader that decodes (a log viewer, a browser, `decodeURIComponent`) gets such a
 * secret back, so a server that records or echoes what it was sent scrubs with
 * {@link scrubEncodedSecrets} instead. A separate module so that the SDK, which never needs it,
 * does not bundle it.
 *
 * @see ./token-format.ts for the format.
 */
import { isWellFormedToken, redactToken, scrubSecrets, TOKEN_LENGTH } from './token-format.js';

// One character of a secret in any of the three spellings: literal, `%XX` or `\uXXXX` (hex in
// either case). Plain strings and a pure-annotated constructor, so a bundle that does not use
// this module drops it whole.
const DIGIT_OR_LETTER =
  '(?:[0-9A-Za-z]|%(?:3[0-9]|[46][1-9A-Fa-f]|[57][0-9Aa])|\\\\u00(?:3[0-9]|[46][1-9A-Fa-f]|[57][0-9Aa]))';
const PREFIX = '(?:g|%67|\\\\u0067)(?:t|%74|\\\\u0074)(?:_|%5[Ff]|\\\\u005[Ff])';

/**
 * The prefix and 8 to 36 characters, each in any spelling: what {@link scrubSecrets} matches,
 * decoded. Built at first use: a module-level `new RegExp` from template strings is kept by
 * esbuild even when unused, and the SDK's bundle never needs it.
 */
let encodedSecretLike: RegExp | undefined;
const encodedSecretPattern = (): RegExp =>
  (encodedSecretLike ??= new RegExp(`${PREFIX}${DIGIT_OR_LETTER}{8,36}`, 'g'));
/** A cheap pre-check: no `%` and no `\u` means only literal secrets can be present. */
const ESCAPE = /%|\\u/;

/** The text with every `%XX` and `\uXXXX` escape decoded (the matched span holds nothing else). */
function decode(span: string): string {
  return span.replace(
    /%([0-9A-Fa-f]{2})|\\u([0-9A-Fa-f]{4})/g,
    (_, pct: string | undefined, u: string | undefined) =>
      String.fromCharCode(Number.parseInt(pct ?? u ?? '', 16)),
  );
}

/**
 * {@link scrubSecrets}, plus secrets written percent-encoded or JSON-escaped, partly or wholly:
 * each is replaced by the same public hint (`gt_…abcd`) its literal form gets. For text a server
 * did not write and will record, log or echo (paths, query strings, header names and values,
 * bodies that were not parsed).
 *
 * @example
 * scrubEncodedSecrets(`/v1/tokens/gt%5F${secret.slice(3)}`) // '/v1/tokens/gt_…abcd'
 */
export function scrubEncodedSecrets(text: string): string {
  const literal = scrubSecrets(text);
  if (!ESCAPE.test(literal)) return literal;
  return literal.replace(encodedSecretPattern(), (span) => redactToken(decode(span)));
}

/**
 * Whether a text holds a well-formed secret (prefix, length, characters and checksum), literal,
 * percent-encoded or JSON-escaped. Unlike {@link containsSecret} it ignores a mere `gt_` word, so
 * it suits refusing a secret given where none belongs (a token's name or description).
 */
export function containsWellFormedSecret(text: string): boolean {
  const spans = text.match(ESCAPE.test(text) ? encodedSecretPattern() : /gt_[0-9A-Za-z]{8,36}/g) ?? [];
  return spans.some((span) => {
    const decoded = decode(span);
    return decoded.length >= TOKEN_LENGTH && isWellFormedToken(decoded.slice(0, TOKEN_LENGTH));
  });
}
