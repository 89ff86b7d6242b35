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
 * Removes every secret-looking string, and each of `secrets` (the configured tokens, which may be
 * malformed and so not look like a secret) with or without its `gt_` prefix (a server may echo
 * only the part after it), from a text. Percent-encoded text (`gt%5F…` in a URL or a `Location`)
 * is matched decoded: when decoding reveals a secret, the decoded text is returned, scrubbed.
 */
export function scrub(text: string, secrets: readonly string[] = []): string {
  const out = scrubPlain(text, secrets);
  if (!out.includes('%')) return out;
  const decoded = percentDecode(out);
  const scrubbed = scrubPlain(decoded, secrets);
  return scrubbed === decoded ? out : scrubbed;
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
  for (const secret of secrets) {
    for (const part of [secret, secret.startsWith('gt_') && secret.slice(3)]) {
      if (part && part.length >= 4 && out.includes(part)) out = out.split(part).join(redactToken(secret));
    }
  }
  return scrubSecrets(out);
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
    out[key] = CREDENTIAL_HEADERS.has(key) ? redactCredential(value) : scrub(value, secrets);
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
