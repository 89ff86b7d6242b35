/**
 * The indexed queries answer exactly what a scan over every record would: pages of blocks after
 * any cursor (deletions included, across compactions), and pages of tokens for any account, status
 * and graph filter (createdAt out of creation order, roles changed after creation included).
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGraphTokenMock } from '../index.js';
import { compareKeys } from '../internal/cursor.js';
import { createMockInternals } from '../mock.js';
import { SortedIndex } from './sorted-index.js';

describe('SortedIndex', () => {
  it('keeps items in key order through adds and removes, compacting tombstones', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.record({ add: fc.integer({ min: 0, max: 20 }) }), fc.record({ remove: fc.nat() })),
          { minLength: 20, maxLength: 400 },
        ),
        (ops) => {
          const index = new SortedIndex<{ k: number; s: number }>((x) => [x.k, x.s]);
          const model: { k: number; s: number }[] = [];
          let seq = 0;
          for (const op of ops) {
            if ('add' in op) {
              // Tie-breakers of 0 first (as blocks have), then others: the list stores them only once needed.
              const item = { k: op.add, s: seq++ < 8 ? 0 : seq };
              index.add(item);
              model.push(item);
            } else if (model.length > 0) {
              const [item] = model.splice(op.remove % model.length, 1);
              expect(index.remove(item!)).toBe(true);
            }
          }
          model.sort((a, b) => a.k - b.k || a.s - b.s);
          expect([...index.values()]).toEqual(model);
          expect(index.size).toBe(model.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('indexed queries', () => {
  it('pages blocks like a scan, after deletions and for any cursor', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 300 }),
        fc.nat(),
        fc.integer({ min: 1, max: 30 }),
        (deletes, cursorAt, limit) => {
          const { mock, state } = createMockInternals({});
          const added = mock.store.addBlocks(
            'gr_team',
            deletes.map((_, i) => `b${i}`),
          );
          mock.store.addBlocks('gr_research', ['interleaved']);
          added.forEach((block, i) => {
            if (deletes[i]) state.deleteBlock(state.blocks.get(block.id)!);
          });
          const all = [...state.blocks.values()]
            .filter((b) => b.graphId === 'gr_team')
            .sort((a, b) => a.seq - b.seq);
          const after = cursorAt % (state.counters.seq + 2);
          const want = all.filter((b) => b.seq > after).slice(0, limit + 1);
          expect(state.listBlocks('gr_team', after, limit)).toEqual(want);
          expect(state.listBlocks('gr_team', undefined, limit)).toEqual(all.slice(0, limit + 1));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('pages tokens like a scan, for any account, filter and cursor', () => {
    const times = [
      '2025-06-01T00:00:00Z',
      '2024-01-01T00:00:00Z',
      '2026-01-01T00:00:00Z',
      '2025-06-01T00:00:00Z',
    ];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            creator: fc.constantFrom('acc_ada', 'acc_grace'),
            graphs: fc.subarray(['gr_research', 'gr_team', 'gr_shared']),
            at: fc.constantFrom(...times),
            revoked: fc.boolean(),
          }),
          { maxLength: 60 },
        ),
        fc.constantFrom('acc_ada', 'acc_grace'),
        fc.constantFrom(undefined, 'active', 'revoked'),
        fc.constantFrom(undefined, 'gr_research', 'gr_team', 'gr_shared', 'gr_nowhere'),
        fc.integer({ min: 1, max: 10 }),
        fc.boolean(),
        (specs, accountId, status, graphId, limit, demote) => {
          const { mock, state } = createMockInternals({ now: '2030-01-01T00:00:00Z' });
          for (const spec of specs) {
            mock.store.createToken({
              createdBy: spec.creator,
              scopes: spec.graphs.length > 0 ? ['read'] : ['manage'],
              graphIds: spec.graphs.filter((g) => state.roleOf(spec.creator, g) !== undefined),
              createdAt: spec.at,
              ...(spec.revoked && { revokedAt: '2029-01-01T00:00:00Z' }),
            });
          }
          if (demote) mock.store.setRole('acc_ada', 'gr_team', 'viewer');
          const key = (t: { createdAt: string; seq: number }) => [Date.parse(t.createdAt), t.seq];
          const scan = [...state.tokens.values()]
            .filter((t) => state.isTokenVisibleTo(t, accountId))
            .filter((t) => status === undefined || state.statusOf(t) === status)
            .filter((t) => graphId === undefined || t.graphIds.includes(graphId))
            .sort((a, b) => compareKeys(key(b), key(a)));
          const query = { accountId, status: status as 'active' | undefined, graphId, limit };
          expect(state.listTokens(query).map((t) => t.id)).toEqual(scan.slice(0, limit + 1).map((t) => t.id));
          for (const [i, from] of scan.entries()) {
            const page = state.listTokens({ ...query, after: key(from) }).map((t) => t.id);
            expect(page).toEqual(scan.slice(i + 1, i + 2 + limit).map((t) => t.id));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('pages tokens by status like a scan while the mock clock moves (either way) and tokens change', () => {
    // Times around the mock clock's start (2030-01-01): statuses change as the clock passes them.
    const at = (days: number) => new Date(Date.UTC(2030, 0, 1) + days * 86_400_000).toISOString();
    const time = fc.option(fc.integer({ min: -3, max: 3 }).map(at), { nil: null });
    const spec = fc.record({
      creator: fc.constantFrom('acc_ada', 'acc_grace'),
      graphs: fc.subarray(['gr_research', 'gr_team']),
      createdAt: fc.integer({ min: -10, max: -4 }).map(at),
      expiresAt: time,
      revokedAt: time,
    });
    const step = fc.oneof(
      fc.record({ create: spec }),
      fc.record({ revoke: fc.nat() }),
      fc.record({ clock: fc.integer({ min: -4, max: 4 }) }),
      fc.record({
        list: fc.record({
          accountId: fc.constantFrom('acc_ada', 'acc_grace'),
          status: fc.constantFrom('active', 'revoked', 'expired'),
          graphId: fc.constantFrom(undefined, 'gr_research', 'gr_team'),
          limit: fc.integer({ min: 1, max: 6 }),
        }),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 60 }), (steps) => {
        const { mock, state } = createMockInternals({ now: at(0), freezeClock: true });
        const key = (t: { createdAt: string; seq: number }) => [Date.parse(t.createdAt), t.seq];
        for (const s of steps) {
          if ('create' in s) {
            const c = s.create;
            mock.store.createToken({
              createdBy: c.creator,
              scopes: c.graphs.length > 0 ? ['read'] : ['manage'],
              graphIds: c.graphs.filter((g) => state.roleOf(c.creator, g) !== undefined),
              createdAt: c.createdAt,
              expiresAt: c.expiresAt,
              revokedAt: c.revokedAt,
            });
          } else if ('revoke' in s) {
            const tokens = [...state.tokens.values()];
            if (tokens.length > 0) state.revoke(tokens[s.revoke % tokens.length]!);
          } else if ('clock' in s) {
            mock.clock.set(at(s.clock));
          } else {
            const { accountId, status, graphId, limit } = s.list;
            const scan = [...state.tokens.values()]
              .filter((t) => state.isTokenVisibleTo(t, accountId))
              .filter((t) => state.statusOf(t) === status)
              .filter((t) => graphId === undefined || t.graphIds.includes(graphId))
              .sort((a, b) => compareKeys(key(b), key(a)));
            const query = { accountId, status, graphId, limit } as const;
            expect(state.listTokens(query).map((t) => t.id)).toEqual(
              scan.slice(0, limit + 1).map((t) => t.id),
            );
            for (const [i, from] of scan.entries()) {
              const page = state.listTokens({ ...query, after: key(from) }).map((t) => t.id);
              expect(page).toEqual(scan.slice(i + 1, i + 2 + limit).map((t) => t.id));
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds a token by its secret, and nothing by another', () => {
    const mock = createGraphTokenMock();
    const { token, secret } = mock.store.createToken({ scopes: ['read'], graphIds: ['gr_research'] });
    expect(mock.store.findTokenBySecret(secret)?.id).toBe(token.id);
    // Another last character (1 secret in 62 already ends in any given one, so never a fixed one).
    const other = `${secret.slice(0, -1)}${secret.endsWith('x') ? 'y' : 'x'}`;
    expect(other).not.toBe(secret);
    expect(mock.store.findTokenBySecret(other)).toBeUndefined();
  });
});
