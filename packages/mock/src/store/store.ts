/**
 * `mock.store`: direct access to the mock's state for test setup and assertions, without going
 * through HTTP. It checks coherence (known ids, well-formed secrets) but not the API's permission
 * rules, so a test can build any situation: an expired token, a demoted creator, a big graph.
 */
import {
  type Block,
  generateTokenSecret,
  type Role,
  type Scope,
  type Token,
  type TokenWithSecret,
} from '@graphtoken/contract';
import { checkBlockContent } from './block-content.js';
import { MockSetupError, type MockState } from './state.js';

/** An account, as the store shows it. */
export interface MockAccount {
  readonly id: string;
  readonly name: string;
}

/** A graph, as the store shows it: with every account's role. */
export interface MockGraph {
  readonly id: string;
  readonly name: string;
  readonly encrypted: boolean;
  readonly roles: Readonly<Record<string, Role>>;
}

/** What `store.createToken` takes. */
export interface StoreTokenInput {
  /** Default: a generated `tok_…` id. */
  id?: string;
  /** Default: `"test token"`. */
  name?: string;
  description?: string | null;
  scopes: readonly Scope[];
  graphIds?: readonly string[];
  /** The creator, whose role caps the token. Default: the default seed's owner, `acc_ada`. */
  createdBy?: string;
  /** Default: a fresh random secret. */
  secret?: string;
  /** Default: the mock clock's now. */
  createdAt?: Date | string;
  /** May be in the past (an expired token). */
  expiresAt?: Date | string | null;
  /** May be in the past (a revoked token) or the future (a rotation grace period). */
  revokedAt?: Date | string | null;
}

/** Direct access to the mock's state. */
export interface MockStore {
  /** Adds an account (a generated `acc_…` id unless given). */
  addAccount(input: { id?: string; name: string }): MockAccount;
  getAccount(id: string): MockAccount | undefined;
  listAccounts(): MockAccount[];

  /**
   * Adds a graph owned by `owner`, with optional further roles.
   *
   * @example
   * mock.store.addGraph({ name: 'Lab book', owner: seedIds.accounts.ada, roles: { acc_grace: 'editor' } })
   */
  addGraph(input: {
    id?: string;
    name: string;
    encrypted?: boolean;
    owner: string;
    roles?: Readonly<Record<string, Role>>;
  }): MockGraph;
  getGraph(id: string): MockGraph | undefined;
  listGraphs(): MockGraph[];
  /**
   * Gives an account a role on a graph, or takes it away (`null`). Takes effect at once: every token
   * the account created is capped by its new role (DOMAIN: effective permission = scopes ∩ role).
   */
  setRole(accountId: string, graphId: string, role: Role | null): void;

  /**
   * Creates a token directly and returns it with its secret (the only time the store shows a secret).
   * Unlike `POST /v1/tokens` it does not check who may mint it, or that `expiresAt` is ahead.
   *
   * @example
   * const { secret } = mock.store.createToken({ scopes: ['read'], graphIds: [seedIds.graphs.research] });
   */
  createToken(input: StoreTokenInput): TokenWithSecret;
  getToken(id: string): Token | undefined;
  /** Every token, in creation order. */
  listTokens(): Token[];
  /** The token a secret belongs to, if any (compared by hash). */
  findTokenBySecret(secret: string): Token | undefined;
  /** Revokes a token now (idempotent), as `DELETE /v1/tokens/{id}` does. */
  revokeToken(id: string): Token;

  /** Appends blocks to a graph, in order. */
  addBlocks(graphId: string, blocks: readonly (string | { content: string })[]): Block[];
  getBlock(graphId: string, blockId: string): Block | undefined;
  /** A graph's blocks, oldest first. */
  listBlocks(graphId: string): Block[];
}

const toIso = (value: Date | string) => (typeof value === 'string' ? value : value.toISOString());
const toIsoOrNull = (value: Date | string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : toIso(value);

function graphView(g: {
  id: string;
  name: string;
  encrypted: boolean;
  roles: Record<string, Role>;
}): MockGraph {
  return { id: g.id, name: g.name, encrypted: g.encrypted, roles: { ...g.roles } };
}

/** @internal */
export function createStore(state: MockState): MockStore {
  const mutate = <T>(fn: () => T): T => {
    const result = fn();
    state.changed();
    return result;
  };
  return {
    addAccount: (input) => mutate(() => ({ ...state.insertAccount(input) })),
    getAccount: (id) => {
      const a = state.accounts.get(id);
      return a && { ...a };
    },
    listAccounts: () => [...state.accounts.values()].map((a) => ({ ...a })),

    addGraph: (input) =>
      mutate(() => {
        state.requireAccount(input.owner);
        return graphView(
          state.insertGraph({
            id: input.id,
            name: input.name,
            encrypted: input.encrypted,
            roles: { ...input.roles, [input.owner]: 'owner' },
          }),
        );
      }),
    getGraph: (id) => {
      const g = state.graphs.get(id);
      return g && graphView(g);
    },
    listGraphs: () => [...state.graphs.values()].map(graphView),
    setRole: (accountId, graphId, role) => state.setRole(accountId, graphId, role),

    createToken: (input) =>
      mutate(() => {
        const secret = input.secret ?? generateTokenSecret();
        const record = state.insertToken({
          id: input.id,
          name: input.name ?? 'test token',
          description: input.description,
          scopes: input.scopes,
          graphIds: input.graphIds,
          createdBy: input.createdBy ?? 'acc_ada',
          secret,
          createdAt: input.createdAt === undefined ? undefined : toIso(input.createdAt),
          expiresAt: toIsoOrNull(input.expiresAt),
          revokedAt: toIsoOrNull(input.revokedAt),
        });
        return { token: state.toToken(record), secret };
      }),
    getToken: (id) => {
      const t = state.tokens.get(id);
      return t && state.toToken(t);
    },
    listTokens: () => {
      const now = state.nowMs();
      return [...state.tokens.values()].sort((a, b) => a.seq - b.seq).map((t) => state.toToken(t, now));
    },
    findTokenBySecret: (secret) => {
      const t = state.findBySecret(secret);
      return t && state.toToken(t);
    },
    revokeToken: (id) =>
      mutate(() => {
        const t = state.tokens.get(id);
        if (!t) throw new MockSetupError(`no token ${id}`);
        state.revoke(t);
        return state.toToken(t);
      }),

    addBlocks: (graphId, blocks) =>
      mutate(() => {
        state.requireGraph(graphId);
        // Every content is checked before the first is added: a refused call adds nothing.
        const contents = blocks.map((b) => (typeof b === 'string' ? b : b.content));
        for (const content of contents) checkBlockContent(content);
        return contents.map((content) => state.toBlock(state.insertBlock(graphId, content)));
      }),
    getBlock: (graphId, blockId) => {
      const b = state.blocks.get(blockId);
      return b && b.graphId === graphId ? state.toBlock(b) : undefined;
    },
    listBlocks: (graphId) => state.blocksOf(graphId).map((b) => state.toBlock(b)),
  };
}
