/** The token table: what each token may do, where, whether it still works, and when it was last used. */
import type { Graph, Token } from '@graphtoken/contract';
import { h } from './dom.js';
import { formatDate, formatHint } from './format.js';

/** What the list needs besides the tokens. */
export interface TokenListOptions {
  graphs: ReadonlyMap<string, Graph>;
  onRevoke(token: Token): void;
  /** Opens the token's audit events. */
  onShowHistory(token: Token): void;
  /** What to say when there are no tokens to show. */
  emptyMessage: string;
}

/** Renders the table (or an empty state) for a list of tokens. */
export function renderTokenList(tokens: readonly Token[], options: TokenListOptions): HTMLElement {
  if (tokens.length === 0) {
    return h('p', { class: 'empty', 'data-testid': 'token-list-empty' }, options.emptyMessage);
  }
  return h(
    'table',
    { class: 'tokens', 'data-testid': 'token-list' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Name', 'Scopes', 'Graphs', 'Status', 'Token', 'Created', 'Last used', 'Expires', ''].map((label) =>
          h('th', { scope: 'col' }, label),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      tokens.map((token) => renderRow(token, options)),
    ),
  );
}

function renderRow(token: Token, { graphs, onRevoke, onShowHistory }: TokenListOptions): HTMLElement {
  return h(
    'tr',
    { 'data-token-id': token.id, 'data-status': token.status },
    h(
      'td',
      { class: 'name' },
      h('strong', {}, token.name),
      token.description ? h('div', { class: 'muted' }, token.description) : null,
    ),
    h(
      'td',
      { class: 'scopes' },
      token.scopes.map((scope) => h('span', { class: `badge scope-${scope}` }, scope)),
    ),
    h('td', { class: 'graphs' }, renderGraphs(token, graphs)),
    h('td', { class: 'status' }, h('span', { class: `status status-${token.status}` }, token.status)),
    h(
      'td',
      { class: 'hint' },
      h('code', { title: 'Last four characters of the secret' }, formatHint(token.hint)),
    ),
    h('td', { class: 'created' }, formatDate(token.createdAt)),
    h('td', { class: 'last-used' }, formatDate(token.lastUsedAt, 'Never')),
    h('td', { class: 'expires' }, formatDate(token.expiresAt, 'Never')),
    h(
      'td',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'subtle',
          'aria-label': `History of ${token.name}`,
          onclick: () => onShowHistory(token),
        },
        'History',
      ),
      token.status === 'active'
        ? h(
            'button',
            {
              type: 'button',
              class: 'danger subtle',
              'aria-label': `Revoke ${token.name}`,
              onclick: () => onRevoke(token),
            },
            'Revoke',
          )
        : null,
    ),
  );
}

function renderGraphs(token: Token, graphs: ReadonlyMap<string, Graph>): (HTMLElement | string)[] {
  if (token.graphIds.length === 0) {
    return [token.scopes.includes('manage') ? h('span', { class: 'muted' }, 'Account (manage)') : '—'];
  }
  return token.graphIds.map((id) => {
    const graph = graphs.get(id);
    return h(
      'div',
      {},
      graph?.name ?? id,
      graph?.encrypted
        ? h('span', { class: 'badge encrypted', title: 'Encrypted graph' }, 'encrypted')
        : null,
    );
  });
}
