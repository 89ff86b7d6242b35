/**
 * The list's views: every token, the stale ones (active but not used for 90 days: the tokens of
 * applications no longer used, to revoke) and those expiring within 7 days (to replace before a
 * pipeline breaks). Each is one `tokens.list` query, so the API does the filtering.
 */
import type { ListTokensParams } from '@graphtoken/sdk';

/** Which tokens the list shows. */
export type TokenFilter = 'all' | 'stale' | 'expiring';

/** Days without use after which an active token counts as stale. */
export const STALE_AFTER_DAYS = 90;
/** Days ahead within which an active token counts as expiring. */
export const EXPIRING_WITHIN_DAYS = 7;

const DAY_MS = 86_400_000;

/** The filters in the order the page offers them, with their labels. */
export const tokenFilters: readonly { id: TokenFilter; label: string }[] = [
  { id: 'all', label: 'All tokens' },
  { id: 'stale', label: `Stale (not used for ${STALE_AFTER_DAYS} days)` },
  { id: 'expiring', label: `Expiring in ${EXPIRING_WITHIN_DAYS} days` },
];

/** The `tokens.list` parameters of a filter, as of `now` (ms since the epoch). */
export function listParams(filter: TokenFilter, now: number): ListTokensParams {
  switch (filter) {
    case 'all':
      return {};
    case 'stale':
      // Last used before the cut-off, or never used and created before it; longest unused first.
      return {
        status: 'active',
        lastUsedBefore: new Date(now - STALE_AFTER_DAYS * DAY_MS),
        sort: 'lastUsedAt',
      };
    case 'expiring':
      return {
        status: 'active',
        expiresBefore: new Date(now + EXPIRING_WITHIN_DAYS * DAY_MS),
        sort: 'expiresAt',
      };
  }
}

/** What the list says when a filter matches nothing. */
export function emptyMessage(filter: TokenFilter): string {
  switch (filter) {
    case 'all':
      return 'No API tokens yet. Create one for each application or pipeline.';
    case 'stale':
      return `No stale tokens: every active token was used in the last ${STALE_AFTER_DAYS} days.`;
    case 'expiring':
      return `No active token expires in the next ${EXPIRING_WITHIN_DAYS} days.`;
  }
}
