/**
 * Seed data: what a fresh mock holds. `defaultSeed` models a small account with every case the
 * domain rules distinguish (owned, encrypted, administered and shared-as-viewer graphs).
 */
import type { Role, Scope } from '@graphtoken/contract';
import { BOOTSTRAP_TOKEN } from './constants.js';

/** An account in a seed. */
export interface SeedAccount {
  readonly id: string;
  readonly name: string;
}

/** A graph in a seed, with each account's role on it. */
export interface SeedGraph {
  readonly id: string;
  readonly name: string;
  readonly encrypted?: boolean;
  /** Account id → role. An account without a role cannot see the graph. */
  readonly roles: Readonly<Record<string, Role>>;
}

/** A token in a seed. Seeds are test fixtures, so they carry the secret; the mock keeps only its hash. */
export interface SeedToken {
  readonly id?: string;
  readonly name: string;
  readonly description?: string | null;
  readonly scopes: readonly Scope[];
  readonly graphIds?: readonly string[];
  readonly createdBy: string;
  /** A well-formed secret (see `tokenFromBody` in @graphtoken/contract). */
  readonly secret: string;
  readonly createdAt?: string;
  readonly expiresAt?: string | null;
  readonly revokedAt?: string | null;
  readonly lastUsedAt?: string | null;
}

/** A block in a seed. */
export interface SeedBlock {
  readonly id?: string;
  readonly graphId: string;
  readonly content: string;
  readonly createdAt?: string;
}

/** The data a mock starts from (and returns to on `reset()`). */
export interface MockSeed {
  readonly accounts: readonly SeedAccount[];
  readonly graphs: readonly SeedGraph[];
  readonly tokens?: readonly SeedToken[];
  readonly blocks?: readonly SeedBlock[];
}

/** The ids in {@link defaultSeed}, to use in tests instead of string literals. */
export interface SeedIds {
  readonly accounts: { readonly ada: 'acc_ada'; readonly grace: 'acc_grace' };
  readonly graphs: {
    /** "Research notes": Ada is owner. */
    readonly research: 'gr_research';
    /** "Private journal": Ada is owner; encrypted, so append-only. */
    readonly journal: 'gr_journal';
    /** "Team wiki": Grace is owner, Ada admin. */
    readonly team: 'gr_team';
    /** "Grace's reading list": Grace is owner, shared with Ada as viewer (Ada cannot mint tokens for it). */
    readonly shared: 'gr_shared';
  };
  readonly tokens: {
    /** The `bootstrap` token: scope `manage`, created by Ada, no graphs, no expiry; secret `BOOTSTRAP_TOKEN`. */
    readonly bootstrap: 'tok_bootstrap0000000';
  };
}

/** The ids of the default seed's accounts, graphs and bootstrap token. */
export const seedIds: SeedIds = {
  accounts: { ada: 'acc_ada', grace: 'acc_grace' },
  graphs: { research: 'gr_research', journal: 'gr_journal', team: 'gr_team', shared: 'gr_shared' },
  tokens: { bootstrap: 'tok_bootstrap0000000' },
};

const SEED_TIME = '2025-01-01T00:00:00.000Z';

/**
 * The default seed: Ada Lovelace (`acc_ada`) owns "Research notes" and the encrypted "Private journal",
 * administers Grace Hopper's "Team wiki" and is a viewer of Grace's reading list. Ada's `bootstrap`
 * token (`manage`, secret {@link BOOTSTRAP_TOKEN}) can mint every other token a test needs. A few
 * blocks live in every unencrypted graph.
 */
export const defaultSeed: MockSeed = {
  accounts: [
    { id: seedIds.accounts.ada, name: 'Ada Lovelace' },
    { id: seedIds.accounts.grace, name: 'Grace Hopper' },
  ],
  graphs: [
    { id: seedIds.graphs.research, name: 'Research notes', roles: { acc_ada: 'owner' } },
    { id: seedIds.graphs.journal, name: 'Private journal', encrypted: true, roles: { acc_ada: 'owner' } },
    { id: seedIds.graphs.team, name: 'Team wiki', roles: { acc_grace: 'owner', acc_ada: 'admin' } },
    {
      id: seedIds.graphs.shared,
      name: "Grace's reading list",
      roles: { acc_grace: 'owner', acc_ada: 'viewer' },
    },
  ],
  tokens: [
    {
      id: seedIds.tokens.bootstrap,
      name: 'bootstrap',
      description: 'The seeded management token of the GraphToken mock',
      scopes: ['manage'],
      graphIds: [],
      createdBy: seedIds.accounts.ada,
      secret: BOOTSTRAP_TOKEN,
      createdAt: SEED_TIME,
    },
  ],
  blocks: [
    {
      id: 'blk_research1',
      graphId: 'gr_research',
      content: 'On the Analytical Engine: notes by the translator',
      createdAt: SEED_TIME,
    },
    {
      id: 'blk_research2',
      graphId: 'gr_research',
      content: 'Note G: computing Bernoulli numbers',
      createdAt: SEED_TIME,
    },
    {
      id: 'blk_research3',
      graphId: 'gr_research',
      content: 'Idea: the engine might compose music',
      createdAt: SEED_TIME,
    },
    { id: 'blk_journal1', graphId: 'gr_journal', content: 'A private thought', createdAt: SEED_TIME },
    {
      id: 'blk_team1',
      graphId: 'gr_team',
      content: 'Onboarding: read the COBOL style guide',
      createdAt: SEED_TIME,
    },
    { id: 'blk_team2', graphId: 'gr_team', content: 'Release checklist', createdAt: SEED_TIME },
    {
      id: 'blk_shared1',
      graphId: 'gr_shared',
      content: 'Knuth, The Art of Computer Programming, vol. 1',
      createdAt: SEED_TIME,
    },
    {
      id: 'blk_shared2',
      graphId: 'gr_shared',
      content: 'Wilkes, Wheeler and Gill, The Preparation of Programs',
      createdAt: SEED_TIME,
    },
  ],
};
