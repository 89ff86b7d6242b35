/**
 * The in-memory state and the domain queries over it (status, visibility, roles, effective scopes).
 * The HTTP semantics live in the handlers; tests reach the state through the `MockStore` facade.
 * @internal
 */
import {
  type AuditEventType,
  type Block,
  canMintTokens,
  checkTokenFormat,
  effectiveScopes,
  isScope,
  matchesPathParam,
  normalizeScopes,
  pathParamPatterns,
  type RevocationReason,
  type Role,
  roleNames,
  type Scope,
  scopesRefusedOnEncryptedGraph,
  type Token,
  type TokenStatus,
  tokenHint,
} from '@graphtoken/contract';
import type { InternalClock } from '../clock.js';
import { deterministicId, type IdKind } from '../internal/ids.js';
import { hashSecret } from '../internal/secret-hash.js';
import type { MockSeed } from '../seed.js';
import { AUDIT_RETENTION_MS, type AuditEventOwner, AuditLog } from './audit-log.js';
import { checkBlockContent } from './block-content.js';
import type {
  AccountRecord,
  AuditEventRecord,
  BlockRecord,
  GraphRecord,
  IdCounters,
  MockSnapshot,
  TokenRecord,
} from './records.js';
import { noChanges, type StateChanges } from './state-changes.js';
import { StateIndexes, type TokenListQuery } from './state-indexes.js';

/** What it takes to insert a token. */
export interface NewTokenInput {
  id?: string | undefined;
  name: string;
  description?: string | null | undefined;
  scopes: readonly Scope[];
  graphIds?: readonly string[] | undefined;
  createdBy: string;
  secret: string;
  createdAt?: string | undefined;
  expiresAt?: string | null | undefined;
  revokedAt?: string | null | undefined;
  lastUsedAt?: string | null | undefined;
  rotatedFrom?: string | null | undefined;
}

/** A mistake in seed data or a direct store call (not an API error). */
export class MockSetupError extends Error {
  override readonly name = 'MockSetupError';
}

/**
 * `new Date(ms).toISOString()`, the last answer kept: every request stamps the time it ran at
 * (`lastUsedAt`, a block's `createdAt`/`updatedAt`, the journal's `at`), and the requests of one
 * millisecond (all of them on a frozen clock) then share one string instead of holding a copy each.
 */
let lastIsoMs = Number.NaN;
let lastIso = '';
const iso = (ms: number): string => {
  if (ms !== lastIsoMs) {
    lastIso = new Date(ms).toISOString();
    lastIsoMs = ms;
  }
  return lastIso;
};

function normalizeTime(value: string, what: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new MockSetupError(`${what} is not a valid time: ${value}`);
  return iso(ms);
}

function emptyCounters(): IdCounters {
  return { token: 0, block: 0, graph: 0, account: 0, seq: 0 };
}

/** Refuses a snapshot whose audit events are not records this package wrote (before anything is replaced). */
function checkAuditEvents(events: unknown): void {
  if (events === undefined) return;
  if (!Array.isArray(events)) throw new MockSetupError('snapshot auditEvents must be an array');
  for (const [i, e] of events.entries()) {
    const r = e as Partial<AuditEventRecord> | null;
    if (
      typeof r !== 'object' ||
      r === null ||
      typeof r.id !== 'string' ||
      !Number.isSafeInteger(r.seq) ||
      typeof r.type !== 'string' ||
      typeof r.tokenId !== 'string' ||
      typeof r.actor !== 'string' ||
      typeof r.occurredAt !== 'string' ||
      Number.isNaN(Date.parse(r.occurredAt))
    ) {
      throw new MockSetupError(`snapshot auditEvents[${i}] is not an audit event record`);
    }
  }
}

/**
 * The state, indexed so that no request costs more as the mock holds more: tokens by id and by
 * secret hash, by creator and by bound graph (each list in `[createdAt, seq]` order); blocks by id
 * and per graph in `seq` order; graphs by account.
 * @internal
 */
export class MockState {
  accounts = new Map<string, AccountRecord>();
  graphs = new Map<string, GraphRecord>();
  tokens = new Map<string, TokenRecord>();
  blocks = new Map<string, BlockRecord>();
  counters: IdCounters = emptyCounters();
  /** The audit events (`GET /v1/audit-events`), and those the clock will cause. */
  readonly audit = new AuditLog();
  readonly #indexes = new StateIndexes();

  /** When true, every change is noted for {@link takeChanges} (off by default: nothing to drain it). */
  trackChanges = false;
  #changes: StateChanges = noChanges();

  constructor(
    readonly clock: InternalClock,
    private readonly onChange: () => void,
  ) {}

  private batchDepth = 0;
  private dirty = false;

  /** Tells the owner of the mock that the state changed (the http server persists it). */
  changed(): void {
    if (this.batchDepth > 0) this.dirty = true;
    else this.onChange();
  }

  /**
   * Asks for a commit at the end of this request even if nothing else changed (the clock and
   * counters rows are written again): `revoke-leaked` does the same persistent work whether or not
   * a reported secret was valid, so its time does not say which.
   */
  commitAnyway(): void {
    if (this.trackChanges) this.#changes.meta = true;
    this.changed();
  }

  /** Runs `fn`, reporting all its changes as one (one `onChange` per request). */
  batch<T>(fn: () => T): T {
    this.batchDepth++;
    try {
      return fn();
    } finally {
      if (--this.batchDepth === 0 && this.dirty) {
        this.dirty = false;
        this.onChange();
      }
    }
  }

  /** The changes noted since the last call (see {@link trackChanges}), and a fresh empty set. */
  takeChanges(): StateChanges {
    const taken = this.#changes;
    this.#changes = noChanges();
    return taken;
  }

  /** Whether changes other than `lastUsedAt` moves are pending (those may wait for a batched write). */
  get hasPendingWrites(): boolean {
    const c = this.#changes;
    return (
      c.everything ||
      c.meta ||
      c.auditEvents.size > 0 ||
      c.accounts.size + c.graphs.size + c.tokens.size + c.blocks.size + c.deletedBlocks.size > 0
    );
  }

  /** How many tokens have a `lastUsedAt` move not yet taken. */
  get pendingTouches(): number {
    return this.#changes.touched.size;
  }

  /** Notes a change of the clock. */
  clockChanged(): void {
    if (this.trackChanges) this.#changes.meta = true;
  }

  /** Notes that a token's metadata changed (name, description, revocation, rotation) and reports it. */
  tokenChanged(token: TokenRecord): void {
    this.#indexes.tokenChanged(token);
    if (this.trackChanges) this.#changes.tokens.add(token);
    this.changed();
  }

  /** Notes that a block's content changed and reports it. */
  blockChanged(block: BlockRecord): void {
    if (this.trackChanges) this.#changes.blocks.add(block);
    this.changed();
  }

  /** Notes that a graph's roles changed and reports it. */
  graphChanged(graph: GraphRecord): void {
    if (this.trackChanges) this.#changes.graphs.add(graph);
    this.changed();
  }

  /** Marks a token used now (`lastUsedAt`): a change a persistent store may batch. The first use is an audit event. */
  touch(token: TokenRecord, nowMs: number): void {
    if (token.lastUsedAt === null) this.recordEvent('token.first_used', token.id, token.createdBy, nowMs);
    token.lastUsedAt = iso(nowMs);
    if (this.trackChanges) this.#changes.touched.add(token);
    this.changed();
  }

  nowMs(): number {
    return this.clock.nowMs();
  }

  nowIso(): string {
    return iso(this.clock.nowMs());
  }

  nextId(kind: Exclude<IdKind, 'request' | 'event'>): string {
    const taken = { token: this.tokens, block: this.blocks, graph: this.graphs, account: this.accounts }[
      kind
    ];
    let id: string;
    do id = deterministicId(kind, ++this.counters[kind]);
    while (taken.has(id));
    if (this.trackChanges) this.#changes.meta = true;
    return id;
  }

  nextSeq(): number {
    if (this.trackChanges) this.#changes.meta = true;
    return ++this.counters.seq;
  }

  clear(): void {
    this.accounts.clear();
    this.graphs.clear();
    this.tokens.clear();
    this.blocks.clear();
    this.#indexes.clear();
    this.audit.clear();
    this.counters = emptyCounters();
    if (this.trackChanges) {
      this.#changes = noChanges();
      this.#changes.everything = true;
    }
  }

  // --- loading and saving ---------------------------------------------------------------------

  loadSeed(seed: MockSeed): void {
    this.clear();
    for (const a of seed.accounts) this.insertAccount(a);
    for (const g of seed.graphs) this.insertGraph({ ...g, roles: { ...g.roles } });
    for (const t of seed.tokens ?? []) this.insertToken(t);
    for (const b of seed.blocks ?? []) this.insertBlock(b.graphId, b.content, b);
  }

  toSnapshot(): MockSnapshot {
    this.materialise();
    return structuredClone({
      format: 'graphtoken-mock-snapshot',
      version: 1,
      clock: this.clock.getState(),
      counters: this.counters,
      accounts: [...this.accounts.values()],
      graphs: [...this.graphs.values()],
      tokens: [...this.tokens.values()],
      blocks: [...this.blocks.values()],
      auditEvents: this.audit.values(),
    } satisfies MockSnapshot);
  }

  /**
   * Replaces the state with a snapshot's. `clone: false` takes the snapshot's records as they are
   * (for a snapshot nobody else holds, as a state database's rows).
   */
  loadSnapshot(snapshot: MockSnapshot, { clone = true }: { clone?: boolean } = {}): void {
    if (snapshot?.format !== 'graphtoken-mock-snapshot' || snapshot.version !== 1) {
      throw new MockSetupError('not a GraphToken mock snapshot (version 1)');
    }
    const s = clone ? structuredClone(snapshot) : snapshot;
    checkAuditEvents(s.auditEvents);
    this.clear();
    this.clock.setState(s.clock);
    this.counters = { ...emptyCounters(), ...s.counters };
    for (const a of s.accounts) this.accounts.set(a.id, a);
    for (const g of s.graphs) this.#indexGraph(g);
    // Events first: what they record is never scheduled again.
    const owners = new Map(s.tokens.map((t) => [t.id, t]));
    for (const e of [...(s.auditEvents ?? [])].sort((a, b) => a.seq - b.seq))
      this.#addEvent(e, owners.get(e.tokenId));
    for (const t of [...s.tokens].sort((a, b) => a.seq - b.seq)) this.#indexToken(t);
    for (const b of [...s.blocks].sort((a, b) => a.seq - b.seq)) this.#indexBlock(b);
  }

  #indexGraph(graph: GraphRecord): void {
    this.graphs.set(graph.id, graph);
    for (const [accountId, role] of Object.entries(graph.roles))
      this.#indexes.setRole(accountId, graph.id, role);
  }

  #indexToken(token: TokenRecord): void {
    this.tokens.set(token.id, token);
    this.#indexes.addToken(token);
    this.audit.schedule(token);
    if (this.trackChanges) this.#changes.tokens.add(token);
  }

  #indexBlock(block: BlockRecord): void {
    this.blocks.set(block.id, block);
    this.#indexes.addBlock(block);
    if (this.trackChanges) {
      this.#changes.blocks.add(block);
      this.#changes.deletedBlocks.delete(block.id);
    }
  }

  /** Gives an account a role on a graph, or takes it away (`null`). */
  setRole(accountId: string, graphId: string, role: Role | null): void {
    this.requireAccount(accountId);
    const graph = this.requireGraph(graphId);
    if (role === null) delete graph.roles[accountId];
    else graph.roles[accountId] = role;
    this.#indexes.setRole(accountId, graphId, role);
    this.graphChanged(graph);
  }

  /** Deletes a block (its per-graph list keeps a tombstone until it compacts). */
  deleteBlock(block: BlockRecord): void {
    this.blocks.delete(block.id);
    this.#indexes.removeBlock(block);
    if (this.trackChanges) {
      this.#changes.blocks.delete(block);
      this.#changes.deletedBlocks.add(block.id);
    }
    this.changed();
  }

  // --- inserting ------------------------------------------------------------------------------

  insertAccount(input: { id?: string | undefined; name: string }): AccountRecord {
    const id = input.id ?? this.nextId('account');
    if (!/^acc_[A-Za-z0-9]+$/.test(id))
      throw new MockSetupError(`account id ${id} must match ^acc_[A-Za-z0-9]+$`);
    if (this.accounts.has(id)) throw new MockSetupError(`account ${id} exists already`);
    if (input.name.length === 0) throw new MockSetupError(`account ${id} needs a name`);
    const record = { id, name: input.name };
    this.accounts.set(id, record);
    if (this.trackChanges) this.#changes.accounts.add(record);
    return record;
  }

  insertGraph(input: {
    id?: string | undefined;
    name: string;
    encrypted?: boolean | undefined;
    roles: Record<string, Role>;
  }): GraphRecord {
    const id = input.id ?? this.nextId('graph');
    if (!matchesPathParam('graphId', id))
      throw new MockSetupError(`graph id ${id} must match ${pathParamPatterns.graphId}`);
    if (this.graphs.has(id)) throw new MockSetupError(`graph ${id} exists already`);
    if (input.name.length === 0) throw new MockSetupError(`graph ${id} needs a name`);
    for (const [accountId, role] of Object.entries(input.roles)) {
      this.requireAccount(accountId);
      if (!(roleNames as readonly string[]).includes(role)) throw new MockSetupError(`unknown role ${role}`);
    }
    const record: GraphRecord = {
      id,
      name: input.name,
      encrypted: input.encrypted ?? false,
      roles: { ...input.roles },
    };
    this.#indexGraph(record);
    if (this.trackChanges) this.#changes.graphs.add(record);
    return record;
  }

  /**
   * Inserts a token. Checks what keeps the state coherent (well-formed unique secret, known account
   * and graphs, no `read`/`write` on an encrypted graph) but, unlike the API, not who may mint it,
   * so tests can set up any situation (an expired token, a token of a since-demoted account...).
   */
  insertToken(input: NewTokenInput): TokenRecord {
    const format = checkTokenFormat(input.secret);
    if (!format.ok) throw new MockSetupError(`a token secret must be well-formed (${format.problem})`);
    const taken = this.findBySecret(input.secret);
    if (taken) throw new MockSetupError(`token ${taken.id} has this secret already`);
    const secretHash = hashSecret(input.secret);
    const id = input.id ?? this.nextId('token');
    if (!matchesPathParam('tokenId', id))
      throw new MockSetupError(`token id ${id} must match ${pathParamPatterns.tokenId}`);
    if (this.tokens.has(id)) throw new MockSetupError(`token ${id} exists already`);
    this.requireAccount(input.createdBy);
    if (input.scopes.length === 0 || !input.scopes.every(isScope)) {
      throw new MockSetupError('a token needs at least one scope among read, append, write, manage');
    }
    const scopes = normalizeScopes(input.scopes);
    const graphIds = [...new Set(input.graphIds ?? [])];
    for (const graphId of graphIds) {
      const graph = this.requireGraph(graphId);
      if (graph.encrypted && scopesRefusedOnEncryptedGraph(scopes).length > 0) {
        throw new MockSetupError(`graph ${graphId} is encrypted: only append can be bound to it`);
      }
    }
    const record: TokenRecord = {
      id,
      seq: this.nextSeq(),
      name: input.name,
      description: input.description ?? null,
      scopes,
      graphIds,
      createdAt: input.createdAt === undefined ? this.nowIso() : normalizeTime(input.createdAt, 'createdAt'),
      createdBy: input.createdBy,
      expiresAt: input.expiresAt == null ? null : normalizeTime(input.expiresAt, 'expiresAt'),
      lastUsedAt: input.lastUsedAt == null ? null : normalizeTime(input.lastUsedAt, 'lastUsedAt'),
      revokedAt: input.revokedAt == null ? null : normalizeTime(input.revokedAt, 'revokedAt'),
      rotatedFrom: input.rotatedFrom ?? null,
      rotatedTo: null,
      hint: tokenHint(input.secret),
      secretHash,
    };
    this.#indexToken(record);
    return record;
  }

  insertBlock(
    graphId: string,
    content: string,
    options: { id?: string | undefined; createdAt?: string | undefined } = {},
  ): BlockRecord {
    this.requireGraph(graphId);
    const id = options.id ?? this.nextId('block');
    if (!matchesPathParam('blockId', id))
      throw new MockSetupError(`block id ${id} must match ${pathParamPatterns.blockId}`);
    if (this.blocks.has(id)) throw new MockSetupError(`block ${id} exists already`);
    checkBlockContent(content);
    const at =
      options.createdAt === undefined ? this.nowIso() : normalizeTime(options.createdAt, 'createdAt');
    const record: BlockRecord = { id, seq: this.nextSeq(), graphId, content, createdAt: at, updatedAt: at };
    this.#indexBlock(record);
    return record;
  }

  requireAccount(id: string): AccountRecord {
    const account = this.accounts.get(id);
    if (!account) throw new MockSetupError(`no account ${id}`);
    return account;
  }

  requireGraph(id: string): GraphRecord {
    const graph = this.graphs.get(id);
    if (!graph) throw new MockSetupError(`no graph ${id}`);
    return graph;
  }

  // --- domain queries -------------------------------------------------------------------------

  /** The account's role on the graph, or undefined when it cannot see it. */
  roleOf(accountId: string, graphId: string): Role | undefined {
    return this.#indexes.roleOf(accountId, graphId);
  }

  /** Status precedence: revokedAt <= now → revoked; else expiresAt <= now → expired; else active. */
  statusOf(token: TokenRecord, nowMs = this.nowMs()): TokenStatus {
    if (token.revokedAt !== null && Date.parse(token.revokedAt) <= nowMs) return 'revoked';
    if (token.expiresAt !== null && Date.parse(token.expiresAt) <= nowMs) return 'expired';
    return 'active';
  }

  /** The token's effective scopes on a graph: [] when unbound or the creator cannot see it. */
  effectiveOn(token: TokenRecord, graphId: string): Scope[] {
    const role = this.roleOf(token.createdBy, graphId);
    if (role === undefined || !token.graphIds.includes(graphId)) return [];
    return effectiveScopes(token.scopes, role);
  }

  /** The graphs the account is owner or admin of now (so may list and revoke their tokens). */
  adminGraphIdsOf(accountId: string): string[] {
    return this.#indexes.adminGraphIdsOf(accountId);
  }

  /** Tokens the account created, plus those bound to graphs it owns or administers. */
  isTokenVisibleTo(token: TokenRecord, accountId: string): boolean {
    if (token.createdBy === accountId) return true;
    return token.graphIds.some((g) => {
      const role = this.roleOf(accountId, g);
      return role !== undefined && canMintTokens(role);
    });
  }

  /**
   * Revokes a token now, unless it is revoked already; a rotation's grace period (a `revokedAt` in
   * the future) ends now. Revocation is irreversible: an earlier `revokedAt` is never moved.
   */
  revoke(
    token: TokenRecord,
    nowMs = this.nowMs(),
    cause: { reason: RevocationReason; actor: string } = { reason: 'manual', actor: 'system' },
  ): void {
    // A grace period that ended, an expiry that passed: recorded before this revocation.
    this.materialise(nowMs);
    if (token.revokedAt !== null && Date.parse(token.revokedAt) <= nowMs) return;
    token.revokedAt = iso(nowMs);
    this.tokenChanged(token);
    this.recordEvent('token.revoked', token.id, cause.actor, nowMs, { reason: cause.reason });
  }

  // --- audit events ---------------------------------------------------------------------------

  #addEvent(
    event: AuditEventRecord,
    owner: AuditEventOwner | undefined = this.tokens.get(event.tokenId),
  ): void {
    this.audit.add(event, owner);
    if (this.trackChanges) this.#changes.auditEvents.add(event);
  }

  /** Records an audit event that happens at `nowMs` (or at `occurredMs`, for one the clock caused). */
  recordEvent(
    type: AuditEventType,
    tokenId: string,
    actor: string,
    occurredMs: number,
    extra: { reason?: RevocationReason; successorId?: string } = {},
  ): AuditEventRecord {
    const n = (this.counters.event ?? 0) + 1;
    this.counters.event = n;
    if (this.trackChanges) this.#changes.meta = true;
    const event: AuditEventRecord = {
      id: deterministicId('event', n),
      seq: n,
      type,
      occurredAt: iso(occurredMs),
      tokenId,
      actor,
      reason: extra.reason ?? null,
      successorId: extra.successorId ?? null,
    };
    this.#addEvent(event);
    this.changed();
    return event;
  }

  /** Notes a rotation: `token.rotated` on the old token, `token.created` on its successor, and the grace period's end to come. */
  rotated(old: TokenRecord, successor: TokenRecord, actor: string, nowMs: number): void {
    this.recordEvent('token.rotated', old.id, actor, nowMs, { successorId: successor.id });
    this.recordEvent('token.created', successor.id, actor, nowMs);
    this.audit.schedule(old, { expiry: false }); // its expiry was scheduled when it was inserted
    this.tokenChanged(old);
  }

  /**
   * Records, in time order and once each, the expiries and grace-period ends the mock clock has
   * passed (with `occurredAt` = when they happened, actor `system`), then drops the events past
   * the retention. Called before anything reads the state, so a clock jump is caught up at once.
   */
  materialise(nowMs = this.nowMs()): void {
    const cutoff = nowMs - AUDIT_RETENTION_MS;
    for (const { token, kind, atMs } of this.audit.takeDue(nowMs)) {
      if (atMs < cutoff) continue; // already past the retention: it would be dropped at once
      if (kind === 'expired') this.recordEvent('token.expired', token.id, 'system', atMs);
      else this.recordEvent('token.revoked', token.id, 'system', atMs, { reason: 'rotation_grace_ended' });
    }
    if (this.audit.prune(cutoff) > 0 && this.trackChanges) this.#changes.meta = true;
  }

  /** Finds the token a secret belongs to: one Map lookup by the secret's hash. */
  findBySecret(secret: string): TokenRecord | undefined {
    return this.#indexes.tokenBySecretHash(hashSecret(secret));
  }

  /**
   * One page of the tokens an account may see (see {@link isTokenVisibleTo}), newest first
   * (`createdAt`, then creation order, descending), after a cursor's key: a merge of the account's
   * own list and the lists of the graphs it administers (or of the one graph filtered on when it
   * administers it), so a page costs the page (plus what the filters skip), not every token.
   * Returns `limit + 1` tokens at most: the extra one says a next page exists.
   */
  listTokens(
    query: TokenListQuery,
    nowMs = this.nowMs(),
    filter: (token: TokenRecord) => boolean = () => true,
  ): TokenRecord[] {
    const { accountId, status, graphId } = query;
    return this.#indexes.tokenPage(
      query,
      nowMs,
      (t) =>
        this.isTokenVisibleTo(t, accountId) &&
        (status === undefined || this.statusOf(t, nowMs) === status) &&
        (graphId === undefined || t.graphIds.includes(graphId)) &&
        filter(t),
    );
  }

  /**
   * One page of a graph's blocks in `seq` order after a cursor's `seq`: a binary search, then the
   * page. Returns `limit + 1` blocks at most: the extra one says a next page exists.
   */
  listBlocks(graphId: string, afterSeq: number | undefined, limit: number): BlockRecord[] {
    return this.#indexes.blockPage(graphId, afterSeq, limit);
  }

  toToken(t: TokenRecord, nowMs = this.nowMs()): Token {
    return {
      id: t.id,
      name: t.name,
      description: t.description,
      scopes: [...t.scopes],
      graphIds: [...t.graphIds],
      createdAt: t.createdAt,
      createdBy: t.createdBy,
      expiresAt: t.expiresAt,
      lastUsedAt: t.lastUsedAt,
      status: this.statusOf(t, nowMs),
      revokedAt: t.revokedAt,
      rotatedFrom: t.rotatedFrom,
      rotatedTo: t.rotatedTo,
      hint: t.hint,
    };
  }

  toBlock(b: BlockRecord): Block {
    return {
      id: b.id,
      graphId: b.graphId,
      content: b.content,
      createdAt: b.createdAt,
      updatedAt: b.updatedAt,
    };
  }

  /** Every block of a graph, oldest first. */
  blocksOf(graphId: string): BlockRecord[] {
    return this.#indexes.blocksOf(graphId);
  }
}
