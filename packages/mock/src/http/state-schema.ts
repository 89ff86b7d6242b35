/**
 * The layout of a `--state-file` database (SQLite, through `node:sqlite`), and the checks that
 * tell one of ours from a corrupt or foreign file before anything is written to it.
 * @internal
 */
import type { DatabaseSync } from 'node:sqlite';
import { MockFileError } from './seed-file.js';

/** `PRAGMA application_id` of a GraphToken mock state database: "GTMK". */
export const APPLICATION_ID = 0x47544d4b;

/** `PRAGMA user_version`: the schema version this package writes and reads. */
export const SCHEMA_VERSION = 2;

/** The replay records' table (see `replay-rows.ts`), in the state file and in the spilled replay records. */
export const REPLAYS_TABLE = `CREATE TABLE replays (
  key_hash TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  headers TEXT NOT NULL,
  body TEXT,
  sealed_secret TEXT
) WITHOUT ROWID;
CREATE INDEX replays_by_expiry ON replays (expires_at);`;

/** Version 1: one row per record; blocks in columns, the rest as JSON. */
export const SCHEMA_V1 = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE accounts (id TEXT PRIMARY KEY, record TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE graphs (id TEXT PRIMARY KEY, record TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE tokens (id TEXT PRIMARY KEY, record TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE blocks (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  graph_id TEXT NOT NULL,
  content TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
${REPLAYS_TABLE}
PRAGMA application_id = ${APPLICATION_ID};
PRAGMA user_version = 1;
`;

/** Version 2 adds the audit events (one row each; `occurred_ms` for the 400-day retention). */
export const SCHEMA_V2 = `
CREATE TABLE audit_events (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  occurred_ms INTEGER NOT NULL,
  record TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX audit_events_by_time ON audit_events (occurred_ms);
PRAGMA user_version = 2;
`;

/** The steps from each version to the next: `MIGRATIONS[v]` takes a file of version `v` to `v + 1`. */
export const MIGRATIONS: Readonly<Record<number, string>> = { 1: SCHEMA_V2 };

/**
 * Brings a checked file of an older schema to {@link SCHEMA_VERSION}, one step per version, each in
 * its own transaction (a crash leaves it at a version this package still reads). Keeps every row.
 */
export function migrateSchema(db: DatabaseSync): void {
  for (;;) {
    const version = Number(db.prepare('PRAGMA user_version').get()?.user_version);
    if (version >= SCHEMA_VERSION) return;
    const step = MIGRATIONS[version];
    if (step === undefined) throw new Error(`no migration from schema ${version}`);
    db.exec('BEGIN EXCLUSIVE');
    try {
      db.exec(step);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}

const RECOVER =
  'It was left untouched: delete it (or pass another --state-file) to start again from the seed';

/**
 * Checks that an opened file is a GraphToken mock state database of a version this package reads.
 * Reads only: a refused file is never written to.
 *
 * @throws {MockFileError} for a corrupt file, another program's database, or a newer schema.
 */
export function checkStateDatabase(db: DatabaseSync, path: string): void {
  let applicationId: number;
  let version: number;
  try {
    applicationId = Number(db.prepare('PRAGMA application_id').get()?.application_id);
    version = Number(db.prepare('PRAGMA user_version').get()?.user_version);
  } catch (error) {
    const message = (error as Error).message;
    if (/locked|busy/i.test(message)) throw error; // another process has it open: not a file problem
    throw new MockFileError(`state file ${path} is not a readable SQLite database (${message}). ${RECOVER}`);
  }
  if (applicationId !== APPLICATION_ID) {
    throw new MockFileError(
      `state file ${path} is an SQLite database of another program (application_id ${applicationId}), not a GraphToken mock state file. ${RECOVER}`,
    );
  }
  if (version > SCHEMA_VERSION) {
    throw new MockFileError(
      `state file ${path} was written by a newer @graphtoken/mock (schema ${version}; this one reads up to ${SCHEMA_VERSION}). Upgrade @graphtoken/mock, or pass another --state-file`,
    );
  }
  if (version < 1) {
    throw new MockFileError(
      `state file ${path} has no GraphToken mock schema (version ${version}). ${RECOVER}`,
    );
  }
  let check: string;
  try {
    check = String(db.prepare('PRAGMA quick_check').get()?.quick_check);
  } catch (error) {
    check = (error as Error).message;
  }
  if (check !== 'ok') throw new MockFileError(`state file ${path} is corrupt (${check}). ${RECOVER}`);
}
