/**
 * Authorization model test: random worlds (three accounts with random roles on four graphs, one
 * encrypted; tokens of every scope set, own and other accounts', active, expired, revoked or about
 * to be) and random sequences of every operation, with role changes (demotions included) and
 * clock jumps between steps. Each answer's status and `code` must be what the reference policy of
 * DOMAIN.md (contract-testing/authorization-policy.ts) says; every secret issued must act for the
 * caller's own account; `listTokens` must list exactly the tokens the caller may see, and
 * `listAuditEvents` exactly the events of those tokens (every role on every owner's graphs).
 * `revokeLeakedTokens` is called with any credentials (revoked, expired, none) and reported secrets
 * of every kind, and must always answer 202 and revoke exactly the active ones.
 *
 * 1,000 sequences per run (about 8,000 calls); `AUTHZ_RUNS=20000` for a longer run, and
 * `AUTHZ_REPORT=1` prints how many calls were made and how often each (operation, status, code)
 * was seen, to check that every branch of the policy is reached.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ApiResult, apiClient, type Call } from './contract-testing/api.js';
import {
  expectedAnswer,
  OPERATION_NEEDS,
  type Operation,
  type PolicyCall,
  type PolicyToken,
  type PolicyWorld,
  type Role,
  type Scope,
  statusOf,
  visibleTokens,
} from './contract-testing/authorization-policy.js';
import { createGraphTokenMock, type GraphTokenMock, type MockSeed } from './index.js';

const START = Date.parse('2026-01-01T00:00:00Z');
const HOUR = 3_600_000;
const ACCOUNTS = ['acc_ada', 'acc_grace', 'acc_linus'] as const;
const GRAPHS = ['gr_a', 'gr_b', 'gr_c', 'gr_enc'] as const;
const ENCRYPTED = 'gr_enc';
/** Graph ids a call may name: the four graphs and one that does not exist. */
const GRAPH_CHOICES = [...GRAPHS, 'gr_nowhere'] as const;
const ROLES: readonly Role[] = ['owner', 'admin', 'editor', 'viewer', 'none'];
/** Every non-empty set of scopes (15), normalised or not: `[read, write]` is as valid a request as `[write]`. */
const SCOPE_SETS: readonly (readonly Scope[])[] = Array.from({ length: 15 }, (_, i) =>
  (['read', 'append', 'write', 'manage'] as const).filter((_, bit) => ((i + 1) >> bit) & 1),
);
const OPERATIONS = Object.keys(OPERATION_NEEDS) as Operation[];

const seed: MockSeed = {
  accounts: ACCOUNTS.map((id) => ({ id, name: id.slice(4) })),
  graphs: GRAPHS.map((id) => ({ id, name: id, encrypted: id === ENCRYPTED, roles: {} })),
  blocks: GRAPHS.map((graphId) => ({ id: `blk_${graphId.slice(3)}1`, graphId, content: 'seeded' })),
};

interface ModelToken extends PolicyToken {
  secret: string;
  expiresAt: number | null;
  revokedAt: number | null;
  rotatedTo: string | null;
}

interface Model {
  now: number;
  roles: Map<string, Role>;
  tokens: ModelToken[];
  /** Tokens something was recorded for (created, used, renamed, rotated, revoked) through the API. */
  recorded: Set<string>;
  /** Block id → graph id. */
  blocks: Map<string, string>;
}

const roleKey = (account: string, graph: string) => `${account} ${graph}`;

function worldOf(m: Model): PolicyWorld {
  return {
    now: m.now,
    role: (account, graph) => m.roles.get(roleKey(account, graph)) ?? 'none',
    graphExists: (graph) => (GRAPHS as readonly string[]).includes(graph),
    graphEncrypted: (graph) => graph === ENCRYPTED,
    blockIn: (graph, block) => m.blocks.get(block) === graph,
  };
}

/** A bindable graph list for a scope set: data scopes need a graph, read/write never bind the encrypted one. */
function bindable(scopes: readonly Scope[], graphs: readonly string[]): string[] {
  const data = scopes.some((s) => s !== 'manage');
  const readsOrWrites = scopes.includes('read') || scopes.includes('write');
  const kept = graphs.filter((g) => !(readsOrWrites && g === ENCRYPTED));
  return data && kept.length === 0 ? ['gr_a'] : kept;
}

// --- arbitraries ------------------------------------------------------------------------------

const tokenSpec = fc.record({
  creator: fc.nat(ACCOUNTS.length - 1),
  scopes: fc.nat(SCOPE_SETS.length - 1),
  graphs: fc.subarray([...GRAPHS]),
  // Mostly usable tokens, so that calls get past authentication often enough to test the rest.
  life: fc.constantFrom('active', 'active', 'active', 'expired', 'revoked', 'expiring', 'grace'),
});

const callCommand = fc.record({
  kind: fc.constant('call' as const),
  // Revoking the caller ends what a sequence can test: call revokeSelfToken less often.
  op: fc.constantFrom(...OPERATIONS.flatMap((op) => (op === 'revokeSelfToken' ? [op] : [op, op, op]))),
  /** Mostly an active caller; sometimes any token (revoked, expired) to test authentication. */
  anyCaller: fc.nat(9).map((n) => n === 0),
  caller: fc.nat(30),
  /** Mostly a graph the caller is bound to; sometimes any graph, or one that does not exist. */
  anyGraph: fc.nat(3).map((n) => n === 0),
  /** Mostly a block of that graph; sometimes any block, or one that does not exist. */
  anyBlock: fc.nat(3).map((n) => n === 0),
  target: fc.nat(30),
  graph: fc.nat(30),
  block: fc.nat(30),
  scopes: fc.nat(SCOPE_SETS.length - 1),
  graphs: fc.subarray([...GRAPH_CHOICES], { maxLength: 2 }),
  grace: fc.constantFrom(0, 3600),
  /** For revokeLeakedTokens: which tokens' secrets are reported (bits), and what else is sent. */
  reported: fc.nat(63),
  credentials: fc.constantFrom('caller', 'none', 'garbage'),
});
const roleCommand = fc.record({
  kind: fc.constant('role' as const),
  account: fc.nat(ACCOUNTS.length - 1),
  graph: fc.nat(GRAPHS.length - 1),
  role: fc.constantFrom(...ROLES),
});
const advanceCommand = fc.record({
  kind: fc.constant('advance' as const),
  seconds: fc.constantFrom(1, 1800, 7200),
});
type Command =
  | (typeof callCommand extends fc.Arbitrary<infer T> ? T : never)
  | (typeof roleCommand extends fc.Arbitrary<infer T> ? T : never)
  | (typeof advanceCommand extends fc.Arbitrary<infer T> ? T : never);

const scenario = fc.record({
  roles: fc.array(fc.constantFrom(...ROLES), {
    minLength: ACCOUNTS.length * GRAPHS.length,
    maxLength: ACCOUNTS.length * GRAPHS.length,
  }),
  tokens: fc.array(tokenSpec, { minLength: 2, maxLength: 6 }),
  commands: fc.array(
    fc.oneof(
      { arbitrary: callCommand as fc.Arbitrary<Command>, weight: 8 },
      { arbitrary: roleCommand as fc.Arbitrary<Command>, weight: 2 },
      { arbitrary: advanceCommand as fc.Arbitrary<Command>, weight: 1 },
    ),
    { minLength: 4, maxLength: 20, size: 'medium' },
  ),
});

// --- running one scenario ---------------------------------------------------------------------

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function setUp(s: Scenario) {
  const mock = createGraphTokenMock({ seed, now: new Date(START).toISOString(), freezeClock: true });
  const m: Model = { now: START, roles: new Map(), tokens: [], blocks: new Map(), recorded: new Set() };
  for (const b of seed.blocks ?? []) m.blocks.set(b.id!, b.graphId);
  ACCOUNTS.forEach((account, a) => {
    GRAPHS.forEach((graph, g) => {
      const role = s.roles[a * GRAPHS.length + g]!;
      if (role === 'none') return;
      mock.store.setRole(account, graph, role);
      m.roles.set(roleKey(account, graph), role);
    });
  });
  for (const spec of s.tokens) {
    const scopes = SCOPE_SETS[spec.scopes]!;
    const graphIds = bindable(scopes, spec.graphs);
    const expiresAt: number | null =
      ({ expired: START - 1000, expiring: START + HOUR } as Record<string, number>)[spec.life] ?? null;
    const revokedAt: number | null =
      ({ revoked: START - 1000, grace: START + HOUR } as Record<string, number>)[spec.life] ?? null;
    const createdBy = ACCOUNTS[spec.creator]!;
    const { token, secret } = mock.store.createToken({
      name: 'seeded',
      scopes,
      graphIds,
      createdBy,
      createdAt: new Date(START - 2 * HOUR),
      expiresAt: expiresAt === null ? null : new Date(expiresAt),
      revokedAt: revokedAt === null ? null : new Date(revokedAt),
    });
    m.tokens.push({
      id: token.id,
      secret,
      createdBy,
      scopes,
      graphIds,
      expiresAt,
      revokedAt,
      rotatedTo: null,
    });
  }
  return { mock, m, call: apiClient(mock) };
}

const describeToken = (t: PolicyToken, m: Model) =>
  `${t.id}(${t.createdBy}, [${t.scopes.join(',')}] on [${t.graphIds.join(',')}], ${statusOf(t, m.now)}${t.rotatedTo ? ', rotated' : ''})`;

const describeRoles = (m: Model, account: string) =>
  GRAPHS.map((g) => `${g}:${m.roles.get(roleKey(account, g)) ?? 'none'}`).join(' ');

/** How often each (operation, status, code) was seen: the coverage the report prints. */
const outcomes = new Map<string, number>();

/** Sends one call, checks the answer against the reference, and updates the model. */
async function runCall(c: Extract<Command, { kind: 'call' }>, m: Model, call: Call): Promise<void> {
  const active = m.tokens.filter((t) => statusOf(t, m.now) === 'active');
  const callers = c.anyCaller || active.length === 0 ? m.tokens : active;
  const caller = callers[c.caller % callers.length]!;
  const target = m.tokens[c.target % m.tokens.length]!;
  const graphs = c.anyGraph || caller.graphIds.length === 0 ? GRAPH_CHOICES : caller.graphIds;
  const graphId = graphs[c.graph % graphs.length]!;
  const inGraph = [...m.blocks].filter(([, g]) => g === graphId).map(([b]) => b);
  const blockIds = c.anyBlock || inGraph.length === 0 ? [...m.blocks.keys(), 'blk_nowhere'] : inGraph;
  const blockId = blockIds[c.block % blockIds.length]!;
  const scopes = SCOPE_SETS[c.scopes]!;
  // Unlike the seeded tokens, a create may bind read/write to the encrypted graph (and be refused).
  const create = {
    scopes,
    graphIds: c.graphs.length > 0 || scopes.every((s) => s === 'manage') ? c.graphs : ['gr_a'],
  };
  const policyCall: PolicyCall = { op: c.op, caller, target, graphId, blockId, create };
  const want = expectedAnswer(worldOf(m), policyCall);

  const auth = { token: caller.secret };
  const reported = m.tokens.filter((_, i) => (c.reported >> i) & 1);
  const leakAuth =
    c.credentials === 'caller'
      ? auth
      : c.credentials === 'garbage'
        ? { headers: { Authorization: 'Token nonsense' } }
        : {};
  const res: ApiResult = await {
    introspectToken: () => call('GET', '/v1/tokens/self', auth),
    revokeSelfToken: () => call('DELETE', '/v1/tokens/self', auth),
    rotateSelfToken: () =>
      call('POST', '/v1/tokens/self/rotate', { ...auth, json: { gracePeriodSeconds: c.grace } }),
    revokeLeakedTokens: () =>
      call('POST', '/v1/tokens/revoke-leaked', {
        ...leakAuth,
        json: { secrets: [...reported.map((t) => t.secret), 'gt_not_a_secret'] },
      }),
    listAuditEvents: () => call('GET', '/v1/audit-events?limit=100', auth),
    listTokens: () => call('GET', '/v1/tokens?limit=100', auth),
    createToken: () => call('POST', '/v1/tokens', { ...auth, json: { name: 'minted', ...create } }),
    getToken: () => call('GET', `/v1/tokens/${target.id}`, auth),
    updateToken: () => call('PATCH', `/v1/tokens/${target.id}`, { ...auth, json: { name: 'renamed' } }),
    revokeToken: () => call('DELETE', `/v1/tokens/${target.id}`, auth),
    rotateToken: () =>
      call('POST', `/v1/tokens/${target.id}/rotate`, { ...auth, json: { gracePeriodSeconds: c.grace } }),
    listGraphs: () => call('GET', '/v1/graphs', auth),
    getGraph: () => call('GET', `/v1/graphs/${graphId}`, auth),
    listBlocks: () => call('GET', `/v1/graphs/${graphId}/blocks?limit=100`, auth),
    appendBlocks: () =>
      call('POST', `/v1/graphs/${graphId}/blocks`, { ...auth, json: { blocks: [{ content: 'x' }] } }),
    getBlock: () => call('GET', `/v1/graphs/${graphId}/blocks/${blockId}`, auth),
    updateBlock: () =>
      call('PATCH', `/v1/graphs/${graphId}/blocks/${blockId}`, { ...auth, json: { content: 'y' } }),
    deleteBlock: () => call('DELETE', `/v1/graphs/${graphId}/blocks/${blockId}`, auth),
  }[c.op]();

  const got = { status: res.status, code: res.status >= 400 ? res.body?.code : undefined };
  // An authenticated request uses its token: a first use is recorded.
  if (!('open' in OPERATION_NEEDS[c.op]) && want.status !== 401) m.recorded.add(caller.id);
  outcomes.set(
    `${c.op} ${got.status} ${got.code ?? ''}`,
    (outcomes.get(`${c.op} ${got.status} ${got.code ?? ''}`) ?? 0) + 1,
  );
  if (got.status !== want.status || got.code !== want.code) {
    const on = OPERATION_NEEDS[c.op].graph
      ? ` on ${graphId}${c.op.includes('Block') && c.op !== 'appendBlocks' ? `/${blockId}` : ''}`
      : ['getToken', 'updateToken', 'revokeToken', 'rotateToken'].includes(c.op)
        ? ` on ${describeToken(target, m)}`
        : c.op === 'createToken'
          ? ` binding [${create.scopes.join(',')}] to [${create.graphIds.join(',')}]`
          : '';
    throw new Error(
      `${c.op} by ${describeToken(caller, m)} (its account's roles: ${describeRoles(m, caller.createdBy)})${on}: ` +
        `the policy says ${want.status} ${want.code ?? ''}, the mock answered ${got.status} ${got.code ?? ''}`,
    );
  }
  if (want.status >= 400) return;

  // A secret is only ever issued to the account the token acts for.
  if (res.body?.secret !== undefined) expect(res.body.token.createdBy).toBe(caller.createdBy);
  const revokeNow = (t: ModelToken) => {
    if (t.revokedAt !== null && t.revokedAt <= m.now) return; // already revoked: nothing recorded
    t.revokedAt = m.now;
    m.recorded.add(t.id);
  };
  switch (c.op) {
    case 'rotateSelfToken':
      caller.revokedAt = m.now + c.grace * 1000;
      caller.rotatedTo = res.body.token.id;
      m.tokens.push({
        ...caller,
        id: res.body.token.id,
        secret: res.body.secret,
        revokedAt: null,
        rotatedTo: null,
      });
      m.recorded.add(res.body.token.id);
      break;
    case 'revokeLeakedTokens':
      expect(res.body).toEqual({ received: reported.length + 1 });
      for (const t of reported) if (statusOf(t, m.now) === 'active') revokeNow(t);
      break;
    case 'updateToken':
      m.recorded.add(target.id);
      break;
    case 'listAuditEvents': {
      const listed = [...new Set<string>(res.body.data.map((e: { tokenId: string }) => e.tokenId))].sort();
      // Which tokens have events: what the API did to them, and expiries the clock has passed.
      const expiredNow = (t: ModelToken) =>
        t.expiresAt !== null && t.expiresAt <= m.now && (t.revokedAt === null || t.revokedAt > t.expiresAt);
      const withEvents = m.tokens.filter((t) => m.recorded.has(t.id) || expiredNow(t));
      const want = visibleTokens(worldOf(m), caller.createdBy, withEvents)
        .map((t) => t.id)
        .sort();
      expect(
        listed,
        `audit events listed for ${caller.createdBy} (${describeRoles(m, caller.createdBy)})`,
      ).toEqual(want);
      break;
    }
    case 'createToken':
      m.tokens.push({
        id: res.body.token.id,
        secret: res.body.secret,
        createdBy: caller.createdBy,
        scopes: create.scopes,
        graphIds: create.graphIds,
        expiresAt: null,
        revokedAt: null,
        rotatedTo: null,
      });
      m.recorded.add(res.body.token.id);
      break;
    case 'rotateToken':
      target.revokedAt = m.now + c.grace * 1000;
      target.rotatedTo = res.body.token.id;
      m.tokens.push({
        ...target,
        id: res.body.token.id,
        secret: res.body.secret,
        revokedAt: null,
        rotatedTo: null,
      });
      m.recorded.add(target.id).add(res.body.token.id);
      break;
    case 'revokeToken':
    case 'revokeSelfToken':
      revokeNow(c.op === 'revokeToken' ? target : caller);
      break;
    case 'appendBlocks':
      for (const b of res.body.data) m.blocks.set(b.id, graphId);
      break;
    case 'deleteBlock':
      m.blocks.delete(blockId);
      break;
    case 'listTokens': {
      const listed = res.body.data.map((t: { id: string }) => t.id).sort();
      const want = visibleTokens(worldOf(m), caller.createdBy, m.tokens)
        .map((t) => t.id)
        .sort();
      expect(listed, `tokens listed for ${caller.createdBy}`).toEqual(want);
      break;
    }
  }
}

async function runScenario(s: Scenario): Promise<void> {
  const { mock, m, call } = setUp(s);
  for (const c of s.commands) {
    if (c.kind === 'call') await runCall(c, m, call);
    else if (c.kind === 'role') {
      const account = ACCOUNTS[c.account]!;
      const graph = GRAPHS[c.graph]!;
      mock.store.setRole(account, graph, c.role === 'none' ? null : c.role);
      if (c.role === 'none') m.roles.delete(roleKey(account, graph));
      else m.roles.set(roleKey(account, graph), c.role);
    } else {
      advance(mock, m, c.seconds);
    }
  }
}

function advance(mock: GraphTokenMock, m: Model, seconds: number) {
  mock.clock.advance(seconds * 1000);
  m.now += seconds * 1000;
}

describe('authorization, against the reference policy of DOMAIN.md', () => {
  it('agrees on every answer of random call sequences by every role, on own and others’ tokens', async () => {
    const started = performance.now();
    let calls = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        calls += s.commands.filter((c) => c.kind === 'call').length;
        await runScenario(s);
      }),
      { numRuns: Number(process.env.AUTHZ_RUNS ?? 1000) },
    );
    if (process.env.AUTHZ_REPORT) {
      console.log(`authorization model: ${calls} calls in ${Math.round(performance.now() - started)} ms`);
      console.log(
        [...outcomes]
          .sort()
          .map(([k, n]) => `${k}: ${n}`)
          .join('\n'),
      );
    }
  }, 120_000);

  it('the issue 9 escalation: an admin of a bound graph cannot rotate or rename another account’s token', async () => {
    // A is admin of T and viewer of S; G owns both and has a write token bound to [T, S].
    const mock = createGraphTokenMock({ seed, now: new Date(START).toISOString(), freezeClock: true });
    const call = apiClient(mock);
    const [A, G] = ['acc_ada', 'acc_grace'];
    mock.store.setRole(G, 'gr_a', 'owner');
    mock.store.setRole(G, 'gr_b', 'owner');
    mock.store.setRole(A, 'gr_a', 'admin');
    mock.store.setRole(A, 'gr_b', 'viewer');
    const victim = mock.store.createToken({ scopes: ['write'], graphIds: ['gr_a', 'gr_b'], createdBy: G });
    const manage = mock.store.createToken({ scopes: ['manage'], createdBy: A }).secret;

    const rotated = await call('POST', `/v1/tokens/${victim.token.id}/rotate`, { token: manage });
    expect([rotated.status, rotated.body.code]).toEqual([403, 'not_token_owner']);
    expect(rotated.text).not.toMatch(/gt_[A-Za-z0-9]{36}/);
    const renamed = await call('PATCH', `/v1/tokens/${victim.token.id}`, {
      token: manage,
      json: { name: 'x' },
    });
    expect([renamed.status, renamed.body.code]).toEqual([403, 'not_token_owner']);
    expect(mock.store.listTokens()).toHaveLength(2);
    // What A may still do: see it and revoke it.
    expect((await call('GET', `/v1/tokens/${victim.token.id}`, { token: manage })).status).toBe(200);
    expect((await call('DELETE', `/v1/tokens/${victim.token.id}`, { token: manage })).status).toBe(204);
    // Demoted to editor, A no longer sees it at all.
    mock.store.setRole(A, 'gr_a', 'editor');
    const hidden = await call('GET', `/v1/tokens/${victim.token.id}`, { token: manage });
    expect([hidden.status, hidden.body.code]).toEqual([404, 'not_found']);
  });

  it('a creator demoted on a bound graph can no longer rotate (a rotation mints a secret), but may still rename and revoke', async () => {
    const mock = createGraphTokenMock({ seed, now: new Date(START).toISOString(), freezeClock: true });
    const call = apiClient(mock);
    const A = 'acc_ada';
    mock.store.setRole(A, 'gr_a', 'admin');
    const token = mock.store.createToken({ scopes: ['append'], graphIds: ['gr_a'], createdBy: A });
    const manage = mock.store.createToken({ scopes: ['manage'], createdBy: A }).secret;
    for (const role of ['editor', 'viewer', null] as const) {
      mock.store.setRole(A, 'gr_a', role);
      const rotated = await call('POST', `/v1/tokens/${token.token.id}/rotate`, {
        token: manage,
        json: { gracePeriodSeconds: 604800 },
      });
      expect([role, rotated.status, rotated.body.code]).toEqual([role, 403, 'not_graph_admin']);
      expect(rotated.text).not.toMatch(/gt_[A-Za-z0-9]{36}/);
    }
    expect(mock.store.listTokens()).toHaveLength(2);
    const renamed = await call('PATCH', `/v1/tokens/${token.token.id}`, {
      token: manage,
      json: { name: 'x' },
    });
    expect(renamed.status).toBe(200);
    mock.store.setRole(A, 'gr_a', 'owner');
    expect((await call('POST', `/v1/tokens/${token.token.id}/rotate`, { token: manage })).status).toBe(201);
  });
});
