/**
 * What a persistent store must write after a change: the records touched since it last wrote.
 * @internal
 */
import type { AccountRecord, AuditEventRecord, BlockRecord, GraphRecord, TokenRecord } from './records.js';

/**
 * What changed since the last {@link MockState.takeChanges}: the rows a persistent store must write.
 * Tracked only when {@link MockState.trackChanges} is on (the standalone server's state file).
 */
export interface StateChanges {
  /** Everything was replaced (seed, snapshot, reset): rewrite it all. */
  everything: boolean;
  /** The counters or the clock moved. */
  meta: boolean;
  accounts: Set<AccountRecord>;
  graphs: Set<GraphRecord>;
  tokens: Set<TokenRecord>;
  /** Tokens whose `lastUsedAt` alone moved: a store may batch these writes. */
  touched: Set<TokenRecord>;
  blocks: Set<BlockRecord>;
  deletedBlocks: Set<string>;
  /** Audit events recorded (events are never changed; past the retention they are pruned by time). */
  auditEvents: Set<AuditEventRecord>;
}

/** An empty set of changes. */
export function noChanges(): StateChanges {
  return {
    everything: false,
    meta: false,
    accounts: new Set(),
    graphs: new Set(),
    tokens: new Set(),
    touched: new Set(),
    blocks: new Set(),
    deletedBlocks: new Set(),
    auditEvents: new Set(),
  };
}
