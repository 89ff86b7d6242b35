/**
 * Parsing of the values the commands take: durations (`30d`, `1h30m`), scope lists
 * (`read,append`), presets (`roam-append-only`) and ids. Each failure is a {@link UsageError}
 * whose message says what a valid value looks like.
 */
import { matchesPathParam, presets, type Scope } from '@graphtoken/sdk';

/** Bad input on the command line: the message says what to type instead. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const SCOPES = ['read', 'append', 'write', 'manage'] as const satisfies readonly Scope[];

const UNITS = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 } as const;

/**
 * Parses a duration such as `30d`, `1h`, `90m` or `1h30m` into seconds.
 *
 * @example
 * parseDuration('1h30m', '--grace') // 5400
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

/** The scope presets by their command-line name (`roam-append-only`, `triply-write`, ...). */
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
    if (!/^gr_[A-Za-z0-9_]+$/.test(id))
      throw new UsageError(`"${id}" is not a graph id (they look like gr_…)`);
  }
  return ids;
}

/**
 * Checks a token id argument. A pasted secret is refused without being echoed: it would sit in
 * the shell history, and it must not reach a URL or a log either.
 */
export function parseTokenId(value: string | undefined, command: string): string {
  if (!value) throw new UsageError(`${command} needs a token id: token-admin ${command} tok_…`);
  if (value.startsWith('gt_')) {
    throw new UsageError(
      'that is a token secret, not a token id: pass the id (tok_…) from `token-admin list`. ' +
        'A secret typed on a command line stays in your shell history: consider rotating it.',
    );
  }
  // The spec's pattern for a token id: anything else (`self`, `..`) could reach another operation.
  if (!matchesPathParam('tokenId', value))
    throw new UsageError(
      `"${value.slice(0, 80)}" is not a token id (they look like tok_…, from \`token-admin list\`)`,
    );
  return value;
}
