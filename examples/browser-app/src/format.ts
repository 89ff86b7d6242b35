/** Display helpers for token metadata. */

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** A timestamp for a table cell, or the given fallback when there is none (`lastUsedAt: null` → "Never"). */
export function formatDate(iso: string | null, fallback = '—'): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? fallback : `${dateFormat.format(date)} UTC`;
}

/** How the hint appears in the list: the token prefix and its last four characters, like `gt_…a1B2`. */
export function formatHint(hint: string): string {
  return `gt_…${hint}`;
}
