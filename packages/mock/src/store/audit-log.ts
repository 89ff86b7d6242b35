/**
 * The audit log behind `GET /v1/audit-events`: events in `[occurredAt, seq]` order (all, per
 * token, per token creator's account and per graph a token is bound to, so that a page reads only
 * the lists the caller may see), the events a time passing causes (an expiry, the end of a
 * rotation grace period) waiting for the mock clock to pass them, and the 400-day retention.
 * @internal
 */
import type { AuditEventType } from '@graphtoken/contract';
import { MinHeap } from '../internal/min-heap.js';
import { newestFirst } from './newest-first.js';
import type { AuditEventRecord, TokenRecord } from './records.js';
import { SortedIndex, type SortKey } from './sorted-index.js';

/** How long events are kept (spec "Audit events": 400 days, longer than any token lives). */
export const AUDIT_RETENTION_MS = 400 * 24 * 60 * 60 * 1000;

const eventKey = (e: AuditEventRecord): SortKey => [Date.parse(e.occurredAt), e.seq];

/** Something the clock will cause: a token's expiry, or the end of its rotation grace period. */
interface DueItem {
  readonly atMs: number;
  readonly order: number;
  readonly token: TokenRecord;
  readonly kind: 'expired' | 'grace';
}

/** Heap order: the earlier time first, then the earlier scheduled. */
const before = (a: DueItem, b: DueItem) => (a.atMs - b.atMs || a.order - b.order) < 0;

/**
 * Who may see a token's events (spec "Who may do what to a token"): its creator's account, and the
 * owners and admins of the graphs it is bound to. Neither ever changes for a token.
 */
export interface AuditEventOwner {
  readonly createdBy: string;
  readonly graphIds: readonly string[];
}

/** What a caller may read: its account's own tokens' events and those of the graphs it administers now. */
export interface AuditReach {
  readonly accountId: string;
  /** The graphs the caller's account is owner or admin of now. */
  readonly adminGraphIds: Iterable<string>;
  /** Whether the caller may see a token (for a `tokenId` filter). */
  canSee(tokenId: string): boolean;
}

/** What {@link AuditLog.page} filters on. */
export interface AuditPageQuery {
  tokenId?: string | undefined;
  type?: AuditEventType | undefined;
  sinceMs?: number | undefined;
  /** The sort key `[occurredAt ms, seq]` of the last event of the previous page. */
  after?: readonly number[] | undefined;
  limit: number;
}

/** @internal */
export class AuditLog {
  #all = new SortedIndex<AuditEventRecord>(eventKey);
  #byToken = new Map<string, SortedIndex<AuditEventRecord>>();
  #byCreator = new Map<string, SortedIndex<AuditEventRecord>>();
  #byGraph = new Map<string, SortedIndex<AuditEventRecord>>();
  /** Each token's creator and graphs, as given when its first event was added. */
  #ownerOf = new Map<string, AuditEventOwner>();
  /** A binary min-heap by `[atMs, order]`: O(log n) whatever order the times come in. */
  #due = new MinHeap<DueItem>(before);
  #dueOrder = 0;
  /** `${tokenId} expired` / `${tokenId} revoked`: what was recorded once and must never be again. */
  #once = new Set<string>();

  clear(): void {
    this.#all = new SortedIndex(eventKey);
    this.#byToken.clear();
    this.#byCreator.clear();
    this.#byGraph.clear();
    this.#ownerOf.clear();
    this.#due.clear();
    this.#once.clear();
  }

  /** How many events are held. */
  get size(): number {
    return this.#all.size;
  }

  /**
   * Adds an event (recorded now, or loaded). `owner` is its token's creator and graphs (needed for
   * the first event of a token; a token's later events may omit it); an event without one is
   * listed only by `tokenId`.
   */
  add(event: AuditEventRecord, owner?: AuditEventOwner): void {
    this.#all.add(event);
    listIn(this.#byToken, event.tokenId).add(event);
    let known = this.#ownerOf.get(event.tokenId);
    if (known === undefined && owner !== undefined) {
      known = { createdBy: owner.createdBy, graphIds: [...owner.graphIds] };
      this.#ownerOf.set(event.tokenId, known);
    }
    if (known !== undefined) {
      listIn(this.#byCreator, known.createdBy).add(event);
      for (const graphId of known.graphIds) listIn(this.#byGraph, graphId).add(event);
    }
    if (event.type === 'token.expired') this.#once.add(`${event.tokenId} expired`);
    if (event.type === 'token.revoked') this.#once.add(`${event.tokenId} revoked`);
  }

  /**
   * Whether the token was revoked by its own rotation with no grace period: its `token.revoked`
   * event says `rotation_grace_ended` and occurred at the instant of its `token.rotated` event. A
   * token revoked any other way (leak report, manual, `revokeSelf`, a grace period > 0 ending) or
   * not revoked at all: false. Walks only that token's own events (a handful).
   */
  revokedByImmediateRotation(tokenId: string): boolean {
    const list = this.#byToken.get(tokenId);
    if (!list) return false;
    let revoked: AuditEventRecord | undefined;
    let rotated: AuditEventRecord | undefined;
    for (const event of list.values()) {
      if (event.type === 'token.revoked') revoked = event;
      else if (event.type === 'token.rotated') rotated = event;
    }
    return (
      revoked !== undefined &&
      rotated !== undefined &&
      revoked.reason === 'rotation_grace_ended' &&
      Date.parse(revoked.occurredAt) === Date.parse(rotated.occurredAt)
    );
  }

  /** Whether a token's revocation (any reason) was recorded. */
  revocationRecorded(tokenId: string): boolean {
    return this.#once.has(`${tokenId} revoked`);
  }

  /**
   * Schedules what a token's times will cause, unless already recorded: its expiry at `expiresAt`,
   * and, for a rotated token, the end of its grace period at `revokedAt`.
   */
  schedule(token: TokenRecord, { expiry = true }: { expiry?: boolean } = {}): void {
    if (expiry && token.expiresAt !== null && !this.#once.has(`${token.id} expired`)) {
      this.#due.push({ atMs: Date.parse(token.expiresAt), order: ++this.#dueOrder, token, kind: 'expired' });
    }
    if (token.rotatedTo !== null && token.revokedAt !== null && !this.#once.has(`${token.id} revoked`)) {
      this.#due.push({ atMs: Date.parse(token.revokedAt), order: ++this.#dueOrder, token, kind: 'grace' });
    }
  }

  /**
   * Takes, in time order, what the clock caused up to `nowMs` and is still true of its token (a
   * token revoked before it expired never expires; a grace period cut short by a revocation never
   * ends by itself). Each is returned once.
   */
  takeDue(nowMs: number): { token: TokenRecord; kind: 'expired' | 'grace'; atMs: number }[] {
    const taken: { token: TokenRecord; kind: 'expired' | 'grace'; atMs: number }[] = [];
    for (;;) {
      const first = this.#due.peek();
      if (first === undefined || first.atMs > nowMs) break;
      this.#due.pop();
      const { token, kind, atMs } = first;
      const revokedMs = token.revokedAt === null ? Number.POSITIVE_INFINITY : Date.parse(token.revokedAt);
      const expiresMs = token.expiresAt === null ? Number.POSITIVE_INFINITY : Date.parse(token.expiresAt);
      if (kind === 'expired') {
        if (this.#once.has(`${token.id} expired`) || expiresMs !== atMs || revokedMs <= atMs) continue;
        this.#once.add(`${token.id} expired`);
      } else {
        if (this.#once.has(`${token.id} revoked`) || revokedMs !== atMs || expiresMs <= atMs) continue;
        this.#once.add(`${token.id} revoked`);
      }
      taken.push({ token, kind, atMs });
    }
    return taken;
  }

  /** Drops the events that occurred before `cutoffMs` (the retention); returns how many. */
  prune(cutoffMs: number): number {
    let dropped = 0;
    for (;;) {
      let first: AuditEventRecord | undefined;
      for (let i = 0; i < this.#all.length && first === undefined; i++) first = this.#all.at(i);
      if (first === undefined || Date.parse(first.occurredAt) >= cutoffMs) break;
      this.#all.remove(first);
      const { tokenId } = first;
      const owner = this.#ownerOf.get(tokenId);
      if (owner !== undefined) {
        removeFrom(this.#byCreator, owner.createdBy, first);
        for (const graphId of owner.graphIds) removeFrom(this.#byGraph, graphId, first);
      }
      if (removeFrom(this.#byToken, tokenId, first)) this.#ownerOf.delete(tokenId);
      dropped++;
    }
    return dropped;
  }

  /**
   * The first `limit + 1` events after the cursor, newest first (`occurredAt`, then recording
   * order, descending), among those `reach` may see and the filters keep. Only lists the caller
   * may see are read: with `tokenId`, that token's own list (if visible); otherwise a merge of the
   * account's own tokens' list and the lists of the graphs it administers now, each entered by a
   * binary search for the cursor and `since`. So a page costs O(page + log n) in what the caller
   * may see (plus the events of other types a `type` filter skips), and nothing of others' events.
   */
  page(query: AuditPageQuery, reach: AuditReach): AuditEventRecord[] {
    const { tokenId, type, sinceMs, after, limit } = query;
    const lists: SortedIndex<AuditEventRecord>[] = [];
    const add = (list: SortedIndex<AuditEventRecord> | undefined) => list && lists.push(list);
    if (tokenId !== undefined) {
      if (!reach.canSee(tokenId)) return [];
      add(this.#byToken.get(tokenId));
    } else {
      add(this.#byCreator.get(reach.accountId));
      for (const graphId of reach.adminGraphIds) add(this.#byGraph.get(graphId));
    }
    const page: AuditEventRecord[] = [];
    const range = {
      before: after === undefined ? undefined : ([after[0] ?? 0, after[1] ?? 0] as const),
      from: sinceMs === undefined ? undefined : ([sinceMs, Number.NEGATIVE_INFINITY] as const),
    };
    for (const event of newestFirst(lists, eventKey, range)) {
      if (type !== undefined && event.type !== type) continue;
      page.push(event);
      if (page.length > limit) break;
    }
    return page;
  }

  /** Every event, oldest first. */
  values(): AuditEventRecord[] {
    return [...this.#all.values()];
  }
}

function listIn(
  lists: Map<string, SortedIndex<AuditEventRecord>>,
  key: string,
): SortedIndex<AuditEventRecord> {
  let list = lists.get(key);
  if (!list) {
    list = new SortedIndex(eventKey);
    lists.set(key, list);
  }
  return list;
}

/** Removes an event from one of the keyed lists; true when that list is now empty (and dropped). */
function removeFrom(
  lists: Map<string, SortedIndex<AuditEventRecord>>,
  key: string,
  event: AuditEventRecord,
): boolean {
  const list = lists.get(key);
  if (!list) return false;
  list.remove(event);
  if (list.size > 0) return false;
  lists.delete(key);
  return true;
}
