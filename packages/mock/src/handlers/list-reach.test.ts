/**
 * `GET /v1/audit-events` and `GET /v1/tokens?graphId=` read only what the caller may see (issue 11,
 * findings 2 and 3). The work of an audit page never depends on other accounts' events (no timing oracle on when they were active, however
 * the cursor and `since` are chosen), and the merge of the caller's own list and its graphs' lists
 * gives exactly the visible events, each once, in order, across pages, roles and restores. A
 * token list filtered on a graph the caller does not administer reads only the tokens the caller may
 * see (its own, those of the graphs it administers), never that graph's own list.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient, type Call, frozenMock } from '../contract-testing/api.js';
import { BOOTSTRAP_TOKEN, createGraphTokenMock, type GraphTokenMock, seedIds } from '../index.js';
import type { MockSnapshot } from '../store/records.js';
import { SortedIndex } from '../store/sorted-index.js';

const { graphs, accounts } = seedIds;
const NOW = '2026-01-01T00:00:00.000Z';

let mock: GraphTokenMock;
let call: Call;
beforeEach(() => ({ mock, call } = frozenMock(NOW)));
afterEach(() => vi.restoreAllMocks());

interface Event {
  id: string;
  occurredAt: string;
  tokenId: string;
  type: string;
}

/** Every page of a query, followed by its cursors. */
async function allPages(query: string, token = BOOTSTRAP_TOKEN, c: Call = call): Promise<Event[]> {
  const out: Event[] = [];
  let cursor: string | null = null;
  do {
    const suffix: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const res = await c('GET', `/v1/audit-events?limit=2${query}${suffix}`, { token });
    expect(res.status, res.text).toBe(200);
    out.push(...res.body.data);
    cursor = res.body.nextCursor;
  } while (cursor !== null);
  return out;
}

/** The reference answer: every stored event the account may see now, newest first. */
function expected(snapshot: MockSnapshot, accountId: string, keep: (e: Event) => boolean = () => true) {
  const tokens = new Map(snapshot.tokens.map((t) => [t.id, t]));
  const admin = new Set(
    snapshot.graphs
      .filter((g) => g.roles[accountId] === 'owner' || g.roles[accountId] === 'admin')
      .map((g) => g.id),
  );
  return (snapshot.auditEvents ?? [])
    .filter((e) => {
      const t = tokens.get(e.tokenId)!;
      return t.createdBy === accountId || t.graphIds.some((g) => admin.has(g));
    })
    .sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) || b.seq - a.seq)
    .map((e) => e.id)
    .filter((id) => keep((snapshot.auditEvents ?? []).find((e) => e.id === id) as unknown as Event));
}

/** An event without its ids (token and event ids count every account's). */
const brief = (list: Event[]) => list.map((e) => [e.type, e.occurredAt]);

/** How many list slots a call reads (every index read goes through `SortedIndex.at`). */
async function slotsRead(run: () => Promise<unknown>): Promise<number> {
  const at = vi.spyOn(SortedIndex.prototype, 'at');
  try {
    await run();
    return at.mock.calls.length;
  } finally {
    at.mockRestore();
  }
}

describe('audit events: what a page reads', () => {
  it("costs the same whatever other accounts' events exist, with since and a cursor into their window", async () => {
    /** Ada's three tokens ten minutes apart; with `busy`, Grace's 200 events between each. */
    const build = async (busy: boolean) => {
      const m = createGraphTokenMock({ now: NOW, freezeClock: true });
      const c = apiClient(m);
      for (let i = 0; i < 3; i++) {
        await c('POST', '/v1/tokens', {
          token: BOOTSTRAP_TOKEN,
          json: { name: `ada${i}`, scopes: ['read'], graphIds: [graphs.research] },
        });
        m.clock.advance({ minutes: 5 });
        // Grace is busy on a graph Ada cannot administer (gr_shared: Ada is a viewer there).
        for (let k = 0; busy && k < 100; k++) {
          const t = m.store.createToken({
            createdBy: accounts.grace,
            scopes: ['read'],
            graphIds: [graphs.shared],
          });
          m.store.revokeToken(t.token.id);
        }
        m.clock.advance({ minutes: 5 });
      }
      const first = await c('GET', `/v1/audit-events?limit=1&since=${NOW}`, { token: BOOTSTRAP_TOKEN });
      const queries = [
        '/v1/audit-events?limit=5',
        `/v1/audit-events?limit=5&since=${NOW}`,
        `/v1/audit-events?limit=5&type=token.revoked&since=${NOW}`,
        `/v1/audit-events?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}&since=${NOW}`,
      ];
      const counts: number[] = [];
      const bodies: unknown[] = [];
      for (const q of queries) {
        expect((await c('GET', q, { token: BOOTSTRAP_TOKEN })).status).toBe(200);
        counts.push(
          await slotsRead(async () =>
            bodies.push(brief((await c('GET', q, { token: BOOTSTRAP_TOKEN })).body.data)),
          ),
        );
      }
      return { counts, bodies };
    };
    const quiet = await build(false);
    const busy = await build(true);
    expect(busy.bodies).toEqual(quiet.bodies);
    expect(busy.counts).toEqual(quiet.counts);
  });
});

describe('audit events: the merge', () => {
  async function scene() {
    // Ada: owner of gr_research, admin of gr_team, viewer of gr_shared. Grace: owner of gr_team and gr_shared.
    const grace = mock.store.createToken({ createdBy: accounts.grace, scopes: ['manage'] });
    const create = (token: string, graphIds: string[], name: string) =>
      call('POST', '/v1/tokens', { token, json: { name, scopes: ['read'], graphIds } });
    for (let i = 0; i < 3; i++) {
      await create(BOOTSTRAP_TOKEN, [graphs.research], `ada-research-${i}`);
      await create(BOOTSTRAP_TOKEN, [graphs.research, graphs.team], `ada-both-${i}`); // in three lists
      mock.clock.advance({ seconds: 30 });
      await create(grace.secret, [graphs.team], `grace-team-${i}`);
      await create(grace.secret, [graphs.shared], `grace-shared-${i}`);
      await create(grace.secret, [graphs.shared, graphs.team], `grace-both-${i}`);
    }
    for (const t of mock.store.listTokens().filter((t) => t.name.endsWith('-1')))
      mock.store.revokeToken(t.id);
    return grace;
  }

  it('lists exactly the visible events, each once, newest first, across pages, filters and roles', async () => {
    const grace = await scene();
    const ids = (list: Event[]) => list.map((e) => e.id);
    expect(ids(await allPages(''))).toEqual(expected(mock.snapshot(), accounts.ada));
    expect(ids(await allPages('', grace.secret))).toEqual(expected(mock.snapshot(), accounts.grace));
    expect(ids(await allPages('&type=token.revoked'))).toEqual(
      expected(mock.snapshot(), accounts.ada, (e) => e.type === 'token.revoked'),
    );
    const since = new Date(Date.parse(NOW) + 45_000).toISOString();
    expect(ids(await allPages(`&since=${since}`))).toEqual(
      expected(mock.snapshot(), accounts.ada, (e) => Date.parse(e.occurredAt) >= Date.parse(since)),
    );
    // Demoted on gr_team, Ada keeps her own tokens' events and loses Grace's there.
    mock.store.setRole(accounts.ada, graphs.team, 'viewer');
    const demoted = ids(await allPages(''));
    expect(demoted).toEqual(expected(mock.snapshot(), accounts.ada));
    const graceTeam = mock.store.listTokens().find((t) => t.name === 'grace-team-0')!;
    expect((await allPages('')).some((e) => e.tokenId === graceTeam.id)).toBe(false);
    expect(await allPages(`&tokenId=${graceTeam.id}`)).toEqual([]);
    mock.store.setRole(accounts.ada, graphs.team, 'admin');
    expect((await allPages(`&tokenId=${graceTeam.id}`)).length).toBeGreaterThan(0);
  });

  it('lists the same after a snapshot and restore, and after the retention drops the old events', async () => {
    await scene();
    const snapshot = mock.snapshot();
    const other = createGraphTokenMock({ now: NOW, freezeClock: true });
    other.restore(snapshot);
    const restored = await allPages('', BOOTSTRAP_TOKEN, apiClient(other));
    expect(restored.map((e) => e.id)).toEqual(expected(other.snapshot(), accounts.ada));
    mock.clock.advance({ days: 401 });
    const late = await call('POST', '/v1/tokens', {
      token: BOOTSTRAP_TOKEN,
      json: { name: 'late', scopes: ['read'], graphIds: [graphs.team] },
    });
    expect((await allPages('')).map((e) => e.tokenId)).toEqual([late.body.token.id]);
    expect((await allPages('')).map((e) => e.id)).toEqual(expected(mock.snapshot(), accounts.ada));
  });
});

describe('listTokens filtered on a graph', () => {
  /** Ada's tokens and one of Grace's she may see; with `busy`, 300 more of Grace's on gr_shared, where Ada is only a viewer. */
  const build = async (busy: boolean) => {
    const m = createGraphTokenMock({ now: NOW, freezeClock: true });
    const c = apiClient(m);
    // Ada was admin of gr_shared once and made a token for it; she is a viewer now.
    m.store.setRole(accounts.ada, graphs.shared, 'admin');
    m.store.createToken({ name: 'ada-shared', scopes: ['read'], graphIds: [graphs.shared] });
    m.store.setRole(accounts.ada, graphs.shared, 'viewer');
    m.store.createToken({ name: 'ada-research', scopes: ['read'], graphIds: [graphs.research] });
    // Grace's token on gr_shared and gr_team: Ada administers gr_team, so she sees it.
    m.store.createToken({
      name: 'grace-both',
      createdBy: accounts.grace,
      scopes: ['read'],
      graphIds: [graphs.shared, graphs.team],
    });
    for (let k = 0; busy && k < 300; k++) {
      m.store.createToken({ createdBy: accounts.grace, scopes: ['read'], graphIds: [graphs.shared] });
    }
    const counts: number[] = [];
    const bodies: unknown[] = [];
    for (const q of [
      `graphId=${graphs.shared}`,
      `graphId=${graphs.shared}&status=active`,
      `graphId=${graphs.shared}&sort=name`,
      'graphId=gr_doesnotexist',
    ]) {
      const res = await c('GET', `/v1/tokens?${q}`, { token: BOOTSTRAP_TOKEN });
      expect(res.status, res.text).toBe(200);
      bodies.push(res.body.data.map((t: { name: string }) => t.name));
      counts.push(await slotsRead(() => c('GET', `/v1/tokens?${q}`, { token: BOOTSTRAP_TOKEN })));
    }
    return { counts, bodies, call: c };
  };

  it('reads only what the caller may see for a graph it does not administer, whatever that graph holds', async () => {
    const quiet = await build(false);
    const busy = await build(true);
    expect(busy.bodies).toEqual([
      ['grace-both', 'ada-shared'],
      ['grace-both', 'ada-shared'],
      ['ada-shared', 'grace-both'],
      [],
    ]);
    expect(busy.bodies).toEqual(quiet.bodies);
    expect(busy.counts).toEqual(quiet.counts);
  });

  it('still lists every visible token of a graph the caller administers', async () => {
    const grace = mock.store.createToken({
      createdBy: accounts.grace,
      scopes: ['read'],
      graphIds: [graphs.team],
    });
    const ada = mock.store.createToken({ name: 'ada-team', scopes: ['read'], graphIds: [graphs.team] });
    const res = await call('GET', `/v1/tokens?graphId=${graphs.team}`, { token: BOOTSTRAP_TOKEN });
    expect(res.body.data.map((t: { id: string }) => t.id)).toEqual([ada.token.id, grace.token.id]);
  });
});
