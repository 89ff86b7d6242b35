/**
 * Scrubbing of secrets from anything the SDK shows: error messages, causes, headers, hook events.
 * Every text that reaches a user passes through {@link scrub}, so a token can only appear as its
 * public hint (`gt_…abcd`), even when a server or a proxy echoes it back.
 */
import { redactToken, scrubSecrets } from '@graphtoken/contract';

/** The key of the method Node's `util.inspect` (and so `console.log`) calls to show an object. */
export const INSPECT: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never;

/** The header names whose values are credentials and are shown redacted. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/**
 * Removes every secret-looking string, and each of `secrets` (the call's tokens, which may be
 * malformed and so not look like a secret, and secrets a request or a response body carries),
 * from a text: whole, without its `gt_` prefix (a server may echo only the part after it), and any
 * piece of it of {@link MIN_RUN} or more characters (an echo broken by a line break or a space,
 * cut short by an error map, or split across fields: a secret's 30 random characters rebuild it
 * whole, its checksum being computed from them). Percent-encoded text (`gt%5F…` in a URL or a
 * `Location`) is matched decoded: when decoding reveals a secret, the decoded text is returned,
 * scrubbed.
 */
export function scrub(text: string, secrets: readonly string[] = []): string {
  const out = scrubPlain(text, secrets);
  if (!text.includes('%')) return out;
  const decoded = percentDecode(text);
  const scrubbed = scrubPlain(decoded, secrets);
  return scrubbed === decoded ? out : scrubbed;
}

/**
 * The shortest piece of a known secret that is taken out of a text. Shorter pieces stay (a token's
 * public hint is 4 characters); rebuilding a secret from pieces of 6 would take at least five of
 * them, each cut from the next on purpose.
 */
export const MIN_RUN = 7;

/**
 * A letter or digit (ASCII: what a secret is made of) as a number, a letter's case ignored (an
 * echo in capitals can be turned back with the checksum: `GT_ABC…` is no safer), or -1.
 */
function charKey(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code >= 48 && code <= 57) return code;
  const lower = code | 32;
  return lower >= 97 && lower <= 122 ? lower : -1;
}

/** The 4 letters or digits at `at` as one number (no string made), or -1 where one is neither. */
function windowKey(text: string, at: number): number {
  let key = 0;
  for (let i = at; i < at + 4; i++) {
    const code = charKey(text, i);
    if (code < 0) return -1;
    key = key * 128 + code;
  }
  return key;
}

/** Each window of 4 letters or digits of a secret, with where it starts; cached per secret. */
const windowsOf = new Map<string, Map<number, number[]>>();

function windows(chars: string): Map<number, number[]> {
  let out = windowsOf.get(chars);
  if (out) return out;
  out = new Map();
  for (let at = 0; at + 4 <= chars.length; at++) {
    const key = windowKey(chars, at);
    const starts = out.get(key);
    // A random secret has each window once; a repetitive string (`AAAA…`) would make every lookup
    // try thousands of starts: the first 8 are enough to find its runs.
    if (key < 0 || (starts?.length ?? 0) >= 8) continue;
    if (starts) starts.push(at);
    else out.set(key, [at]);
  }
  // A client's own tokens are few; secrets from request bodies are many over a process's life.
  if (windowsOf.size >= 64) windowsOf.clear();
  windowsOf.set(chars, out);
  return out;
}

/**
 * `text` with every run of {@link MIN_RUN} or more consecutive letters and digits of `secret` (after
 * its `gt_`) replaced by the secret's redacted form, a `gt_` just before a run included (a
 * malformed token's spaces and words such as `Bearer ` are not what makes it secret). A run that
 * long always holds a 4-character window starting at a multiple of 4, so only those are looked up.
 */
function scrubSecret(text: string, secret: string): string {
  const chars = secret.startsWith('gt_') ? secret.slice(3) : secret;
  if (chars.length < MIN_RUN) {
    // Too short to hunt for pieces of (a malformed token): taken out where it stands whole.
    return chars.length >= 4 && text.includes(chars) ? text.split(chars).join(redactToken(secret)) : text;
  }
  if (text.length < MIN_RUN) return text;
  const index = windows(chars);
  const same = (t: number, c: number) => {
    const code = charKey(text, t);
    return code >= 0 && code === charKey(chars, c);
  };
  let out = '';
  let done = 0;
  for (let at = 0; at + 4 <= text.length; at += 4) {
    if (at < done) continue;
    const starts = index.get(windowKey(text, at));
    if (!starts) continue;
    let start = at;
    let end = at;
    for (const from of starts) {
      let back = 0;
      while (at - back > done && from - back > 0 && same(at - back - 1, from - back - 1)) back++;
      let ahead = 4;
      while (at + ahead < text.length && same(at + ahead, from + ahead)) ahead++;
      if (back + ahead >= MIN_RUN && back + ahead > end - start) [start, end] = [at - back, at + ahead];
    }
    if (end === start) continue;
    if (start - 3 >= done && text.slice(start - 3, start).toLowerCase() === 'gt_') start -= 3;
    out += text.slice(done, start) + redactToken(secret);
    done = end;
  }
  return done === 0 ? text : out + text.slice(done);
}

/**
 * Decodes every `%XX` escape (RFC 3986 §2.1) byte by byte, leaving a stray `%` as it is: enough to
 * find a secret, whose characters are all ASCII.
 */
function percentDecode(text: string): string {
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

function scrubPlain(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = scrubSecret(out, secret);
  return scrubSecrets(out);
}

/**
 * What to scrub for strings a request carries as secrets (`revokeLeaked`: lines from a repository,
 * a paste, a log): the secrets in them (`gt_` and 30 to 36 letters or digits, any case) where
 * there are some, so the words around them (`Authorization`, a variable name) are not taken for
 * pieces of a secret; the whole string where there are none.
 */
export function secretsIn(texts: readonly string[]): string[] {
  return texts.flatMap((text) => text.match(/gt_[0-9a-z]{30,36}/gi) ?? [text]);
}

/**
 * A response's `X-Request-Id`, scrubbed like every other header copy: a proxy or server that echoes
 * the credential there must not put it in `requestId` (error field, `toJSON`, `util.inspect`, hook
 * events). Undefined when the header is absent.
 */
export function requestIdOf(headers: Headers, secrets: readonly string[] = []): string | undefined {
  const value = headers.get('x-request-id');
  return value === null ? undefined : scrub(value, secrets);
}

/** A credential header value with the secret redacted (`Bearer gt_…abcd`). */
export function redactCredential(value: string): string {
  const match = /^(\s*\w+\s+)(.+)$/.exec(value);
  if (match) return `${match[1]}${redactToken(match[2]!.trim())}`;
  return '[redacted]';
}

/** A plain, scrubbed copy of headers: credential headers redacted, every value scrubbed. */
export function safeHeaders(
  headers: Headers | undefined,
  secrets: readonly string[] = [],
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  headers.forEach((value, name) => {
    const key = name.toLowerCase();
    out[scrub(key, secrets)] = CREDENTIAL_HEADERS.has(key) ? redactCredential(value) : scrub(value, secrets);
  });
  return out;
}

/** A scrubbed, plain-data copy of a JSON value (strings scrubbed at any depth). */
export function scrubValue<T>(value: T, secrets: readonly string[] = []): T {
  if (typeof value === 'string') return scrub(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, secrets)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, secrets);
    return out as T;
  }
  return value;
}

/**
 * A safe stand-in for an underlying error (a fetch `TypeError`, a DNS failure): same name, scrubbed
 * message and `code`, and its own cause chain copied the same way (a few levels deep). Never the
 * original object, which may hold a `Request` with the Authorization header.
 */
export function safeCause(error: unknown, secrets: readonly string[] = [], depth = 0): Error | undefined {
  if (error === undefined || error === null || depth > 3) return undefined;
  const source = error as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
  const copy = new Error(scrub(typeof source.message === 'string' ? source.message : String(error), secrets));
  copy.name = typeof source.name === 'string' ? source.name : 'Error';
  if (typeof source.code === 'string' || typeof source.code === 'number') {
    (copy as Error & { code?: string | number }).code = source.code;
  }
  const inner = safeCause(source.cause, secrets, depth + 1);
  if (inner) copy.cause = inner;
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}
