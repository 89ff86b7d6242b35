/**
 * The in-memory state and the domain queries over it (status, visibility, roles, effective scopes).
 * The HTTP semantics live in the handlers; tests reach the state through the `MockStore` facade.
 * @internal
 */
import {
  type Block,
  canMintTokens,
  checkTokenFormat,
  effectiveScopes,
  isScope,
  matchesPathParam,
  normalizeScopes,
  pathParamPatterns,
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
import { constantTimeEqual, hashSecret } from '../internal/secret-hash.js';
import type { MockSeed } from '../seed.js';
import { checkBlockContent } from './block-content.js';
import type {
  AccountRecord,
  BlockRecord,
  GraphRecord,
  IdCounters,
  MockSnapshot,
  TokenRecord,
} from './records.js';

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

const iso = (ms: number) => new Date(ms).toISOString();

function normalizeTime(value: string, what: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new MockSetupError(`${what} is not a valid time: ${value}`);
  return iso(ms);
}

function emptyCounters(): IdCounters {
  return { token: 0, block: 0, graph: 0, account: 0, seq: 0 };
}

/** @internal */
export class MockState {
  accounts = new Map<string, AccountRecord>();
  graphs = new Map<string, GraphRecord>();
  tokens = new Map<string, TokenRecord>();
  blocks = new Map<string, BlockRecord>();
  counters: IdCounters = emptyCounters();

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

  nowMs(): number {
    return this.clock.nowMs();
  }

  nowIso(): string {
    return iso(this.clock.nowMs());
  }

  nextId(kind: Exclude<IdKind, 'request'>): string {
    const taken = { token: this.tokens, block: this.blocks, graph: this.graphs, account: this.accounts }[
      kind
    ];
    let id: string;
    do id = deterministicId(kind, ++this.counters[kind]);
    while (taken.has(id));
    return id;
  }

  nextSeq(): number {
    return ++this.counters.seq;
  }

  clear(): void {
    this.accounts.clear();
    this.graphs.clear();
    this.tokens.clear();
    this.blocks.clear();
    this.counters = emptyCounters();
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
    return structuredClone({
      format: 'graphtoken-mock-snapshot',
      version: 1,
      clock: this.clock.getState(),
      counters: this.counters,
      accounts: [...this.accounts.values()],
      graphs: [...this.graphs.values()],
      tokens: [...this.tokens.values()],
      blocks: [...this.blocks.values()],
    } satisfies MockSnapshot);
  }

  loadSnapshot(snapshot: MockSnapshot): void {
    if (snapshot?.format !== 'graphtoken-mock-snapshot' || snapshot.version !== 1) {
      throw new MockSetupError('not a GraphToken mock snapshot (version 1)');
    }
    const s = structuredClone(snapshot);
    this.clear();
    this.clock.setState(s.clock);
    this.counters = { ...emptyCounters(), ...s.counters };
    for (const a of s.accounts) this.accounts.set(a.id, a);
    for (const g of s.graphs) this.graphs.set(g.id, g);
    for (const t of s.tokens) this.tokens.set(t.id, t);
    for (const b of s.blocks) this.blocks.set(b.id, b);
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
    this.graphs.set(id, record);
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
    this.tokens.set(id, record);
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
    this.blocks.set(id, record);
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
    return this.graphs.get(graphId)?.roles[accountId];
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

  /** Tokens the account created, plus those bound to graphs it owns or administers. */
  isTokenVisibleTo(token: TokenRecord, accountId: string): boolean {
    if (token.createdBy === accountId) return true;
    return token.graphIds.some((g) => {
      const role = this.roleOf(accountId, g);
      return role !== undefined && canMintTokens(role);
    });
  }

  /** Finds the token a secret belongs to, comparing hashes in constant time over every token. */
  /**
   * Revokes a token now, unless it is revoked already; a rotation's grace period (a `revokedAt` in
   * the future) ends now. Revocation is irreversible: an earlier `revokedAt` is never moved.
   */
  revoke(token: TokenRecord, nowMs = this.nowMs()): void {
    if (token.revokedAt !== null && Date.parse(token.revokedAt) <= nowMs) return;
    token.revokedAt = new Date(nowMs).toISOString();
    this.changed();
  }

  findBySecret(secret: string): TokenRecord | undefined {
    const hash = hashSecret(secret);
    let found: TokenRecord | undefined;
    for (const token of this.tokens.values()) {
      if (constantTimeEqual(token.secretHash, hash) && found === undefined) found = token;
    }
    return found;
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

  blocksOf(graphId: string): BlockRecord[] {
    return [...this.blocks.values()].filter((b) => b.graphId === graphId).sort((a, b) => a.seq - b.seq);
  }
}
