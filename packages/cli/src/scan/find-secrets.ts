/**
 * Finds GraphToken secrets in bytes: every `gt_` followed by 36 base62 characters whose checksum
 * holds (checked offline by the contract's own {@link isWellFormedToken}). A match is reported by
 * position and public hint only; the secret itself leaves this module only through an `onSecret`
 * callback (`scan --report`, which sends it to the API for revocation).
 *
 * @see ../../../contract/src/token-format.ts the format and its CRC32 checksum
 */
import { isWellFormedToken, TOKEN_LENGTH, TOKEN_PREFIX, tokenHint } from '@graphtoken/contract';

/** One secret found: where it starts (1-based line and column) and its public hint. */
export interface SecretMatch {
  /** 1-based line number. */
  readonly line: number;
  /** 1-based column, in bytes from the start of the line. */
  readonly column: number;
  /** The last 4 characters of the secret: its public hint, as `graphtoken tokens list` shows it. */
  readonly hint: string;
}

const PREFIX = Buffer.from(TOKEN_PREFIX, 'latin1');
const NEWLINE = 0x0a;

/** Where a buffer starts in a longer input: lines before it, bytes of its first line before it. */
interface Origin {
  readonly lines: number;
  readonly column: number;
}

/**
 * Finds every well-formed secret in a buffer. Line numbers are counted only up to each match, so
 * a buffer without a `gt_` costs a single `indexOf` pass.
 *
 * No word boundary is required around a match: a secret glued to other text (`KEY=gt_…`, `xgt_…`,
 * minified code) is still a secret, and the 6-character checksum keeps random text from matching
 * (about 1 chance in 5·10¹⁰ per `gt_` followed by 36 letters and digits).
 *
 * @param origin where the buffer starts in its input (for {@link SecretStream}'s chunks)
 * @param onSecret given each secret found (never stored in a match)
 */
export function findSecrets(
  bytes: Uint8Array,
  origin: Origin = { lines: 0, column: 0 },
  onSecret?: (secret: string) => void,
): SecretMatch[] {
  const buffer = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: SecretMatch[] = [];
  const last = buffer.length - TOKEN_LENGTH;
  let line = origin.lines + 1;
  let lineStart = -origin.column;
  let counted = 0;
  let at = buffer.indexOf(PREFIX, 0);
  while (at !== -1 && at <= last) {
    const candidate = buffer.toString('latin1', at, at + TOKEN_LENGTH);
    if (!isWellFormedToken(candidate)) {
      at = buffer.indexOf(PREFIX, at + 1);
      continue;
    }
    for (
      let nl = buffer.indexOf(NEWLINE, counted);
      nl !== -1 && nl < at;
      nl = buffer.indexOf(NEWLINE, nl + 1)
    ) {
      line++;
      lineStart = nl + 1;
    }
    counted = at;
    found.push({ line, column: at - lineStart + 1, hint: tokenHint(candidate) });
    onSecret?.(candidate);
    at = buffer.indexOf(PREFIX, at + TOKEN_LENGTH);
  }
  return found;
}

/**
 * Finds secrets in an input that arrives in chunks (stdin), holding one chunk and the few bytes
 * of a secret that may straddle two chunks, whatever the input's length.
 *
 * @example
 * const stream = new SecretStream();
 * for await (const chunk of process.stdin) matches.push(...stream.push(chunk));
 */
export class SecretStream {
  readonly #onSecret: ((secret: string) => void) | undefined;
  #carry: Buffer = Buffer.alloc(0);
  #lines = 0;
  #column = 0;

  /** @param onSecret given each secret found (for `scan --report`) */
  constructor(onSecret?: (secret: string) => void) {
    this.#onSecret = onSecret;
  }

  /** Scans the next chunk; returns the secrets that are complete by its end. */
  push(chunk: Uint8Array): SecretMatch[] {
    const data = this.#carry.length > 0 ? Buffer.concat([this.#carry, chunk]) : Buffer.from(chunk);
    // findSecrets only reports matches that start before `keep`; later bytes may begin a secret
    // that the next chunk completes, so they are carried over.
    const keep = Math.max(0, data.length - (TOKEN_LENGTH - 1));
    const found = findSecrets(data, { lines: this.#lines, column: this.#column }, this.#onSecret);
    const lastBreak = keep > 0 ? data.lastIndexOf(NEWLINE, keep - 1) : -1;
    if (lastBreak !== -1) {
      for (let nl = data.indexOf(NEWLINE); nl !== -1 && nl < keep; nl = data.indexOf(NEWLINE, nl + 1))
        this.#lines++;
      this.#column = keep - lastBreak - 1;
    } else {
      this.#column += keep;
    }
    // A copy: the caller may reuse the chunk's memory.
    this.#carry = Buffer.from(data.subarray(keep));
    return found;
  }
}
