import { describe, expect, it } from 'vitest';
import { emptyMessage, listParams, tokenFilters } from './token-filters.js';

const NOW = Date.UTC(2026, 10, 30, 12);

describe('token filters', () => {
  it('asks the API for active tokens unused since 90 days ago, longest unused first', () => {
    expect(listParams('stale', NOW)).toEqual({
      status: 'active',
      lastUsedBefore: new Date(Date.UTC(2026, 8, 1, 12)),
      sort: 'lastUsedAt',
    });
  });

  it('asks the API for active tokens expiring within 7 days, soonest first', () => {
    expect(listParams('expiring', NOW)).toEqual({
      status: 'active',
      expiresBefore: new Date(Date.UTC(2026, 11, 7, 12)),
      sort: 'expiresAt',
    });
  });

  it('filters nothing for all tokens, and says so when a filter matches nothing', () => {
    expect(listParams('all', NOW)).toEqual({});
    expect(tokenFilters.map((f) => f.label)).toEqual([
      'All tokens',
      'Stale (not used for 90 days)',
      'Expiring in 7 days',
    ]);
    expect(emptyMessage('stale')).toContain('90 days');
  });
});
