import { expect, it } from 'vitest';
import { renderTable } from './table.ts';

it('aligns columns under a header and a rule', () => {
  expect(
    renderTable(
      ['ID', 'NAME', 'STATUS'],
      [
        ['tok_1', 'Search indexer', 'active'],
        ['tok_22', 'ci', 'revoked'],
      ],
    ),
  ).toEqual([
    'ID      NAME            STATUS',
    '──────  ──────────────  ───────',
    'tok_1   Search indexer  active',
    'tok_22  ci              revoked',
  ]);
});
