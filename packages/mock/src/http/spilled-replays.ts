/**
 * The standalone server's replay records when it runs without `--state-file`: kept in a private,
 * temporary SQLite database (`node:sqlite`) instead of the JavaScript heap. The file is made in a
 * new folder of the system's temporary folder and, on Linux and macOS, its name is removed as soon
 * as it is open, so it is gone when the server exits, a SIGKILL included (on Windows, where an open
 * file cannot lose its name, it is removed at close). SQLite holds at most its page cache (about
 * 2 MiB) in memory; every record is written to the file as it is stored, so a write that fails (a
 * full disk) fails at once and rolls back (the rollback journal is kept in memory), and the
 * records before it stay readable. A server that runs for days under retries thus keeps 24 hours of
 * answers on disk, not in its heap (see the README's memory figures).
 *
 * The rows are the state file's (`replay-rows.ts`): named by a salted hash, a create's or a
 * rotate's secret sealed with a key derived from the `Idempotency-Key`, so the file never holds a
 * secret in plain text. The salt is random per start: nothing in the file outlives the process.
 * @internal
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { createMemoryReplayStore, type ReplayStore } from '../internal/replay-store.js';
import { loadSqlite } from './load-sqlite.js';
import { replayFromRow, replayKeyHash, replayRow, replayStatements } from './replay-rows.js';
import { REPLAYS_TABLE } from './state-schema.js';

/** Replay records in a temporary database; `close` deletes it. */
export interface SpilledReplayStore extends ReplayStore {
  /** Closes (and so deletes) the temporary database. Idempotent. */
  close(): void;
}

/** Options of {@link openSpilledReplayStore}. */
export interface SpilledReplayStoreOptions {
  /** The database to keep the records in (tests); default a new private temporary file. */
  database?: DatabaseSync;
  /** Told once when writing to the database failed and the records went on in memory. */
  onFallback?: (message: string) => void;
}

/**
 * Opens the temporary database, or says why it cannot (this Node has no `node:sqlite`, the
 * temporary folder is not writable): the caller then keeps the records in memory. Should a write
 * fail later (a full disk), that record and every later one are kept in memory instead, so a
 * request never fails for it and no record is lost; the earlier ones are still read from the file.
 */
export function openSpilledReplayStore(
  options: SpilledReplayStoreOptions = {},
): SpilledReplayStore | { reason: string } {
  let db: DatabaseSync;
  /** The folder to remove at close, where the file kept its name (Windows). */
  let folder: string | undefined;
  const removeFolder = () => {
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
    folder = undefined;
  };
  try {
    if (options.database) db = options.database;
    else {
      const { DatabaseSync } = loadSqlite();
      folder = mkdtempSync(join(tmpdir(), 'graphtoken-mock-replays-'));
      db = new DatabaseSync(join(folder, 'replays.db'));
    }
  } catch (error) {
    removeFolder();
    return { reason: (error as Error).message };
  }
  let s: ReturnType<typeof replayStatements>;
  let count: ReturnType<DatabaseSync['prepare']>;
  try {
    // Nothing here has to survive a crash (no fsync), but a write that fails must roll back cleanly
    // so the records before it stay readable: a rollback journal, in memory (no second file). One
    // connection holds the file for good, so its name is never needed again.
    db.exec('PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF');
    db.exec(REPLAYS_TABLE);
    s = replayStatements(db);
    count = db.prepare('SELECT count(*) AS n FROM replays');
  } catch (error) {
    db.close();
    removeFolder();
    return { reason: (error as Error).message };
  }
  if (process.platform !== 'win32') removeFolder();
  const salt = randomBytes(16).toString('hex');
  /** Where records go once a write to the file failed. */
  let memory: ReplayStore | undefined;
  /** False once a reset could not empty the file: its records must not replay after that reset. */
  let fileCurrent = true;
  let open = true;
  return {
    get(tokenId, key, nowMs) {
      const kept = memory?.get(tokenId, key, nowMs);
      if (kept !== undefined || !fileCurrent) return kept;
      const keyHash = replayKeyHash(salt, tokenId, key);
      let row: ReturnType<typeof s.getReplay.get>;
      try {
        row = s.getReplay.get(keyHash);
      } catch {
        // After a failed write SQLite's pager reports the error once more, on the next read, then
        // reads the file afresh. A second failure throws: answering as if there were no record
        // would run a retry again.
        row = s.getReplay.get(keyHash);
      }
      return replayFromRow(row, salt, tokenId, key, keyHash, nowMs);
    },
    put(tokenId, key, response, nowMs) {
      if (memory === undefined) {
        try {
          // Expired rows first (the expiry is indexed: it costs what it deletes), as in memory.
          s.pruneReplays.run(nowMs);
          s.putReplay.run(...replayRow(salt, tokenId, key, response, nowMs));
          return;
        } catch (error) {
          memory = createMemoryReplayStore();
          options.onFallback?.(
            `replay records are kept in memory from now on: writing them to a temporary file failed (${(error as Error).message})`,
          );
        }
      }
      memory.put(tokenId, key, response, nowMs);
    },
    clear() {
      memory?.clear();
      try {
        db.exec('DELETE FROM replays');
      } catch {
        // A file that cannot be written any more: what it holds predates the reset, so it is
        // never read again (new records go to memory, see put).
        fileCurrent = false;
        memory ??= createMemoryReplayStore();
      }
    },
    get size() {
      return (memory?.size ?? 0) + (fileCurrent ? Number(count.get()?.n ?? 0) : 0);
    },
    close() {
      if (!open) return;
      open = false;
      db.close();
      removeFolder();
    },
  };
}
