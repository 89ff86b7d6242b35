/**
 * The standalone server's `--state-file`: an SQLite database (Node's built-in `node:sqlite`, WAL
 * mode) that the mock writes as it changes. Each request's changes are one transaction, committed
 * before its answer is sent, and only the rows it changed are written; `lastUsedAt` moves alone are
 * batched (written within {@link TOUCH_FLUSH_MS}). A JSON state file of an earlier version is
 * migrated on first start (kept as `FILE.bak`); a corrupt or foreign file is refused, untouched.
 * @internal
 */

import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  constants as fsConstants,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { ReplayStore, StoredResponse } from '../internal/replay-store.js';
import { AUDIT_RETENTION_MS } from '../store/audit-log.js';
import type {
  AccountRecord,
  AuditEventRecord,
  BlockRecord,
  GraphRecord,
  MockSnapshot,
  TokenRecord,
} from '../store/records.js';
import type { MockState } from '../store/state.js';
import { loadSqlite, type Sqlite } from './load-sqlite.js';
import { textFromColumn, textToColumn } from './lossless-text.js';
import { replayFromRow, replayKeyHash, replayRow, replayStatements } from './replay-rows.js';
import { MockFileError } from './seed-file.js';
import { loadStateFile } from './state-file.js';
import { checkStateDatabase, migrateSchema, SCHEMA_V1 } from './state-schema.js';

/** At most how long a `lastUsedAt` move waits to be written (so how stale it can be after a crash). */
export const TOUCH_FLUSH_MS = 1000;

/** What the state file was when the server started. */
export type StateFileStatus = 'new' | 'restored' | 'migrated';

/** An open state database. */
export interface StateDatabase {
  readonly path: string;
  readonly status: StateFileStatus;
  /** The saved state to start from; undefined for a new file (start from the seed). */
  readonly snapshot: MockSnapshot | undefined;
  /** Replay records, kept in the file (never in memory), each written with its request's changes. */
  readonly replays: ReplayStore;
  /** Starts writing `state`'s changes (its `trackChanges` must be on). */
  attach(state: MockState): void;
  /** Writes every pending change in one transaction; `force` writes the clock and counters even when nothing changed. */
  flush(options?: { force?: boolean }): void;
  /** The mock's `onChange`: writes now, unless only `lastUsedAt` moved (then within {@link TOUCH_FLUSH_MS}). */
  onChange(): void;
  /** Writes what is pending and closes the file (after a {@link failure}: only closes it). Idempotent. */
  close(): void;
  /**
   * Set when a commit failed (disk full, file size limit, I/O error): from then on memory holds
   * changes the file does not, so every later write throws this same error and the server must stop
   * serving. The file keeps everything committed before; a restart reloads it.
   */
  readonly failure: MockFileError | undefined;
}

/** What {@link openStateDatabase} reports while the file is open. */
export interface StateDatabaseOptions {
  /** Called once, when a commit fails (see {@link StateDatabase.failure}). */
  onFailure?: (error: MockFileError) => void;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** What kind of file is at `path`, from its first bytes. */
function inspect(path: string): 'missing' | 'empty' | 'sqlite' | 'json' | 'other' {
  if (!existsSync(path)) return 'missing';
  const stat = statSync(path);
  if (stat.isDirectory()) {
    throw new MockFileError(
      `state file ${path} is a directory, not a file. Pass the path of a file (it is created when missing), e.g. ${join(path, 'state.db')}`,
    );
  }
  if (!stat.isFile()) {
    // A FIFO would block the read below (and SQLite) until a writer appears; a device is no state.
    const what = stat.isFIFO() ? 'a named pipe (FIFO)' : stat.isSocket() ? 'a socket' : 'a device';
    throw new MockFileError(
      `state file ${path} is ${what}, not a regular file. It was left untouched: pass the path of a regular file (it is created when missing)`,
    );
  }
  if (stat.nlink > 1) {
    // SQLite names the WAL after the path: started through another name after a crash, the mock
    // would not see the last acknowledged changes (they are in the other name's WAL).
    throw new MockFileError(
      `state file ${path} has ${stat.nlink} hard links. SQLite keeps the latest changes in a WAL named after the path, so opening it through another name after a crash would lose acknowledged changes. It was left untouched: remove the other links (or copy the file) and always use one path; a symlink is fine`,
    );
  }
  const head = Buffer.alloc(64);
  let n: number;
  try {
    const fd = openSync(path, 'r');
    try {
      n = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new MockFileError(`state file ${path} cannot be read (${(error as Error).message}). ${RECOVER}`);
  }
  if (n === 0) return 'empty';
  const text = head.subarray(0, n).toString('latin1');
  if (text.startsWith(SQLITE_MAGIC)) return 'sqlite';
  return /^\s*[{[]/.test(text) ? 'json' : 'other';
}

const RECOVER =
  'It was left untouched: delete it (or pass another --state-file) to start again from the seed';

function isLocked(error: unknown): boolean {
  return /locked|busy/i.test((error as Error)?.message ?? '');
}

/** The prepared statements of one open file. */
function statements(db: DatabaseSync) {
  return {
    putAccount: db.prepare('INSERT OR REPLACE INTO accounts (id, record) VALUES (?, ?)'),
    putGraph: db.prepare('INSERT OR REPLACE INTO graphs (id, record) VALUES (?, ?)'),
    putToken: db.prepare('INSERT OR REPLACE INTO tokens (id, record) VALUES (?, ?)'),
    putBlock: db.prepare(
      'INSERT OR REPLACE INTO blocks (id, seq, graph_id, content, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    deleteBlock: db.prepare('DELETE FROM blocks WHERE id = ?'),
    putMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
    getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
    ...replayStatements(db),
    putEvent: db.prepare(
      'INSERT OR REPLACE INTO audit_events (id, seq, occurred_ms, record) VALUES (?, ?, ?, ?)',
    ),
    pruneEvents: db.prepare('DELETE FROM audit_events WHERE occurred_ms < ?'),
  };
}
type Statements = ReturnType<typeof statements>;

const putAccount = (s: Statements, a: AccountRecord) => s.putAccount.run(a.id, JSON.stringify(a));
const putGraph = (s: Statements, g: GraphRecord) => s.putGraph.run(g.id, JSON.stringify(g));
const putToken = (s: Statements, t: TokenRecord) => s.putToken.run(t.id, JSON.stringify(t));
const putEvent = (s: Statements, e: AuditEventRecord) =>
  s.putEvent.run(e.id, e.seq, Date.parse(e.occurredAt), JSON.stringify(e));
const putBlock = (s: Statements, b: BlockRecord) =>
  s.putBlock.run(b.id, b.seq, b.graphId, textToColumn(b.content), b.createdAt, b.updatedAt);

/** Replaces every row with the given state (a seed, a reset, a restore, a migration). */
function writeEverything(
  db: DatabaseSync,
  s: Statements,
  all: {
    accounts: Iterable<AccountRecord>;
    graphs: Iterable<GraphRecord>;
    tokens: Iterable<TokenRecord>;
    blocks: Iterable<BlockRecord>;
    auditEvents?: Iterable<AuditEventRecord> | undefined;
  },
): void {
  db.exec(
    'DELETE FROM accounts; DELETE FROM graphs; DELETE FROM tokens; DELETE FROM blocks; DELETE FROM replays; DELETE FROM audit_events;',
  );
  for (const e of all.auditEvents ?? []) putEvent(s, e);
  for (const a of all.accounts) putAccount(s, a);
  for (const g of all.graphs) putGraph(s, g);
  for (const t of all.tokens) putToken(s, t);
  for (const b of all.blocks) putBlock(s, b);
}

function readSnapshot(db: DatabaseSync, s: Statements): MockSnapshot {
  const meta = (key: string) => JSON.parse(String(s.getMeta.get(key)?.value ?? 'null'));
  const records = <T>(table: string): T[] =>
    db
      .prepare(`SELECT record FROM ${table}`)
      .all()
      .map((row) => JSON.parse(String(row.record)) as T);
  const blocks: BlockRecord[] = [];
  for (const row of db
    .prepare('SELECT id, seq, graph_id, content, created_at, updated_at FROM blocks')
    .iterate()) {
    blocks.push({
      id: String(row.id),
      seq: Number(row.seq),
      graphId: String(row.graph_id),
      content: textFromColumn(row.content),
      createdAt: String(row.created_at),
      updatedAt: String(row.updated_at),
    });
  }
  return {
    format: 'graphtoken-mock-snapshot',
    version: 1,
    clock: meta('clock') ?? { offsetMs: 0, frozenAt: null },
    counters: meta('counters') ?? { token: 0, block: 0, graph: 0, account: 0, seq: 0 },
    accounts: records<AccountRecord>('accounts'),
    graphs: records<GraphRecord>('graphs'),
    tokens: records<TokenRecord>('tokens'),
    blocks,
    auditEvents: db
      .prepare('SELECT record FROM audit_events ORDER BY seq')
      .all()
      .map((row) => JSON.parse(String(row.record)) as AuditEventRecord),
  };
}

function initialise(db: DatabaseSync): void {
  db.exec('BEGIN EXCLUSIVE');
  db.exec(SCHEMA_V1);
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('salt', randomBytes(16).toString('hex'));
  db.exec('COMMIT');
  migrateSchema(db);
}

/** Removes the temporary files the JSON state file writer of earlier versions left after a kill. */
function removeStaleTempFiles(path: string): void {
  const pattern = new RegExp(
    `^\\.${basename(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+\\.\\d+\\.tmp$`,
  );
  for (const name of readdirSync(dirname(path))) {
    if (pattern.test(name)) rmSync(join(dirname(path), name), { force: true });
  }
}

/**
 * Turns a JSON state file of an earlier version into a database at the same path, keeping the JSON
 * as `FILE.bak`. Crash-safe: the database is built beside it and renamed over it last.
 */
function migrate(DatabaseSync: Sqlite['DatabaseSync'], path: string): void {
  const snapshot = loadStateFile(path);
  if (snapshot === undefined) throw new MockFileError(`state file ${path} disappeared during the migration`);
  const backup = `${path}.bak`;
  const original = readFileSync(path);
  if (existsSync(backup) && !readFileSync(backup).equals(original)) {
    throw new MockFileError(
      `cannot migrate the JSON state file ${path} to SQLite: ${backup} exists already and is not a copy of it. Move ${backup} away and start again`,
    );
  }
  const temp = `${path}.migrating`;
  const removeTemp = () => {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(temp + suffix, { force: true });
  };
  removeTemp();
  try {
    const db = new DatabaseSync(temp);
    try {
      initialise(db);
      const s = statements(db);
      db.exec('BEGIN');
      writeEverything(db, s, snapshot);
      s.putMeta.run('clock', JSON.stringify(snapshot.clock));
      s.putMeta.run('counters', JSON.stringify(snapshot.counters));
      db.exec('COMMIT');
    } finally {
      db.close();
    }
  } catch (error) {
    // The JSON file is left as it was, and nothing beside it.
    removeTemp();
    throw new MockFileError(
      `cannot migrate the JSON state file ${path} to SQLite (${(error as Error).message}). It was left untouched`,
    );
  }
  if (!existsSync(backup)) copyFileSync(path, backup, fsConstants.COPYFILE_EXCL);
  renameSync(temp, path);
  removeStaleTempFiles(path);
}

/**
 * Refuses a `FILE-wal` that holds data while `FILE` is missing or empty: the WAL holds the last
 * acknowledged changes of a state file that was deleted or moved, and SQLite would discard it.
 */
function refuseOrphanWal(path: string): void {
  const wal = `${path}-wal`;
  let size: number;
  try {
    size = statSync(wal).size;
  } catch {
    return; // no WAL: a new state file
  }
  if (size === 0) return;
  throw new MockFileError(
    `state file ${path} is missing or empty, but ${wal} is there: it holds the last changes of a state file that was deleted or moved, and starting would discard them. Nothing was changed. Put the state file back at ${path} to keep them, or move ${wal} away to start again from the seed`,
  );
}

/**
 * Opens (or creates) the state database at `path`.
 *
 * @throws {MockFileError} when this Node has no `node:sqlite` (older than 22.13), the file is corrupt, another program's, of a newer schema, in use
 * by another process, or a JSON state file that cannot be migrated.
 */
export async function openStateDatabase(
  path: string,
  options: StateDatabaseOptions = {},
): Promise<StateDatabase> {
  const { DatabaseSync } = loadSqlite();
  const kind = inspect(path);
  if (kind === 'missing' || kind === 'empty') refuseOrphanWal(path);
  if (kind === 'other') {
    throw new MockFileError(
      `state file ${path} is neither a GraphToken mock database nor a JSON state file of an earlier version. ${RECOVER}`,
    );
  }
  let status: StateFileStatus = kind === 'sqlite' ? 'restored' : 'new';
  if (kind === 'json') {
    migrate(DatabaseSync, path);
    status = 'migrated';
  }

  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path);
  } catch (error) {
    throw new MockFileError(`state file ${path} cannot be opened (${(error as Error).message}). ${RECOVER}`);
  }
  let s: Statements;
  let snapshot: MockSnapshot | undefined;
  try {
    // One process per file: the lock is held from here until close.
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    if (status === 'new') initialise(db);
    else {
      checkStateDatabase(db, path);
      migrateSchema(db); // an older schema gains what this version keeps, losing nothing
    }
    db.exec('PRAGMA journal_mode = WAL');
    // In WAL mode, NORMAL survives a killed process (the OS keeps what was written); FULL would
    // only add a power-loss guarantee, at an fsync per request.
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    s = statements(db);
    snapshot = status === 'new' ? undefined : readSnapshot(db, s);
  } catch (error) {
    db.close();
    if (error instanceof MockFileError) throw error;
    if (isLocked(error)) {
      throw new MockFileError(
        `state file ${path} is in use by another process (another graphtoken-mock?). Stop it, or pass another --state-file`,
      );
    }
    throw new MockFileError(`state file ${path} cannot be used (${(error as Error).message}). ${RECOVER}`);
  }
  const salt = String(s.getMeta.get('salt')?.value ?? '');

  let state: MockState | undefined;
  let closed = false;
  let failure: MockFileError | undefined;
  let touchTimer: ReturnType<typeof setTimeout> | undefined;
  const pendingReplays = new Map<string, { row: SQLInputValue[]; response: StoredResponse }>();

  const flush = ({ force = false }: { force?: boolean } = {}) => {
    if (closed || state === undefined) return;
    if (failure !== undefined) throw failure;
    if (touchTimer !== undefined) {
      clearTimeout(touchTimer);
      touchTimer = undefined;
    }
    const changes = state.takeChanges();
    const replays = [...pendingReplays.values()];
    const nothing =
      !changes.everything &&
      !changes.meta &&
      changes.accounts.size + changes.graphs.size + changes.tokens.size + changes.touched.size === 0 &&
      changes.blocks.size + changes.deletedBlocks.size + changes.auditEvents.size === 0 &&
      replays.length === 0;
    if (nothing && !force) return;
    try {
      db.exec('BEGIN IMMEDIATE');
      if (changes.everything) {
        writeEverything(db, s, {
          accounts: state.accounts.values(),
          graphs: state.graphs.values(),
          tokens: state.tokens.values(),
          blocks: state.blocks.values(),
          auditEvents: state.audit.values(),
        });
      } else {
        for (const e of changes.auditEvents) putEvent(s, e);
        for (const a of changes.accounts) putAccount(s, a);
        for (const g of changes.graphs) putGraph(s, g);
        for (const t of changes.tokens) putToken(s, t);
        for (const b of changes.blocks) putBlock(s, b);
        for (const id of changes.deletedBlocks) s.deleteBlock.run(id);
      }
      for (const t of changes.touched) if (!changes.tokens.has(t) && !changes.everything) putToken(s, t);
      s.putMeta.run('clock', JSON.stringify(state.clock.getState()));
      s.putMeta.run('counters', JSON.stringify(state.counters));
      for (const { row } of replays) s.putReplay.run(...row);
      s.pruneReplays.run(state.nowMs());
      s.pruneEvents.run(state.nowMs() - AUDIT_RETENTION_MS);
      db.exec('COMMIT');
      pendingReplays.clear();
    } catch (error) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // no transaction was open
      }
      // Fail-stop: the changes are in memory (the request made them) but not in the file. Retrying
      // them with every later request would fail every request; serving them would serve what a
      // restart loses. So nothing more is written or served; the file keeps the last commit.
      pendingReplays.clear();
      failure = new MockFileError(
        `cannot write state file ${path} (${(error as Error).message}; a full disk, a file size limit or an I/O error). The mock stopped serving: the file keeps every change acknowledged before this one, and a restart reloads it. Free space (or fix the disk) and start it again`,
        { cause: error },
      );
      options.onFailure?.(failure);
      throw failure;
    }
  };

  const closeFile = () => {
    try {
      db.close();
    } catch (error) {
      // After a failed commit, closing may fail the same way; the file keeps its last commit.
      if (failure === undefined) throw error;
    }
  };

  const replays: ReplayStore = {
    get(tokenId, key, nowMs) {
      const keyHash = replayKeyHash(salt, tokenId, key);
      const pending = pendingReplays.get(keyHash);
      if (pending) return pending.response;
      return replayFromRow(s.getReplay.get(keyHash), salt, tokenId, key, keyHash, nowMs);
    },
    put(tokenId, key, response, nowMs) {
      const row = replayRow(salt, tokenId, key, response, nowMs);
      pendingReplays.set(String(row[0]), { row, response });
    },
    clear() {
      // The reset or restore that clears them rewrites everything, replays table included.
      pendingReplays.clear();
    },
    get size() {
      return Number(db.prepare('SELECT count(*) AS n FROM replays').get()?.n ?? 0) + pendingReplays.size;
    },
  };

  return {
    path,
    status,
    snapshot,
    replays,
    attach(attached) {
      state = attached;
    },
    flush,
    get failure() {
      return failure;
    },
    onChange() {
      if (state === undefined || closed) return;
      // A change after a failed commit cannot be written: it must not be acknowledged.
      if (failure !== undefined) throw failure;
      if (state.hasPendingWrites || pendingReplays.size > 0) flush();
      else if (state.pendingTouches > 0 && touchTimer === undefined) {
        touchTimer = setTimeout(() => {
          touchTimer = undefined;
          try {
            flush();
          } catch (error) {
            // A failed commit is reported through onFailure; warn only when nobody listens.
            if (options.onFailure === undefined) process.emitWarning((error as Error).message);
          }
        }, TOUCH_FLUSH_MS);
        touchTimer.unref();
      }
    },
    close() {
      if (closed) return;
      try {
        if (failure === undefined) flush();
      } finally {
        closed = true;
        if (touchTimer !== undefined) clearTimeout(touchTimer);
        closeFile();
      }
    },
  };
}
