/** How tokens and times are shown: never a secret, only the public hint. */
import type { Introspection, Token } from '@graphtoken/sdk';

/** `2025-01-01T12:34:56.000Z` → `2025-01-01 12:34 UTC`. */
export function formatTime(iso: string | null | undefined, empty = '—'): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : empty;
}

/** The status column: a rotated token still in its grace period says until when it works. */
export function formatStatus(token: Token): string {
  if (token.status === 'active' && token.revokedAt) return `active until ${formatTime(token.revokedAt)}`;
  return token.status;
}

/** The public hint of a token's secret, as a recognisable stub (`gt_…x9Qa`). */
export function formatHint(hint: string): string {
  return `gt_…${hint}`;
}

/** `label  value` lines. */
function rows(pairs: readonly (readonly [string, string])[]): string[] {
  return pairs.map(([label, value]) => `  ${label.padEnd(12)}${value}`);
}

/** A token's details, one `label  value` line each (get, create, rotate). */
export function describeToken(token: Token): string[] {
  const pairs: [string, string][] = [
    ['id', token.id],
    ['name', token.name],
    ['scopes', token.scopes.join(', ')],
    ['graphs', token.graphIds.join(', ') || '— (account-level)'],
    ['status', formatStatus(token)],
    ['created', formatTime(token.createdAt)],
    ['expires', formatTime(token.expiresAt, 'never')],
    ['last used', formatTime(token.lastUsedAt, 'never')],
    ['hint', formatHint(token.hint)],
  ];
  if (token.description) pairs.splice(2, 0, ['description', token.description]);
  if (token.rotatedFrom) pairs.push(['rotated from', token.rotatedFrom]);
  if (token.rotatedTo) pairs.push(['rotated to', token.rotatedTo]);
  return rows(pairs);
}

/** What `tokens introspect` shows: the calling token, its account and its effective grants. */
export function describeIntrospection(me: Introspection): string[] {
  const grants = me.grants.map(
    (g) => `${g.graphId} (${g.graphName}, ${g.role}): ${g.scopes.join(', ') || 'no scope'}`,
  );
  return [
    ...describeToken(me.token),
    ...rows([
      ['account', `${me.account.id} (${me.account.name})`],
      ['grants', grants.join('; ') || '— (no graph)'],
    ]),
  ];
}
