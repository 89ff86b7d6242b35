/**
 * The indexes behind {@link MockState}'s queries, so that no request costs more as the mock holds
 * more: tokens by secret hash, by creator and by bound graph (each list in `[createdAt, seq]`
 * order, finding the next token of a status in O(log n), see {@link TokenList}); blocks per graph
 * in `seq` order; each account's graphs and roles.
 * @internal
 */
import { canMintTokens, type Role, type TokenStatus } from '@graphtoken/contract';
import type { BlockRecord, TokenRecord } from './records.js';
import { SortedIndex, type SortKey } from './sorted-index.js';
import { TokenList } from './token-list.js';

const blockKey = (b: BlockRecord): SortKey => [b.seq, 0];

/** What {@link MockState.listTokens} filters on. */
export interface TokenListQuery {
  accountId: string;
  status?: TokenStatus | undefined;
  graphId?: string | undefined;
  /** The sort key `[createdAt ms, seq]` of the last token of the previous page. */
  after?: readonly number[] | undefined;
  limit: number;
}

/** @internal */
export class StateIndexes {
  #bySecretHash = new Map<string, TokenRecord>();
  #tokensByCreator = new Map<string, TokenList>();
  #tokensByGraph = new Map<string, TokenList>();
  #blocksByGraph = new Map<string, SortedIndex<BlockRecord>>();
  /** Account id → graph id → role: the graphs an account can see. */
  #rolesByAccount = new Map<string, Map<string, Role>>();

  clear(): void {
    this.#bySecretHash.clear();
    this.#tokensByCreator.clear();
    this.#tokensByGraph.clear();
    this.#blocksByGraph.clear();
    this.#rolesByAccount.clear();
  }

  addToken(token: TokenRecord): void {
    this.#bySecretHash.set(token.secretHash, token);
    listIn(this.#tokensByCreator, token.createdBy, () => new TokenList()).add(token);
    for (const graphId of token.graphIds)
      listIn(this.#tokensByGraph, graphId, () => new TokenList()).add(token);
  }

  /** Takes a change of a token's `revokedAt` or `expiresAt` into account (its status lists). */
  tokenChanged(token: TokenRecord): void {
    this.#tokensByCreator.get(token.createdBy)?.changed(token);
    for (const graphId of token.graphIds) this.#tokensByGraph.get(graphId)?.changed(token);
  }

  addBlock(block: BlockRecord): void {
    listIn(this.#blocksByGraph, block.graphId, () => new SortedIndex(blockKey)).add(block);
  }

  removeBlock(block: BlockRecord): void {
    this.#blocksByGraph.get(block.graphId)?.remove(block);
  }

  /** Gives an account a role on a graph, or takes it away (`null`). */
  setRole(accountId: string, graphId: string, role: Role | null): void {
    let roles = this.#rolesByAccount.get(accountId);
    if (role === null) {
      roles?.delete(graphId);
      return;
    }
    if (!roles) {
      roles = new Map();
      this.#rolesByAccount.set(accountId, roles);
    }
    roles.set(graphId, role);
  }

  roleOf(accountId: string, graphId: string): Role | undefined {
    return this.#rolesByAccount.get(accountId)?.get(graphId);
  }

  /** The graphs the account is owner or admin of. */
  adminGraphIdsOf(accountId: string): string[] {
    const ids: string[] = [];
    for (const [graphId, role] of this.#rolesByAccount.get(accountId) ?? []) {
      if (canMintTokens(role)) ids.push(graphId);
    }
    return ids;
  }

  tokenBySecretHash(hash: string): TokenRecord | undefined {
    return this.#bySecretHash.get(hash);
  }

  /**
   * The first `limit + 1` tokens after the cursor, newest first, among those `keep` accepts: a
   * merge of the account's own list and the lists of the graphs it administers (or of the one
   * graph filtered on, when it administers it), so a page costs the page plus what `keep` skips,
   * not every token, and never reads a list the account may not see. With a status, each list jumps to its next token of that status at `nowMs` (O(log n)), so tokens of
   * other statuses cost nothing however many there are.
   */
  tokenPage(query: TokenListQuery, nowMs: number, keep: (token: TokenRecord) => boolean): TokenRecord[] {
    const { accountId, graphId, after, limit, status } = query;
    const sources: TokenList[] = [];
    const add = (list: TokenList | undefined) => list && sources.push(list);
    const role = graphId === undefined ? undefined : this.roleOf(accountId, graphId);
    if (graphId !== undefined && role !== undefined && canMintTokens(role)) {
      // A graph the account administers now: its list holds exactly what the filter asks for.
      add(this.#tokensByGraph.get(graphId));
    } else {
      // Every token the account may see (its own, and those of the graphs it administers); for a
      // graph it does not administer (one it only sees, cannot see, or that does not exist),
      // `keep` filters them by that graph, so neither the answer's time nor its work says
      // anything about that graph's own token list.
      add(this.#tokensByCreator.get(accountId));
      for (const [g, r] of this.#rolesByAccount.get(accountId) ?? []) {
        if (canMintTokens(r)) add(this.#tokensByGraph.get(g));
      }
    }
    // Each source's position: the last slot before the cursor (lists are in ascending key order).
    const positions = sources.map((list) =>
      after === undefined ? list.length - 1 : list.lowerBound(after[0] ?? 0, after[1] ?? 0) - 1,
    );
    const page: TokenRecord[] = [];
    while (page.length <= limit) {
      let best: TokenRecord | undefined;
      for (let i = 0; i < sources.length; i++) {
        const list = sources[i]!;
        if (status !== undefined) positions[i] = list.lastWithStatus(positions[i]!, status, nowMs);
        while (positions[i]! >= 0 && list.at(positions[i]!) === undefined) positions[i]!--; // tombstones
        const candidate = positions[i]! >= 0 ? list.at(positions[i]!) : undefined;
        if (candidate && (!best || compareTokens(candidate, best) > 0)) best = candidate;
      }
      if (!best) break;
      // The same token may sit in several lists (its creator's and its graphs'): step past it in each.
      for (let i = 0; i < sources.length; i++) if (sources[i]!.at(positions[i]!) === best) positions[i]!--;
      if (keep(best)) page.push(best);
    }
    return page;
  }

  /** The first `limit + 1` blocks of a graph after a cursor's `seq`: a binary search, then the page. */
  blockPage(graphId: string, afterSeq: number | undefined, limit: number): BlockRecord[] {
    const list = this.#blocksByGraph.get(graphId);
    if (!list) return [];
    const page: BlockRecord[] = [];
    for (let i = afterSeq === undefined ? 0 : list.upperBound(afterSeq, 0); i < list.length; i++) {
      const block = list.at(i);
      if (block === undefined) continue;
      page.push(block);
      if (page.length > limit) break;
    }
    return page;
  }

  /** Every block of a graph, oldest first. */
  blocksOf(graphId: string): BlockRecord[] {
    return [...(this.#blocksByGraph.get(graphId)?.values() ?? [])];
  }
}

function listIn<L>(lists: Map<string, L>, key: string, create: () => L): L {
  const found = lists.get(key);
  if (found) return found;
  const list = create();
  lists.set(key, list);
  return list;
}

function compareTokens(a: TokenRecord, b: TokenRecord): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.seq - b.seq;
}
