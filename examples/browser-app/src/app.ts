/** The API tokens settings page: header, demo/real banner, the list, and the dialogs. */
import { type Graph, redactToken, type Token } from '@graphtoken/contract';
import type { TokenApi } from './api.js';
import { openAuditDialog } from './audit-dialog.js';
import { openCreateDialog } from './create-dialog.js';
import { h } from './dom.js';
import { describeError } from './errors.js';
import { openRevokeDialog } from './revoke-dialog.js';
import { openSecretDialog } from './secret-dialog.js';
import { emptyMessage, type TokenFilter, tokenFilters } from './token-filters.js';
import { renderTokenList } from './token-list.js';

/** Where the page's manage token comes from, shown in a banner so nobody mistakes the demo for a pattern. */
export interface ManageTokenSource {
  /** `demo`: the mock's public bootstrap token; `user`: pasted by the user, kept in memory only. */
  kind: 'demo' | 'user';
  token: string;
  baseUrl: string;
}

/** Mounts the settings page into `root` and loads the tokens. */
export async function mountApp(root: HTMLElement, api: TokenApi, source: ManageTokenSource): Promise<void> {
  let graphs: Graph[] = [];
  let filter: TokenFilter = 'all';
  const filterButtons = tokenFilters.map(({ id, label }) =>
    h(
      'button',
      {
        type: 'button',
        class: 'filter',
        'data-filter': id,
        'aria-pressed': String(id === filter),
        onclick: () => {
          filter = id;
          for (const button of filterButtons) {
            button.setAttribute('aria-pressed', String(button.dataset.filter === id));
          }
          void refresh();
        },
      },
      label,
    ),
  );
  const filterBar = h(
    'div',
    { class: 'filters', role: 'group', 'aria-label': 'Show', 'data-testid': 'token-filters' },
    filterButtons,
  );
  const flash = h('p', { class: 'flash', role: 'status', 'data-testid': 'flash' });
  const listSlot = h('div', { class: 'list-slot' }, h('p', { class: 'muted' }, 'Loading tokens…'));
  const newButton = h(
    'button',
    { type: 'button', class: 'primary', disabled: true, onclick: () => openCreate() },
    '+ New API token',
  );

  root.replaceChildren(
    h(
      'header',
      { class: 'page-header' },
      h('div', {}, h('h1', {}, 'API tokens'), h('p', { class: 'muted' }, 'Settings › Graph › API tokens')),
      newButton,
    ),
    renderBanner(source),
    h(
      'p',
      { class: 'intro' },
      'Tokens let applications, pipelines and AI assistants use your graphs through the API. ',
      'Create a separate token for each application, give it only the access it needs, and revoke it when it is no longer used.',
    ),
    flash,
    filterBar,
    listSlot,
  );

  /** The newest refresh: an older one that answers later must not overwrite it. */
  let generation = 0;

  async function refresh(): Promise<void> {
    const mine = ++generation;
    const shown = filter;
    listSlot.setAttribute('aria-busy', 'true');
    try {
      const [tokens, graphList] = await Promise.all([api.listTokens(shown), api.listGraphs()]);
      if (mine !== generation) return;
      graphs = graphList;
      newButton.disabled = false;
      render(tokens, shown);
    } catch (err) {
      if (mine !== generation) return;
      listSlot.replaceChildren(h('p', { class: 'error', role: 'alert' }, describeError(err)));
    } finally {
      if (mine === generation) listSlot.setAttribute('aria-busy', 'false');
    }
  }

  function render(tokens: readonly Token[], shown: TokenFilter): void {
    const byId = new Map(graphs.map((g) => [g.id, g]));
    listSlot.dataset.filter = shown;
    listSlot.replaceChildren(
      renderTokenList(tokens, {
        graphs: byId,
        onRevoke: confirmRevoke,
        onShowHistory: showHistory,
        emptyMessage: emptyMessage(shown),
      }),
    );
  }

  function showHistory(token: Token): void {
    openAuditDialog({ token, listAuditEvents: (id) => api.listAuditEvents(id), describeError });
  }

  function openCreate(): void {
    flash.textContent = '';
    openCreateDialog({
      graphs,
      create: (request) => api.createToken(request),
      describeError,
      onCreated(result) {
        const name = result.token.name;
        openSecretDialog(result, () => {
          flash.textContent = `Token “${name}” created.`;
        });
        void refresh();
      },
    });
  }

  function confirmRevoke(token: Token): void {
    flash.textContent = '';
    openRevokeDialog({
      token,
      revoke: (id) => api.revokeToken(id),
      describeError,
      onRevoked(revoked) {
        flash.textContent = `Token “${revoked.name}” revoked.`;
        void refresh();
      },
    });
  }

  await refresh();
}

function renderBanner(source: ManageTokenSource): HTMLElement {
  if (source.kind === 'demo') {
    return h(
      'aside',
      { class: 'banner demo', 'data-testid': 'demo-banner' },
      h('strong', {}, 'Demo mode. '),
      'Requests go to the GraphToken mock running in a service worker in this tab; nothing leaves the browser. ',
      'This page acts with the mock’s public bootstrap token (',
      h('code', {}, redactToken(source.token)),
      ', scope manage) as its manage token. A real app must never ship a manage token in client code: see the README.',
    );
  }
  return h(
    'aside',
    { class: 'banner real' },
    'Connected to ',
    h('code', {}, source.baseUrl),
    ' with your manage token ',
    h('code', {}, redactToken(source.token)),
    ' (kept in memory only; reload the page to forget it).',
  );
}
