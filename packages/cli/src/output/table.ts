/** A plain-text table: a header row, a rule, and left-aligned columns. */

/**
 * Renders rows as aligned columns.
 *
 * @example
 * renderTable(['ID', 'NAME'], [['tok_1', 'ci']]) // ['ID     NAME', '─────  ────', 'tok_1  ci']
 */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)];
}
