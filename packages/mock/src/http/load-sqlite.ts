/**
 * Loads `node:sqlite`, the engine of `--state-file`, or says clearly which Node it needs.
 * @internal
 */
import { MockFileError } from './seed-file.js';

/** The `node:sqlite` module. */
export type Sqlite = typeof import('node:sqlite');
let sqlite: Sqlite | undefined;

/** The oldest Node with `node:sqlite` and no flag (the package's `engines.node`). */
export const SQLITE_NODE = '22.13';

/**
 * Loads `node:sqlite`. Node 22 prints "ExperimentalWarning: SQLite is an experimental feature"
 * once; it tells a user of the mock nothing they can act on, so it is held back while the module
 * loads (every other warning passes).
 * @throws {MockFileError} on a Node without `node:sqlite` (Node 20, or 22 before 22.13 without
 * `--experimental-sqlite`): which Node is needed, and that the mock runs without `--state-file`.
 */
export function loadSqlite(): Sqlite {
  if (sqlite) return sqlite;
  const emit = process.emitWarning;
  process.emitWarning = function (this: unknown, warning: string | Error, ...rest: unknown[]) {
    const text = typeof warning === 'string' ? warning : warning.message;
    const option = rest[0];
    const type =
      typeof option === 'string' ? option : ((option as { type?: string } | undefined)?.type ?? '');
    if (type === 'ExperimentalWarning' && /sqlite/i.test(text)) return;
    return (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
  let loaded: Sqlite | undefined;
  try {
    // Through getBuiltinModule, not import(): some bundlers rewrite `node:sqlite` to `sqlite`. It
    // answers undefined for a built-in this Node does not have, and is itself missing before 20.16.
    loaded =
      typeof process.getBuiltinModule === 'function'
        ? (process.getBuiltinModule('node:sqlite') as Sqlite | undefined)
        : undefined;
  } finally {
    process.emitWarning = emit;
  }
  if (loaded?.DatabaseSync === undefined) {
    throw new MockFileError(
      `--state-file needs node:sqlite, built into Node ${SQLITE_NODE} and later; this is Node ${process.versions.node}. Run the mock with Node ${SQLITE_NODE} or later (24 recommended), or without --state-file (the state then lives in memory only).`,
    );
  }
  sqlite = loaded;
  return sqlite;
}
