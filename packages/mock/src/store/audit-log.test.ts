import { describe, expect, it } from 'vitest';
import { AuditLog } from './audit-log.js';
import type { TokenRecord } from './records.js';

const token = (id: string, expiresAt: string | null, extra: Partial<TokenRecord> = {}): TokenRecord => ({
  id,
  seq: 1,
  name: id,
  description: null,
  scopes: ['read'],
  graphIds: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'acc_ada',
  expiresAt,
  lastUsedAt: null,
  revokedAt: null,
  rotatedFrom: null,
  rotatedTo: null,
  hint: 'abcd',
  secretHash: 'sha256:x',
  ...extra,
});

describe('AuditLog.takeDue', () => {
  it('returns what the clock caused in time order, each once, whatever order it was scheduled in', () => {
    const log = new AuditLog();
    const days = [5, 1, 9, 3, 2, 8, 4, 7, 6];
    for (const d of days)
      log.schedule(token(`tok_${d}`, `2026-01-${String(d + 1).padStart(2, '0')}T00:00:00Z`));
    // A rotated token whose grace period ends between day 3 and 4.
    log.schedule(token('tok_grace', null, { rotatedTo: 'tok_next', revokedAt: '2026-01-04T12:00:00Z' }));
    const early = log.takeDue(Date.parse('2026-01-05T00:00:00Z'));
    expect(early.map((d) => d.token.id)).toEqual(['tok_1', 'tok_2', 'tok_3', 'tok_grace', 'tok_4']);
    expect(log.takeDue(Date.parse('2026-01-05T00:00:00Z'))).toEqual([]);
    const rest = log.takeDue(Date.parse('2027-01-01T00:00:00Z'));
    expect(rest.map((d) => d.token.id)).toEqual(['tok_5', 'tok_6', 'tok_7', 'tok_8', 'tok_9']);
    // Scheduling a token again after its expiry was taken adds nothing.
    log.add({
      id: 'evt_1',
      seq: 1,
      type: 'token.expired',
      occurredAt: '2026-01-02T00:00:00.000Z',
      tokenId: 'tok_1',
      actor: 'system',
      reason: null,
      successorId: null,
    });
    log.schedule(token('tok_1', '2026-01-02T00:00:00Z'));
    expect(log.takeDue(Date.parse('2028-01-01T00:00:00Z'))).toEqual([]);
  });
});
