/**
 * Parsing of the values the commands take: durations (`30d`, `1h30m`), byte sizes (`10M`), scope
 * lists (`read,append`), presets (`roam-append-only`) and ids. Each failure is a
 * {@link UsageError} whose message says what a valid value looks like.
 */
import { characterLength, isDateTime } from '@graphtoken/contract';
import { matchesPathParam, presets, type Scope } from '@graphtoken/sdk';
import { UsageError } from '../usage-error.js';
import { redactIfSecret } from './parse-command-args.js';

const SCOPES = ['read', 'append', 'write', 'manage'] as const satisfies readonly Scope[];

const UNITS = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 } as const;

/**
 * Parses a duration such as `30d`, `1h`, `90m` or `1h30m` into seconds.
 *
 * @example
 * parseDuration('1h30m', '--grace') // 5400
 * @throws {UsageError} naming the flag and the accepted form
 */
export function parseDuration(text: string, flag: string): number {
  const parts = [...text.matchAll(/(\d+)([smhdw])/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) {
    throw new UsageError(
      `${flag} takes a duration like 30d, 12h, 90m or 1h30m (units: s, m, h, d, w), not "${text}"`,
    );
  }
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * UNITS[unit as keyof typeof UNITS], 0);
}

/**
 * The time `seconds` after (`direction` 1) or before (-1) `now`, for a duration flag: refused,
 * naming the flag, when it falls outside the years 0000–9999 the API's RFC 3339 times can express.
 *
 * @example
 * dateFromNow(Date.now(), parseDuration('90d', '--stale'), -1, '--stale', '90d') // 90 days ago
 * @throws {UsageError} naming the flag, for a duration that reaches past those years
 */
export function dateFromNow(
  now: number,
  seconds: number,
  direction: 1 | -1,
  flag: string,
  text: string,
): Date {
  const date = new Date(now + direction * seconds * 1000);
  if (Number.isNaN(date.getTime()) || !isDateTime(date.toISOString())) {
    throw new UsageError(
      `${flag} ${text.slice(0, 40)} reaches ${direction < 0 ? 'before the year 0000' : 'past the year 9999'}, which the API cannot read: use a shorter duration`,
    );
  }
  return date;
}

/**
 * Checks a free-text filter's length in characters (code points, as the spec counts them: an
 * emoji is one), not UTF-16 units.
 *
 * @throws {UsageError} naming the flag and the accepted length
 */
export function checkCharacterLength(text: string, flag: string, min: number, max: number): string {
  const length = characterLength(text);
  if (length < min || length > max) {
    throw new UsageError(`${flag} takes ${min} to ${max} characters, not ${length}`);
  }
  return text;
}

const SIZE_UNITS = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as const;

/**
 * Parses a byte size: `1048576`, `512K`, `10M`, `1G` (binary units, case-insensitive).
 *
 * @example
 * parseByteSize('10M', '--max-file-size') // 10485760
 * @throws {UsageError} naming the flag and the accepted form
 */
export function parseByteSize(text: string, flag: string): number {
  const match = /^(\d+)([kmg]?)i?b?$/i.exec(text.trim());
  const bytes = match ? Number(match[1]) * SIZE_UNITS[match[2]!.toLowerCase() as keyof typeof SIZE_UNITS] : 0;
  if (!match || bytes < 1) {
    throw new UsageError(`${flag} takes a size like 10M, 512K or 1G (bytes, KiB, MiB, GiB), not "${text}"`);
  }
  return bytes;
}

/** Parses `read,append` into scopes. */
export function parseScopes(text: string): Scope[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new UsageError(`--scopes needs at least one of: ${SCOPES.join(', ')}`);
  for (const name of names) {
    if (!(SCOPES as readonly string[]).includes(name)) {
      throw new UsageError(`unknown scope "${name}": use ${SCOPES.join(', ')} (comma-separated)`);
    }
  }
  return names as Scope[];
}

/** `roamAppendOnly` → `roam-append-only`. */
function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The SDK's scope presets by their command-line name (`roam-append-only`, `triply-write`, …). */
export const PRESETS: ReadonlyMap<string, readonly Scope[]> = new Map(
  Object.entries(presets).map(([name, scopes]) => [kebab(name), scopes]),
);

/** The scopes of a preset, by its command-line name. */
export function presetScopes(name: string): Scope[] {
  const scopes = PRESETS.get(name);
  if (!scopes) throw new UsageError(`unknown preset "${name}": use one of ${[...PRESETS.keys()].join(', ')}`);
  return [...scopes];
}

/** Graph ids from repeated and/or comma-separated `--graph` flags. */
export function parseGraphIds(values: readonly string[]): string[] {
  const ids = values
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  for (const id of ids) {
    if (!matchesPathParam('graphId', id))
      throw new UsageError(`"${redactIfSecret(id).slice(0, 80)}" is not a graph id (they look like gr_…)`);
  }
  return ids;
}

/**
 * Checks a token id argument. A pasted secret is refused without being echoed: it would sit in
 * the shell history, and it must not reach a URL or a log either.
 */
export function parseTokenId(value: string | undefined, command: string): string {
  if (!value) throw new UsageError(`${command} needs a token id: graphtoken tokens ${command} tok_…`);
  if (value.includes('gt_')) {
    throw new UsageError(
      'that is a token secret, not a token id: pass the id (tok_…) from `graphtoken tokens list`. ' +
        'A secret typed on a command line stays in your shell history: consider rotating it.',
    );
  }
  if (!matchesPathParam('tokenId', value)) {
    throw new UsageError(
      `"${value.slice(0, 80)}" is not a token id (they look like tok_ and 16 to 64 letters and digits, from \`graphtoken tokens list\`)`,
    );
  }
  return value;
}

/**
 * Parses `--limit`: a whole number, at least 1.
 *
 * @param what what is counted, for the message (`tokens`, `events`)
 * @throws {UsageError} naming the accepted form
 */
export function parseLimit(text: string, what: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new UsageError(
      `--limit takes a whole number of ${what}, at least 1, not "${redactIfSecret(text).slice(0, 40)}"`,
    );
  }
  return Number(text);
}
