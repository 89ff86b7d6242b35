/** How tokens and times are shown: never a secret, only the public hint. */
import type { Token } from '@graphtoken/sdk';

/** `2025-01-01T12:34:56.000Z` → `2025-01-01 12:34 UTC`. */
export function formatTime(iso: string | null | undefined, empty = '—'): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : empty;
}

/** The status column: a rotated token still in its grace period says until when it works. */
export function formatStatus(token: Token): string {
  if (token.status === 'active' && token.revokedAt) return `active until ${formatTime(token.revokedAt)}`;
  return token.status;
}

/** The public hint of a token's secret, as a recognisable stub. */
export function formatHint(token: Token): string {
  return `gt_…${token.hint}`;
}

/** A token's details, one `label  value` line each (for create and rotate). */
export function describeToken(token: Token): string[] {
  const rows: [string, string][] = [
    ['id', token.id],
    ['name', token.name],
    ['scopes', token.scopes.join(', ')],
    ['graphs', token.graphIds.join(', ') || '— (account-level)'],
    ['expires', formatTime(token.expiresAt, 'never')],
    ['hint', formatHint(token)],
  ];
  if (token.description) rows.splice(2, 0, ['description', token.description]);
  return rows.map(([label, value]) => `  ${label.padEnd(12)}${value}`);
}
