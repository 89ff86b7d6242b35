/**
 * The format of a GraphToken secret: `gt_` + 30 random base62 characters + a 6-character base62
 * CRC32 checksum of those 30 (39 characters in all), as GitHub's token format does. The checksum
 * lets a client reject a truncated or mistyped token offline, before any request, and lets secret
 * scanners recognise a leaked one with few false positives.
 *
 * @see ../../../spec/openapi.yaml `components.securitySchemes.bearerAuth`
 */

/** The prefix every GraphToken secret starts with. */
export const TOKEN_PREFIX = 'gt_';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BODY_LENGTH = 30;
const CHECKSUM_LENGTH = 6;

/** The length of a well-formed secret, prefix included. */
export const TOKEN_LENGTH = TOKEN_PREFIX.length + BODY_LENGTH + CHECKSUM_LENGTH;

/** A regular expression matching a well-formed secret anywhere in a text, for secret scanning. */
export const TOKEN_PATTERN = /\bgt_[0-9A-Za-z]{36}\b/g;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function checksum(body: string): string {
  let value = crc32(body);
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = ALPHABET[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

/**
 * Builds a well-formed secret from a 30-character base62 body (its checksum is computed).
 * Meant for fixtures and the mock's well-known bootstrap token; use {@link generateTokenSecret}
 * for real secrets.
 */
export function tokenFromBody(body: string): string {
  if (body.length !== BODY_LENGTH || !BASE62.test(body)) {
    throw new RangeError(`a token body is ${BODY_LENGTH} base62 characters`);
  }
  return TOKEN_PREFIX + body + checksum(body);
}

/** Generates a new random secret with the platform's CSPRNG (Web Crypto: Node, browsers, Deno, Bun, workers). */
export function generateTokenSecret(): string {
  let body = '';
  while (body.length < BODY_LENGTH) {
    const bytes = crypto.getRandomValues(new Uint8Array(BODY_LENGTH * 2));
    for (const b of bytes) {
      // 248 = 4 * 62: rejecting the rest keeps every character equally likely.
      if (b < 248 && body.length < BODY_LENGTH) body += ALPHABET[b % 62];
    }
  }
  return tokenFromBody(body);
}

/**
 * Why a string is not a well-formed secret. `quotes`, `bearer` and `whitespace` name the usual
 * copy-and-paste mistakes (a naive `.env` read that keeps the quotes, a whole `Authorization` value,
 * a space or line break), so an error can say what to remove instead of a misleading "bad prefix".
 */
export type TokenFormatProblem =
  | 'empty'
  | 'quotes'
  | 'bearer'
  | 'whitespace'
  | 'prefix'
  | 'length'
  | 'charset'
  | 'checksum';

/** The result of {@link checkTokenFormat}. */
export type TokenFormatCheck = { ok: true } | { ok: false; problem: TokenFormatProblem };

const QUOTES = /^["'`\u2018\u2019\u201c\u201d]|["'`\u2018\u2019\u201c\u201d]$/;
const BEARER = /^\s*bearer(\s|$)/i;
const WHITESPACE = /\s/;
/** Only the characters of {@link ALPHABET}. */
const BASE62 = /^[0-9A-Za-z]*$/;

/**
 * Checks a secret's prefix, length, characters and checksum, offline. The usual paste mistakes
 * are named first: surrounding quotes, a `Bearer ` prefix, whitespace anywhere.
 *
 * @example
 * checkTokenFormat('gt_abc') // { ok: false, problem: 'length' }
 * checkTokenFormat('"gt_…"') // { ok: false, problem: 'quotes' }
 */
export function checkTokenFormat(secret: string): TokenFormatCheck {
  if (secret.length === 0) return { ok: false, problem: 'empty' };
  if (QUOTES.test(secret)) return { ok: false, problem: 'quotes' };
  if (BEARER.test(secret)) return { ok: false, problem: 'bearer' };
  if (WHITESPACE.test(secret)) return { ok: false, problem: 'whitespace' };
  if (!secret.startsWith(TOKEN_PREFIX)) return { ok: false, problem: 'prefix' };
  if (secret.length !== TOKEN_LENGTH) return { ok: false, problem: 'length' };
  const rest = secret.slice(TOKEN_PREFIX.length);
  if (!BASE62.test(rest)) return { ok: false, problem: 'charset' };
  const body = rest.slice(0, BODY_LENGTH);
  if (checksum(body) !== rest.slice(BODY_LENGTH)) return { ok: false, problem: 'checksum' };
  return { ok: true };
}

/** Whether a string is a well-formed secret (prefix, length, characters and checksum). */
export function isWellFormedToken(secret: string): boolean {
  return checkTokenFormat(secret).ok;
}

/** What each format problem means, in words a user can act on; none repeats the secret. */
const FORMAT_PROBLEMS: Record<TokenFormatProblem, string> = {
  empty: 'the token is empty',
  quotes: 'the token is wrapped in quotes; remove them (a .env file read without a dotenv parser keeps them)',
  bearer: 'the token starts with "Bearer "; pass the token alone, the client adds the Bearer scheme itself',
  whitespace:
    'the token contains whitespace (a space, tab or line break); remove it, a token is one unbroken string',
  prefix: `a GraphToken token starts with "${TOKEN_PREFIX}"; check that you copied the token itself, not its id or name`,
  length: `a GraphToken token is ${TOKEN_LENGTH} characters long; check that you are using the full token string (was it truncated?)`,
  charset: 'a GraphToken token holds only letters and digits after its prefix; check for stray characters',
  checksum:
    'the token checksum does not match: a character was mistyped or changed; copy the full token string again',
};

/** A user-facing explanation of a format problem; it never repeats the secret. */
export function describeTokenFormatProblem(problem: TokenFormatProblem): string {
  return FORMAT_PROBLEMS[problem];
}

/** The last 4 characters of a secret: the public `hint` that identifies a token in a list. */
export function tokenHint(secret: string): string {
  return secret.slice(-4);
}

/**
 * Anything that looks like a secret or a piece of one: the prefix and 8 to 36 characters. It stops
 * at a whole secret's length, so secrets pasted back to back are each caught.
 */
const SECRET_LIKE = /gt_[0-9A-Za-z]{8,36}/gi;

/**
 * Replaces every secret-looking text (well-formed, truncated, or several back to back) with its
 * public hint. The one scrubber the SDK, the mock and the examples use on text they did not write.
 *
 * @example
 * scrubSecrets(`token=${secret}`) // 'token=gt_…abcd'
 */
export function scrubSecrets(text: string): string {
  return text.replace(SECRET_LIKE, (match) => redactToken(match));
}

/** Whether a text holds anything that looks like a secret, anywhere in it. */
export function containsSecret(text: string): boolean {
  SECRET_LIKE.lastIndex = 0;
  return SECRET_LIKE.test(text);
}

/** A printable stand-in for a secret, keeping only the public hint (`gt_…abcd`). */
export function redactToken(secret: string): string {
  return secret.length >= TOKEN_LENGTH - 4 ? `${TOKEN_PREFIX}…${tokenHint(secret)}` : '[redacted]';
}
