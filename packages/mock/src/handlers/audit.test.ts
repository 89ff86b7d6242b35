/**
 * `GET /v1/audit-events` (issue 11): every event type with its actor and reason, newest first,
 * filters and cursors, events the clock causes recorded exactly once at the time they happened
 * (clock jumps included), retention, and who may read them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { apiClient, type Call, frozenMock } from '../contract-testing/api.js';
import { BOOTSTRAP_TOKEN, createGraphTokenMock, type GraphTokenMock, seedIds } from '../index.js';

const { graphs, accounts } = seedIds;
const NOW = '2026-01-01T00:00:00.000Z';
const admin = { token: BOOTSTRAP_TOKEN };

let mock: GraphTokenMock;
let call: Call;
beforeEach(() => ({ mock, call } = frozenMock(NOW)));

interface Event {
  id: string;
  type: string;
  occurredAt: string;
  tokenId: string;
  actor: string;
  reason: string | null;
  successorId: string | null;
}

async function events(query = '', token = BOOTSTRAP_TOKEN): Promise<Event[]> {
  const res = await call('GET', `/v1/audit-events?limit=100${query ? `&${query}` : ''}`, { token });
  expect(res.status, res.text).toBe(200);
  return res.body.data;
}

const brief = (list: Event[]) =>
  list.map((e) => [e.type, e.tokenId, e.actor, e.reason, e.successorId, e.occurredAt] as const);

async function createToken(body: Record<string, unknown>, token = BOOTSTRAP_TOKEN) {
  const res = await call('POST', '/v1/tokens', { token, json: body });
  expect(res.status, res.text).toBe(201);
  return res.body as { token: { id: string }; secret: string };
}

describe('audit events', () => {
  it('records creation, first use, rename, rotation, and each revocation with its reason and actor, newest first', async () => {
    const t = await createToken({ name: 'etl', scopes: ['write'], graphIds: [graphs.research] });
    mock.clock.advance({ minutes: 1 });
    await call('GET', '/v1/tokens/self', { token: t.secret });
    await call('GET', '/v1/tokens/self', { token: t.secret }); // second use: nothing new
    mock.clock.advance({ minutes: 1 });
    await call('PATCH', `/v1/tokens/${t.token.id}`, { ...admin, json: { name: 'etl v2' } });
    mock.clock.advance({ minutes: 1 });
    const rotated = await call('POST', '/v1/tokens/self/rotate', { token: t.secret });
    const successor = rotated.body.token.id;
    mock.clock.advance({ minutes: 1 });
    await call('DELETE', `/v1/tokens/${successor}`, admin);
    const list = brief(await events(`since=${NOW}`));
    const at = (m: number) => new Date(Date.parse(NOW) + m * 60_000).toISOString();
    expect(list.filter(([, id]) => id === t.token.id || id === successor)).toEqual([
      ['token.revoked', successor, accounts.ada, 'manual', null, at(4)],
      ['token.revoked', t.token.id, 'system', 'rotation_grace_ended', null, at(3)],
      ['token.created', successor, accounts.ada, null, null, at(3)],
      ['token.rotated', t.token.id, accounts.ada, null, successor, at(3)],
      ['token.updated', t.token.id, accounts.ada, null, null, at(2)],
      ['token.first_used', t.token.id, accounts.ada, null, null, at(1)],
      ['token.created', t.token.id, accounts.ada, null, null, at(0)],
    ]);
  });

  it('calls a token revoking itself `self`, by /v1/tokens/self and by its own id', async () => {
    const a = await createToken({ name: 'a', scopes: ['manage'] });
    const b = await createToken({ name: 'b', scopes: ['manage'] });
    await call('DELETE', '/v1/tokens/self', { token: a.secret });
    await call('DELETE', `/v1/tokens/${b.token.id}`, { token: b.secret });
    const revoked = (await events('type=token.revoked')).map((e) => [e.tokenId, e.reason]);
    expect(revoked).toEqual([
      [b.token.id, 'self'],
      [a.token.id, 'self'],
    ]);
  });

  it('records an expiry and a grace period end once, at the time they happened, however far the clock jumps', async () => {
    const expiring = await createToken({
      name: 'short',
      scopes: ['manage'],
      expiresAt: '2026-01-02T00:00:00Z',
    });
    const rotating = await createToken({ name: 'r', scopes: ['manage'] });
    await call('POST', '/v1/tokens/self/rotate', {
      token: rotating.secret,
      json: { gracePeriodSeconds: 7200 },
    });
    expect(await events('type=token.expired')).toEqual([]);
    mock.clock.advance({ days: 30 }); // one jump over both
    for (let i = 0; i < 3; i++) await events(); // reads do not record them again
    await call('GET', '/v1/tokens', admin);
    const expired = await events('type=token.expired');
    expect(brief(expired)).toEqual([
      ['token.expired', expiring.token.id, 'system', null, null, '2026-01-02T00:00:00.000Z'],
    ]);
    const graceEnds = (await events('type=token.revoked')).filter((e) => e.reason === 'rotation_grace_ended');
    expect(brief(graceEnds)).toEqual([
      [
        'token.revoked',
        rotating.token.id,
        'system',
        'rotation_grace_ended',
        null,
        '2026-01-01T02:00:00.000Z',
      ],
    ]);
    // In time order: the grace end (02:00) lists after the expiry (next day).
    const all = await events();
    expect(all.findIndex((e) => e.type === 'token.expired')).toBeLessThan(
      all.findIndex((e) => e.reason === 'rotation_grace_ended'),
    );
    // Going back and forth again records nothing more.
    mock.clock.set('2026-01-01T00:00:00Z');
    await events();
    mock.clock.advance({ days: 60 });
    expect(await events('type=token.expired')).toHaveLength(1);
  });

  it('does not record the end of a grace period cut short by a revocation, nor the expiry of a revoked token', async () => {
    const t = await createToken({ name: 'x', scopes: ['manage'], expiresAt: '2026-01-03T00:00:00Z' });
    await call('POST', '/v1/tokens/self/rotate', { token: t.secret, json: { gracePeriodSeconds: 3600 } });
    await call('DELETE', `/v1/tokens/${t.token.id}`, admin);
    mock.clock.advance({ days: 10 });
    const mine = (await events(`tokenId=${t.token.id}`)).map((e) => [e.type, e.reason]);
    // All at the same time: the later-recorded first.
    expect(mine).toEqual([
      ['token.revoked', 'manual'],
      ['token.rotated', null],
      ['token.first_used', null],
      ['token.created', null],
    ]);
  });

  it('filters by tokenId, type and since, and pages with cursors bound to the filters', async () => {
    for (let i = 0; i < 7; i++) {
      await createToken({ name: `t${i}`, scopes: ['manage'] });
      mock.clock.advance({ minutes: 1 });
    }
    const all = await events('type=token.created');
    expect(all).toHaveLength(7);
    const pages: Event[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(
        'GET',
        `/v1/audit-events?type=token.created&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        admin,
      );
      expect(res.status).toBe(200);
      pages.push(...res.body.data);
      cursor = res.body.nextCursor;
    } while (cursor !== null);
    expect(pages).toEqual(all);
    const since = await events('type=token.created&since=2026-01-01T00:03:00Z');
    expect(since.map((e) => e.occurredAt)).toEqual(all.slice(0, 4).map((e) => e.occurredAt));
    const first = await call('GET', '/v1/audit-events?type=token.created&limit=2', admin);
    const other = await call(
      'GET',
      `/v1/audit-events?type=token.updated&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      admin,
    );
    expect(other.status).toBe(422);
    expect(other.body.errors[0].field).toBe('cursor');
    const bad = await call(
      'GET',
      '/v1/audit-events?type=token.deleted&since=monday&tokenId=tok_x&limit=0',
      admin,
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'limit',
      'since',
      'tokenId',
      'type',
    ]);
  });

  it('shows each account only the events of the tokens it may see, with its current roles', async () => {
    // Grace owns gr_team (Ada is admin there) and gr_shared (Ada is viewer).
    const graceManager = mock.store.createToken({ createdBy: accounts.grace, scopes: ['manage'] });
    const onTeam = await createToken({ name: 'team', scopes: ['read'], graphIds: [graphs.team] });
    const adaOnly = await createToken({ name: 'ada', scopes: ['read'], graphIds: [graphs.research] });
    const byGrace = await createToken(
      { name: 'grace-shared', scopes: ['read'], graphIds: [graphs.shared] },
      graceManager.secret,
    );
    const seenBy = async (token: string) => new Set((await events('', token)).map((e) => e.tokenId));
    const grace = await seenBy(graceManager.secret);
    expect(grace.has(onTeam.token.id)).toBe(true);
    expect(grace.has(byGrace.token.id)).toBe(true);
    expect(grace.has(adaOnly.token.id)).toBe(false);
    const ada = await seenBy(BOOTSTRAP_TOKEN);
    expect(ada.has(byGrace.token.id)).toBe(false);
    expect(await events(`tokenId=${byGrace.token.id}`)).toEqual([]);
    // Grace demotes Ada on gr_team: Ada still sees the token she created there.
    mock.store.setRole(accounts.ada, graphs.team, 'viewer');
    expect((await seenBy(BOOTSTRAP_TOKEN)).has(onTeam.token.id)).toBe(true);
    // Ada loses a token created by Grace on gr_team once she is no longer admin there.
    const graceOnTeam = await createToken(
      { name: 'g-team', scopes: ['read'], graphIds: [graphs.team] },
      graceManager.secret,
    );
    expect((await seenBy(BOOTSTRAP_TOKEN)).has(graceOnTeam.token.id)).toBe(false);
    mock.store.setRole(accounts.ada, graphs.team, 'admin');
    expect((await seenBy(BOOTSTRAP_TOKEN)).has(graceOnTeam.token.id)).toBe(true);
  });

  it('needs manage: 403 insufficient_scope for a read token', async () => {
    const reader = mock.store.createToken({ scopes: ['read'], graphIds: [graphs.research] });
    const res = await call('GET', '/v1/audit-events', { token: reader.secret });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('insufficient_scope');
  });

  it('keeps events 400 days, then drops them, so the log does not grow without bound', async () => {
    await createToken({ name: 'old', scopes: ['manage'] });
    mock.clock.advance({ days: 399 });
    expect((await events('type=token.created')).map((e) => e.occurredAt)).toContain(NOW);
    mock.clock.advance({ days: 2 });
    expect((await events('type=token.created')).map((e) => e.occurredAt)).not.toContain(NOW);
    expect(JSON.stringify(mock.snapshot())).not.toContain(`"occurredAt":"${NOW}"`);
  });

  it('survives a snapshot and restore, and never holds a secret', async () => {
    const t = await createToken({ name: 'snap', scopes: ['manage'] });
    await call('GET', '/v1/tokens/self', { token: t.secret });
    const snapshot = mock.snapshot();
    expect(JSON.stringify(snapshot)).not.toContain(t.secret);
    const before = await events();
    const other = createGraphTokenMock({ now: NOW, freezeClock: true });
    other.restore(snapshot);
    const res = await apiClient(other)('GET', '/v1/audit-events?limit=100', admin);
    // The restored mock has the same events (plus the bootstrap token's own first use of it, if new).
    expect(res.body.data.filter((e: Event) => e.tokenId !== seedIds.tokens.bootstrap)).toEqual(
      before.filter((e) => e.tokenId !== seedIds.tokens.bootstrap),
    );
    expect(() => other.restore({ ...snapshot, auditEvents: [{ id: 1 }] } as never)).toThrow(
      /auditEvents\[0\]/,
    );
  });
});
