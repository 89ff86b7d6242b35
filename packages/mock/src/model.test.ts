/**
 * Model-based test: random sequences of create, use, rotate (with grace), advance the clock,
 * revoke, revoke self and list, checked after every step against a small reference model of the
 * DOMAIN.md lifecycle rules (status precedence, grace periods, expiry, irreversible revocation).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiClient, type Call } from './contract-testing/api.js';
import { BOOTSTRAP_TOKEN, createGraphTokenMock, seedIds } from './index.js';

const START = Date.parse('2026-01-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const admin = { token: BOOTSTRAP_TOKEN };

type Kind = 'read' | 'append' | 'write' | 'manage';
const GRAPHS = [
  seedIds.graphs.research,
  seedIds.graphs.journal,
  seedIds.graphs.team,
  seedIds.graphs.shared,
] as const;

interface ModelToken {
  id: string;
  secret: string;
  kind: Kind;
  graphId: string | null;
  expiresAt: number | null;
  revokedAt: number | null;
  rotatedTo: string | null;
  rotatedFrom: string | null;
  /** Creation order. */
  order: number;
}

interface Model {
  now: number;
  tokens: ModelToken[];
}

interface Real {
  call: Call;
  advanceMs(ms: number): void;
}

function status(t: ModelToken, now: number): 'active' | 'revoked' | 'expired' {
  if (t.revokedAt !== null && t.revokedAt <= now) return 'revoked';
  if (t.expiresAt !== null && t.expiresAt <= now) return 'expired';
  return 'active';
}

const pick = (m: Model, n: number) => m.tokens[n % m.tokens.length]!;

/** What the API must answer when a token calls it, by its status. */
function expectAuth(res: { status: number; body: { code?: string } }, t: ModelToken, now: number) {
  const s = status(t, now);
  if (s === 'revoked') expect([res.status, res.body.code]).toEqual([401, 'token_revoked']);
  if (s === 'expired') expect([res.status, res.body.code]).toEqual([401, 'token_expired']);
  return s === 'active';
}

class CreateToken implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly kind: Kind,
    readonly graph: number,
    readonly expiresIn: number | null,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const graphId = this.kind === 'manage' ? null : GRAPHS[this.graph % GRAPHS.length]!;
    const res = await r.call('POST', '/v1/tokens', {
      ...admin,
      json: {
        name: `t${m.tokens.length}`,
        scopes: [this.kind],
        ...(graphId !== null && { graphIds: [graphId] }),
        ...(this.expiresIn !== null && { expiresAt: iso(m.now + this.expiresIn * 1000) }),
      },
    });
    if (graphId === seedIds.graphs.shared) {
      expect(res.body.code).toBe('not_graph_admin');
      return;
    }
    if (graphId === seedIds.graphs.journal && this.kind !== 'append') {
      expect(res.body.code).toBe('scope_not_allowed_for_encrypted_graph');
      return;
    }
    expect(res.status).toBe(201);
    expect(res.body.token).toMatchObject({ status: 'active', scopes: [this.kind], createdAt: iso(m.now) });
    m.tokens.push({
      id: res.body.token.id,
      secret: res.body.secret,
      kind: this.kind,
      graphId,
      expiresAt: this.expiresIn === null ? null : m.now + this.expiresIn * 1000,
      revokedAt: null,
      rotatedTo: null,
      rotatedFrom: null,
      order: m.tokens.length,
    });
  }
  toString = () => `create(${this.kind}, ${GRAPHS[this.graph % GRAPHS.length]}, ${this.expiresIn})`;
}

class Introspect implements fc.AsyncCommand<Model, Real> {
  constructor(readonly n: number) {}
  check = (m: Readonly<Model>) => m.tokens.length > 0;
  async run(m: Model, r: Real) {
    const t = pick(m, this.n);
    const res = await r.call('GET', '/v1/tokens/self', { token: t.secret });
    if (!expectAuth(res, t, m.now)) return;
    expect(res.status).toBe(200);
    expect(res.body.token).toMatchObject({
      id: t.id,
      status: 'active',
      lastUsedAt: iso(m.now),
      revokedAt: t.revokedAt === null ? null : iso(t.revokedAt),
      rotatedTo: t.rotatedTo,
    });
  }
  toString = () => `introspect(${this.n})`;
}

class ReadBlocks implements fc.AsyncCommand<Model, Real> {
  constructor(readonly n: number) {}
  check = (m: Readonly<Model>) => m.tokens.length > 0;
  async run(m: Model, r: Real) {
    const t = pick(m, this.n);
    const graphId = t.graphId ?? seedIds.graphs.research;
    const res = await r.call('GET', `/v1/graphs/${graphId}/blocks`, { token: t.secret });
    if (!expectAuth(res, t, m.now)) return;
    if (t.kind === 'read' || t.kind === 'write') expect(res.status).toBe(200);
    else expect([res.status, res.body.code]).toEqual([403, 'insufficient_scope']);
  }
  toString = () => `readBlocks(${this.n})`;
}

class Rotate implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly n: number,
    readonly grace: number,
  ) {}
  check = (m: Readonly<Model>) => m.tokens.length > 0;
  async run(m: Model, r: Real) {
    const t = pick(m, this.n);
    const res = await r.call('POST', `/v1/tokens/${t.id}/rotate`, {
      ...admin,
      json: { gracePeriodSeconds: this.grace },
    });
    if (status(t, m.now) !== 'active' || t.rotatedTo !== null) {
      expect([res.status, res.body.code]).toEqual([409, 'token_not_active']);
      return;
    }
    expect(res.status).toBe(201);
    expect(res.body.token).toMatchObject({ rotatedFrom: t.id, scopes: [t.kind], status: 'active' });
    t.revokedAt = m.now + this.grace * 1000;
    t.rotatedTo = res.body.token.id;
    m.tokens.push({
      ...t,
      id: res.body.token.id,
      secret: res.body.secret,
      revokedAt: null,
      rotatedTo: null,
      rotatedFrom: t.id,
      order: m.tokens.length,
    });
  }
  toString = () => `rotate(${this.n}, grace ${this.grace}s)`;
}

class Revoke implements fc.AsyncCommand<Model, Real> {
  constructor(readonly n: number) {}
  check = (m: Readonly<Model>) => m.tokens.length > 0;
  async run(m: Model, r: Real) {
    const t = pick(m, this.n);
    const res = await r.call('DELETE', `/v1/tokens/${t.id}`, admin);
    expect(res.status).toBe(204);
    if (t.revokedAt === null || t.revokedAt > m.now) t.revokedAt = m.now;
  }
  toString = () => `revoke(${this.n})`;
}

class RevokeSelf implements fc.AsyncCommand<Model, Real> {
  constructor(readonly n: number) {}
  check = (m: Readonly<Model>) => m.tokens.length > 0;
  async run(m: Model, r: Real) {
    const t = pick(m, this.n);
    const res = await r.call('DELETE', '/v1/tokens/self', { token: t.secret });
    if (!expectAuth(res, t, m.now)) return;
    expect(res.status).toBe(204);
    t.revokedAt = m.now;
  }
  toString = () => `revokeSelf(${this.n})`;
}

class Advance implements fc.AsyncCommand<Model, Real> {
  constructor(readonly seconds: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    r.advanceMs(this.seconds * 1000);
    m.now += this.seconds * 1000;
  }
  toString = () => `advance(${this.seconds}s)`;
}

class List implements fc.AsyncCommand<Model, Real> {
  constructor(readonly filter: 'active' | 'revoked' | 'expired' | null) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const res = await r.call(
      'GET',
      `/v1/tokens?limit=100${this.filter ? `&status=${this.filter}` : ''}`,
      admin,
    );
    expect(res.status).toBe(200);
    const want = [...m.tokens]
      .filter((t) => this.filter === null || status(t, m.now) === this.filter)
      .sort((a, b) => b.order - a.order)
      .map((t) => ({
        id: t.id,
        status: status(t, m.now),
        revokedAt: t.revokedAt === null ? null : iso(t.revokedAt),
      }));
    const got = res.body.data
      .filter((t: { id: string }) => t.id !== seedIds.tokens.bootstrap)
      .map((t: { id: string; status: string; revokedAt: string | null }) => ({
        id: t.id,
        status: t.status,
        revokedAt: t.revokedAt,
      }));
    expect(got).toEqual(want);
  }
  toString = () => `list(${this.filter ?? 'all'})`;
}

/** Jumps to just before, exactly at, or just after the next expiry or end of grace: where off-by-one bugs live. */
class AdvanceToDeadline implements fc.AsyncCommand<Model, Real> {
  constructor(readonly offsetMs: -1 | 0 | 1) {}
  check = (m: Readonly<Model>) => next(m) !== undefined;
  async run(m: Model, r: Real) {
    const ms = next(m)! + this.offsetMs - m.now;
    if (ms <= 0) return;
    r.advanceMs(ms);
    m.now += ms;
  }
  toString = () => `advanceToDeadline(${this.offsetMs}ms)`;
}

function next(m: Readonly<Model>): number | undefined {
  const deadlines = m.tokens
    .flatMap((t) => [t.expiresAt, t.revokedAt])
    .filter((d): d is number => d !== null && d > m.now);
  return deadlines.length === 0 ? undefined : Math.min(...deadlines);
}

const index = fc.nat(4);

const commands = [
  fc
    .tuple(
      fc.constantFrom<Kind>('read', 'append', 'write', 'manage'),
      fc.nat(3),
      fc.option(fc.integer({ min: 1, max: 48 * 3600 })),
    )
    .map(([kind, graph, expiresIn]) => new CreateToken(kind, graph, expiresIn)),
  index.map((n) => new Introspect(n)),
  index.map((n) => new ReadBlocks(n)),
  fc
    .tuple(index, fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 7200 })))
    .map(([n, g]) => new Rotate(n, g)),
  index.map((n) => new Revoke(n)),
  index.map((n) => new RevokeSelf(n)),
  fc
    .oneof(fc.integer({ min: 1, max: 3600 }), fc.integer({ min: 1, max: 3 * 86400 }))
    .map((s) => new Advance(s)),
  fc.constantFrom(-1 as const, 0 as const, 1 as const).map((offset) => new AdvanceToDeadline(offset)),
  fc.constantFrom(null, 'active', 'revoked', 'expired' as const).map((f) => new List(f)),
];

describe('the token lifecycle, against a reference model', () => {
  it('agrees with the model after every step of random command sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 40, size: 'medium' }), async (cmds) => {
        const mock = createGraphTokenMock({ now: iso(START), freezeClock: true });
        const real: Real = { call: apiClient(mock), advanceMs: (ms) => mock.clock.advance(ms) };
        await fc.asyncModelRun(() => ({ model: { now: START, tokens: [] }, real }), cmds);
      }),
      { numRuns: Number(process.env.MODEL_RUNS ?? 300) },
    );
  }, 60_000);
});
