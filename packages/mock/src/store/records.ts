/**
 * The mock's state, as plain JSON-serialisable records: what `snapshot()` returns and `restore()`
 * takes. Secrets appear only as hashes.
 */
import type { Role, Scope } from '@graphtoken/contract';
import type { ClockState } from '../clock.js';

/** An account. */
export interface AccountRecord {
  id: string;
  name: string;
}

/** A graph and every account's role on it. */
export interface GraphRecord {
  id: string;
  name: string;
  encrypted: boolean;
  /** Account id → role; an account without a role cannot see the graph. */
  roles: Record<string, Role>;
}

/** A token as stored: its metadata and the hash of its secret (never the secret). */
export interface TokenRecord {
  id: string;
  /** Insertion order, the tie-breaker of list order and cursors. */
  seq: number;
  name: string;
  description: string | null;
  scopes: Scope[];
  graphIds: string[];
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  rotatedFrom: string | null;
  rotatedTo: string | null;
  hint: string;
  /** `sha256:<hex>` of the secret. */
  secretHash: string;
}

/** A block of graph content. */
export interface BlockRecord {
  id: string;
  /** Insertion order: blocks list oldest first. */
  seq: number;
  graphId: string;
  content: string;
  createdAt: string;
  updatedAt: string;
}

/** The counters behind deterministic ids. */
export interface IdCounters {
  token: number;
  block: number;
  graph: number;
  account: number;
  seq: number;
}

/**
 * The whole state of a mock, JSON-serialisable (`mock.snapshot()`, `GET /__mock/state`; the
 * standalone server's state file before it became an SQLite database). Holds secret hashes only,
 * never secrets; idempotency records (which may hold a secret, to replay a create) are left out, so
 * a replay does not survive a restore.
 */
export interface MockSnapshot {
  format: 'graphtoken-mock-snapshot';
  version: 1;
  clock: ClockState;
  counters: IdCounters;
  accounts: AccountRecord[];
  graphs: GraphRecord[];
  tokens: TokenRecord[];
  blocks: BlockRecord[];
}
