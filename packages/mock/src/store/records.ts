/**
 * The mock's state, as plain JSON-serialisable records: what `snapshot()` returns and `restore()`
 * takes. Secrets appear only as hashes.
 */
import type { AuditEventType, RevocationReason, Role, Scope } from '@graphtoken/contract';
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
  /** Audit events recorded so far (absent in snapshots from before audit events). */
  event?: number;
}

/**
 * An audit event as stored (spec `AuditEvent`, plus `seq`: the order it was recorded in, the
 * tie-breaker of events that occurred at the same time). Never holds a secret.
 */
export interface AuditEventRecord {
  id: string;
  /** Recording order: of two events at the same `occurredAt`, the later-recorded lists first. */
  seq: number;
  type: AuditEventType;
  occurredAt: string;
  tokenId: string;
  /** An account id, or `system`. */
  actor: string;
  reason: RevocationReason | null;
  successorId: string | null;
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
  /** Audit events, oldest first (absent in snapshots from before audit events: none). */
  auditEvents?: AuditEventRecord[];
}
